import { MenuButton, type MenuEntry } from '../../../components/MenuButton';
import { noteExcerpt, type PromptLayout } from '../../../components/themeLayout';
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
  const move = (themeId: string | null, where: string) => {
    if (moveNoteAsParticipant(note.id, themeId) === null) announce(`Note ${noteExcerpt(note.text)} moved to ${where}.`);
  };
  const entries = (): MenuEntry[] => [
    { type: 'heading', label: 'Move to' },
    ...getLayout()
      .themes.filter(({ theme }) => theme.id !== note.themeId)
      .map(({ theme }) => ({ label: `‘${theme.name}’`, onSelect: () => move(theme.id, `‘${theme.name}’`) })),
    ...(note.themeId === null ? [] : [{ label: 'Not in a theme', onSelect: () => move(null, 'the notes not in a theme') }]),
    { type: 'separator' },
    { label: 'A new theme…', onSelect: () => onNewTheme(getLayout(), note) },
  ];
  return (
    <MenuButton
      className="button button--small"
      label={`Move to… (note ${noteExcerpt(note.text)})`}
      menuLabel="Move this note to"
      entries={entries}
    >
      Move to…
    </MenuButton>
  );
}
