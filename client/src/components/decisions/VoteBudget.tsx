import type { VoteRound } from '../../../../shared/records/VoteRound';
import { useT } from '../../i18n/i18n';
import { EMPHASIS_MARK, Emphasized } from './Emphasized';

/** "3 of 5 dots left", kept in view while I scroll the items. */
export function VoteBudget({ round, used }: { readonly round: VoteRound; readonly used: number }) {
  const t = useT();
  const left = Math.max(0, round.dotsPerPerson - used);
  return (
    <div className={`vote-budget${left === 0 ? ' vote-budget--spent' : ''}`}>
      <p className="vote-budget__left">
        <Emphasized sentence={t('decisions.budget.left', { count: EMPHASIS_MARK, whole: round.dotsPerPerson })}>
          {t('decisions.partOfWhole', { part: left, whole: round.dotsPerPerson })}
        </Emphasized>
      </p>
      <p className="vote-budget__rule">
        {left === 0 ? t('decisions.budget.spent') : t('decisions.budget.maxPerItem', { max: round.maxPerItem })}
      </p>
    </div>
  );
}
