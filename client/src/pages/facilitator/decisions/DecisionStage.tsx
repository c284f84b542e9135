import type { BoardState } from '../../../../../shared/domain/state';
import type { AgreementItem } from '../../../../../shared/records/AgreementItem';
import { SmartieEditor } from '../../../components/agreement/SmartieEditor';
import { VersionsPanel } from '../../../components/agreement/VersionsPanel';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { AgreementColumn } from '../../../components/decisions/AgreementColumn';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { useDecisionAnnouncements } from '../../../components/decisions/useDecisionAnnouncements';
import { useT } from '../../../i18n/i18n';
import { readerKeyFor } from '../../../readerLink';
import { facilitatorKeyFor } from '../../../storage';
import { HandOutPanel } from '../agreement/HandOutPanel';
import { RevisitStage } from '../agreement/RevisitStage';
import { WorkshopVersionPanel } from '../agreement/WorkshopVersionPanel';
import { useConfirm } from '../useConfirm';
import { DecideStage } from './DecideStage';
import { LeftOpen } from './LeftOpen';
import { UnlockAgreement } from './UnlockAgreement';
import { VoteStage } from './VoteStage';
import '../../../components/decisions/decisions.css';

/** Phases in which an agreed item can be unlocked (the domain refuses it elsewhere). */
const UNLOCK_PHASES = new Set(['decide', 'agreement']);

/** The facilitator's board in the vote, decide, agreement and revisit phases. */
export function DecisionStage({ board }: { readonly board: BoardState }) {
  const t = useT();
  const confirm = useConfirm();
  useDecisionAnnouncements(board, true);
  const { phase, isClosed, settings } = board.meta;
  const boardId = board.meta.id;
  const canUnlock = UNLOCK_PHASES.has(phase) && !isClosed;
  // Action details can be filled in while the version is open; SMARTIE boards ask for them.
  const canDetail = phase !== 'vote' && !isClosed;
  const renderActions = (item: AgreementItem) =>
    item.status === 'locked' &&
    (canUnlock || canDetail) && (
      <div className="actions">
        {canDetail && <SmartieEditor item={item} usesSmartie={settings.usesSmartie} />}
        {canUnlock && <UnlockAgreement item={item} ask={confirm.ask} />}
      </div>
    );
  const isAgreement = phase === 'agreement';
  const isDecide = phase === 'decide';
  const isRevisit = phase === 'revisit';

  return (
    <div className={`decisions decisions--facilitator decisions--${phase}`}>
      {phase === 'vote' ? (
        <VoteStage board={board} ask={confirm.ask} />
      ) : (
        <>
          <div className="decisions__main">
            {isAgreement && <WorkshopVersionPanel board={board} facilitatorKey={facilitatorKeyFor(boardId)} ask={confirm.ask} />}
            <LeftOpen board={board} ask={confirm.ask} />
            {phase === 'decide' ? (
              <DecideStage board={board} ask={confirm.ask} />
            ) : phase === 'revisit' ? (
              <RevisitStage board={board} ask={confirm.ask} />
            ) : (
              <AgreementColumn board={board} renderActions={renderActions} />
            )}
          </div>
          <aside
            className="decisions__side"
            aria-label={t(isDecide ? 'facilitator.decide.side.decide' : 'facilitator.decide.side.other')}
          >
            {isDecide && <AgreementColumn board={board} renderActions={renderActions} isCompact />}
            {isAgreement && (
              <HandOutPanel board={board} facilitatorKey={facilitatorKeyFor(boardId)} readerKey={readerKeyFor(boardId)} />
            )}
            {(isAgreement || isRevisit) && <VersionsPanel board={board} />}
            <AwarenessSection board={board} />
          </aside>
        </>
      )}
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </div>
  );
}
