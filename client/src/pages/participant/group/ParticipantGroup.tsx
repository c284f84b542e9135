import { useMemo } from 'react';
import { type BoardState, sortedPrompts } from '../../../../../shared/domain/state';
import type { Draft } from '../../../../../shared/records/Draft';
import { draftsByPrompt, NO_DRAFTS } from '../../../boardSelectors';
import { MyNotes } from '../../../components/MyNotes';
import { NoteComposer } from '../../../components/NoteComposer';
import { ThemeList } from '../../../components/ThemeList';
import { layoutBoard, type PromptLayout, writersLine } from '../../../components/themeLayout';
import { useMovingIds, useRecentlyMoved } from '../../../components/useLiveGrouping';
import { countNotes, PROMPT_KIND_NAMES, pendingLine } from '../../../copy';
import { useBoardStore } from '../../../store/boardStore';
import './groupView.css';

interface GroupPromptProps {
  readonly layout: PromptLayout;
  readonly drafts: readonly Draft[];
  readonly isFocused: boolean;
  readonly canWrite: boolean;
  readonly moving: ReadonlySet<string>;
  readonly recent: ReadonlySet<string>;
}

function countsLine({ prompt, noteCount, themes }: PromptLayout): string {
  const themeCount = themes.length === 1 ? '1 theme' : `${themes.length} themes`;
  return `${countNotes(noteCount)} · ${themeCount} · ${writersLine(prompt.contributorCount)}`;
}

/** One question while the facilitator groups: its themes live, my notes, and a place to add more. */
function GroupPrompt({ layout, drafts, isFocused, canWrite, moving, recent }: GroupPromptProps) {
  const { prompt } = layout;
  const headingId = `prompt-title-${prompt.id}`;
  return (
    <section
      id={`prompt-${prompt.id}`}
      className={`card prompt group-prompt${isFocused ? ' prompt--focused' : ''}`}
      aria-labelledby={headingId}
    >
      {isFocused && <p className="prompt__spotlight">The group is looking at this question now</p>}
      <h2 id={headingId} className="prompt__text">
        {prompt.text}
      </h2>
      <p className="prompt__meta">
        <span className={`kind kind--${prompt.kind}`}>{PROMPT_KIND_NAMES[prompt.kind]}</span>
        <span className="prompt__count">{prompt.isRevealed ? countsLine(layout) : pendingLine(prompt)}</span>
      </p>
      {prompt.isRevealed && layout.noteCount > 0 && <ThemeList layout={layout} moving={moving} recent={recent} />}
      {prompt.isRevealed && prompt.pendingCount > 0 && (
        <p className="group-prompt__held">{countNotes(prompt.pendingCount)} waiting to be shown together.</p>
      )}
      <MyNotes promptId={prompt.id} drafts={drafts} isRevealed={prompt.isRevealed} isEditable={canWrite} />
      {canWrite && <NoteComposer promptId={prompt.id} promptText={prompt.text} isRevealed={prompt.isRevealed} isCollapsible />}
    </section>
  );
}

/**
 * The participant's view of the group phase (loaded on demand: the participant's first load
 * stays small): every question's themes as the facilitator shapes them, the notes being dragged
 * marked live, notes that just moved marked for a moment. Read-only, but notes can still be added.
 */
export default function ParticipantGroup({ board }: { readonly board: BoardState }) {
  const myDrafts = useBoardStore((s) => s.myDrafts);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  const layouts = useMemo(() => layoutBoard(board), [board]);
  const prompts = useMemo(() => sortedPrompts(board), [board]);
  const drafts = useMemo(() => draftsByPrompt(myDrafts), [myDrafts]);
  const moving = useMovingIds();
  const recent = useRecentlyMoved(board.notes);
  return (
    <div className="prompts">
      {prompts.map((prompt) => {
        const layout = layouts.get(prompt.id);
        return layout ? (
          <GroupPrompt
            key={prompt.id}
            layout={layout}
            drafts={drafts.get(prompt.id) ?? NO_DRAFTS}
            isFocused={prompt.id === board.meta.focusPromptId}
            canWrite={canWrite}
            moving={moving}
            recent={recent}
          />
        ) : null;
      })}
    </div>
  );
}
