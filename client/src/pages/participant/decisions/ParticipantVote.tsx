import { useMemo } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { openVoteRound } from '../../../../../shared/domain/votingCommands';
import { DOTS_PRIVACY } from '../../../components/decisions/decisionCopy';
import { canIVote, itemsByPrompt, sortedRounds, votersHere } from '../../../components/decisions/decisionSelectors';
import { EarlierRounds } from '../../../components/decisions/EarlierRounds';
import { RoundRanking } from '../../../components/decisions/RoundRanking';
import { VoteBudget } from '../../../components/decisions/VoteBudget';
import { VoteItemList } from '../../../components/decisions/VoteItemList';
import { VoterCount } from '../../../components/decisions/VoterCount';
import { DoneToggle } from '../../../components/marks/DoneToggle';
import { useBoardStore } from '../../../store/boardStore';

const NO_ITEM_DOTS: Readonly<Record<string, number>> = {};

/** The vote: my dots on the items of the open round, or the ranking once it is closed. */
export function ParticipantVote({ board }: { readonly board: BoardState }) {
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
        <h2 id="vote-title">Vote: {open.label}</h2>
        <p>
          {canVote
            ? 'Put your dots on the themes and notes that matter most to you. You can move them until the vote closes.'
            : 'You do not vote in this round.'}
        </p>
        <VoterCount round={open} here={votersHere(people, board, open)} />
        <p className="privacy">{DOTS_PRIVACY}</p>
        {canVote && <VoteBudget round={open} used={used} />}
        {canVote && <DoneToggle targetId={open.id} label="I’m done voting" />}
        <VoteItemList groups={groups} round={canVote ? open : null} myDots={myDots} />
        <EarlierRounds board={board} rounds={closed} />
      </section>
    );
  }
  if (latest) {
    return (
      <section className="vote" aria-labelledby="vote-title">
        <h2 id="vote-title">Results: {latest.label}</h2>
        <p>
          {latest.voterCount === 1 ? '1 person' : `${latest.voterCount} people`} voted. Items with the same number of dots are
          tied.
        </p>
        <RoundRanking board={board} round={latest} />
        <EarlierRounds board={board} rounds={closed.slice(0, -1)} />
      </section>
    );
  }
  return (
    <section className="vote" aria-labelledby="vote-title">
      <h2 id="vote-title">What we will vote on</h2>
      <p>The vote has not started yet. When the facilitator opens it, you will get dots to put on what matters most to you.</p>
      <VoteItemList groups={groups} round={null} myDots={NO_ITEM_DOTS} />
    </section>
  );
}
