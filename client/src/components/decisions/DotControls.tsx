import type { VoteRound } from '../../../../shared/records/VoteRound';
import { quoted } from '../../copy';
import { announceQuietly } from '../../store/toastStore';
import { placeDot, removeDot } from '../../sync/commands';
import { translate, useT } from '../../i18n/i18n';

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
  const t = useT();
  const name = quoted(itemName);
  const isAtCap = mine >= round.maxPerItem;
  const canAdd = left > 0 && !isAtCap;

  const add = () => {
    if (placeDot(round.id, itemId) !== null) return;
    announceQuietly(translate('decisions.dots.placedAnnouncement', { mine: mine + 1, item: name, left: left - 1 }));
  };
  const takeBack = () => {
    if (removeDot(round.id, itemId) !== null) return;
    announceQuietly(translate('decisions.dots.placedAnnouncement', { mine: mine - 1, item: name, left: left + 1 }));
  };

  return (
    <fieldset className="dots">
      <legend className="visually-hidden">{t('decisions.dots.legend', { item: name })}</legend>
      <button
        type="button"
        className="dots__button"
        aria-label={t('decisions.dots.takeBack', { item: name })}
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
          <span className="visually-hidden"> {t('decisions.dots.countHidden', { max: round.maxPerItem })}</span>
        </span>
      </span>
      <button
        type="button"
        className="dots__button dots__button--add"
        aria-label={t('decisions.dots.add', { item: name })}
        aria-disabled={!canAdd}
        onClick={add}
      >
        <span aria-hidden="true">+</span>
      </button>
    </fieldset>
  );
}
