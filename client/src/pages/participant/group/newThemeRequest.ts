import { MAX_THEME_NAME_CHARS } from '../../../../../shared/limits';
import { countNotes } from '../../../copy';
import { announce } from '../../../store/toastStore';
import { createThemeAsParticipant } from '../../../sync/commands';
import type { NameRequest } from '../../../components/NameDialog';
import type { PromptLayout } from '../../../components/themeLayout';

/** A participant's request (the facilitator's goes through groupActions, with undo): asks for a name, then creates a theme at the end of the prompt's themes holding `noteIds` (maybe none). */
export function newThemeRequest(layout: PromptLayout, noteIds: readonly string[]): NameRequest {
  return {
    title: 'New theme',
    label: noteIds.length === 0 ? 'Theme name' : `Theme name (${countNotes(noteIds.length)} go in it)`,
    initial: `Theme ${layout.themes.length + 1}`,
    maxChars: MAX_THEME_NAME_CHARS,
    confirmLabel: 'Create theme',
    onConfirm: (name) => {
      if (createThemeAsParticipant(layout.prompt.id, name, noteIds) === null) announce(`Theme ‘${name}’ created.`);
    },
  };
}
