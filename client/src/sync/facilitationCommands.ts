import type { DomainError } from '../../../shared/domain/errors';
import { type UndoableGrouping, undoOfGrouping } from '../../../shared/domain/undoPlans';
import { randomId } from '../../../shared/random';
import { useBoardStore } from '../store/boardStore';
import { currentSession } from './boardSession';
import { submit, submitAcknowledged, submitAndWait } from './commands';
import { pushUndo } from './undoStack';

/**
 * The facilitator's live tools: themes, note moves, the countdown and the drag preview. Each
 * returns the local refusal (already announced) or null once the command is on its way.
 */

/**
 * Sends a grouping action (a move, a new theme, a merge, a theme delete, a note delete); `label` says what it
 * was ("deleting theme ‘Time’"), `success` is said once it is acknowledged (null: say nothing);
 * `isRoutine`: said to screen readers only (the board shows a move), else shown as a toast too.
 */
function submitUndoable(command: UndoableGrouping, label: string, success: string | null, isRoutine = true): DomainError | null {
  const board = useBoardStore.getState().board;
  const undo = board ? undoOfGrouping(board, command) : null;
  return submitAcknowledged(
    command,
    success,
    () => {
      if (undo) pushUndo({ kind: 'grouping', label, command: undo, promptId: null });
    },
    isRoutine,
  );
}

/**
 * How a grouping action is spoken of: `label` names it for its undo ("deleting theme ‘Time’"),
 * `success` is said once the server has acknowledged it (null: nothing, a drag says it itself).
 */
export interface Said {
  readonly label: string;
  readonly success: string | null;
}

export const createTheme = (promptId: string, name: string, noteIds: readonly string[], said: Said) =>
  submitUndoable(
    { type: 'createTheme', themeId: randomId(), promptId, name, noteIds: [...noteIds], beforeThemeId: null },
    said.label,
    said.success,
  );
export const renameTheme = (themeId: string, name: string) => submit({ type: 'renameTheme', themeId, name });
export const deleteTheme = (themeId: string, said: Said) =>
  submitUndoable({ type: 'deleteTheme', themeId }, said.label, said.success);
/** Moves notes (in that order) into a theme, or to the ungrouped notes with null; before a note or at the end. */
export const moveNotes = (
  noteIds: readonly string[],
  themeId: string | null,
  beforeNoteId: string | null,
  said: Said,
): DomainError | null =>
  submitUndoable({ type: 'moveNotes', noteIds: [...noteIds], themeId, beforeNoteId }, said.label, said.success);
/**
 * Deletes revealed notes for everyone; undone like a grouping action. Its success shows as a
 * toast that says how to undo it: a note vanishing is not something the board shows by itself.
 */
export const deleteNotes = (noteIds: readonly string[], said: Said) =>
  submitUndoable({ type: 'deleteNotes', noteIds: [...noteIds] }, said.label, said.success, false);
export const mergeThemes = (sourceThemeId: string, targetThemeId: string, said: Said) =>
  submitUndoable({ type: 'mergeThemes', sourceThemeId, targetThemeId }, said.label, said.success);
export const moveTheme = (themeId: string, beforeThemeId: string | null) => submit({ type: 'moveTheme', themeId, beforeThemeId });

/** Removes a seat picked from the people connected (a handle from the `seats` message); resolves with the server's answer. */
export const removeSeat = (seatId: string) => submitAndWait({ type: 'removeSeat', seatId });

export const startTimer = (durationMs: number) => submit({ type: 'startTimer', durationMs });
export const addTime = (ms: number) => submit({ type: 'addTime', ms });
export const stopTimer = () => submit({ type: 'stopTimer' });

/** Shows (or, with null, ends) my drag to everyone watching. Throttle before calling. */
export function publishDragPreview(preview: { noteIds: readonly string[]; x: number; y: number } | null): void {
  currentSession()?.presence.setDragPreview(preview);
}
