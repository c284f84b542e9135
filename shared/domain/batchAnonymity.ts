import { RELEASE_BATCH_MIN_NOTES_BY_OTHERS, RELEASE_BATCH_MIN_OTHER_AUTHORS } from '../limits';
import type { Draft } from '../records/Draft';
import type { Prompt } from '../records/Prompt';
import { type Refusal, refuse } from './refusals';
import type { DomainState } from './state';

/**
 * What the least protected recipient of a batch of notes finds in it: the fewest notes she did
 * not write, and the fewest other people who wrote them. Recipients are each author of the batch
 * and anyone who wrote none of it (the facilitator, a latecomer, a reader of the export).
 */
export interface BatchExposure {
  readonly notesByOthers: number;
  readonly otherAuthors: number;
}

/** {@link BatchExposure} of a batch given the author of each of its notes (one entry per note). */
export function batchExposure(authorIds: readonly string[]): BatchExposure {
  const notesPerAuthor = new Map<string, number>();
  for (const authorId of authorIds) notesPerAuthor.set(authorId, (notesPerAuthor.get(authorId) ?? 0) + 1);
  // Someone who wrote none of the batch sees all of it.
  let notesByOthers = authorIds.length;
  let otherAuthors = notesPerAuthor.size;
  for (const own of notesPerAuthor.values()) {
    notesByOthers = Math.min(notesByOthers, authorIds.length - own);
    otherAuthors = Math.min(otherAuthors, notesPerAuthor.size - 1);
  }
  return { notesByOthers, otherAuthors };
}

/**
 * True when publishing these notes together names nobody: every recipient finds at least
 * {@link RELEASE_BATCH_MIN_NOTES_BY_OTHERS} notes she did not write, from at least
 * {@link RELEASE_BATCH_MIN_OTHER_AUTHORS} other people. An empty batch publishes nothing.
 */
export function isBatchAnonymous(drafts: readonly Draft[]): boolean {
  if (drafts.length === 0) return true;
  const exposure = batchExposure(drafts.map((d) => d.authorId));
  return exposure.notesByOthers >= RELEASE_BATCH_MIN_NOTES_BY_OTHERS && exposure.otherAuthors >= RELEASE_BATCH_MIN_OTHER_AUTHORS;
}

/**
 * True when `drafts` are every unpublished draft of the prompt. A browser holds only its own
 * drafts, so its optimistic run cannot judge a batch and leaves it to the server, which holds
 * them all; judging a partial view would refuse batches the server accepts, or the reverse.
 */
export function seesEveryDraft(prompt: Prompt, drafts: readonly Draft[]): boolean {
  return drafts.length >= prompt.pendingCount;
}

/**
 * True when publishing `drafts` of `prompt` now could show who wrote them. False when the board
 * shows names anyway (a two-person board), when the batch names nobody, or when this executor
 * cannot see every draft (see {@link seesEveryDraft}).
 */
export function isExposingBatch(state: DomainState, prompt: Prompt, drafts: readonly Draft[]): boolean {
  if (!state.board.meta.settings.isAnonymous) return false;
  return seesEveryDraft(prompt, drafts) && !isBatchAnonymous(drafts);
}

/** Longest prompt text quoted in a sentence, in code points. */
const MAX_QUOTED_CODE_POINTS = 60;

/** A prompt's text, shortened for a sentence (by code points, so no emoji is cut in half). */
export function promptExcerpt(prompt: Prompt): string {
  const codePoints = [...prompt.text];
  if (codePoints.length <= MAX_QUOTED_CODE_POINTS) return prompt.text;
  return `${codePoints
    .slice(0, MAX_QUOTED_CODE_POINTS - 1)
    .join('')
    .trimEnd()}…`;
}

/** A prompt's text in quotes, shortened for a sentence (see {@link promptExcerpt}). */
export function quotedPrompt(prompt: Prompt): string {
  return `“${promptExcerpt(prompt)}”`;
}

/**
 * Why publishing these notes of `prompt` could show who wrote them, in words a facilitator can
 * weigh: `isWaiting` for held notes released early, else for a reveal. The values are the
 * prompt's public text and the count of notes the board already shows as waiting.
 */
export function exposureRefusal(prompt: Prompt, drafts: readonly Draft[], isWaiting: boolean): Refusal {
  const authors = new Set(drafts.map((d) => d.authorId)).size;
  const text = promptExcerpt(prompt);
  if (authors === 1) {
    const values = { prompt: text, notes: drafts.length };
    return isWaiting ? refuse('too_few_people', 'releaseOneAuthor', values) : refuse('too_few_people', 'revealOneAuthor', values);
  }
  if (authors === 2) {
    return refuse('too_few_people', isWaiting ? 'releaseTwoAuthors' : 'revealTwoAuthors', { prompt: text });
  }
  const values = { prompt: text, min: RELEASE_BATCH_MIN_NOTES_BY_OTHERS };
  return isWaiting ? refuse('too_few_people', 'releaseFewAuthors', values) : refuse('too_few_people', 'revealFewAuthors', values);
}

/** Why revealing several prompts (two or more) at once could show who wrote some of their notes; from the fourth on they are counted. */
export function exposedPromptsRefusal(prompts: readonly Prompt[]): Refusal {
  const [first = '', second = '', third] = prompts.map(promptExcerpt);
  if (third === undefined) return refuse('too_few_people', 'revealExposesTwo', { first, second });
  if (prompts.length === 3) return refuse('too_few_people', 'revealExposesThree', { first, second, third });
  return refuse('too_few_people', 'revealExposesMore', { first, second, third, more: prompts.length - 3 });
}
