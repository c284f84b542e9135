import { useEffect, useRef } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { quoted } from '../../copy';
import { translate } from '../../i18n/i18n';
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
          ? translate('decisions.announce.voteStarted', { label: round.label })
          : translate('decisions.announce.votingOpen', { label: round.label, dots: round.dotsPerPerson }),
      );
    } else if (previous?.status === 'open' && round.status === 'closed') {
      sentences.push(translate('decisions.announce.voteClosed', { label: quoted(round.label) }));
    }
  }
  for (const proposal of after.proposals.values()) {
    const previous = before.proposals.get(proposal.id);
    if (!previous && proposal.status === 'open') {
      sentences.push(
        endSentence(
          translate(isFacilitator ? 'decisions.announce.roundOpened' : 'decisions.announce.newProposal', {
            statement: quoted(proposal.statement),
          }),
        ),
      );
    } else if (previous?.status === 'open' && proposal.status !== 'open') {
      sentences.push(
        translate('decisions.announce.roundClosed', {
          statement: quoted(proposal.statement),
          passed: proposal.status === 'passed' ? 'yes' : 'no',
        }),
      );
    }
  }
  for (const item of after.agreements.values()) {
    if (before.agreements.get(item.id)?.status === 'locked' && item.status === 'unlocked') {
      sentences.push(endSentence(translate('decisions.announce.unlocked', { statement: quoted(item.statement) })));
    }
    if (before.agreements.get(item.id)?.status === 'locked' && item.status === 'retired') {
      sentences.push(endSentence(translate('decisions.announce.retired', { statement: quoted(item.statement) })));
    }
  }
  if (!before.meta.isClosed && after.meta.isClosed) {
    sentences.push(translate('decisions.announce.workshopClosed', { version: after.meta.version }));
  } else if (before.meta.isClosed && !after.meta.isClosed) {
    sentences.push(translate('decisions.announce.workshopReopened', { version: after.meta.version }));
  }
  if (before.meta.checkInDate !== after.meta.checkInDate && after.meta.checkInDate !== null && !isFacilitator) {
    sentences.push(translate('decisions.announce.checkInSet'));
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
