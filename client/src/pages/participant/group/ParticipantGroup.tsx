import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Note } from '../../../../../shared/records/Note';
import { type BoardState, sortedPrompts } from '../../../../../shared/domain/state';
import type { Draft } from '../../../../../shared/records/Draft';
import { draftsByPrompt, NO_DRAFTS } from '../../../boardSelectors';
import { MyNotes } from '../../../components/MyNotes';
import { Reactions } from '../../../components/marks/Reactions';
import { type NameRequest, NameDialog } from '../../../components/NameDialog';
import { NoteComposer } from '../../../components/NoteComposer';
import { newThemeRequest } from './newThemeRequest';
import { ThemeList } from '../../../components/ThemeList';
import { type PromptLayout, useBoardLayouts, writersLine } from '../../../components/themeLayout';
import { useMovingIds, useRecentlyMoved } from '../../../components/useLiveGrouping';
import { PROMPT_KIND_KEYS, pendingLine } from '../../../copy';
import { type Translate, useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';
import { MoveNoteMenu } from './MoveNoteMenu';
import './groupView.css';

interface GroupPromptProps {
  readonly layout: PromptLayout;
  readonly drafts: readonly Draft[];
  readonly isFocused: boolean;
  readonly canWrite: boolean;
  readonly moving: ReadonlySet<string>;
  readonly recent: ReadonlySet<string>;
  /** The facilitator lets participants group: each note gets a "Move to…" menu. */
  readonly canGroup: boolean;
  readonly onNewTheme: (layout: PromptLayout, note: Note) => void;
}

function countsLine({ prompt, noteCount, themes }: PromptLayout, t: Translate): string {
  return t('participant.groupCounts', {
    notes: t('common.noteCount', { count: noteCount }),
    count: themes.length,
    writers: writersLine(prompt.contributorCount),
  });
}

const NOTHING: ReadonlySet<string> = new Set();

/** The recently moved notes of each prompt: a prompt none of them is in keeps one empty set, and does not render again. */
function recentByPrompt(recent: ReadonlySet<string>, notes: ReadonlyMap<string, Note>): ReadonlyMap<string, ReadonlySet<string>> {
  const byPrompt = new Map<string, Set<string>>();
  for (const id of recent) {
    const promptId = notes.get(id)?.promptId;
    if (promptId === undefined) continue;
    const set = byPrompt.get(promptId);
    if (set) set.add(id);
    else byPrompt.set(promptId, new Set([id]));
  }
  return byPrompt;
}

/**
 * One question while the facilitator groups: its themes live, my notes, and a place to add more.
 * Memoised: a remote move renders the prompt it happened in, not the other questions.
 */
const GroupPrompt = memo(function GroupPrompt({
  layout,
  drafts,
  isFocused,
  canWrite,
  moving,
  recent,
  canGroup,
  onNewTheme,
}: GroupPromptProps) {
  const t = useT();
  const { prompt } = layout;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  // The same function while the permissions stay: the memoised notes (ThemeList) do not render again.
  const noteExtras = useCallback(
    (note: Note) => (
      <div className="tnote__extras">
        <Reactions noteId={note.id} counts={note.markCounts} canReact={canWrite} />
        {canGroup && <MoveNoteMenu note={note} getLayout={() => layoutRef.current} onNewTheme={onNewTheme} />}
      </div>
    ),
    [canWrite, canGroup, onNewTheme],
  );
  const headingId = `prompt-title-${prompt.id}`;
  return (
    <section
      id={`prompt-${prompt.id}`}
      className={`card prompt group-prompt${isFocused ? ' prompt--focused' : ''}`}
      aria-labelledby={headingId}
    >
      {isFocused && <p className="prompt__spotlight">{t('participant.spotlight')}</p>}
      <h2 id={headingId} className="prompt__text">
        {prompt.text}
      </h2>
      <p className="prompt__meta">
        <span className={`kind kind--${prompt.kind}`}>{t(PROMPT_KIND_KEYS[prompt.kind])}</span>
        <span className="prompt__count">{prompt.isRevealed ? countsLine(layout, t) : pendingLine(prompt, t)}</span>
      </p>
      {prompt.isRevealed && layout.noteCount > 0 && (
        <ThemeList layout={layout} moving={moving} recent={recent} noteExtras={noteExtras} />
      )}
      {prompt.isRevealed && prompt.pendingCount > 0 && (
        <p className="group-prompt__held">{t('participant.heldBack', { count: prompt.pendingCount })}</p>
      )}
      <MyNotes promptId={prompt.id} drafts={drafts} isRevealed={prompt.isRevealed} isEditable={canWrite} />
      {canWrite && <NoteComposer promptId={prompt.id} promptText={prompt.text} isRevealed={prompt.isRevealed} isCollapsible />}
    </section>
  );
});

/**
 * The participant's view of the group phase (loaded on demand: the participant's first load
 * stays small): every question's themes as the facilitator shapes them, the notes being dragged
 * marked live, notes that just moved marked for a moment. Read-only, but notes can still be added.
 */
export default function ParticipantGroup({ board }: { readonly board: BoardState }) {
  const t = useT();
  const myDrafts = useBoardStore((s) => s.myDrafts);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  const layouts = useBoardLayouts(board);
  const prompts = useMemo(() => sortedPrompts(board), [board]);
  const drafts = useMemo(() => draftsByPrompt(myDrafts), [myDrafts]);
  const moving = useMovingIds();
  const recent = useRecentlyMoved(board.notes);
  const recentIn = useMemo(() => recentByPrompt(recent, board.notes), [recent, board.notes]);
  const canGroup = canWrite && board.meta.settings.participantsGroup === true;
  const [nameRequest, setNameRequest] = useState<NameRequest | null>(null);
  const askNewTheme = useCallback((layout: PromptLayout, note: Note) => setNameRequest(newThemeRequest(layout, [note.id])), []);
  return (
    <div className="prompts">
      {canGroup && <p className="notice">{t('participant.canGroup')}</p>}
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
            recent={recentIn.get(prompt.id) ?? NOTHING}
            canGroup={canGroup}
            onNewTheme={askNewTheme}
          />
        ) : null;
      })}
      <NameDialog request={nameRequest} onClose={() => setNameRequest(null)} />
    </div>
  );
}
