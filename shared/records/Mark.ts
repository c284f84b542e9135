import type { Validator } from '../validate';

/**
 * Reactions a person can put on a revealed note, one of each kind per person per note: a fixed,
 * small set (a free choice of emoji would make a rare one a signature).
 */
export const REACTIONS = ['plusOne', 'heart', 'idea', 'question'] as const;
/** See {@link REACTIONS}. */
export type Reaction = (typeof REACTIONS)[number];

/**
 * What a person can mark: `done` on a prompt (finished writing, in reflect) or on an open vote
 * round (finished voting), or one of the {@link REACTIONS} on a revealed note. Who marked what
 * is private (server rows only); the document holds counts.
 */
export const MARK_KINDS = ['done', ...REACTIONS] as const;
/** See {@link MARK_KINDS}. */
export type MarkKind = (typeof MARK_KINDS)[number];

/** Published counts of a record's marks: kind → how many people; a kind nobody marked is absent. */
export type MarkCounts = Partial<Record<MarkKind, number>>;

/** Validates {@link MarkCounts} as read from the document: known kinds, whole positive counts. */
export const markCounts: Validator<MarkCounts> = (value, path = '') => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: true, path, message: 'must be an object of counts' };
  }
  for (const [kind, count] of Object.entries(value)) {
    if (!(MARK_KINDS as readonly string[]).includes(kind))
      return { invalid: true, path: `${path}.${kind}`, message: 'is not a mark' };
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000_000)
      return { invalid: true, path: `${path}.${kind}`, message: 'must be a whole number from 1' };
  }
  return value as MarkCounts;
};
