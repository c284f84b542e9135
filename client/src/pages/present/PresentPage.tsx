import { useEffect, useState } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import type { Phase } from '../../../../shared/phases';
import { BoardGate } from '../../components/BoardGate';
import { Countdown } from '../../components/Countdown';
import { openProposals } from '../../components/decisions/decisionSelectors';
import { JoinCode } from '../../components/JoinCode';
import { type PromptLayout, useBoardLayouts } from '../../components/themeLayout';
import { useMovingIds, useRecentlyMoved } from '../../components/useLiveGrouping';
import { phaseGuidance, phaseName } from '../../copy';
import { participantUrl } from '../../facilitatorLink';
import { useT } from '../../i18n/i18n';
import { facilitatorKeyFor, joinCodeFor } from '../../storage';
import { useBoardStore } from '../../store/boardStore';
import { useBoardSession } from '../../sync/useBoardSession';
import { QrCode } from '../facilitator/QrCode';
import { PresentAgreement, PresentDecide, PresentVote } from './PresentDecisions';
import { AllPrompts, FocusedPrompt } from './PresentNotes';
import './present.css';

/** Phases in which people are still arriving: the join code and QR code are the screen's main content. */
const ARRIVAL_PHASES: ReadonlySet<Phase> = new Set(['setup', 'reflect']);

function JoinPanel({ boardId, isArriving }: { readonly boardId: string; readonly isArriving: boolean }) {
  const t = useT();
  const storedCode = useBoardStore((s) => s.joinCode);
  const joinCode = storedCode ?? joinCodeFor(boardId);
  const peopleCount = useBoardStore((s) => s.people.length);
  // Offline, the others' presence is gone from this browser: the count would be wrong, not zero.
  const isCounted = useBoardStore((s) => s.status === 'online');
  // Until the facilitator chooses, the code follows the phase: large while people arrive, folded away after.
  const [choice, setChoice] = useState<boolean | null>(null);
  const isShown = choice ?? isArriving;
  const link = participantUrl(boardId, joinCode);
  return (
    <aside
      className={`present__join${isArriving && isShown ? ' present__join--arrival' : ''}`}
      aria-label={t('present.join.region')}
    >
      {isShown && (
        <>
          <p className="present__join-label">{t('present.join.joinAt', { host: location.host })}</p>
          {joinCode && <JoinCode code={joinCode} className="present__code" />}
          <QrCode text={link} label={t('present.join.qrLabel', { link })} />
        </>
      )}
      <p className="present__people">
        {isCounted ? t('present.join.peopleHere', { count: peopleCount }) : t('present.join.reconnecting')}
      </p>
      <button type="button" className="button button--small" aria-pressed={!isShown} onClick={() => setChoice(!isShown)}>
        {isShown ? t('present.join.hideCode') : t('present.join.showCode')}
      </button>
    </aside>
  );
}

/** What the room needs to see now: it follows the phase, and the spotlight only while notes are on show. */
function PhaseContent({ board, layouts }: { readonly board: BoardState; readonly layouts: ReadonlyMap<string, PromptLayout> }) {
  const moving = useMovingIds();
  const recent = useRecentlyMoved(board.notes);
  const { phase, focusPromptId } = board.meta;
  switch (phase) {
    case 'vote':
      return <PresentVote board={board} />;
    case 'decide':
      return <PresentDecide board={board} />;
    case 'agreement':
      return <PresentAgreement board={board} />;
    case 'revisit':
      return openProposals(board).length > 0 ? <PresentDecide board={board} /> : <PresentAgreement board={board} />;
    default: {
      const focused = focusPromptId ? layouts.get(focusPromptId) : undefined;
      return focused ? (
        <FocusedPrompt layout={focused} moving={moving} recent={recent} />
      ) : (
        <AllPrompts board={board} layouts={layouts} moving={moving} />
      );
    }
  }
}

function PresentBoard({ boardId }: { readonly boardId: string }) {
  const t = useT();
  const board = useBoardStore((s) => s.board);
  const layouts = useBoardLayouts(board);

  useEffect(() => {
    if (board) document.title = t('present.documentTitle', { title: board.meta.title });
  }, [board, t]);

  if (!board) return null;
  const { meta } = board;
  const isArriving = ARRIVAL_PHASES.has(meta.phase);
  return (
    <div className={`present${isArriving ? ' present--arrival' : ''}`} data-phase={meta.phase}>
      <header className="present__head">
        <div>
          <h1 className="present__title">{meta.title}</h1>
          <p className="present__guidance">
            <strong>{t('present.phaseLabel', { phase: phaseName(meta.phase, t) })}</strong> {phaseGuidance(meta.phase, true, t)}
          </p>
        </div>
        <Countdown isLarge />
      </header>
      <div className="present__body">
        <main className="present__main">
          <PhaseContent board={board} layouts={layouts} />
        </main>
        <JoinPanel key={isArriving ? 'arriving' : 'working'} boardId={boardId} isArriving={isArriving} />
      </div>
    </div>
  );
}

/**
 * /b/:boardId/present — the projector view, opened by the facilitator in a new tab: large type,
 * what the phase is about (notes and themes, the vote, the open proposal, the agreement), the
 * timer, the join code and QR code. It connects as
 * a facilitator but publishes no presence, so it is not counted as a person in the room.
 */
export default function PresentPage({ boardId }: { readonly boardId: string }) {
  const t = useT();
  const facilitatorKey = facilitatorKeyFor(boardId);
  useBoardSession(boardId, 'facilitator', facilitatorKey);
  if (!facilitatorKey) {
    return (
      <main className="page page--narrow">
        <h1>{t('present.noKey.heading')}</h1>
        <p>{t('present.noKey.explain')}</p>
      </main>
    );
  }
  return (
    <BoardGate>
      <PresentBoard boardId={boardId} />
    </BoardGate>
  );
}
