import { useEffect, useMemo, useState } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { PHASE_GUIDANCE } from '../../../../shared/phases';
import { BoardGate } from '../../components/BoardGate';
import { Countdown } from '../../components/Countdown';
import { JoinCode } from '../../components/JoinCode';
import { ThemeList } from '../../components/ThemeList';
import { layoutBoard, type PromptLayout, writersLine } from '../../components/themeLayout';
import { useMovingIds, useRecentlyMoved } from '../../components/useLiveGrouping';
import { countNotes, countPeople, PHASE_NAMES, PROMPT_KIND_NAMES, pendingLine } from '../../copy';
import { participantUrl } from '../../facilitatorLink';
import { facilitatorKeyFor, joinCodeFor } from '../../storage';
import { useBoardStore } from '../../store/boardStore';
import { useBoardSession } from '../../sync/useBoardSession';
import { QrCode } from '../facilitator/QrCode';
import './present.css';

function progressLine(layout: PromptLayout): string {
  const { prompt, noteCount, themes } = layout;
  if (!prompt.isRevealed) return `${pendingLine(prompt)} · ${writersLine(prompt.contributorCount)}`;
  const themeCount = themes.length === 1 ? '1 theme' : `${themes.length} themes`;
  return `${countNotes(noteCount)} · ${themeCount} · ${writersLine(prompt.contributorCount)}`;
}

/** The spotlighted prompt, large: its themes and notes as they form. */
function FocusedPrompt({
  layout,
  moving,
  recent,
}: {
  layout: PromptLayout;
  moving: ReadonlySet<string>;
  recent: ReadonlySet<string>;
}) {
  return (
    <section className="present__focus" aria-labelledby="present-focus">
      <p className="present__kind">{PROMPT_KIND_NAMES[layout.prompt.kind]}</p>
      <h2 id="present-focus" className="present__prompt">
        {layout.prompt.text}
      </h2>
      <p className="present__progress">{progressLine(layout)}</p>
      {layout.prompt.isRevealed && layout.noteCount > 0 && <ThemeList layout={layout} moving={moving} recent={recent} />}
    </section>
  );
}

/** Every prompt at a glance: progress before the reveal, theme names and counts after. */
function AllPrompts({
  board,
  layouts,
  moving,
}: {
  board: BoardState;
  layouts: Map<string, PromptLayout>;
  moving: ReadonlySet<string>;
}) {
  return (
    <div className="present__grid">
      {sortedPrompts(board).map((prompt) => {
        const layout = layouts.get(prompt.id);
        if (!layout) return null;
        return (
          <section key={prompt.id} className="present__card" aria-labelledby={`present-${prompt.id}`}>
            <h2 id={`present-${prompt.id}`} className="present__card-title">
              {prompt.text}
            </h2>
            <p className="present__progress">{progressLine(layout)}</p>
            {prompt.isRevealed && layout.themes.length > 0 && <ThemeList layout={layout} moving={moving} isCompact />}
          </section>
        );
      })}
    </div>
  );
}

function JoinPanel({ boardId }: { boardId: string }) {
  const storedCode = useBoardStore((s) => s.joinCode);
  const joinCode = storedCode ?? joinCodeFor(boardId);
  const peopleCount = useBoardStore((s) => s.people.length);
  const [isShown, setIsShown] = useState(true);
  const link = participantUrl(boardId, joinCode);
  return (
    <aside className="present__join" aria-label="How to join">
      {isShown && (
        <>
          <p className="present__join-label">Join at {location.host}</p>
          {joinCode && <JoinCode code={joinCode} className="present__code" />}
          <QrCode text={link} label={`QR code that opens ${link}`} />
        </>
      )}
      <p className="present__people">{countPeople(peopleCount)} here</p>
      <button type="button" className="button button--small" aria-pressed={!isShown} onClick={() => setIsShown(!isShown)}>
        {isShown ? 'Hide join code' : 'Show join code'}
      </button>
    </aside>
  );
}

function PresentBoard({ boardId }: { readonly boardId: string }) {
  const board = useBoardStore((s) => s.board);
  const layouts = useMemo(() => (board ? layoutBoard(board) : new Map<string, PromptLayout>()), [board]);
  const moving = useMovingIds();
  const recent = useRecentlyMoved(board?.notes ?? null);

  useEffect(() => {
    if (board) document.title = `${board.meta.title} · presenting · Accord`;
  }, [board]);

  if (!board) return null;
  const { meta } = board;
  const focused = meta.focusPromptId ? layouts.get(meta.focusPromptId) : undefined;
  return (
    <div className="present">
      <header className="present__head">
        <div>
          <h1 className="present__title">{meta.title}</h1>
          <p className="present__guidance">
            <strong>{PHASE_NAMES[meta.phase]}:</strong> {PHASE_GUIDANCE[meta.phase]}
          </p>
        </div>
        <Countdown isLarge />
      </header>
      <div className="present__body">
        <main className="present__main">
          {focused ? (
            <FocusedPrompt layout={focused} moving={moving} recent={recent} />
          ) : (
            <AllPrompts board={board} layouts={layouts} moving={moving} />
          )}
        </main>
        <JoinPanel boardId={boardId} />
      </div>
    </div>
  );
}

/**
 * /b/:boardId/present — the projector view, opened by the facilitator in a new tab: large type,
 * the spotlighted prompt (or every prompt), the timer, the join code and QR code. It connects as
 * a facilitator but publishes no presence, so it is not counted as a person in the room.
 */
export default function PresentPage({ boardId }: { readonly boardId: string }) {
  const facilitatorKey = facilitatorKeyFor(boardId);
  useBoardSession(boardId, 'facilitator', facilitatorKey);
  if (!facilitatorKey) {
    return (
      <main className="page page--narrow">
        <h1>Open this from the facilitator’s board</h1>
        <p>The present view is for the facilitator’s screen. Use the Present button on the facilitator’s board.</p>
      </main>
    );
  }
  return (
    <BoardGate>
      <PresentBoard boardId={boardId} />
    </BoardGate>
  );
}
