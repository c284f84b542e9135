import type { CommandOf } from '../commands';
import { MAX_NOTES_PER_MOVE } from '../limits';
import { applyDocChangesToBoard } from './boardState';
import type { Changes, DocChange } from './changes';
import { type DomainError, isDomainError } from './errors';
import { REFUSALS, refuse } from './refusals';
import { createTheme, isThemeOnRecord, moveNotes, notesInContainer } from './groupCommands';
import type { BoardState, DomainState } from './state';

/** Said when an undo meets a board someone changed since: nothing is changed. */
export const UNDO_NO_LONGER_APPLIES = REFUSALS.undoNoLongerApplies;

/** Runs one grouping step against the board as the earlier steps left it. */
function step(board: BoardState, changes: Changes | DomainError, doc: DocChange[]): BoardState | DomainError {
  if (isDomainError(changes)) return changes;
  doc.push(...changes.doc);
  return applyDocChangesToBoard(board, changes.doc);
}

/**
 * Puts notes and themes back as they were before a grouping action, in one set of changes, or
 * refuses with {@link UNDO_NO_LONGER_APPLIES} when a note is no longer where the action put it,
 * the theme to recreate exists again, or the theme to remove holds other notes or is on record.
 * A neighbour that moved meanwhile only loses the exact position: notes then go to the end.
 */
export function restoreGrouping(state: DomainState, command: CommandOf<'restoreGrouping'>): Changes | DomainError {
  const stale = refuse('conflict', 'undoNoLongerApplies');
  const expected = new Map(command.expected.map((place) => [place.noteId, place.themeId]));
  for (const [noteId, themeId] of expected) {
    if (state.board.notes.get(noteId)?.themeId !== themeId) return stale;
  }
  const moved = command.moves.flatMap((move) => move.noteIds);
  if (moved.length > MAX_NOTES_PER_MOVE) {
    return refuse('limit_reached', 'undoTooManyNotes', { max: MAX_NOTES_PER_MOVE });
  }
  // Only notes whose place was checked may move: an undo cannot be used to move anything else.
  if (moved.some((noteId) => !expected.has(noteId))) return refuse('invalid_command', 'undoUnexpectedNotes');
  if (command.theme === null && command.moves.length === 0 && command.removeThemeId === null) {
    return refuse('invalid_command', 'nothingToUndo');
  }
  const doc: DocChange[] = [];
  let board: BoardState | DomainError = state.board;
  if (command.theme !== null) {
    const { themeId, promptId, name, beforeThemeId } = command.theme;
    if (board.themes.has(themeId)) return stale;
    const before = beforeThemeId !== null && board.themes.get(beforeThemeId)?.promptId === promptId ? beforeThemeId : null;
    const created = createTheme(
      { ...state, board },
      { type: 'createTheme', themeId, promptId, name, noteIds: [], beforeThemeId: before },
    );
    board = step(board, created, doc);
    if (isDomainError(board)) return board;
  }
  for (const move of command.moves) {
    const current: BoardState = board;
    const neighbour = move.beforeNoteId === null ? undefined : current.notes.get(move.beforeNoteId);
    const isNeighbourThere =
      neighbour !== undefined && neighbour.themeId === move.themeId && !move.noteIds.includes(neighbour.id);
    const placed = moveNotes(
      { ...state, board: current },
      { type: 'moveNotes', noteIds: move.noteIds, themeId: move.themeId, beforeNoteId: isNeighbourThere ? neighbour.id : null },
    );
    board = step(current, placed, doc);
    if (isDomainError(board)) return board;
  }
  if (command.removeThemeId !== null) {
    const theme = board.themes.get(command.removeThemeId);
    if (!theme || notesInContainer(board, theme.promptId, theme.id).length > 0 || isThemeOnRecord(board, theme.id)) {
      return stale;
    }
    doc.push({ type: 'deleteTheme', id: theme.id });
  }
  return { doc, private: [] };
}
