import { useMemo } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import type { VoteRound } from '../../../../../shared/records/VoteRound';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { countDots, countItems, DOTS_PRIVACY } from '../../../components/decisions/decisionCopy';
import { canIVote, itemsByPrompt, votersHere } from '../../../components/decisions/decisionSelectors';
import { VoteBudget } from '../../../components/decisions/VoteBudget';
import { VoteItemList } from '../../../components/decisions/VoteItemList';
import { VoterCount } from '../../../components/decisions/VoterCount';
import { doneLine } from '../../../components/marks/markCopy';
import { markCount } from '../../../../../shared/domain/markCommands';
import { useBoardStore } from '../../../store/boardStore';
import { askToCloseVote } from './closeWithCare';

const NO_ITEM_DOTS: Readonly<Record<string, number>> = {};

/** The open round: how many have voted (never the tallies: nobody has them yet), and Close. */
export function OpenVotePanel({
  board,
  round,
  ask,
}: {
  readonly board: BoardState;
  readonly round: VoteRound;
  readonly ask: (request: ConfirmRequest) => void;
}) {
  const people = useBoardStore((s) => s.people);
  const role = useBoardStore((s) => s.role);
  const myDots = useBoardStore((s) => s.myDots[round.id] ?? NO_ITEM_DOTS);
  const groups = useMemo(
    () => itemsByPrompt(board, 'align', round.itemIds ? new Set(round.itemIds) : null),
    [board, round.itemIds],
  );
  const itemCount = groups.reduce((n, g) => n + g.items.length, 0);
  const canVote = canIVote(role, board);
  const used = Object.values(myDots).reduce((a, b) => a + b, 0);

  const close = () =>
    askToCloseVote(board, round, ask, {
      title: `Close ${round.label}?`,
      message:
        round.voterCount === 0
          ? 'Nobody has voted yet. Closing now ends the vote with no dots.'
          : 'Everyone’s dots are counted and the results are shown to all. Nobody can change their dots afterwards.',
      confirmLabel: 'Close the vote',
    });

  return (
    <>
      <section className="panel vote-status" aria-labelledby="open-vote-title">
        <h2 id="open-vote-title">
          {round.label} <span className="status-pill">Open</span>
        </h2>
        <VoterCount round={round} here={votersHere(people, board, round)} />
        <p className="done-count" aria-live="polite">
          {doneLine(markCount(round, 'done'), 'voting')}
        </p>
        <p>
          {countDots(round.dotsPerPerson)} each, at most {round.maxPerItem} on one item · {countItems(itemCount)}
          {round.itemIds !== null && ' (run-off)'} · {canVote ? 'you vote too' : 'you do not vote'}
        </p>
        <p className="hint">The totals stay hidden from everyone, you included, until you close the vote.</p>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={close}>
            Close the vote…
          </button>
        </div>
      </section>
      {canVote ? (
        <details className="panel my-vote">
          <summary className="panel__summary">Your own dots</summary>
          <p className="hint">{DOTS_PRIVACY} If your screen is shared with the room, place your dots from your phone instead.</p>
          <VoteBudget round={round} used={used} />
          <VoteItemList groups={groups} round={round} myDots={myDots} idPrefix="my-vote" />
        </details>
      ) : null}
      <section className="vote" aria-labelledby="open-vote-items">
        <h2 id="open-vote-items">What the group is voting on</h2>
        <VoteItemList groups={groups} round={null} myDots={NO_ITEM_DOTS} />
      </section>
    </>
  );
}
