import { useMemo } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import type { VoteRound } from '../../../../../shared/records/VoteRound';
import type { ConfirmRequest } from '../../../components/ConfirmDialog';
import { canIVote, itemsByPrompt, votersHere } from '../../../components/decisions/decisionSelectors';
import { VoteBudget } from '../../../components/decisions/VoteBudget';
import { VoteItemList } from '../../../components/decisions/VoteItemList';
import { VoterCount } from '../../../components/decisions/VoterCount';
import { doneLine } from '../../../components/marks/markCopy';
import { markCount } from '../../../../../shared/domain/markCommands';
import { useT } from '../../../i18n/i18n';
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
  const t = useT();
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
      title: t('facilitator.decide.openVote.closeTitle', { label: round.label }),
      message: t(round.voterCount === 0 ? 'facilitator.decide.openVote.nobodyVoted' : 'facilitator.decide.openVote.closeMessage'),
      confirmLabel: t('facilitator.decide.closeVote'),
    });

  return (
    <>
      <section className="panel vote-status" aria-labelledby="open-vote-title">
        <h2 id="open-vote-title">
          {round.label} <span className="status-pill">{t('facilitator.decide.open')}</span>
        </h2>
        <VoterCount round={round} here={votersHere(people, board, round)} />
        <p className="done-count" aria-live="polite">
          {doneLine(markCount(round, 'done'), 'voting')}
        </p>
        <p>
          {t('facilitator.decide.openVote.settings', {
            dots: round.dotsPerPerson,
            max: round.maxPerItem,
            items: itemCount,
            runOff: round.itemIds !== null ? 'yes' : 'no',
            voting: canVote ? 'yes' : 'no',
          })}
        </p>
        <p className="hint">{t('facilitator.decide.openVote.hidden')}</p>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={close}>
            {t('facilitator.decide.openVote.closeMore')}
          </button>
        </div>
      </section>
      {canVote ? (
        <details className="panel my-vote">
          <summary className="panel__summary">{t('facilitator.decide.openVote.yourDots')}</summary>
          <p className="hint">{t('facilitator.decide.openVote.privacy')}</p>
          <VoteBudget round={round} used={used} />
          <VoteItemList groups={groups} round={round} myDots={myDots} idPrefix="my-vote" />
        </details>
      ) : null}
      <section className="vote" aria-labelledby="open-vote-items">
        <h2 id="open-vote-items">{t('facilitator.decide.openVote.votingOn')}</h2>
        <VoteItemList groups={groups} round={null} myDots={NO_ITEM_DOTS} />
      </section>
    </>
  );
}
