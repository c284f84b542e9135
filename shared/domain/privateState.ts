import type { PrivateChange } from './changes';
import { type DomainState, postedKey } from './state';

/**
 * Applies private changes to the in-memory private state (the server's copy of every draft, or a
 * browser's copy of its own). Storage applies the same changes to its rows.
 */
export function applyPrivateChanges(state: DomainState, changes: readonly PrivateChange[]): DomainState {
  if (changes.length === 0) return state;
  const drafts = new Map(state.drafts);
  const posted = new Map(state.posted);
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
    }
  }
  return { ...state, drafts, posted };
}
