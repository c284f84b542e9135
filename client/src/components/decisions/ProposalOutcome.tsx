import type { Proposal, ResponseKind } from '../../../../shared/records/Proposal';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/i18n';
import { RESPONSE_NAME_KEYS } from './decisionCopy';
import { outcomeWhy } from './outcomeWhy';

const KINDS: readonly ResponseKind[] = ['agree', 'canLive', 'block'];
/** Blocks first: they are what the group has to understand before it drafts an alternative. */
const REASON_ORDER: Readonly<Record<ResponseKind, number>> = { block: 0, canLive: 1, agree: 2 };

/** A closed round: counts, the outcome under its rule with why, and every reason without names. */
export function ProposalOutcome({ proposal }: { readonly proposal: Proposal }) {
  const t = useT();
  const locale = useLocale();
  const { outcome } = proposal;
  if (outcome === null) return null;
  const reasons = [...outcome.reasons].sort((a, b) => REASON_ORDER[a.response] - REASON_ORDER[b.response]);
  return (
    <div className={`outcome outcome--${outcome.isPassed ? 'passed' : 'failed'}`}>
      <p className="outcome__verdict">
        <span className="outcome__badge">{t(outcome.isPassed ? 'decisions.outcome.passed' : 'decisions.outcome.notPassed')}</span>
        <span className="outcome__rule">
          {t('decisions.outcome.decidedBy', {
            rule: proposal.rule,
            threshold: formatNumber(locale, proposal.thresholdPercent / 100, { style: 'percent', maximumFractionDigits: 2 }),
          })}
        </span>
      </p>
      <p className="outcome__why">{outcomeWhy(t, proposal, outcome)}</p>
      <ul className="counts" aria-label={t('decisions.outcome.countsLabel')}>
        {KINDS.map((kind) => (
          <li
            key={kind}
            className={`counts__item${kind === 'block' && outcome.counts.block > 0 ? ' counts__item--blocked' : ''}`}
          >
            <span className="counts__number">{outcome.counts[kind]}</span> {t(RESPONSE_NAME_KEYS[kind])}
          </li>
        ))}
      </ul>
      {reasons.length > 0 ? (
        <>
          <h4 className="outcome__reasons-title">{t('decisions.outcome.reasonsTitle', { count: reasons.length })}</h4>
          <ul className="reasons">
            {reasons.map((reason, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a closed round's reasons never change.
              <li key={i} className={`reason reason--${reason.response}`}>
                <span className="reason__kind">{t(RESPONSE_NAME_KEYS[reason.response])}</span>
                <p className="reason__text">{reason.text}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{t('decisions.outcome.noReason')}</p>
      )}
    </div>
  );
}
