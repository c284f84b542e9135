import type { Note } from '../records/Note';
import type { Prompt } from '../records/Prompt';
import type { Theme } from '../records/Theme';
import type { DocChange } from './changes';
import type { BoardState } from './state';

/**
 * Applies document changes to an in-memory BoardState, the same way boardDoc.ts applies them to
 * the Yjs document. The server keeps its state current with it instead of re-reading the document
 * after every command. Maps are copied only when they change.
 */
export function applyDocChangesToBoard(board: BoardState, changes: readonly DocChange[]): BoardState {
  let { meta, prompts, notes, themes } = board;
  let promptsCopy: Map<string, Prompt> | null = null;
  let notesCopy: Map<string, Note> | null = null;
  let themesCopy: Map<string, Theme> | null = null;
  const editablePrompts = () => {
    promptsCopy ??= new Map(prompts);
    return promptsCopy;
  };
  const editableNotes = () => {
    notesCopy ??= new Map(notes);
    return notesCopy;
  };
  const editableThemes = () => {
    themesCopy ??= new Map(themes);
    return themesCopy;
  };
  for (const change of changes) {
    switch (change.type) {
      case 'setMeta':
        meta = { ...meta, ...change.fields };
        break;
      case 'putPrompt':
        editablePrompts().set(change.prompt.id, change.prompt);
        break;
      case 'patchPrompt': {
        const current = editablePrompts().get(change.id);
        if (current) editablePrompts().set(change.id, { ...current, ...change.fields });
        break;
      }
      case 'deletePrompt':
        editablePrompts().delete(change.id);
        break;
      case 'putNote':
        editableNotes().set(change.note.id, change.note);
        break;
      case 'patchNote': {
        const current = editableNotes().get(change.id);
        if (current) editableNotes().set(change.id, { ...current, ...change.fields });
        break;
      }
      case 'putTheme':
        editableThemes().set(change.theme.id, change.theme);
        break;
      case 'patchTheme': {
        const current = editableThemes().get(change.id);
        if (current) editableThemes().set(change.id, { ...current, ...change.fields });
        break;
      }
      case 'deleteTheme':
        editableThemes().delete(change.id);
        break;
    }
  }
  prompts = promptsCopy ?? prompts;
  notes = notesCopy ?? notes;
  themes = themesCopy ?? themes;
  return { meta, prompts, notes, themes };
}
