import type { PrivateChange } from '../../shared/domain/changes';
import type { DomainState } from '../../shared/domain/state';

/** Participants whose private slice the changes touch (they are sent a new slice after the commit). */
export function collectAffected(before: DomainState, changes: readonly PrivateChange[], into: Set<string>): void {
  for (const change of changes) {
    switch (change.type) {
      case 'putDraft':
        into.add(change.draft.authorId);
        break;
      case 'deleteDraft': {
        const author = before.drafts.get(change.draftId)?.authorId;
        if (author) into.add(author);
        break;
      }
      case 'revealDrafts':
        for (const draftId of change.draftIds) {
          const author = before.drafts.get(draftId)?.authorId;
          if (author) into.add(author);
        }
        break;
      case 'countPosted':
      case 'setBallot':
      case 'setResponse':
      case 'setMark':
        into.add(change.participantId);
        break;
      case 'clearBallots':
        addParticipantsOfKeys(before.ballots.keys(), change.roundId, into);
        break;
      case 'clearResponses':
        addParticipantsOfKeys(before.responses.keys(), change.proposalId, into);
        break;
      case 'clearMarks':
        addParticipantsOfKeys(before.marks, change.targetId, into);
        break;
      case 'removeSeat':
        // Its connections are closed after the commit: no slice to send.
        break;
      default:
        change satisfies never;
    }
  }
}

/** Ballot, response and mark keys are `${roundProposalOrTargetId}/${participantId}[/…]` (state.ts). */
function addParticipantsOfKeys(keys: Iterable<string>, ownerId: string, into: Set<string>): void {
  const prefix = `${ownerId}/`;
  for (const key of keys) if (key.startsWith(prefix)) into.add(key.split('/')[1] as string);
}
