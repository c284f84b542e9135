import { useEffect } from 'react';
import { BoardGate } from '../components/BoardGate';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { PeopleHere } from '../components/PeopleHere';
import { HeaderToasts } from '../components/Toasts';
import { useT } from '../i18n/i18n';
import { readerKeyFor } from '../readerLink';
import { displayNameFor, facilitatorKeyFor, joinCodeFor, lastDisplayName } from '../storage';
import { useBoardStore } from '../store/boardStore';
import { setPresence } from '../sync/commands';
import { useBoardSession } from '../sync/useBoardSession';
import { useRememberWorkshop } from '../yourWorkshops';
import { BoardActions } from './facilitator/BoardActions';
import { DecisionStage } from './facilitator/decisions/DecisionStage';
import { GroupStage } from './facilitator/group/GroupStage';
import { InvitePanel } from './facilitator/InvitePanel';
import { PhaseStepper } from './facilitator/PhaseStepper';
import { PromptColumns } from './facilitator/PromptColumns';
import { PurposeEditor } from './facilitator/PurposeEditor';
import { SaveTemplateForm } from './facilitator/SaveTemplateForm';
import { SeatsPanel } from './facilitator/SeatsPanel';
import { SettingsPanel } from './facilitator/SettingsPanel';
import { TimerControl } from './facilitator/TimerControl';
import { TitleEditor } from './facilitator/TitleEditor';

/** Phases whose board is the decision view (votes, consensus rounds, the Agreement column). */
const DECISION_PHASES = new Set(['vote', 'decide', 'agreement', 'revisit']);

function FacilitatorBoard({ boardId, facilitatorKey }: { readonly boardId: string; readonly facilitatorKey: string }) {
  const t = useT();
  const board = useBoardStore((s) => s.board);
  const joinCode = useBoardStore((s) => s.joinCode);
  useRememberWorkshop(boardId, board?.meta ?? null);

  useEffect(() => {
    if (board) document.title = t('facilitator.documentTitle', { title: board.meta.title });
  }, [board, t]);

  if (!board) return null;
  const { meta } = board;
  const isSetup = meta.phase === 'setup';
  return (
    <>
      <header className="topbar topbar--facilitator">
        <div className="topbar__inner">
          <div className="topbar__title-group">
            <TitleEditor title={meta.title} />
            {(meta.version > 1 || meta.isClosed) && (
              <span className="version-badge">
                <span aria-hidden="true">
                  {t(meta.isClosed ? 'facilitator.version.badgeFinal' : 'facilitator.version.badge', { version: meta.version })}
                </span>
                <span className="visually-hidden">
                  {t(meta.isClosed ? 'facilitator.version.spokenFinal' : 'facilitator.version.spoken', { version: meta.version })}
                </span>
              </span>
            )}
            <HeaderToasts />
          </div>
          <div className="topbar__status">
            <TimerControl />
            <a className="button button--small topbar__present" href={`/b/${boardId}/present`} target="_blank" rel="noopener">
              {t('facilitator.present')}
              <span className="visually-hidden"> {t('facilitator.presentOpensTab')}</span>
            </a>
            <ConnectionIndicator />
            <PeopleHere />
          </div>
        </div>
        <div className="topbar__inner topbar__inner--controls">
          <PhaseStepper phase={meta.phase} isClosed={meta.isClosed} version={meta.version} />
        </div>
      </header>
      <main className="page facilitator">
        <BoardActions board={board} />
        <div className="facilitator__panels">
          <InvitePanel
            boardId={boardId}
            joinCode={joinCode ?? joinCodeFor(boardId)}
            facilitatorKey={facilitatorKey}
            readerKey={readerKeyFor(boardId)}
            isOpen={isSetup || meta.phase === 'reflect'}
          />
          <details className="panel" open={isSetup}>
            <summary className="panel__summary">{t('facilitator.setup.purposeAndSettings')}</summary>
            <div className="panel__body">
              {isSetup ? (
                <PurposeEditor purpose={meta.purpose} />
              ) : (
                <p className="purpose-text" dir="auto">
                  {meta.purpose}
                </p>
              )}
              <SettingsPanel settings={meta.settings} />
              <SaveTemplateForm board={board} />
            </div>
          </details>
          <SeatsPanel isRosterShown={meta.settings.showRoster} />
        </div>
        {meta.phase === 'group' ? (
          <GroupStage board={board} />
        ) : DECISION_PHASES.has(meta.phase) ? (
          <DecisionStage board={board} />
        ) : (
          <PromptColumns board={board} />
        )}
      </main>
    </>
  );
}

function LiveFacilitatorBoard({ boardId, facilitatorKey }: { readonly boardId: string; readonly facilitatorKey: string }) {
  useBoardSession(boardId, 'facilitator', facilitatorKey);
  useEffect(() => {
    setPresence(displayNameFor(boardId) ?? lastDisplayName());
  }, [boardId]);
  return (
    <BoardGate>
      <FacilitatorBoard boardId={boardId} facilitatorKey={facilitatorKey} />
    </BoardGate>
  );
}

/** /b/:boardId/facilitate — the facilitator's board (loaded only by facilitators). */
export default function FacilitatorPage({ boardId }: { readonly boardId: string }) {
  const t = useT();
  const facilitatorKey = facilitatorKeyFor(boardId);
  if (!facilitatorKey) {
    return (
      <main className="page page--narrow">
        <h1>{t('facilitator.noKey.heading')}</h1>
        <p>{t('facilitator.noKey.explain')}</p>
        <p>
          <a href={`/b/${boardId}`}>{t('facilitator.noKey.joinInstead')}</a>
        </p>
      </main>
    );
  }
  return <LiveFacilitatorBoard boardId={boardId} facilitatorKey={facilitatorKey} />;
}
