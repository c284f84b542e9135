import type { BoardState } from '../../../../shared/domain/state';
import type { VoteRound } from '../../../../shared/records/VoteRound';
import { translate, useT } from '../../i18n/i18n';
import { overallRanking, type RankedItem, rankingOf } from './decisionSelectors';
import { ItemSummary } from './ItemSummary';

/** A bar as long as `count` is of `most`: one scale for the whole board, so bars compare across questions. */
function Bar({ count, most }: { readonly count: number; readonly most: number }) {
  return (
    <div className="ranking__bar" aria-hidden="true">
      <span style={{ width: `${(count * 100) / most}%` }} />
    </div>
  );
}

const place = ({ rank, isTied }: RankedItem) => translate('decisions.ranking.place', { rank, tied: isTied ? 'yes' : 'no' });

/**
 * The tallies of a closed round: every item with dots ranked across the board, then per question.
 * Items with as many dots are shown as tied; items nobody chose are listed, not ranked.
 */
export function RoundRanking({ board, round }: { readonly board: BoardState; readonly round: VoteRound }) {
  const t = useT();
  const rankings = rankingOf(board, round);
  if (rankings.length === 0) return <p className="hint">{t('decisions.ranking.nothing')}</p>;
  const overall = overallRanking(rankings);
  const most = Math.max(1, ...overall.map((r) => r.count));
  const promptText = new Map(rankings.map(({ prompt }) => [prompt.id, prompt.text]));
  const overallId = `ranking-${round.id}-all`;
  return (
    <>
      {rankings.length > 1 && overall.length > 0 && (
        <section className="card vote-prompt ranking-all" aria-labelledby={overallId}>
          <h3 id={overallId} className="vote-prompt__title">
            {t('decisions.ranking.allTogether')}
          </h3>
          <ol className="ranking">
            {overall.map((ranked) => (
              <li key={ranked.item.id} className="ranking__item" data-overall-tally={ranked.count}>
                <span className="ranking__place">{place(ranked)}</span>
                <div className="ranking__body">
                  <p className="item-summary__name">{ranked.item.name}</p>
                  <p className="ranking__question">{promptText.get(ranked.item.promptId)}</p>
                  <Bar count={ranked.count} most={most} />
                </div>
                <span className="ranking__count">{t('decisions.ranking.dots', { count: ranked.count })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="decision-grid">
        {rankings.map(({ prompt, ranked, unchosen }) => (
          <section key={prompt.id} className="card vote-prompt" aria-labelledby={`ranking-${round.id}-${prompt.id}`}>
            <h3 id={`ranking-${round.id}-${prompt.id}`} className="vote-prompt__title">
              {prompt.text}
            </h3>
            {ranked.length > 0 ? (
              <ol className="ranking">
                {ranked.map((r) => (
                  <li key={r.item.id} className="ranking__item" data-tally={r.count}>
                    <span className="ranking__place">{place(r)}</span>
                    <div className="ranking__body">
                      <ItemSummary item={r.item} />
                      <Bar count={r.count} most={most} />
                    </div>
                    <span className="ranking__count">{t('decisions.ranking.dots', { count: r.count })}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="hint">{t('decisions.ranking.noDotHere')}</p>
            )}
            {unchosen.length > 0 && (
              <div className="ranking__unchosen">
                <p className="ranking__unchosen-title">{t('decisions.ranking.unchosen', { count: unchosen.length })}</p>
                <ul>
                  {unchosen.map((item) => (
                    <li key={item.id} data-tally={0}>
                      {item.name}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
