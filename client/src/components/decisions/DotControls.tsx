import type { VoteRound } from '../../../../shared/records/VoteRound';
import { quoted } from '../../copy';
import { announceQuietly } from '../../store/toastStore';
import { placeDot, removeDot } from '../../sync/commands';
import { countDots } from './decisionCopy';

export interface DotControlsProps {
  readonly round: VoteRound;
  readonly itemId: string;
  readonly itemName: string;
  /** My dots on this item. */
  readonly mine: number;
  /** My dots not placed yet in this round. */
  readonly left: number;
}

/**
 * My dots on one item, with buttons to add and take back one. Buttons past a limit stay
 * focusable (aria-disabled): pressing one says why, instead of focus vanishing.
 */
export function DotControls({ round, itemId, itemName, mine, left }: DotControlsProps) {
  const name = quoted(itemName);
  const isAtCap = mine >= round.maxPerItem;
  const canAdd = left > 0 && !isAtCap;

  const add = () => {
    if (placeDot(round.id, itemId) !== null) return;
    const after = left - 1;
    announceQuietly(`${countDots(mine + 1)} on ${name}. ${after === 0 ? 'No dots left.' : `${countDots(after)} left.`}`);
  };
  const takeBack = () => {
    if (removeDot(round.id, itemId) !== null) return;
    announceQuietly(`${countDots(mine - 1)} on ${name}. ${countDots(left + 1)} left.`);
  };

  return (
    <fieldset className="dots">
      <legend className="visually-hidden">Your dots on {name}</legend>
      <button
        type="button"
        className="dots__button"
        aria-label={`Take a dot back from ${name}`}
        aria-disabled={mine === 0}
        onClick={takeBack}
      >
        <span aria-hidden="true">−</span>
      </button>
      <span className="dots__value">
        <span className="dots__pips" aria-hidden="true">
          {Array.from({ length: round.maxPerItem }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pips are identical and never reorder.
            <span key={i} className={i < mine ? 'dots__pip dots__pip--on' : 'dots__pip'} />
          ))}
        </span>
        <span className="dots__count" data-my-dots={mine}>
          {mine}
          <span className="visually-hidden"> of your dots here, at most {round.maxPerItem}</span>
        </span>
      </span>
      <button
        type="button"
        className="dots__button dots__button--add"
        aria-label={`Add a dot to ${name}`}
        aria-disabled={!canAdd}
        onClick={add}
      >
        <span aria-hidden="true">+</span>
      </button>
    </fieldset>
  );
}
