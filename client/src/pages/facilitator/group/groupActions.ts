import { createContext, useContext } from 'react';
import { MAX_THEME_NAME_CHARS } from '../../../../../shared/limits';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import type { NameRequest } from '../../../components/NameDialog';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { translate } from '../../../i18n/i18n';
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
  themeId === null
    ? translate('facilitator.group.ungrouped')
    : translate('facilitator.group.themeQuoted', {
        name: layout.themes.find((t) => t.theme.id === themeId)?.theme.name ?? 'theme',
      });

/** The values of a sentence about notes: how many, and the first one's words (said when it is alone). */
function whatMoves(layout: PromptLayout, noteIds: readonly string[]): { count: number; note: string } {
  const note = [...layout.ungrouped, ...layout.themes.flatMap((t) => t.notes)].find((n) => n.id === noteIds[0]);
  return { count: noteIds.length, note: noteExcerpt(note?.text ?? '') };
}

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
      label: translate('facilitator.group.act.moving', { ...what, where }),
      success: options.isAnnounced ? translate('facilitator.group.act.moved', { ...what, where }) : null,
    };
    if (facilitation.moveNotes(action.noteIds, action.themeId, action.beforeNoteId, said) !== null) return;
    if (action.noteIds.length > 1) clearSelection();
    if (focusId) focusSoon(focusId);
    return;
  }
  if (action.type === 'createTheme') {
    const focusId = options.isMovingFocus ? focusAfterMove(layout, action.noteIds, undefined) : null;
    host.askName({
      title: translate('facilitator.group.act.nameTitle'),
      label: translate('facilitator.group.act.nameWith', { count: action.noteIds.length }),
      initial: defaultThemeName(
        noteText(action.noteIds[0]),
        translate('facilitator.group.act.themeInitial', { n: layout.themes.length + 1 }),
      ),
      maxChars: MAX_THEME_NAME_CHARS,
      confirmLabel: translate('facilitator.group.act.create'),
      onConfirm: (name) => {
        const said = {
          label: translate('facilitator.group.act.newThemeLabel', { name }),
          success: translate('facilitator.group.act.createdWith', { name, count: action.noteIds.length }),
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
  const names = { source: source.theme.name, target: target.theme.name };
  host.confirm({
    title: translate('facilitator.group.act.mergeTitle'),
    message: translate('facilitator.group.act.mergeMessage', { ...names, count: source.notes.length }),
    confirmLabel: translate('facilitator.group.act.mergeConfirm', names),
    onConfirm: () => {
      const said = {
        label: translate('facilitator.group.act.merging', names),
        success: translate('facilitator.group.act.merged', names),
      };
      if (facilitation.mergeThemes(source.theme.id, target.theme.id, said) !== null) return;
      if (options.isMovingFocus) focusSoon(themeHandleId(target.theme.id));
    },
  });
}

/** Asks for a name, then creates an empty theme at the end of the prompt's themes. */
export function askNewTheme(host: GroupHost, layout: PromptLayout): void {
  host.askName({
    title: translate('facilitator.group.newTheme'),
    label: translate('facilitator.group.act.themeName'),
    initial: translate('facilitator.group.act.themeInitial', { n: layout.themes.length + 1 }),
    maxChars: MAX_THEME_NAME_CHARS,
    confirmLabel: translate('facilitator.group.act.create'),
    onConfirm: (name) => {
      facilitation.createTheme(layout.prompt.id, name, [], {
        label: translate('facilitator.group.act.newThemeLabel', { name }),
        success: translate('facilitator.group.act.created', { name }),
      });
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
    title: translate('facilitator.group.act.deleteThemeTitle', { name }),
    message: translate('facilitator.group.act.deleteThemeMessage', { count }),
    confirmLabel: translate('facilitator.group.act.deleteTheme'),
    onConfirm: () => {
      facilitation.deleteTheme(themeId, {
        label: translate('facilitator.group.act.deletingTheme', { name }),
        success: translate('facilitator.group.act.themeDeleted', { name }),
      });
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
  host.confirm({
    title: translate('facilitator.group.act.deleteNotesTitle', what),
    message: translate('facilitator.group.act.deleteNotesMessage', what),
    confirmLabel: translate('facilitator.group.act.deleteNotes', what),
    onConfirm: () => {
      const focusId = focusAfterMove(layout, noteIds, undefined);
      const said = {
        label: translate('facilitator.group.act.deletingNotes', what),
        success: translate('facilitator.group.act.notesDeleted', what),
      };
      if (facilitation.deleteNotes(noteIds, said) !== null) return;
      clearSelection();
      focusSoon(focusId);
    },
  });
}
