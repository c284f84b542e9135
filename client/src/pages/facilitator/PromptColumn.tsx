import type { Phase } from '../../../../shared/phases';
import type { Draft } from '../../../../shared/records/Draft';
import type { Note } from '../../../../shared/records/Note';
import type { Prompt } from '../../../../shared/records/Prompt';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { doneLine } from '../../components/marks/markCopy';
import { Reactions } from '../../components/marks/Reactions';
import { MyNotes } from '../../components/MyNotes';
import { markCount } from '../../../../shared/domain/markCommands';
import { NoteCard } from '../../components/NoteCard';
import { NoteComposer } from '../../components/NoteComposer';
import { quoted } from '../../copy';
import { type Translate, useT } from '../../i18n/i18n';
import { focusPrompt } from '../../sync/commands';
import { HeldNotes } from './HeldNotes';
import { PromptEditor } from './PromptEditor';
import { revealWithCare } from './revealWithCare';
import { useConfirm } from './useConfirm';

export interface PromptColumnProps {
  readonly prompt: Prompt;
  readonly notes: readonly Note[];
  readonly drafts: readonly Draft[];
  readonly phase: Phase;
  readonly isFocused: boolean;
  readonly canWrite: boolean;
  readonly previousId: string | null;
  readonly nextNextId: string | null;
  readonly isLast: boolean;
}

const REVEAL_PHASES: ReadonlySet<Phase> = new Set(['share', 'group']);

/** The count line of a prompt: counts only, never words, until its notes are revealed. */
function countLine(prompt: Prompt, shown: number, t: Translate): string {
  if (prompt.isRevealed) return shown === 0 ? t('facilitator.column.noneShown') : t('facilitator.column.shown', { count: shown });
  if (prompt.pendingCount === 0) return t('facilitator.column.noNotes');
  return t('facilitator.column.pending', { count: prompt.pendingCount, people: prompt.contributorCount });
}

/** One prompt on the facilitator's board: counts until the reveal, then the notes. */
export function PromptColumn(props: PromptColumnProps) {
  const { prompt, notes, drafts, phase, isFocused, canWrite } = props;
  const t = useT();
  const confirm = useConfirm();
  const headingId = `column-title-${prompt.id}`;
  const isSetup = phase === 'setup';
  const isReflecting = phase === 'reflect';
  const canReveal = REVEAL_PHASES.has(phase);

  return (
    <section className={`column${isFocused ? ' column--focused' : ''}`} aria-labelledby={headingId}>
      <div className="column__head">
        {isFocused && <p className="prompt__spotlight">{t('facilitator.column.spotlit')}</p>}
        <span className={`kind kind--${prompt.kind}`}>
          {t(prompt.kind === 'align' ? 'facilitator.column.kind.align' : 'facilitator.column.kind.awareness')}
        </span>
        <h2 id={headingId} className={isSetup ? 'visually-hidden' : 'column__title'} dir="auto">
          {prompt.text}
        </h2>
        {isSetup && (
          <PromptEditor
            prompt={prompt}
            previousId={props.previousId}
            nextNextId={props.nextNextId}
            isLast={props.isLast}
            confirm={confirm}
          />
        )}
        <p className="column__count">{countLine(prompt, notes.length, t)}</p>
        {isReflecting && <p className="done-count">{doneLine(markCount(prompt, 'done'), 'writing')}</p>}
        {!isSetup && (
          <div className="actions">
            <button
              type="button"
              className="button button--small"
              aria-pressed={isFocused}
              aria-label={t('facilitator.column.spotlightLabel', { prompt: quoted(prompt.text) })}
              onClick={() => focusPrompt(isFocused ? null : prompt.id)}
            >
              {t('facilitator.column.spotlight')}
            </button>
            {canReveal && !prompt.isRevealed && (
              <button
                type="button"
                className="button button--small button--primary"
                aria-label={t('facilitator.column.revealLabel', { prompt: quoted(prompt.text) })}
                onClick={() => void revealWithCare(prompt.id, confirm.ask)}
              >
                {t('facilitator.column.reveal')}
              </button>
            )}
          </div>
        )}
        {prompt.isRevealed && prompt.pendingCount > 0 && <HeldNotes prompt={prompt} confirm={confirm} />}
      </div>
      {prompt.isRevealed && notes.length > 0 && (
        <ul className="notes" aria-label={t('facilitator.column.notesLabel', { prompt: quoted(prompt.text) })}>
          {notes.map((note) => (
            <NoteCard key={note.id} note={note}>
              <Reactions noteId={note.id} counts={note.markCounts} canReact={false} />
            </NoteCard>
          ))}
        </ul>
      )}
      <MyNotes promptId={prompt.id} drafts={drafts} isRevealed={prompt.isRevealed} isEditable={canWrite} />
      {canWrite && <NoteComposer promptId={prompt.id} promptText={prompt.text} isRevealed={prompt.isRevealed} isCollapsible />}
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </section>
  );
}
