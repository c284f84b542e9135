import { useMemo } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { openVoteRound } from '../../../../../shared/domain/votingCommands';
import { canIVote, itemsByPrompt, sortedRounds, votersHere } from '../../../components/decisions/decisionSelectors';
import { EarlierRounds } from '../../../components/decisions/EarlierRounds';
import { RoundRanking } from '../../../components/decisions/RoundRanking';
import { VoteBudget } from '../../../components/decisions/VoteBudget';
import { VoteItemList } from '../../../components/decisions/VoteItemList';
import { VoterCount } from '../../../components/decisions/VoterCount';
import { DoneToggle } from '../../../components/marks/DoneToggle';
import { useT } from '../../../i18n/i18n';
import { useBoardStore } from '../../../store/boardStore';

const NO_ITEM_DOTS: Readonly<Record<string, number>> = {};

/** The vote: my dots on the items of the open round, or the ranking once it is closed. */
export function ParticipantVote({ board }: { readonly board: BoardState }) {
  const t = useT();
  const role = useBoardStore((s) => s.role);
  const people = useBoardStore((s) => s.people);
  const open = openVoteRound(board) ?? null;
  const myDots = useBoardStore((s) => (open ? (s.myDots[open.id] ?? NO_ITEM_DOTS) : NO_ITEM_DOTS));
  const closed = sortedRounds(board).filter((r) => r.status === 'closed');
  const latest = closed.at(-1) ?? null;
  const groups = useMemo(
    () => itemsByPrompt(board, 'align', open?.itemIds ? new Set(open.itemIds) : null),
    [board, open?.itemIds],
  );

  if (open) {
    const canVote = canIVote(role, board);
    const used = Object.values(myDots).reduce((a, b) => a + b, 0);
    return (
      <section className="vote" aria-labelledby="vote-title">
        <h2 id="vote-title">{t('participant.voteTitle', { label: open.label })}</h2>
        <p>{canVote ? t('participant.voteHow') : t('participant.voteNot')}</p>
        <VoterCount round={open} here={votersHere(people, board, open)} />
        <p className="privacy">{t('decisions.dots.privacy')}</p>
        {canVote && <VoteBudget round={open} used={used} />}
        {canVote && <DoneToggle targetId={open.id} label={t('participant.doneVoting')} />}
        <VoteItemList groups={groups} round={canVote ? open : null} myDots={myDots} />
        <EarlierRounds board={board} rounds={closed} />
      </section>
    );
  }
  if (latest) {
    return (
      <section className="vote" aria-labelledby="vote-title">
        <h2 id="vote-title">{t('participant.resultsTitle', { label: latest.label })}</h2>
        <p>{t('participant.votedTied', { count: latest.voterCount })}</p>
        <RoundRanking board={board} round={latest} />
        <EarlierRounds board={board} rounds={closed.slice(0, -1)} />
      </section>
    );
  }
  return (
    <section className="vote" aria-labelledby="vote-title">
      <h2 id="vote-title">{t('participant.votePlanned')}</h2>
      <p>{t('participant.voteNotStarted')}</p>
      <VoteItemList groups={groups} round={null} myDots={NO_ITEM_DOTS} />
    </section>
  );
}
