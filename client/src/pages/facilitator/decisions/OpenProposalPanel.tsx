import { quorumNeeded } from '../../../../../shared/domain/decisionRules';
import type { BoardState } from '../../../../../shared/domain/state';
import type { Proposal } from '../../../../../shared/records/Proposal';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { ChangeSummary } from '../../../components/decisions/ChangeSummary';
import { canIRespond, respondersHere } from '../../../components/decisions/decisionSelectors';
import { ResponseForm } from '../../../components/decisions/ResponseForm';
import { AnsweredCount } from '../../../components/decisions/AnsweredCount';
import { RuleLine } from '../../../components/decisions/RuleLine';
import { countPeople } from '../../../copy';
import { useBoardStore } from '../../../store/boardStore';
import { askToCloseRound } from './closeWithCare';

/** An open round: the statement, its rule, how many have answered (what they answered stays hidden), and Close. */
export function OpenProposalPanel({
  board,
  proposal,
  ask,
}: {
  readonly board: BoardState;
  readonly proposal: Proposal;
  readonly ask: (request: ConfirmRequest) => void;
}) {
  const people = useBoardStore((s) => s.people);
  const role = useBoardStore((s) => s.role);
  const here = Math.max(respondersHere(people, board), proposal.respondentCount);
  const needed = quorumNeeded(proposal.quorumPercent, here);

  const close = () =>
    askToCloseRound(board, proposal, ask, {
      title: 'Close this round?',
      message:
        proposal.respondentCount === 0
          ? 'Nobody has answered yet: the round would not pass.'
          : 'The answers are counted under the rule. The totals and every reason, without names, are shown to everyone. Nobody can change their answer afterwards.',
      confirmLabel: 'Close the round',
    });

  return (
    <div className="open-proposal">
      <p className="open-proposal__label">
        Round {proposal.round} <span className="status-pill">Open</span>
      </p>
      <ChangeSummary board={board} proposal={proposal} />
      <p className="proposal__statement">{proposal.statement}</p>
      <RuleLine proposal={proposal} />
      <AnsweredCount answered={proposal.respondentCount} here={here} />
      {proposal.rule !== 'consent' && (
        <p className="hint">
          To pass, at least {countPeople(needed)} must answer ({proposal.quorumPercent}% of those here).
        </p>
      )}
      <p className="hint">What people answered stays hidden, you included, until you close the round.</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={close}>
          Close the round…
        </button>
      </div>
      {canIRespond(role, board) && (
        <details className="my-answer">
          <summary>Your own answer</summary>
          <p className="hint">If your screen is shared with the room, answer from your phone instead.</p>
          <ResponseForm proposal={proposal} />
        </details>
      )}
    </div>
  );
}
