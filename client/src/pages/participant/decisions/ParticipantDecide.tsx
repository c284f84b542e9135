import type { BoardState } from '../../../../../shared/domain/state';
import { sortedPrompts } from '../../../../../shared/domain/state';
import { canIRespond, openProposals, proposalThreads } from '../../../components/decisions/decisionSelectors';
import { ProposalContext } from '../../../components/decisions/ProposalContext';
import { ProposalOutcome } from '../../../components/decisions/ProposalOutcome';
import { ProposalRounds } from '../../../components/decisions/ProposalRounds';
import { ResponseForm } from '../../../components/decisions/ResponseForm';
import { RuleLine } from '../../../components/decisions/RuleLine';
import { useBoardStore } from '../../../store/boardStore';

/** Open proposals to answer, then the results of closed rounds with their reasons. */
export function ParticipantDecide({ board }: { readonly board: BoardState }) {
  const role = useBoardStore((s) => s.role);
  const open = openProposals(board);
  const canRespond = canIRespond(role, board);
  const isRevisit = board.meta.phase === 'revisit';
  // While revisiting, the results of this version's rounds only: earlier ones are in the record.
  const since = isRevisit ? Math.max(0, ...[...board.versions.values()].map((v) => v.closedAt)) : 0;
  const decided = sortedPrompts(board).flatMap((prompt) =>
    [...proposalThreads(board, prompt.id).values()]
      .map((rounds) => rounds.filter((p) => p.status !== 'open' && p.openedAt >= since))
      .filter((rounds) => rounds.length > 0),
  );
  decided.sort((a, b) => (b.at(-1)?.closedAt ?? 0) - (a.at(-1)?.closedAt ?? 0));

  return (
    <>
      <section className="decide" aria-labelledby="decide-title">
        <h2 id="decide-title">{open.length === 1 ? 'A proposal to answer' : 'Proposals to answer'}</h2>
        {open.length === 0 && (
          <p className="notice">
            {isRevisit
              ? 'No change is open right now. When the facilitator asks the group to amend or retire an item, it appears here.'
              : 'No proposal is open right now. When the facilitator asks the group, it appears here.'}
          </p>
        )}
        {open.map((proposal) => (
          <article key={proposal.id} className="card proposal" aria-labelledby={`statement-${proposal.id}`}>
            <ProposalContext board={board} proposal={proposal} />
            <h3 id={`statement-${proposal.id}`} className="proposal__statement">
              {proposal.statement}
            </h3>
            <RuleLine proposal={proposal} />
            {proposal.round > 1 && (
              <p className="hint">Round {proposal.round}: a new version after the last round did not pass.</p>
            )}
            {canRespond ? <ResponseForm proposal={proposal} /> : <p className="hint">You do not answer in this round.</p>}
          </article>
        ))}
      </section>
      {decided.length > 0 && (
        <section className="decide" aria-labelledby="results-title">
          <h2 id="results-title">Results so far</h2>
          {decided.map((rounds) => {
            const latest = rounds.at(-1);
            if (!latest) return null;
            return (
              <article key={latest.id} className="card proposal" aria-labelledby={`result-${latest.id}`}>
                <p className="proposal__round">Round {latest.round}</p>
                <ProposalContext board={board} proposal={latest} />
                <h3 id={`result-${latest.id}`} className="proposal__statement">
                  {latest.statement}
                </h3>
                <ProposalOutcome proposal={latest} />
                {latest.status === 'failed' && (
                  <p className="hint">
                    The group can now talk about these reasons and look for a version that works for everyone.
                  </p>
                )}
                <ProposalRounds rounds={rounds.slice(0, -1)} />
              </article>
            );
          })}
        </section>
      )}
    </>
  );
}
