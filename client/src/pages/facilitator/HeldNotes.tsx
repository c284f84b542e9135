import { RELEASE_BATCH_MIN_AUTHORS, RELEASE_BATCH_MIN_NOTES } from '../../../../shared/limits';
import type { Prompt } from '../../../../shared/records/Prompt';
import { countNotes, countPeople, quoted } from '../../copy';
import { releaseHeld } from '../../sync/commands';
import type { useConfirm } from './useConfirm';

/** Notes written after the reveal wait here until a batch is big enough to name nobody. */
export function HeldNotes({ prompt, confirm }: { readonly prompt: Prompt; readonly confirm: ReturnType<typeof useConfirm> }) {
  const count = prompt.pendingCount;
  const release = () => {
    if (count >= RELEASE_BATCH_MIN_NOTES) {
      releaseHeld(prompt.id);
      return;
    }
    confirm.ask({
      title: 'Show these notes now?',
      message: `Only ${countNotes(count)} ${count === 1 ? 'is' : 'are'} waiting for ${quoted(prompt.text)}. Showing ${count === 1 ? 'it' : 'them'} now may reveal who wrote ${count === 1 ? 'it' : 'them'}.`,
      confirmLabel: 'Show now',
      onConfirm: () => releaseHeld(prompt.id),
    });
  };
  return (
    <div className="held">
      <p>
        {countNotes(count)} waiting — released automatically when {countNotes(RELEASE_BATCH_MIN_NOTES)} from{' '}
        {countPeople(RELEASE_BATCH_MIN_AUTHORS)} are waiting.
      </p>
      <button type="button" className="button button--small" onClick={release}>
        Release now
      </button>
    </div>
  );
}
