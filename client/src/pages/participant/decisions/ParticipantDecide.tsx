import type { BoardState } from '../../../../../shared/domain/state';
import { sortedPrompts } from '../../../../../shared/domain/state';
import { canIRespond, openProposals, proposalThreads } from '../../../components/decisions/decisionSelectors';
import { ProposalContext } from '../../../components/decisions/ProposalContext';
import { ProposalOutcome } from '../../../components/decisions/ProposalOutcome';
import { ProposalRounds } from '../../../components/decisions/ProposalRounds';
import { ResponseForm } from '../../../components/decisions/ResponseForm';
import { RuleLine } from '../../../components/decisions/RuleLine';
import { useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';

/** Open proposals to answer, then the results of closed rounds with their reasons. */
export function ParticipantDecide({ board }: { readonly board: BoardState }) {
  const t = useT();
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
        <h2 id="decide-title">{t('participant.toAnswer', { count: open.length })}</h2>
        {open.length === 0 && (
          <p className="notice">{isRevisit ? t('participant.noChangeOpen') : t('participant.noProposalOpen')}</p>
        )}
        {open.map((proposal) => (
          <article key={proposal.id} className="card proposal" aria-labelledby={`statement-${proposal.id}`}>
            <ProposalContext board={board} proposal={proposal} />
            <h3 id={`statement-${proposal.id}`} className="proposal__statement">
              {proposal.statement}
            </h3>
            <RuleLine proposal={proposal} />
            {proposal.round > 1 && <p className="hint">{t('participant.newVersion', { round: proposal.round })}</p>}
            {canRespond ? <ResponseForm proposal={proposal} /> : <p className="hint">{t('participant.noAnswer')}</p>}
          </article>
        ))}
      </section>
      {decided.length > 0 && (
        <section className="decide" aria-labelledby="results-title">
          <h2 id="results-title">{t('participant.resultsSoFar')}</h2>
          {decided.map((rounds) => {
            const latest = rounds.at(-1);
            if (!latest) return null;
            const hasFailed = latest.status === 'failed';
            return (
              <article key={latest.id} className="card proposal" aria-labelledby={`result-${latest.id}`}>
                <p className="proposal__round">{t('participant.round', { round: latest.round })}</p>
                <ProposalContext board={board} proposal={latest} />
                <h3 id={`result-${latest.id}`} className="proposal__statement">
                  {latest.statement}
                </h3>
                <ProposalOutcome proposal={latest} />
                {hasFailed && <p className="hint">{t('participant.failedHint')}</p>}
                <ProposalRounds rounds={rounds.slice(0, -1)} />
              </article>
            );
          })}
        </section>
      )}
    </>
  );
}
