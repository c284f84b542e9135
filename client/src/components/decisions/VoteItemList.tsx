import type { VoteRound } from '../../../../shared/records/VoteRound';
import { DotControls } from './DotControls';
import type { PromptItems } from './decisionSelectors';
import { themeColorClass } from '../themeColor';
import { ItemSummary } from './ItemSummary';

export interface VoteItemListProps {
  readonly groups: readonly PromptItems[];
  /** The open round when I may place dots in it; null shows the items alone. */
  readonly round: VoteRound | null;
  readonly myDots: Readonly<Record<string, number>>;
  /** Keeps heading ids unique when one page shows two lists. */
  readonly idPrefix?: string;
}

/** What the group votes on, per question; with my dot buttons when I can vote. */
export function VoteItemList({ groups, round, myDots, idPrefix = 'vote' }: VoteItemListProps) {
  const used = Object.values(myDots).reduce((a, b) => a + b, 0);
  const left = round ? round.dotsPerPerson - used : 0;
  return (
    <div className="decision-grid">
      {groups
        .filter(({ items }) => items.length > 0)
        .map(({ prompt, items }) => (
          <section key={prompt.id} className="card vote-prompt" aria-labelledby={`${idPrefix}-prompt-${prompt.id}`}>
            <h3 id={`${idPrefix}-prompt-${prompt.id}`} className="vote-prompt__title">
              {prompt.text}
            </h3>
            <ul className="vote-items">
              {items.map((item) => (
                <li
                  key={item.id}
                  className={`vote-item${(myDots[item.id] ?? 0) > 0 ? ' vote-item--chosen' : ''}${item.themePosition === null ? '' : ` vote-item--theme ${themeColorClass(item.themePosition)}`}`}
                >
                  <ItemSummary item={item} />
                  {round && (
                    <DotControls round={round} itemId={item.id} itemName={item.name} mine={myDots[item.id] ?? 0} left={left} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
