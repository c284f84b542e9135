import type { BoardState } from '../../shared/domain/state';
import { compareByOrder } from '../../shared/compareByOrder';
import type { Draft } from '../../shared/records/Draft';
import type { Note } from '../../shared/records/Note';

/** Revealed notes grouped by prompt, each list in board order. */
export function notesByPrompt(board: BoardState): Map<string, Note[]> {
  const byPrompt = new Map<string, Note[]>();
  for (const note of board.notes.values()) {
    const list = byPrompt.get(note.promptId);
    if (list) list.push(note);
    else byPrompt.set(note.promptId, [note]);
  }
  for (const list of byPrompt.values()) list.sort(compareByOrder);
  return byPrompt;
}

/** My drafts grouped by prompt, in the order I wrote them. */
export function draftsByPrompt(drafts: readonly Draft[]): Map<string, Draft[]> {
  const byPrompt = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const list = byPrompt.get(draft.promptId);
    if (list) list.push(draft);
    else byPrompt.set(draft.promptId, [draft]);
  }
  return byPrompt;
}

export const NO_NOTES: readonly Note[] = [];
export const NO_DRAFTS: readonly Draft[] = [];

/** True when motion should be kept to a minimum. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
