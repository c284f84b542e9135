import type { VoteRound } from '../../../../shared/records/VoteRound';
import { useT } from '../../i18n/i18n';
import { EMPHASIS_MARK, Emphasized } from './Emphasized';

/** "2 of 3 have voted": a count only, never who. */
export function VoterCount({ round, here }: { readonly round: VoteRound; readonly here: number }) {
  const t = useT();
  // Someone may vote, then leave: never "4 of 3".
  const total = Math.max(here, round.voterCount);
  return (
    <p className="voter-count" data-voter-count={round.voterCount}>
      <Emphasized sentence={t('decisions.voters.voted', { count: EMPHASIS_MARK, whole: total })}>
        {t('decisions.partOfWhole', { part: round.voterCount, whole: total })}
      </Emphasized>
    </p>
  );
}
