import { useEffect, useRef } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { quoted } from '../../copy';
import { endSentence } from './decisionCopy';
import { announce } from '../../store/toastStore';

/** Sentences for what appeared on the board: a vote opened or closed, a round opened or decided, an item unlocked. */
export function describeDecisionChanges(before: BoardState, after: BoardState, isFacilitator: boolean): string[] {
  const sentences: string[] = [];
  for (const round of after.voteRounds.values()) {
    const previous = before.voteRounds.get(round.id);
    if (!previous && round.status === 'open') {
      sentences.push(
        isFacilitator
          ? `Vote started: ${round.label}. The totals stay hidden until you close it.`
          : `Voting is open: ${round.label}. You have ${round.dotsPerPerson} dots to place.`,
      );
    } else if (previous?.status === 'open' && round.status === 'closed') {
      sentences.push(`The vote ${quoted(round.label)} is closed. The results are shown.`);
    }
  }
  for (const proposal of after.proposals.values()) {
    const previous = before.proposals.get(proposal.id);
    if (!previous && proposal.status === 'open') {
      sentences.push(
        endSentence(`${isFacilitator ? 'Round opened on' : 'New proposal to answer:'} ${quoted(proposal.statement)}`),
      );
    } else if (previous?.status === 'open' && proposal.status !== 'open') {
      sentences.push(
        `Round closed: ${quoted(proposal.statement)} ${proposal.status === 'passed' ? 'passed and is locked into the agreement' : 'did not pass'}.`,
      );
    }
  }
  for (const item of after.agreements.values()) {
    if (before.agreements.get(item.id)?.status === 'locked' && item.status === 'unlocked') {
      sentences.push(endSentence(`Agreement unlocked: ${quoted(item.statement)}`));
    }
    if (before.agreements.get(item.id)?.status === 'locked' && item.status === 'retired') {
      sentences.push(endSentence(`Retired from the agreement: ${quoted(item.statement)}`));
    }
  }
  if (!before.meta.isClosed && after.meta.isClosed) {
    sentences.push(`The workshop is closed: version ${after.meta.version} of the agreement is final.`);
  } else if (before.meta.isClosed && !after.meta.isClosed) {
    sentences.push(`The workshop is open again to work on version ${after.meta.version}.`);
  }
  if (before.meta.checkInDate !== after.meta.checkInDate && after.meta.checkInDate !== null && !isFacilitator) {
    sentences.push('The group set a date to check in on the agreement.');
  }
  return sentences;
}

/** Says decision events in the page's live region, so that nobody has to watch for them. */
export function useDecisionAnnouncements(board: BoardState, isFacilitator: boolean): void {
  const previous = useRef(board);
  useEffect(() => {
    const before = previous.current;
    previous.current = board;
    if (before === board) return;
    for (const sentence of describeDecisionChanges(before, board, isFacilitator)) announce(sentence);
  }, [board, isFacilitator]);
}
