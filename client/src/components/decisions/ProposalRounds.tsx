import type { Proposal } from '../../../../shared/records/Proposal';
import { translate, useT } from '../../i18n/i18n';
import { formatMoment } from './decisionCopy';
import { ProposalOutcome } from './ProposalOutcome';

/** "Round 2 · not passed". */
export function roundLine(proposal: Proposal): string {
  return translate('decisions.rounds.roundLine', { round: proposal.round, status: proposal.status });
}

/** Earlier rounds of a theme or statement, oldest first; each folds open to its outcome and reasons. */
export function ProposalRounds({ rounds }: { readonly rounds: readonly Proposal[] }) {
  const t = useT();
  if (rounds.length === 0) return null;
  return (
    <div className="history">
      <h4 className="history__title">{t('decisions.rounds.earlierTitle', { count: rounds.length })}</h4>
      <ol className="history__list">
        {rounds.map((proposal) => (
          <li key={proposal.id} className={`history__item history__item--${proposal.status}`}>
            <details>
              <summary>
                <span className="history__round">{roundLine(proposal)}</span>
                <span className="history__statement">{t('decisions.rounds.statement', { statement: proposal.statement })}</span>
              </summary>
              <div className="history__body">
                {proposal.closedAt !== null && (
                  <p className="hint">{t('decisions.rounds.closed', { when: formatMoment(proposal.closedAt) })}</p>
                )}
                <ProposalOutcome proposal={proposal} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
