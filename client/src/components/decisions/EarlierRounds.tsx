import type { BoardState } from '../../../../shared/domain/state';
import type { VoteRound } from '../../../../shared/records/VoteRound';
import { useT } from '../../i18n/i18n';
import { formatMoment } from './decisionCopy';
import { RoundRanking } from './RoundRanking';

/** Closed vote rounds, newest first, each folded to its label until opened. */
export function EarlierRounds({ board, rounds }: { readonly board: BoardState; readonly rounds: readonly VoteRound[] }) {
  const t = useT();
  if (rounds.length === 0) return null;
  return (
    <section className="earlier" aria-labelledby="earlier-votes-title">
      <h2 id="earlier-votes-title" className="earlier__title">
        {t('decisions.earlier.title')}
      </h2>
      {[...rounds].reverse().map((round) => (
        <details key={round.id} className="earlier__round">
          <summary>
            {round.label}
            <span className="earlier__meta">
              {' '}
              {t('decisions.earlier.meta', {
                count: round.voterCount,
                when: round.closedAt === null ? 'none' : formatMoment(round.closedAt),
              })}
            </span>
          </summary>
          <RoundRanking board={board} round={round} />
        </details>
      ))}
    </section>
  );
}
