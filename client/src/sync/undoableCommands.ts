import type { DomainError } from '../../../shared/domain/errors';
import { type UndoableGrouping, undoOfGrouping } from '../../../shared/domain/undoPlans';
import type { Draft } from '../../../shared/records/Draft';
import { useBoardStore } from '../store/boardStore';
import { announce } from '../store/toastStore';
import { submitAcknowledged } from './commands';
import { pushUndo, takeUndo, type UndoEntry } from './undoStack';

/**
 * Actions that can be undone. The undo is built from the board the action meets (as this browser
 * knows it) and offered once the server acknowledges the action; undoing sends it as an ordinary
 * command, which the server refuses, changing nothing, when someone changed the items since.
 */

/**
 * Sends a grouping action (a move, a new theme, a merge, a theme delete); `label` says what it
 * was ("deleting theme ‘Time’"), `success` is said once it is acknowledged (null: say nothing).
 */
export function submitUndoable(command: UndoableGrouping, label: string, success: string | null): DomainError | null {
  const board = useBoardStore.getState().board;
  const undo = board ? undoOfGrouping(board, command) : null;
  return submitAcknowledged(command, success, () => {
    if (undo) pushUndo({ kind: 'grouping', label, command: undo, promptId: null });
  });
}

/**
 * Deletes one of my unrevealed notes and offers to bring it back: the same note (id, text, tag,
 * name) posted again by me. Its text stays in this page's memory only, never on the server.
 */
export function deleteNote(draft: Omit<Draft, 'authorId'>, excerpt: string): DomainError | null {
  const { id: draftId, promptId, text, tag, authorName } = draft;
  return submitAcknowledged({ type: 'deleteDraft', draftId }, 'Note deleted.', () =>
    pushUndo({
      kind: 'note',
      label: `deleting note ‘${excerpt}’`,
      command: { type: 'postDraft', draftId, promptId, text, tag, ...(authorName ? { authorName } : {}) },
      promptId,
    }),
  );
}

/** Undoes one entry, or the newest of a kind; says so when there is nothing to undo. */
export function undo(select: { id: number } | { kind: UndoEntry['kind'] }): void {
  const entry = takeUndo(select);
  if (!entry) {
    announce('There is nothing to undo.');
    return;
  }
  submitAcknowledged(entry.command, `Undone: ${entry.label}.`);
}
