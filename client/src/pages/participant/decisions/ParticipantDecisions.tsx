import type { BoardState } from '../../../../../shared/domain/state';
import { CheckInLine } from '../../../components/agreement/CheckInLine';
import { ExportButtons } from '../../../components/agreement/ExportButtons';
import { VersionStatus } from '../../../components/agreement/VersionStatus';
import { VersionsPanel } from '../../../components/agreement/VersionsPanel';
import { AgreementColumn } from '../../../components/decisions/AgreementColumn';
import { AwarenessSection } from '../../../components/decisions/AwarenessSection';
import { useT } from '../../../i18n/i18n';
import { participantSecretFor } from '../../../storage';
import { useDecisionAnnouncements } from '../../../components/decisions/useDecisionAnnouncements';
import { NoteReactions } from './NoteReactions';
import { ParticipantDecide } from './ParticipantDecide';
import { ParticipantVote } from './ParticipantVote';
import '../../../components/decisions/decisions.css';

/** Votes, consensus rounds and the agreement, phone first. */
export default function ParticipantDecisions({ board }: { readonly board: BoardState }) {
  const t = useT();
  useDecisionAnnouncements(board, false);
  const { phase } = board.meta;
  const isLiving = phase === 'agreement' || phase === 'revisit';
  const isVote = phase === 'vote';
  const isDecide = phase === 'decide';
  const hasRounds = isDecide || phase === 'revisit';
  return (
    <div className="decisions decisions--participant">
      {isLiving && (
        <div className="agreement-status">
          <VersionStatus board={board} />
          <CheckInLine board={board} downloadKey={null} />
        </div>
      )}
      {isVote && <ParticipantVote board={board} />}
      {hasRounds && <ParticipantDecide board={board} />}
      {!isVote && <AgreementColumn board={board} isCompact={isDecide} />}
      <AwarenessSection board={board} />
      {(isVote || isDecide) && <NoteReactions board={board} />}
      {isLiving && <VersionsPanel board={board} />}
      {board.meta.isClosed && (
        <ExportButtons
          board={board}
          downloadKey={participantSecretFor(board.meta.id)}
          headingId="participant-exports-title"
          title={t('participant.takeAgreement')}
          kinds={['md', 'csv']}
        />
      )}
    </div>
  );
}
