import { assertNever } from '../assertNever';
import type { PrivateChange } from './changes';
import { ballotKey, type DomainState, markKey, postedKey, responseKey } from './state';

/**
 * Applies private changes to the in-memory private state (the server's copy of every draft, or a
 * browser's copy of its own). Storage applies the same changes to its rows.
 */
export function applyPrivateChanges(state: DomainState, changes: readonly PrivateChange[]): DomainState {
  if (changes.length === 0) return state;
  const drafts = new Map(state.drafts);
  const posted = new Map(state.posted);
  const ballots = new Map(state.ballots);
  const responses = new Map(state.responses);
  const marks = new Set(state.marks);
  for (const change of changes) {
    switch (change.type) {
      case 'putDraft':
        drafts.set(change.draft.id, change.draft);
        break;
      case 'deleteDraft':
        drafts.delete(change.draftId);
        break;
      case 'revealDrafts':
        for (const draftId of change.draftIds) drafts.delete(draftId);
        break;
      case 'countPosted': {
        const key = postedKey(change.participantId, change.promptId);
        const next = (posted.get(key) ?? 0) + change.delta;
        if (next > 0) posted.set(key, next);
        else posted.delete(key);
        break;
      }
      case 'setBallot': {
        const key = ballotKey(change.roundId, change.participantId, change.itemId);
        if (change.count > 0) ballots.set(key, change.count);
        else ballots.delete(key);
        break;
      }
      case 'clearBallots':
        for (const key of [...ballots.keys()]) if (key.startsWith(`${change.roundId}/`)) ballots.delete(key);
        break;
      case 'setResponse':
        responses.set(responseKey(change.proposalId, change.participantId), { response: change.response, reason: change.reason });
        break;
      case 'clearResponses':
        for (const key of [...responses.keys()]) if (key.startsWith(`${change.proposalId}/`)) responses.delete(key);
        break;
      case 'removeSeat':
        // Keys are `${roundId}/${participantId}/${itemId}` and `${proposalId}/${participantId}` (state.ts).
        for (const key of [...ballots.keys()]) if (key.split('/')[1] === change.participantId) ballots.delete(key);
        for (const key of [...responses.keys()]) if (key.split('/')[1] === change.participantId) responses.delete(key);
        for (const key of [...marks]) if (key.split('/')[1] === change.participantId) marks.delete(key);
        break;
      case 'setMark': {
        const key = markKey(change.targetId, change.participantId, change.kind);
        if (change.isOn) marks.add(key);
        else marks.delete(key);
        break;
      }
      case 'clearMarks':
        for (const key of [...marks]) if (key.startsWith(`${change.targetId}/`)) marks.delete(key);
        break;
      default:
        assertNever(change, 'private change');
    }
  }
  return { ...state, drafts, posted, ballots, responses, marks };
}
