import type { VoteRound } from '../../../../shared/records/VoteRound';
import { countDots } from './decisionCopy';

/** "3 of 5 dots left", kept in view while I scroll the items. */
export function VoteBudget({ round, used }: { readonly round: VoteRound; readonly used: number }) {
  const left = Math.max(0, round.dotsPerPerson - used);
  return (
    <div className={`vote-budget${left === 0 ? ' vote-budget--spent' : ''}`}>
      <p className="vote-budget__left">
        <strong>
          {left} of {round.dotsPerPerson}
        </strong>{' '}
        {round.dotsPerPerson === 1 ? 'dot' : 'dots'} left
      </p>
      <p className="vote-budget__rule">
        {left === 0
          ? 'All your dots are placed. To move one, take it back from another item.'
          : `At most ${countDots(round.maxPerItem)} on one item.`}
      </p>
    </div>
  );
}
