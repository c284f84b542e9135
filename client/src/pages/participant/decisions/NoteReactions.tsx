import { useMemo } from 'react';
import { type BoardState, sortedPrompts } from '../../../../../shared/domain/state';
import { notesByPrompt } from '../../../boardSelectors';
import { NoteCard } from '../../../components/NoteCard';
import { Reactions } from '../../../components/marks/Reactions';
import { useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import './noteReactions.css';

/**
 * Everyone's revealed notes with their reactions during Vote and Decide, folded away at the end of
 * the page: far from the dots and the round's answers, and said not to count, so a reaction is
 * never taken for a vote. Counts only; only I know which reactions are mine.
 */
export function NoteReactions({ board }: { readonly board: BoardState }) {
  const t = useT();
  const canReact = useBoardStore((s) => s.canWriteNotes);
  const groups = useMemo(() => {
    const notes = notesByPrompt(board);
    return sortedPrompts(board)
      .filter((p) => p.isRevealed)
      .map((prompt) => ({ prompt, notes: notes.get(prompt.id) ?? [] }))
      .filter((g) => g.notes.length > 0);
  }, [board]);
  if (groups.length === 0) return null;
  return (
    <details className="card note-reactions">
      <summary>
        <h2 className="note-reactions__title">{t('participant.notesAndReactions')}</h2>
      </summary>
      <p className="privacy">{t('participant.reactionsNotVotes')}</p>
      {groups.map(({ prompt, notes }) => (
        <section key={prompt.id} aria-label={prompt.text}>
          <h3 className="note-reactions__prompt">{prompt.text}</h3>
          <ul className="notes">
            {notes.map((note) => (
              <NoteCard key={note.id} note={note}>
                <Reactions noteId={note.id} counts={note.markCounts} canReact={canReact} />
              </NoteCard>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
