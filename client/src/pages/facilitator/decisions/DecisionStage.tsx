import type { BoardState } from '../../../../../shared/domain/state';
import type { AgreementItem } from '../../../../../shared/records/AgreementItem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { AgreementColumn } from '../../../components/decisions/AgreementColumn';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { useDecisionAnnouncements } from '../../../components/decisions/useDecisionAnnouncements';
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
  const confirm = useConfirm();
  useDecisionAnnouncements(board, true);
  const { phase } = board.meta;
  const renderActions = UNLOCK_PHASES.has(phase)
    ? (item: AgreementItem) => item.status === 'locked' && <UnlockAgreement item={item} ask={confirm.ask} />
    : undefined;

  return (
    <div className={`decisions decisions--facilitator decisions--${phase}`}>
      {phase === 'vote' ? (
        <VoteStage board={board} ask={confirm.ask} />
      ) : (
        <>
          <div className="decisions__main">
            <LeftOpen board={board} ask={confirm.ask} />
            {phase === 'decide' ? (
              <DecideStage board={board} ask={confirm.ask} />
            ) : (
              <AgreementColumn board={board} renderActions={renderActions} />
            )}
          </div>
          <aside className="decisions__side" aria-label={phase === 'decide' ? 'Agreement so far' : 'Understanding each other'}>
            {phase === 'decide' && <AgreementColumn board={board} renderActions={renderActions} isCompact />}
            <AwarenessSection board={board} />
          </aside>
        </>
      )}
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </div>
  );
}
