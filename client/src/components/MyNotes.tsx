import type { Draft } from '../../../shared/records/Draft';
import { useT } from '../i18n/i18n';
import { DeletedNoteUndo } from './DeletedNoteUndo';
import { MyNote } from './MyNote';

/** My notes of one prompt that nobody else can see yet. */
export interface MyNotesProps {
  readonly promptId: string;
  readonly drafts: readonly Omit<Draft, 'authorId'>[];
  readonly isRevealed: boolean;
  /** False outside the writing phases: the notes stay visible, the server would refuse changes. */
  readonly isEditable: boolean;
}

export function MyNotes({ promptId, drafts, isRevealed, isEditable }: MyNotesProps) {
  const t = useT();
  if (drafts.length === 0) return isEditable ? <DeletedNoteUndo promptId={promptId} /> : null;
  return (
    <section className="my-notes" aria-label={t('notes.mine')}>
      <h3 className="my-notes__title">{t('notes.mineTitle', { count: drafts.length })}</h3>
      <ul className="notes">
        {drafts.map((draft) => (
          <MyNote key={draft.id} draft={draft} isHeld={isRevealed} isEditable={isEditable} />
        ))}
      </ul>
      {isEditable && <DeletedNoteUndo promptId={promptId} />}
    </section>
  );
}
