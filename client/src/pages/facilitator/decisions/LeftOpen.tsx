import type { BoardState } from '../../../../../shared/domain/state';
import { openVoteRound } from '../../../../../shared/domain/votingCommands';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { openProposals } from '../../../components/decisions/decisionSelectors';
import { quoted } from '../../../copy';
import { askToCloseRound, askToCloseVote } from './closeWithCare';

/**
 * A vote still open after the move to Decide, or consensus rounds still open after the move to
 * Agreement: the domain still lets them be closed there, so they are not forgotten.
 */
export function LeftOpen({ board, ask }: { readonly board: BoardState; readonly ask: (request: ConfirmRequest) => void }) {
  const { phase } = board.meta;
  const round = phase === 'decide' ? openVoteRound(board) : undefined;
  const proposals = phase === 'agreement' ? openProposals(board) : [];
  if (!round && proposals.length === 0) return null;
  return (
    <div className="notice left-open">
      {round && (
        <p>
          The vote {quoted(round.label)} is still open, but people can no longer place dots in this phase.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              askToCloseVote(board, round, ask, {
                title: 'Close the vote?',
                message: 'The dots placed so far are counted and the results are shown to everyone.',
                confirmLabel: 'Close the vote',
              })
            }
          >
            Close the vote
          </button>
        </p>
      )}
      {proposals.map((proposal) => (
        <p key={proposal.id}>
          The round on {quoted(proposal.statement)} is still open ({proposal.respondentCount} answered); people can no longer
          answer in this phase.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              askToCloseRound(board, proposal, ask, {
                title: 'Close this round?',
                message: 'The answers given so far are counted under its rule; the totals and reasons are shown to everyone.',
                confirmLabel: 'Close the round',
              })
            }
          >
            Close the round
          </button>
        </p>
      ))}
    </div>
  );
}
