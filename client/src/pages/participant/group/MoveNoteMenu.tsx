import { MenuButton, type MenuEntry } from '../../../components/MenuButton';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
import { translate, useT } from '../../../i18n/i18n';
import { announce } from '../../../store/toastStore';
import { moveNoteAsParticipant } from '../../../sync/commands';
import type { Note } from '../../../../../shared/records/Note';

export interface MoveNoteMenuProps {
  readonly note: Note;
  /** The note's prompt as it is now (read when the menu opens). */
  readonly getLayout: () => PromptLayout;
  /** Asks for a name, then starts a theme with this note. */
  readonly onNewTheme: (layout: PromptLayout, note: Note) => void;
}

/**
 * A participant's way to group (when the facilitator allows it): a menu, no dragging, so that
 * the participant page loads no drag-and-drop code and works the same by touch, mouse and keyboard.
 */
export function MoveNoteMenu({ note, getLayout, onNewTheme }: MoveNoteMenuProps) {
  const t = useT();
  const move = (themeId: string | null, themeName: string | null) => {
    if (moveNoteAsParticipant(note.id, themeId) !== null) return;
    const excerpt = noteExcerpt(note.text);
    announce(
      themeName === null
        ? translate('participant.movedOut', { note: excerpt })
        : translate('participant.movedTo', { note: excerpt, theme: themeName }),
    );
  };
  const entries = (): MenuEntry[] => [
    { type: 'heading', label: t('participant.moveTo') },
    ...getLayout()
      .themes.filter(({ theme }) => theme.id !== note.themeId)
      .map(({ theme }) => ({
        label: t('participant.themeQuoted', { name: theme.name }),
        onSelect: () => move(theme.id, theme.name),
      })),
    ...(note.themeId === null ? [] : [{ label: t('participant.notInTheme'), onSelect: () => move(null, null) }]),
    { type: 'separator' },
    { label: t('participant.newTheme'), onSelect: () => onNewTheme(getLayout(), note) },
  ];
  return (
    <MenuButton
      className="button button--small"
      label={t('participant.moveLabel', { note: noteExcerpt(note.text) })}
      menuLabel={t('participant.moveMenu')}
      entries={entries}
    >
      {t('participant.moveButton')}
    </MenuButton>
  );
}
