import type { VoteRound } from '../../../../shared/records/VoteRound';

/** "2 of 3 have voted": a count only, never who. */
export function VoterCount({ round, here }: { readonly round: VoteRound; readonly here: number }) {
  // Someone may vote, then leave: never "4 of 3".
  const total = Math.max(here, round.voterCount);
  return (
    <p className="voter-count" data-voter-count={round.voterCount}>
      <strong>
        {round.voterCount} of {total}
      </strong>{' '}
      {total === 1 ? 'person here has' : 'people here have'} voted
    </p>
  );
}
