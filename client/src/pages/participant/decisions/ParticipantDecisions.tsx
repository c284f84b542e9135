import type { BoardState } from '../../../../../shared/domain/state';
import { AgreementColumn } from '../../../components/decisions/AgreementColumn';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { useDecisionAnnouncements } from '../../../components/decisions/useDecisionAnnouncements';
import { ParticipantDecide } from './ParticipantDecide';
import { ParticipantVote } from './ParticipantVote';
import '../../../components/decisions/decisions.css';

/** Votes, consensus rounds and the agreement, phone first. */
export default function ParticipantDecisions({ board }: { readonly board: BoardState }) {
  useDecisionAnnouncements(board, false);
  const { phase } = board.meta;
  return (
    <div className="decisions decisions--participant">
      {phase === 'vote' && <ParticipantVote board={board} />}
      {(phase === 'decide' || phase === 'revisit') && <ParticipantDecide board={board} />}
      {phase !== 'vote' && <AgreementColumn board={board} isCompact={phase === 'decide'} />}
      <AwarenessSection board={board} />
    </div>
  );
}
