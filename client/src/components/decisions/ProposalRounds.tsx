import type { Proposal } from '../../../../shared/records/Proposal';
import { formatMoment } from './decisionCopy';
import { ProposalOutcome } from './ProposalOutcome';

/** "Round 2 · not passed". */
export function roundLine(proposal: Proposal): string {
  const status = proposal.status === 'open' ? 'open now' : proposal.status === 'passed' ? 'passed' : 'not passed';
  return `Round ${proposal.round} · ${status}`;
}

/** Earlier rounds of a theme or statement, oldest first; each folds open to its outcome and reasons. */
export function ProposalRounds({ rounds }: { readonly rounds: readonly Proposal[] }) {
  if (rounds.length === 0) return null;
  return (
    <div className="history">
      <h4 className="history__title">{rounds.length === 1 ? 'Earlier round' : `${rounds.length} earlier rounds`}</h4>
      <ol className="history__list">
        {rounds.map((proposal) => (
          <li key={proposal.id} className={`history__item history__item--${proposal.status}`}>
            <details>
              <summary>
                <span className="history__round">{roundLine(proposal)}</span>
                <span className="history__statement">“{proposal.statement}”</span>
              </summary>
              <div className="history__body">
                {proposal.closedAt !== null && <p className="hint">Closed {formatMoment(proposal.closedAt)}</p>}
                <ProposalOutcome proposal={proposal} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
