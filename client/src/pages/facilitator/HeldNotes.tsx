import { RELEASE_BATCH_MIN_NOTES_BY_OTHERS, RELEASE_BATCH_MIN_OTHER_AUTHORS } from '../../../../shared/limits';
import type { Prompt } from '../../../../shared/records/Prompt';
import { countNotes } from '../../copy';
import { releaseWithCare } from './revealWithCare';
import type { useConfirm } from './useConfirm';

/** Notes written after the reveal wait here until a batch is big enough to name nobody. */
export function HeldNotes({ prompt, confirm }: { readonly prompt: Prompt; readonly confirm: ReturnType<typeof useConfirm> }) {
  return (
    <div className="held">
      <p>
        {countNotes(prompt.pendingCount)} waiting — released automatically once everyone who wrote would see at least{' '}
        {RELEASE_BATCH_MIN_NOTES_BY_OTHERS} notes by {RELEASE_BATCH_MIN_OTHER_AUTHORS} or more other people.
      </p>
      <button type="button" className="button button--small" onClick={() => void releaseWithCare(prompt.id, confirm.ask)}>
        Release now
      </button>
    </div>
  );
}
