import { MAX_THEME_NAME_CHARS } from '../../../../../shared/limits';
import { translate } from '../../../i18n/i18n';
import { announce } from '../../../store/toastStore';
import { createThemeAsParticipant } from '../../../sync/commands';
import type { NameRequest } from '../../../components/NameDialog';
import type { PromptLayout } from '../../../components/themeLayout';

/** A participant's request (the facilitator's goes through groupActions, with undo): asks for a name, then creates a theme at the end of the prompt's themes holding `noteIds` (maybe none). */
export function newThemeRequest(layout: PromptLayout, noteIds: readonly string[]): NameRequest {
  return {
    title: translate('participant.newThemeTitle'),
    label:
      noteIds.length === 0
        ? translate('participant.themeName')
        : translate('participant.themeNameWith', { count: noteIds.length }),
    initial: translate('participant.themeInitial', { n: layout.themes.length + 1 }),
    maxChars: MAX_THEME_NAME_CHARS,
    confirmLabel: translate('participant.createTheme'),
    onConfirm: (name) => {
      if (createThemeAsParticipant(layout.prompt.id, name, noteIds) === null)
        announce(translate('participant.themeCreated', { name }));
    },
  };
}
