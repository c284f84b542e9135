import type { BoardState } from '../../../../shared/domain/state';
import type { VoteRound } from '../../../../shared/records/VoteRound';
import { countDots, ordinal } from './decisionCopy';
import { rankingOf } from './decisionSelectors';
import { ItemSummary } from './ItemSummary';

/** The tallies of a closed round, ranked per question; items with as many dots are shown as tied. */
export function RoundRanking({ board, round }: { readonly board: BoardState; readonly round: VoteRound }) {
  const rankings = rankingOf(board, round);
  if (rankings.length === 0) return <p className="hint">Nothing was voted on in this round.</p>;
  return (
    <div className="decision-grid">
      {rankings.map(({ prompt, ranked }) => {
        const most = Math.max(1, ...ranked.map((r) => r.count));
        return (
          <section key={prompt.id} className="card vote-prompt" aria-labelledby={`ranking-${round.id}-${prompt.id}`}>
            <h3 id={`ranking-${round.id}-${prompt.id}`} className="vote-prompt__title">
              {prompt.text}
            </h3>
            <ol className="ranking">
              {ranked.map(({ item, count, rank, isTied }) => (
                <li key={item.id} className={`ranking__item${count === 0 ? ' ranking__item--none' : ''}`} data-tally={count}>
                  <span className="ranking__place">{isTied ? `Tied ${ordinal(rank)}` : ordinal(rank)}</span>
                  <div className="ranking__body">
                    <ItemSummary item={item} />
                    <div className="ranking__bar" aria-hidden="true">
                      <span style={{ width: `${(count * 100) / most}%` }} />
                    </div>
                  </div>
                  <span className="ranking__count">{countDots(count)}</span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
