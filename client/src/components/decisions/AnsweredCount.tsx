import { useT } from '../../i18n/i18n';
import { EMPHASIS_MARK, Emphasized } from './Emphasized';

/** "N of M people here have answered": how far an open round is, never who answered. */
export function AnsweredCount({ answered, here }: { readonly answered: number; readonly here: number }) {
  const t = useT();
  return (
    <p className="voter-count" data-respondent-count={answered}>
      <Emphasized sentence={t('decisions.voters.answered', { count: EMPHASIS_MARK, whole: here })}>
        {t('decisions.partOfWhole', { part: answered, whole: here })}
      </Emphasized>
    </p>
  );
}
