import { RELEASE_BATCH_MIN_NOTES_BY_OTHERS, RELEASE_BATCH_MIN_OTHER_AUTHORS } from '../../../../shared/limits';
import type { Prompt } from '../../../../shared/records/Prompt';
import { useT } from '../../i18n/i18n';
import { releaseWithCare } from './revealWithCare';
import type { useConfirm } from './useConfirm';

/** Notes written after the reveal wait here until a batch is big enough to name nobody. */
export function HeldNotes({ prompt, confirm }: { readonly prompt: Prompt; readonly confirm: ReturnType<typeof useConfirm> }) {
  const t = useT();
  return (
    <div className="held">
      <p>
        {t('facilitator.held.waiting', {
          count: prompt.pendingCount,
          minNotes: RELEASE_BATCH_MIN_NOTES_BY_OTHERS,
          minAuthors: RELEASE_BATCH_MIN_OTHER_AUTHORS,
        })}
      </p>
      <button type="button" className="button button--small" onClick={() => void releaseWithCare(prompt.id, confirm.ask)}>
        {t('facilitator.held.releaseNow')}
      </button>
    </div>
  );
}
