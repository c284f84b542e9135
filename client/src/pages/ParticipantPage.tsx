import { useEffect, useState } from 'react';
import { prefersReducedMotion } from '../boardSelectors';
import { BoardGate } from '../components/BoardGate';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { CountdownSlot } from '../components/CountdownSlot';
import { PeopleHere } from '../components/PeopleHere';
import { PhaseGuidance } from '../components/PhaseGuidance';
import { HeaderToasts } from '../components/Toasts';
import { writingClosedReason } from '../copy';
import { useT } from '../i18n/i18n';
import { displayNameFor, saveDisplayName } from '../storage';
import { useBoardStore } from '../store/boardStore';
import { setPresence } from '../sync/commands';
import { useBoardSession } from '../sync/useBoardSession';
import { DecisionView } from './participant/decisions/DecisionView';
import { GroupView } from './participant/group/GroupView';
import { NameGate } from './participant/NameGate';
import { PromptCards } from './participant/PromptCards';
import { DECISION_PHASES, usePreloadedNeighbourViews } from './participant/phaseViews';

const WRITING_PHASES = new Set(['reflect', 'share', 'group']);

function ParticipantBoard({ name, onChangeName }: { readonly name: string; readonly onChangeName: () => void }) {
  const t = useT();
  const board = useBoardStore((s) => s.board);
  const canWrite = useBoardStore((s) => s.canWriteNotes);
  const focusPromptId = board?.meta.focusPromptId ?? null;
  usePreloadedNeighbourViews(board?.meta.phase ?? 'setup');

  useEffect(() => {
    if (board) document.title = t('participant.docTitle', { title: board.meta.title });
  }, [board, t]);

  // Scrolled to once per spotlight change; afterwards the participant browses freely.
  useEffect(() => {
    if (focusPromptId === null) return;
    document
      .getElementById(`prompt-${focusPromptId}`)
      ?.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
  }, [focusPromptId]);

  if (!board) return null;
  const { meta } = board;
  const isWritingOpen = WRITING_PHASES.has(meta.phase);
  return (
    <>
      <header className="topbar topbar--participant">
        <div className="topbar__inner">
          <div className="topbar__title-group">
            <h1 className="topbar__title">{meta.title}</h1>
            <HeaderToasts />
          </div>
          <div className="topbar__status">
            <CountdownSlot />
            <ConnectionIndicator />
            <PeopleHere />
          </div>
        </div>
      </header>
      <main className="page participant">
        <PhaseGuidance phase={meta.phase} />
        {meta.purpose && (
          <details className="purpose">
            <summary>{t('participant.why')}</summary>
            <p>{meta.purpose}</p>
          </details>
        )}
        {!isWritingOpen && <p className="notice">{writingClosedReason(meta.phase, t)}</p>}
        {isWritingOpen && !canWrite && <p className="notice">{t('participant.watching')}</p>}
        {!meta.settings.isAnonymous && <p className="notice notice--names">{t('participant.namesShown')}</p>}
        {meta.phase === 'group' ? (
          <GroupView board={board} />
        ) : DECISION_PHASES.has(meta.phase) ? (
          <DecisionView board={board} />
        ) : (
          <PromptCards board={board} />
        )}
        <footer className="footer">
          <p>
            {name
              ? t(meta.settings.isAnonymous ? 'participant.appearAs' : 'participant.appearAsNamed', { name })
              : t('participant.nameless')}{' '}
            <button type="button" className="link-button" onClick={onChangeName}>
              {t('participant.change')}
            </button>
          </p>
        </footer>
      </main>
    </>
  );
}

/** /b/:boardId — the participant's view, made for a phone first. */
export function ParticipantPage({ boardId }: { readonly boardId: string }) {
  useBoardSession(boardId, 'participant');
  const [name, setName] = useState(() => displayNameFor(boardId));
  const title = useBoardStore((s) => s.board?.meta.title ?? '');
  const isNamed = useBoardStore((s) => s.board?.meta.settings.isAnonymous === false);

  useEffect(() => {
    setPresence(name);
  }, [name]);

  return (
    <BoardGate>
      {name === null ? (
        <NameGate
          title={title}
          isNamed={isNamed}
          onDone={(chosen) => {
            saveDisplayName(boardId, chosen);
            setName(chosen);
          }}
        />
      ) : (
        <ParticipantBoard name={name} onChangeName={() => setName(null)} />
      )}
    </BoardGate>
  );
}
