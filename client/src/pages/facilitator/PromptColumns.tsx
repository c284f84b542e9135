import { useMemo } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { draftsByPrompt, NO_DRAFTS, NO_NOTES, notesByPrompt } from '../../boardSelectors';
import { useT } from '../../i18n/i18n';
import { useBoardStore } from '../../store/boardStore';
import { AddPromptForm } from './AddPromptForm';
import { PromptColumn } from './PromptColumn';

const WRITING_PHASES = new Set(['reflect', 'share', 'group']);

/** One column per prompt: setup, reflection and sharing. */
export function PromptColumns({ board }: { readonly board: BoardState }) {
  const t = useT();
  const myDrafts = useBoardStore((s) => s.myDrafts);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  const prompts = useMemo(() => sortedPrompts(board), [board]);
  const notes = useMemo(() => notesByPrompt(board), [board]);
  const drafts = useMemo(() => draftsByPrompt(myDrafts), [myDrafts]);
  const { meta } = board;
  const isSetup = meta.phase === 'setup';
  return (
    <section className="columns" aria-label={t('facilitator.prompt.columns')}>
      {prompts.map((prompt, i) => (
        <PromptColumn
          key={prompt.id}
          prompt={prompt}
          notes={notes.get(prompt.id) ?? NO_NOTES}
          drafts={drafts.get(prompt.id) ?? NO_DRAFTS}
          phase={meta.phase}
          isFocused={prompt.id === meta.focusPromptId}
          canWrite={canWrite && WRITING_PHASES.has(meta.phase)}
          previousId={prompts[i - 1]?.id ?? null}
          nextNextId={prompts[i + 2]?.id ?? null}
          isLast={i === prompts.length - 1}
        />
      ))}
      {isSetup && <AddPromptForm />}
    </section>
  );
}
