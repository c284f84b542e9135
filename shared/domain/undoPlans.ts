import type { Command, CommandOf } from '../commands';
import { MAX_NOTES_PER_MOVE } from '../limits';
import type { Note } from '../records/Note';
import { notesInContainer, themesOfPrompt } from './groupCommands';
import type { BoardState } from './state';

/** The command that undoes a grouping action. */
export type RestoreGrouping = CommandOf<'restoreGrouping'>;

/** The command that undoes a note delete. */
export type RestoreNotes = CommandOf<'restoreNotes'>;

/** The grouping actions that can be undone (a note delete among them). */
export type UndoableGrouping = CommandOf<'moveNotes' | 'createTheme' | 'deleteTheme' | 'mergeThemes' | 'deleteNotes'>;

const UNDOABLE_GROUPING: ReadonlySet<Command['type']> = new Set([
  'moveNotes',
  'createTheme',
  'deleteTheme',
  'mergeThemes',
  'deleteNotes',
]);

/** True for the grouping actions {@link undoOfGrouping} can undo. */
export function isUndoableGrouping(command: Command): command is UndoableGrouping {
  return UNDOABLE_GROUPING.has(command.type);
}

/**
 * The moves that put `noteIds` back where they are on `board`: per container, each run of them
 * goes before the first note that follows it there and does not move (or at the end).
 */
function movesBack(board: BoardState, noteIds: readonly string[]): RestoreGrouping['moves'] | null {
  const moving = new Set(noteIds);
  const notes = noteIds.map((noteId) => board.notes.get(noteId));
  if (notes.some((note) => note === undefined)) return null;
  const containers = new Map<string, Note>();
  for (const note of notes as Note[]) containers.set(`${note.promptId}/${note.themeId ?? ''}`, note);
  const moves: RestoreGrouping['moves'] = [];
  for (const { promptId, themeId } of containers.values()) {
    let run: string[] = [];
    for (const note of notesInContainer(board, promptId, themeId)) {
      if (moving.has(note.id)) run.push(note.id);
      else if (run.length > 0) {
        moves.push({ noteIds: run, themeId, beforeNoteId: note.id });
        run = [];
      }
    }
    if (run.length > 0) moves.push({ noteIds: run, themeId, beforeNoteId: null });
  }
  return moves;
}

/** A deleted or merged theme, recreated where it stood with its notes in their order. */
function restoreTheme(board: BoardState, themeId: string, notesNowIn: string | null): RestoreGrouping | null {
  const theme = board.themes.get(themeId);
  if (!theme) return null;
  const themes = themesOfPrompt(board, theme.promptId);
  const next = themes[themes.findIndex((t) => t.id === themeId) + 1];
  const noteIds = notesInContainer(board, theme.promptId, themeId).map((n) => n.id);
  if (noteIds.length > MAX_NOTES_PER_MOVE) return null;
  return {
    type: 'restoreGrouping',
    expected: noteIds.map((noteId) => ({ noteId, themeId: notesNowIn })),
    theme: { themeId, promptId: theme.promptId, name: theme.name, beforeThemeId: next?.id ?? null },
    moves: noteIds.length > 0 ? [{ noteIds, themeId, beforeNoteId: null }] : [],
    removeThemeId: null,
  };
}

/**
 * The undo of a grouping action, computed from the board it is about to change (the state the
 * action meets), or null when it cannot be undone (unknown ids, more notes than one undo carries).
 * The client keeps it until the action is acknowledged, then offers it.
 */
export function undoOfGrouping(board: BoardState, command: UndoableGrouping): RestoreGrouping | RestoreNotes | null {
  switch (command.type) {
    case 'moveNotes': {
      const moves = movesBack(board, command.noteIds);
      if (!moves) return null;
      const expected = command.noteIds.map((noteId) => ({ noteId, themeId: command.themeId }));
      return { type: 'restoreGrouping', expected, theme: null, moves, removeThemeId: null };
    }
    case 'createTheme': {
      const moves = movesBack(board, command.noteIds);
      if (!moves) return null;
      const expected = command.noteIds.map((noteId) => ({ noteId, themeId: command.themeId }));
      return { type: 'restoreGrouping', expected, theme: null, moves, removeThemeId: command.themeId };
    }
    case 'deleteTheme':
      return restoreTheme(board, command.themeId, null);
    case 'mergeThemes':
      return restoreTheme(board, command.sourceThemeId, command.targetThemeId);
    case 'deleteNotes':
      return undoOfDeleteNotes(board, command.noteIds);
  }
}

/**
 * The undo of a note delete: each note as it is now (text, tag, name, theme, order key), without
 * its reaction counts, which the server recounts. Null when a note is unknown.
 */
export function undoOfDeleteNotes(board: BoardState, noteIds: readonly string[]): RestoreNotes | null {
  const notes: RestoreNotes['notes'] = [];
  for (const noteId of noteIds) {
    const note = board.notes.get(noteId);
    if (!note) return null;
    const { id, promptId, text, tag, themeId, order, author } = note;
    notes.push({ id, promptId, text, tag, themeId, order, author });
  }
  return notes.length > 0 && notes.length <= MAX_NOTES_PER_MOVE ? { type: 'restoreNotes', notes } : null;
}
