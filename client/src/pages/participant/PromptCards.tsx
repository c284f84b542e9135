import { useMemo } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { draftsByPrompt, NO_DRAFTS, NO_NOTES, notesByPrompt } from '../../boardSelectors';
import { useBoardStore } from '../../store/boardStore';
import { PromptCard } from './PromptCard';

const WRITING_PHASES = new Set(['reflect', 'share', 'group']);
/** Phases where revealed notes take reactions (shared/domain/applyCommand.ts). */
const REACT_PHASES = new Set(['share', 'group', 'vote', 'decide']);

/** Every prompt as a card: write, see my notes, see revealed notes. */
export function PromptCards({ board }: { readonly board: BoardState }) {
  const myDrafts = useBoardStore((s) => s.myDrafts);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  const prompts = useMemo(() => sortedPrompts(board), [board]);
  const notes = useMemo(() => notesByPrompt(board), [board]);
  const drafts = useMemo(() => draftsByPrompt(myDrafts), [myDrafts]);
  const { meta } = board;
  return (
    <div className="prompts">
      {prompts.map((prompt) => (
        <PromptCard
          key={prompt.id}
          prompt={prompt}
          notes={notes.get(prompt.id) ?? NO_NOTES}
          drafts={drafts.get(prompt.id) ?? NO_DRAFTS}
          isFocused={prompt.id === meta.focusPromptId}
          canWrite={canWrite && WRITING_PHASES.has(meta.phase)}
          canMarkDone={canWrite && meta.phase === 'reflect'}
          canReact={canWrite && REACT_PHASES.has(meta.phase)}
        />
      ))}
    </div>
  );
}
