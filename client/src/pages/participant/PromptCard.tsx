import type { Draft } from '../../../../shared/records/Draft';
import type { Note } from '../../../../shared/records/Note';
import type { Prompt } from '../../../../shared/records/Prompt';
import { MyNotes } from '../../components/MyNotes';
import { NoteCard } from '../../components/NoteCard';
import { NoteComposer } from '../../components/NoteComposer';
import { DoneToggle } from '../../components/marks/DoneToggle';
import { Reactions } from '../../components/marks/Reactions';
import { PROMPT_KIND_KEYS, pendingLine, revealedLine } from '../../copy';
import { useT } from '../../i18n/i18n';

export interface PromptCardProps {
  readonly prompt: Prompt;
  readonly notes: readonly Note[];
  readonly drafts: readonly Draft[];
  readonly isFocused: boolean;
  readonly canWrite: boolean;
  /** I may say I am done writing here (reflect). */
  readonly canMarkDone: boolean;
  /** I may react to the revealed notes. */
  readonly canReact: boolean;
}

/** One question: counts before the reveal, the notes after, my own notes, and a place to write. */
export function PromptCard({ prompt, notes, drafts, isFocused, canWrite, canMarkDone, canReact }: PromptCardProps) {
  const t = useT();
  const headingId = `prompt-title-${prompt.id}`;
  return (
    <section
      id={`prompt-${prompt.id}`}
      className={`card prompt${isFocused ? ' prompt--focused' : ''}`}
      aria-labelledby={headingId}
    >
      {isFocused && <p className="prompt__spotlight">{t('participant.spotlight')}</p>}
      <h2 id={headingId} className="prompt__text">
        {prompt.text}
      </h2>
      <p className="prompt__meta">
        <span className={`kind kind--${prompt.kind}`}>{t(PROMPT_KIND_KEYS[prompt.kind])}</span>
        <span className="prompt__count">
          {prompt.isRevealed
            ? prompt.pendingCount > 0
              ? t('participant.withWaiting', { line: revealedLine(notes.length, t), count: prompt.pendingCount })
              : revealedLine(notes.length, t)
            : pendingLine(prompt, t)}
        </span>
      </p>
      {prompt.isRevealed && notes.length > 0 && (
        <section className="revealed" aria-label={t('participant.everyoneNotes')}>
          <h3 className="visually-hidden">{t('participant.everyoneNotes')}</h3>
          <ul className="notes">
            {notes.map((note) => (
              <NoteCard key={note.id} note={note}>
                <Reactions noteId={note.id} counts={note.markCounts} canReact={canReact} />
              </NoteCard>
            ))}
          </ul>
        </section>
      )}
      <MyNotes promptId={prompt.id} drafts={drafts} isRevealed={prompt.isRevealed} isEditable={canWrite} />
      {canWrite && <NoteComposer promptId={prompt.id} promptText={prompt.text} isRevealed={prompt.isRevealed} />}
      {canMarkDone && <DoneToggle targetId={prompt.id} label={t('participant.doneQuestion')} />}
    </section>
  );
}
