import type { DomainError } from '../../../shared/domain/errors';
import type { Draft } from '../../../shared/records/Draft';
import { quoted } from '../copy';
import { translate } from '../i18n/i18n';
import { announce } from '../store/toastStore';
import { submitAcknowledged } from './commands';
import { pushUndo, takeUndo, type UndoEntry } from './undoStack';

/**
 * Actions that can be undone (grouping actions: facilitationCommands.ts, kept out of the
 * participant's first download). The undo is built from the board the action meets (as this
 * browser knows it) and offered once the server acknowledges the action; undoing sends it as an
 * ordinary command, which the server refuses, changing nothing, when someone changed the items since.
 */

/**
 * Deletes one of my unrevealed notes and offers to bring it back: the same note (id, text, tag,
 * name) posted again by me. Its text stays in this page's memory only, never on the server.
 */
export function deleteNote(draft: Omit<Draft, 'authorId'>, excerpt: string): DomainError | null {
  const { id: draftId, promptId, text, tag, authorName } = draft;
  // Routine: said to screen readers only; the page shows "Note deleted. Undo" under the prompt.
  return submitAcknowledged(
    { type: 'deleteDraft', draftId },
    translate('notes.deleted'),
    () =>
      pushUndo({
        kind: 'note',
        label: translate('notes.deletingLabel', { note: quoted(excerpt) }),
        command: { type: 'postDraft', draftId, promptId, text, tag, ...(authorName ? { authorName } : {}) },
        promptId,
      }),
    true,
  );
}

/** Undoes one entry, or the newest of a kind; says so when there is nothing to undo. */
export function undo(select: { id: number } | { kind: UndoEntry['kind'] }): void {
  const entry = takeUndo(select);
  if (!entry) {
    announce(translate('common.nothingToUndo'));
    return;
  }
  submitAcknowledged(entry.command, translate('common.undone', { action: entry.label }));
}
