import type { BoardState } from '../../../../../shared/domain/state';
import { openVoteRound } from '../../../../../shared/domain/votingCommands';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { openProposals } from '../../../components/decisions/decisionSelectors';
import { quoted } from '../../../copy';
import { useT } from '../../../i18n/i18n';
import { askToCloseRound, askToCloseVote } from './closeWithCare';

/**
 * A vote still open after the move to Decide, or consensus rounds still open after the move to
 * Agreement: the domain still lets them be closed there, so they are not forgotten.
 */
export function LeftOpen({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const t = useT();
  const { phase } = board.meta;
  const round = phase === 'decide' ? openVoteRound(board) : undefined;
  const proposals = phase === 'agreement' ? openProposals(board) : [];
  if (!round && proposals.length === 0) return null;
  return (
    <div className="notice left-open">
      {round && (
        <p>
          {t('facilitator.decide.leftOpen.vote', { label: quoted(round.label) })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              askToCloseVote(board, round, ask, {
                title: t('facilitator.decide.leftOpen.closeVoteTitle'),
                message: t('facilitator.decide.leftOpen.closeVoteMessage'),
                confirmLabel: t('facilitator.decide.closeVote'),
              })
            }
          >
            {t('facilitator.decide.closeVote')}
          </button>
        </p>
      )}
      {proposals.map((proposal) => (
        <p key={proposal.id}>
          {t('facilitator.decide.leftOpen.round', { statement: quoted(proposal.statement), count: proposal.respondentCount })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              askToCloseRound(board, proposal, ask, {
                title: t('facilitator.decide.closeRoundTitle'),
                message: t('facilitator.decide.leftOpen.closeRoundMessage'),
                confirmLabel: t('facilitator.decide.closeRound'),
              })
            }
          >
            {t('facilitator.decide.closeRound')}
          </button>
        </p>
      ))}
    </div>
  );
}
