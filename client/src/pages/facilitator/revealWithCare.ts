import type { ConfirmRequest } from '../../components/ConfirmDialog';
import { translate as t } from '../../i18n/i18n';
import { releaseHeld, revealPrompt } from '../../sync/commands';

type Ask = (request: ConfirmRequest) => void;

/**
 * Reveals a prompt (or all, for null). Only the server knows who wrote what, so only it can tell
 * when so few people wrote that the notes would give their writers away: it refuses with
 * `too_few_people` and a sentence saying why, which the facilitator weighs before going ahead.
 */
export async function revealWithCare(promptId: string | null, ask: Ask): Promise<void> {
  const result = await revealPrompt(promptId);
  if (result.ok || result.error !== 'too_few_people') return;
  ask({
    title: t(promptId === null ? 'facilitator.reveal.allAnywayTitle' : 'facilitator.reveal.anywayTitle'),
    message: t('facilitator.reveal.anywayMessage', { reason: result.message }),
    confirmLabel: t('facilitator.reveal.anyway'),
    cancelLabel: t('facilitator.reveal.wait'),
    onConfirm: () => void revealPrompt(promptId, true),
  });
}

/** Releases a prompt's held notes now; when that could show who wrote them, asks first (as {@link revealWithCare}). */
export async function releaseWithCare(promptId: string, ask: Ask): Promise<void> {
  const result = await releaseHeld(promptId);
  if (result.ok || result.error !== 'too_few_people') return;
  ask({
    title: t('facilitator.held.showNowTitle'),
    message: t('facilitator.held.showNowMessage', { reason: result.message }),
    confirmLabel: t('facilitator.held.showNow'),
    cancelLabel: t('facilitator.reveal.wait'),
    onConfirm: () => void releaseHeld(promptId, true),
  });
}
