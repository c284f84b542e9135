import { assertNever } from '../assertNever';
import type { Draft } from '../records/Draft';
import type { ResponseKind } from '../records/Proposal';
import { BallotBox } from './BallotBox';
import type { PrivateChange } from './changes';
import { type DomainState, markKey, postedKey, responseKey } from './state';

/**
 * Private state that one owner changes in place: the server's copy of a board's private state
 * (CommandPipeline), or the fresh copy {@link applyPrivateChanges} makes. Changing it in place
 * costs the same whatever the board holds; copying every map for each command cost O(board).
 */
export interface OwnedPrivateState {
  readonly drafts: Map<string, Draft>;
  readonly posted: Map<string, number>;
  readonly ballots: BallotBox;
  readonly responses: Map<string, { readonly response: ResponseKind; readonly reason: string | null }>;
  readonly marks: Set<string>;
}

/** A copy of the private part of `state` that the caller owns (O(private state), once). */
export function ownPrivateState(state: DomainState): OwnedPrivateState {
  return {
    drafts: new Map(state.drafts),
    posted: new Map(state.posted),
    ballots: BallotBox.copyOf(state.ballots),
    responses: new Map(state.responses),
    marks: new Set(state.marks),
  };
}

/** True when `state` holds exactly the maps of `owned` (nobody replaced them since). */
export function holdsOwned(state: DomainState, owned: OwnedPrivateState): boolean {
  return (
    state.drafts === owned.drafts &&
    state.posted === owned.posted &&
    state.ballots === owned.ballots &&
    state.responses === owned.responses &&
    state.marks === owned.marks
  );
}

/**
 * Applies private changes to a new copy of the private state (a browser's copy of its own, whose
 * earlier states a prediction may still need). Storage applies the same changes to its rows.
 */
export function applyPrivateChanges(state: DomainState, changes: readonly PrivateChange[]): DomainState {
  if (changes.length === 0) return state;
  const owned = ownPrivateState(state);
  applyOwnedPrivateChanges(owned, changes);
  return { ...state, ...owned };
}

/** Applies private changes in place; each costs the same on any board, except the clears of a whole round or seat. */
export function applyOwnedPrivateChanges(state: OwnedPrivateState, changes: readonly PrivateChange[]): void {
  const { drafts, posted, ballots, responses, marks } = state;
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
      case 'setBallot':
        ballots.set(change.roundId, change.participantId, change.itemId, change.count);
        break;
      case 'clearBallots':
        ballots.clearRound(change.roundId);
        break;
      case 'setResponse':
        responses.set(responseKey(change.proposalId, change.participantId), { response: change.response, reason: change.reason });
        break;
      case 'clearResponses':
        for (const key of [...responses.keys()]) if (key.startsWith(`${change.proposalId}/`)) responses.delete(key);
        break;
      case 'removeSeat':
        // Keys are `${proposalId}/${participantId}` and `${targetId}/${participantId}/${kind}` (state.ts).
        ballots.removeVoter(change.participantId);
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
}
