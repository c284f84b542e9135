import type { ConfirmRequest } from '../../components/ConfirmDialog';
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
    title: promptId === null ? 'Reveal all anyway?' : 'Reveal anyway?',
    message: `${result.message} You can wait for more people to write: nothing is shown until you reveal.`,
    confirmLabel: 'Reveal anyway',
    cancelLabel: 'Wait for more people',
    onConfirm: () => void revealPrompt(promptId, true),
  });
}

/** Releases a prompt's held notes now; when that could show who wrote them, asks first (as {@link revealWithCare}). */
export async function releaseWithCare(promptId: string, ask: Ask): Promise<void> {
  const result = await releaseHeld(promptId);
  if (result.ok || result.error !== 'too_few_people') return;
  ask({
    title: 'Show these notes now?',
    message: `${result.message} They come out on their own once enough people have written.`,
    confirmLabel: 'Show now',
    cancelLabel: 'Wait for more people',
    onConfirm: () => void releaseHeld(promptId, true),
  });
}
