import type { BoardState } from '../../../../../shared/domain/state';
import { CheckInLine } from '../../../components/agreement/CheckInLine';
import { ExportButtons } from '../../../components/agreement/ExportButtons';
import { VersionStatus } from '../../../components/agreement/VersionStatus';
import { VersionsPanel } from '../../../components/agreement/VersionsPanel';
import { AgreementColumn } from '../../../components/decisions/AgreementColumn';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { participantSecretFor } from '../../../storage';
import { useDecisionAnnouncements } from '../../../components/decisions/useDecisionAnnouncements';
import { NoteReactions } from './NoteReactions';
import { ParticipantDecide } from './ParticipantDecide';
import { ParticipantVote } from './ParticipantVote';
import '../../../components/decisions/decisions.css';

/** Votes, consensus rounds and the agreement, phone first. */
export default function ParticipantDecisions({ board }: { readonly board: BoardState }) {
  useDecisionAnnouncements(board, false);
  const { phase } = board.meta;
  const isLiving = phase === 'agreement' || phase === 'revisit';
  return (
    <div className="decisions decisions--participant">
      {isLiving && (
        <div className="agreement-status">
          <VersionStatus board={board} />
          <CheckInLine board={board} downloadKey={null} />
        </div>
      )}
      {phase === 'vote' && <ParticipantVote board={board} />}
      {(phase === 'decide' || phase === 'revisit') && <ParticipantDecide board={board} />}
      {phase !== 'vote' && <AgreementColumn board={board} isCompact={phase === 'decide'} />}
      <AwarenessSection board={board} />
      {(phase === 'vote' || phase === 'decide') && <NoteReactions board={board} />}
      {isLiving && <VersionsPanel board={board} />}
      {board.meta.isClosed && (
        <ExportButtons
          board={board}
          downloadKey={participantSecretFor(board.meta.id)}
          headingId="participant-exports-title"
          title="Take the agreement with you"
          kinds={['md', 'csv']}
        />
      )}
    </div>
  );
}
