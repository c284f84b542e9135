import type { BoardState } from '../../../../shared/domain/state';
import { openVoteRound } from '../../../../shared/domain/votingCommands';
import type { Proposal } from '../../../../shared/records/Proposal';
import { AgreementColumn } from '../../components/decisions/AgreementColumn';
import { AwarenessSection } from '../../components/decisions/AwarenessSection';
import {
  itemsByPrompt,
  openProposals,
  respondersHere,
  sortedRounds,
  votersHere,
} from '../../components/decisions/decisionSelectors';
import { ProposalContext } from '../../components/decisions/ProposalContext';
import { ProposalOutcome } from '../../components/decisions/ProposalOutcome';
import { RoundRanking } from '../../components/decisions/RoundRanking';
import { AnsweredCount } from '../../components/decisions/AnsweredCount';
import { RuleLine } from '../../components/decisions/RuleLine';
import { VoteItemList } from '../../components/decisions/VoteItemList';
import { VoterCount } from '../../components/decisions/VoterCount';
import { useT } from '../../i18n/i18n';
import { useBoardStore } from '../../store/boardStore';
import '../../components/decisions/decisions.css';

function Stage({ title, children }: { readonly title: string; readonly children: React.ReactNode }) {
  return (
    <section className="present__stage" aria-labelledby="present-stage-title">
      <h2 id="present-stage-title" className="present__prompt">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The vote: while it is open, what is voted on and how many have voted; after the close, the ranking. Never a tally before. */
export function PresentVote({ board }: { readonly board: BoardState }) {
  const t = useT();
  const people = useBoardStore((s) => s.people);
  const open = openVoteRound(board) ?? null;
  const latest = sortedRounds(board).findLast((r) => r.status === 'closed') ?? null;
  if (open) {
    const groups = itemsByPrompt(board, 'align', open.itemIds === null ? null : new Set(open.itemIds));
    return (
      <Stage title={t('present.vote.votingNow', { label: open.label })}>
        <VoterCount round={open} here={votersHere(people, board, open)} />
        <p className="present__progress">{t('present.vote.resultsLater')}</p>
        <VoteItemList groups={groups} round={null} myDots={{}} idPrefix="present-vote" />
      </Stage>
    );
  }
  if (latest) {
    return (
      <Stage title={t('present.vote.results', { label: latest.label })}>
        <p className="present__progress">{t('present.vote.votedTied', { count: latest.voterCount })}</p>
        <RoundRanking board={board} round={latest} />
      </Stage>
    );
  }
  return (
    <Stage title={t('present.vote.canVoteOn')}>
      <p className="present__progress">{t('present.vote.notStarted')}</p>
      <VoteItemList groups={itemsByPrompt(board, 'align')} round={null} myDots={{}} idPrefix="present-vote" />
    </Stage>
  );
}

function OpenProposal({ board, proposal }: { readonly board: BoardState; readonly proposal: Proposal }) {
  const t = useT();
  const people = useBoardStore((s) => s.people);
  // Someone may answer, then leave: never "4 of 3".
  const here = Math.max(respondersHere(people, board), proposal.respondentCount);
  return (
    <article className="card proposal present__proposal" aria-labelledby={`present-statement-${proposal.id}`}>
      <ProposalContext board={board} proposal={proposal} />
      <h3 id={`present-statement-${proposal.id}`} className="proposal__statement">
        {proposal.statement}
      </h3>
      <RuleLine proposal={proposal} />
      <AnsweredCount answered={proposal.respondentCount} here={here} />
      <p className="present__progress">{t('present.decide.hiddenUntilClose')}</p>
    </article>
  );
}

/** Proposals of this version only: when revisiting, earlier versions' rounds are in the record. */
function sinceVersionStart(board: BoardState): number {
  return board.meta.phase === 'revisit' ? Math.max(0, ...[...board.versions.values()].map((v) => v.closedAt)) : 0;
}

/** Consensus rounds: the open statement with how many have answered, else the last outcome with its reasons, unattributed. */
export function PresentDecide({ board }: { readonly board: BoardState }) {
  const t = useT();
  const open = openProposals(board);
  if (open.length > 0) {
    return (
      <Stage title={t('present.decide.proposals', { count: open.length })}>
        {open.map((proposal) => (
          <OpenProposal key={proposal.id} board={board} proposal={proposal} />
        ))}
      </Stage>
    );
  }
  const since = sinceVersionStart(board);
  const last = [...board.proposals.values()]
    .filter((p) => p.status !== 'open' && p.openedAt >= since)
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0))
    .at(-1);
  if (!last) {
    return (
      <Stage title={t('present.decide.heading')}>
        <p className="present__progress">{t('present.decide.noneOpen')}</p>
      </Stage>
    );
  }
  return (
    <Stage title={t('present.decide.outcome', { round: last.round })}>
      <article className="card proposal present__proposal" aria-labelledby={`present-result-${last.id}`}>
        <ProposalContext board={board} proposal={last} />
        <h3 id={`present-result-${last.id}`} className="proposal__statement">
          {last.statement}
        </h3>
        <ProposalOutcome proposal={last} />
      </article>
    </Stage>
  );
}

/** The agreement as it stands, and what the group knows about each other. */
export function PresentAgreement({ board }: { readonly board: BoardState }) {
  return (
    <div className="present__stage">
      <AgreementColumn board={board} isCompact />
      <AwarenessSection board={board} />
    </div>
  );
}
