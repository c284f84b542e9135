import { createContext, useContext } from 'react';
import { MAX_THEME_NAME_CHARS } from '../../../../../shared/limits';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import type { NameRequest } from '../../../components/NameDialog';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { countNotes } from '../../../copy';
import * as facilitation from '../../../sync/facilitationCommands';
import { type DropAction, defaultThemeName } from './dragModel';
import { focusAfterMove, focusSoon, themeHandleId } from './focusPlan';
import { clearSelection } from './groupUiStore';

/** What the board's pieces can ask of the group stage: the latest layouts and its two dialogs. */
export interface GroupHost {
  readonly layoutOf: (promptId: string) => PromptLayout | undefined;
  readonly askName: (request: NameRequest) => void;
  readonly confirm: (request: ConfirmRequest) => void;
}

export const GroupHostContext = createContext<GroupHost | null>(null);

export function useGroupHost(): GroupHost {
  const host = useContext(GroupHostContext);
  if (!host) throw new Error('useGroupHost outside GroupStage');
  return host;
}

const themeName = (layout: PromptLayout, themeId: string | null) =>
  themeId === null ? 'Ungrouped' : `‘${layout.themes.find((t) => t.theme.id === themeId)?.theme.name ?? 'theme'}’`;

function whatMoves(layout: PromptLayout, noteIds: readonly string[]): string {
  if (noteIds.length > 1) return countNotes(noteIds.length);
  const note = [...layout.ungrouped, ...layout.themes.flatMap((t) => t.notes)].find((n) => n.id === noteIds[0]);
  return `Note ${noteExcerpt(note?.text ?? '')}`;
}

const lowerFirst = (phrase: string) => `${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`;

export interface PerformOptions {
  /** Move keyboard focus on afterwards (keyboard drags and menus); pointer drops leave focus alone. */
  readonly isMovingFocus: boolean;
  /** Say the outcome in the live region (menus); a drag's outcome is said by dnd-kit's announcements. */
  readonly isAnnounced: boolean;
}

/** Carries out a drop or a menu choice: a move at once, a new theme after naming it, a merge after confirming it. */
export function performDrop(host: GroupHost, layout: PromptLayout, action: DropAction, options: PerformOptions): void {
  const noteText = (id: string | undefined) =>
    [...layout.ungrouped, ...layout.themes.flatMap((t) => t.notes)].find((n) => n.id === id)?.text;
  if (action.type === 'move') {
    const focusId = options.isMovingFocus ? focusAfterMove(layout, action.noteIds, action.themeId) : null;
    const what = whatMoves(layout, action.noteIds);
    const where = themeName(layout, action.themeId);
    const said = {
      label: `moving ${lowerFirst(what)} to ${where}`,
      success: options.isAnnounced ? `${what} moved to ${where}.` : null,
    };
    if (facilitation.moveNotes(action.noteIds, action.themeId, action.beforeNoteId, said) !== null) return;
    if (action.noteIds.length > 1) clearSelection();
    if (focusId) focusSoon(focusId);
    return;
  }
  if (action.type === 'createTheme') {
    const focusId = options.isMovingFocus ? focusAfterMove(layout, action.noteIds, undefined) : null;
    host.askName({
      title: 'Name the new theme',
      label: `Theme name (${countNotes(action.noteIds.length)} go in it)`,
      initial: defaultThemeName(noteText(action.noteIds[0]), layout.themes.length + 1),
      maxChars: MAX_THEME_NAME_CHARS,
      confirmLabel: 'Create theme',
      onConfirm: (name) => {
        const said = {
          label: `new theme ‘${name}’`,
          success: `Theme ‘${name}’ created with ${countNotes(action.noteIds.length)}.`,
        };
        if (facilitation.createTheme(action.promptId, name, action.noteIds, said) !== null) return;
        if (action.noteIds.length > 1) clearSelection();
        if (focusId) focusSoon(focusId);
      },
    });
    return;
  }
  const source = layout.themes.find((t) => t.theme.id === action.sourceThemeId);
  const target = layout.themes.find((t) => t.theme.id === action.targetThemeId);
  if (!source || !target) return;
  host.confirm({
    title: 'Merge these themes?',
    message: `‘${source.theme.name}’ (${countNotes(source.notes.length)}) joins ‘${target.theme.name}’, and the name ‘${source.theme.name}’ goes away.`,
    confirmLabel: `Merge into ‘${target.theme.name}’`,
    onConfirm: () => {
      const said = {
        label: `merging ‘${source.theme.name}’ into ‘${target.theme.name}’`,
        success: `‘${source.theme.name}’ merged into ‘${target.theme.name}’.`,
      };
      if (facilitation.mergeThemes(source.theme.id, target.theme.id, said) !== null) return;
      if (options.isMovingFocus) focusSoon(themeHandleId(target.theme.id));
    },
  });
}

/** Asks for a name, then creates an empty theme at the end of the prompt's themes. */
export function askNewTheme(host: GroupHost, layout: PromptLayout): void {
  host.askName({
    title: 'New theme',
    label: 'Theme name',
    initial: `Theme ${layout.themes.length + 1}`,
    maxChars: MAX_THEME_NAME_CHARS,
    confirmLabel: 'Create theme',
    onConfirm: (name) => {
      facilitation.createTheme(layout.prompt.id, name, [], { label: `new theme ‘${name}’`, success: `Theme ‘${name}’ created.` });
    },
  });
}

/** Asks before deleting a theme; its notes go back to the ungrouped notes. */
export function askDeleteTheme(host: GroupHost, layout: PromptLayout, themeId: string): void {
  const group = layout.themes.find((t) => t.theme.id === themeId);
  if (!group) return;
  const { name } = group.theme;
  const count = group.notes.length;
  host.confirm({
    title: `Delete the theme ‘${name}’?`,
    message:
      count === 0
        ? 'The theme is empty. Nothing else changes.'
        : `Its ${countNotes(count)} ${count === 1 ? 'goes' : 'go'} back to Ungrouped. No note is deleted.`,
    confirmLabel: 'Delete theme',
    onConfirm: () => {
      facilitation.deleteTheme(themeId, { label: `deleting theme ‘${name}’`, success: `Theme ‘${name}’ deleted.` });
    },
  });
}

/**
 * Asks before deleting notes for everyone (one, or a selection of one prompt), then says how to
 * undo it; keyboard focus goes to the note that takes the first one's place.
 */
export function askDeleteNotes(host: GroupHost, layout: PromptLayout, noteIds: readonly string[]): void {
  if (noteIds.length === 0) return;
  const what = whatMoves(layout, noteIds);
  const isOne = noteIds.length === 1;
  host.confirm({
    title: isOne ? 'Delete this note?' : `Delete ${countNotes(noteIds.length)}?`,
    message: `${what} ${isOne ? 'disappears' : 'disappear'} from everyone’s board. You can undo it (Ctrl+Z or Cmd+Z, or the Undo button) while nobody has changed ${isOne ? 'it' : 'them'} since.`,
    confirmLabel: isOne ? 'Delete note' : `Delete ${countNotes(noteIds.length)}`,
    onConfirm: () => {
      const focusId = focusAfterMove(layout, noteIds, undefined);
      const said = {
        label: `deleting ${lowerFirst(what)}`,
        success: `${what} deleted. Undo: Ctrl+Z or Cmd+Z, or the Undo button.`,
      };
      if (facilitation.deleteNotes(noteIds, said) !== null) return;
      clearSelection();
      focusSoon(focusId);
    },
  });
}
