import { isSmallCount } from '../../../../../shared/domain/smallCounts';
import type { BoardState } from '../../../../../shared/domain/state';
import { MIN_PEOPLE_TO_PUBLISH_RESULTS } from '../../../../../shared/limits';
import type { Proposal } from '../../../../../shared/records/Proposal';
import type { VoteRound } from '../../../../../shared/records/VoteRound';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { translate } from '../../../i18n/i18n';
import { closeProposal, closeVoteRound } from '../../../sync/commands';

type Ask = (request: ConfirmRequest) => void;

/** What the dialog says when nothing unusual is at stake. */
export type UsualClose = Omit<ConfirmRequest, 'onConfirm'>;

/** The dialog for results from so few people that they show what each chose. */
function smallCountRequest(kind: 'vote' | 'round', sentence: string, closeAnyway: () => void): ConfirmRequest {
  return {
    title: translate(kind === 'vote' ? 'facilitator.decide.small.voteTitle' : 'facilitator.decide.small.roundTitle'),
    message: translate('facilitator.decide.small.message', { sentence, min: MIN_PEOPLE_TO_PUBLISH_RESULTS, kind }),
    confirmLabel: translate('facilitator.decide.small.confirm'),
    onConfirm: closeAnyway,
  };
}

/**
 * Asks before closing a vote. With 1 or 2 voters (the public count) the totals would be their
 * ballots, so the dialog says that and the close carries `confirmSmallCount`; if the count
 * dropped meanwhile the server refuses with `too_few_people` and the same question follows.
 */
export function askToCloseVote(board: BoardState, round: VoteRound, ask: Ask, usual: UsualClose): void {
  const closeAnyway = () => void closeVoteRound(round.id, true);
  if (isSmallCount(board, round.voterCount)) {
    ask(smallCountRequest('vote', translate('facilitator.error.smallVote', { voters: round.voterCount }), closeAnyway));
    return;
  }
  const close = async () => {
    const result = await closeVoteRound(round.id);
    if (!result.ok && result.error === 'too_few_people') ask(smallCountRequest('vote', result.message, closeAnyway));
  };
  ask({ ...usual, onConfirm: () => void close() });
}

/** Asks before closing a consensus round, like {@link askToCloseVote} with the number who answered. */
export function askToCloseRound(board: BoardState, proposal: Proposal, ask: Ask, usual: UsualClose): void {
  const closeAnyway = () => void closeProposal(proposal.id, true);
  if (isSmallCount(board, proposal.respondentCount)) {
    ask(
      smallCountRequest(
        'round',
        translate('facilitator.error.smallRound', { respondents: proposal.respondentCount }),
        closeAnyway,
      ),
    );
    return;
  }
  const close = async () => {
    const result = await closeProposal(proposal.id);
    if (!result.ok && result.error === 'too_few_people') ask(smallCountRequest('round', result.message, closeAnyway));
  };
  ask({ ...usual, onConfirm: () => void close() });
}
