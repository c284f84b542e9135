import type { CommandOf } from '../commands';
import { compareByOrder, placeKeys } from '../fractionalIndex';
import { MAX_THEMES_PER_PROMPT } from '../limits';
import type { Note } from '../records/Note';
import type { Changes, DocChange } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import type { BoardState, DomainState } from './state';

/** The themes of one prompt, in order. */
export function themesOfPrompt(board: BoardState, promptId: string) {
  return [...board.themes.values()].filter((t) => t.promptId === promptId).sort(compareByOrder);
}

/** The notes in one container (a theme, or a prompt's ungrouped notes when `themeId` is null), in order. */
export function notesInContainer(board: BoardState, promptId: string, themeId: string | null): Note[] {
  return [...board.notes.values()].filter((n) => n.promptId === promptId && n.themeId === themeId).sort(compareByOrder);
}

/**
 * Changes that place `noteIds` (in that order) into a container, just before `beforeNoteId` or at
 * its end. Order keys are computed here, on the server, against the current state, so two
 * facilitators moving at once are simply applied one after the other.
 */
function placeNotes(
  board: BoardState,
  promptId: string,
  noteIds: readonly string[],
  themeId: string | null,
  beforeNoteId: string | null,
): DocChange[] | DomainError {
  const moving = new Set(noteIds);
  const staying = notesInContainer(board, promptId, themeId).filter((n) => !moving.has(n.id));
  let index = staying.length;
  if (beforeNoteId !== null) {
    index = staying.findIndex((n) => n.id === beforeNoteId);
    if (index < 0) return refuse('not_found', 'beforeNoteNotThere');
  }
  const placement = placeKeys(staying, index, noteIds.length);
  const respaced: DocChange[] = placement.respaced.map(({ id, order }) => ({ type: 'patchNote', id, fields: { order } }));
  return [
    ...respaced,
    ...noteIds.map(
      (noteId, i): DocChange => ({ type: 'patchNote', id: noteId, fields: { themeId, order: placement.keys[i] as string } }),
    ),
  ];
}

/** The prompt of the listed notes, or why they cannot be moved together. */
function checkNotes(board: BoardState, noteIds: readonly string[]): string | DomainError {
  // parseCommand refuses an empty list, but the domain also runs on unparsed optimistic commands.
  if (noteIds.length === 0) return refuse('invalid_command', 'noNoteGiven');
  if (new Set(noteIds).size !== noteIds.length) return refuse('invalid_command', 'noteListedTwice');
  let promptId: string | null = null;
  for (const noteId of noteIds) {
    const note = board.notes.get(noteId);
    if (!note) return refuse('not_found', 'noteNotFound');
    if (promptId !== null && note.promptId !== promptId) return refuse('conflict', 'notesOfDifferentPrompts');
    promptId = note.promptId;
  }
  return promptId as string;
}

/** Creates a theme in a prompt, optionally gathering notes into it at once (a note dropped on a note). */
export function createTheme(state: DomainState, command: CommandOf<'createTheme'>): Changes | DomainError {
  const { board } = state;
  if (!board.prompts.has(command.promptId)) return refuse('not_found', 'promptNotFound');
  if (board.themes.has(command.themeId)) return refuse('conflict', 'themeIdTaken');
  const themes = themesOfPrompt(board, command.promptId);
  if (themes.length >= MAX_THEMES_PER_PROMPT) return refuse('limit_reached', 'tooManyThemes', { max: MAX_THEMES_PER_PROMPT });
  if (command.noteIds.length > 0) {
    const promptId = checkNotes(board, command.noteIds);
    if (typeof promptId !== 'string') return promptId;
    if (promptId !== command.promptId) return refuse('conflict', 'notesOfAnotherPrompt');
  }
  const placed = placeTheme(themes, command.beforeThemeId, null);
  if ('error' in placed) return placed;
  const theme = { id: command.themeId, promptId: command.promptId, name: command.name, order: placed.order };
  const doc: DocChange[] = [...placed.respaced, { type: 'putTheme', theme }];
  if (command.noteIds.length > 0) {
    const withTheme: BoardState = { ...board, themes: new Map(board.themes).set(theme.id, theme) };
    const placed = placeNotes(withTheme, command.promptId, command.noteIds, command.themeId, null);
    if (!Array.isArray(placed)) return placed;
    doc.push(...placed);
  }
  return { doc, private: [] };
}

/** Where a theme placed before `beforeThemeId` (or last) goes, and any themes re-keyed to make room. */
function placeTheme(
  themes: readonly { id: string; order: string }[],
  beforeThemeId: string | null,
  movingId: string | null,
): { order: string; respaced: DocChange[] } | DomainError {
  const others = themes.filter((t) => t.id !== movingId);
  const index = beforeThemeId === null ? others.length : others.findIndex((t) => t.id === beforeThemeId);
  if (index < 0) return refuse('not_found', 'beforeThemeNotInPrompt');
  const placement = placeKeys(others, index, 1);
  return {
    order: placement.keys[0] as string,
    respaced: placement.respaced.map(({ id, order }) => ({ type: 'patchTheme', id, fields: { order } })),
  };
}

/** Renames a theme. */
export function renameTheme(state: DomainState, command: CommandOf<'renameTheme'>): Changes | DomainError {
  if (!state.board.themes.has(command.themeId)) return refuse('not_found', 'themeNotFound');
  return { doc: [{ type: 'patchTheme', id: command.themeId, fields: { name: command.name } }], private: [] };
}

/**
 * True when a consensus round, an agreement or a run-off vote names the theme. Such a theme is
 * never deleted, so that no record points at nothing (a JSON export stays importable).
 */
export function isThemeOnRecord(board: BoardState, themeId: string): boolean {
  return (
    [...board.proposals.values()].some((p) => p.themeId === themeId) ||
    [...board.agreements.values()].some((a) => a.themeId === themeId) ||
    [...board.voteRounds.values()].some((r) => r.itemIds?.includes(themeId) === true)
  );
}

/** Deletes a theme; its notes go back to the prompt's ungrouped notes, at the end. */
export function deleteTheme(state: DomainState, command: CommandOf<'deleteTheme'>): Changes | DomainError {
  const theme = state.board.themes.get(command.themeId);
  if (!theme) return refuse('not_found', 'themeNotFound');
  if (isThemeOnRecord(state.board, theme.id)) return refuse('conflict', 'themeOnRecord');
  const notes = notesInContainer(state.board, theme.promptId, theme.id).map((n) => n.id);
  const placed = placeNotes(state.board, theme.promptId, notes, null, null);
  if (!Array.isArray(placed)) return placed;
  return { doc: [...placed, { type: 'deleteTheme', id: theme.id }], private: [] };
}

/** Moves one or more notes into a theme, out to the ungrouped notes, or within a container. */
export function moveNotes(state: DomainState, command: CommandOf<'moveNotes'>): Changes | DomainError {
  const { board } = state;
  const promptId = checkNotes(board, command.noteIds);
  if (typeof promptId !== 'string') return promptId;
  if (command.themeId !== null) {
    const theme = board.themes.get(command.themeId);
    if (!theme) return refuse('not_found', 'themeNotFound');
    if (theme.promptId !== promptId) return refuse('conflict', 'themeOfOwnPromptOnly');
  }
  if (command.beforeNoteId !== null && command.noteIds.includes(command.beforeNoteId)) {
    return refuse('invalid_command', 'noteBeforeItself');
  }
  const placed = placeNotes(board, promptId, command.noteIds, command.themeId, command.beforeNoteId);
  if (!Array.isArray(placed)) return placed;
  return { doc: placed, private: [] };
}

/** Merges one theme into another (theme dropped onto theme): notes move to the end of the target. */
export function mergeThemes(state: DomainState, command: CommandOf<'mergeThemes'>): Changes | DomainError {
  const source = state.board.themes.get(command.sourceThemeId);
  const target = state.board.themes.get(command.targetThemeId);
  if (!source || !target) return refuse('not_found', 'themeNotFound');
  if (source.id === target.id) return refuse('invalid_command', 'themeMergedWithItself');
  if (source.promptId !== target.promptId) return refuse('conflict', 'mergeAcrossPrompts');
  if (isThemeOnRecord(state.board, source.id)) return refuse('conflict', 'themeOnRecord');
  const notes = notesInContainer(state.board, source.promptId, source.id).map((n) => n.id);
  const placed = placeNotes(state.board, source.promptId, notes, target.id, null);
  if (!Array.isArray(placed)) return placed;
  return { doc: [...placed, { type: 'deleteTheme', id: source.id }], private: [] };
}

/** Moves a theme before another theme of its prompt (or to the end). */
export function moveTheme(state: DomainState, command: CommandOf<'moveTheme'>): Changes | DomainError {
  const theme = state.board.themes.get(command.themeId);
  if (!theme) return refuse('not_found', 'themeNotFound');
  if (command.beforeThemeId === theme.id) return refuse('invalid_command', 'themeBeforeItself');
  const placed = placeTheme(themesOfPrompt(state.board, theme.promptId), command.beforeThemeId, theme.id);
  if ('error' in placed) return placed;
  return { doc: [...placed.respaced, { type: 'patchTheme', id: theme.id, fields: { order: placed.order } }], private: [] };
}
