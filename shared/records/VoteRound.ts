import { MAX_DOTS_PER_PERSON, MAX_ROUND_ITEMS } from '../limits';
import { markCounts } from './Mark';
import { arrayOf, boolean, type Infer, id, integer, nullable, object, oneOf, string, type Validator } from '../validate';

/** Validates an object of whole, non-negative counts by item id. */
const countsByItem: Validator<Record<string, number>> = (value, path = '') => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: true, path, message: 'must be an object of counts' };
  }
  for (const count of Object.values(value)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
      return { invalid: true, path, message: 'must hold whole numbers' };
  }
  return value as Record<string, number>;
};

/** Validates a dot-vote round as stored in the board document. */
export const voteRoundRecord = object(
  {
    id,
    /** Shown to people: "Round 1", "Run-off". */
    label: string({ minChars: 1, maxChars: 60, trim: true }),
    status: oneOf(['open', 'closed'] as const),
    dotsPerPerson: integer(1, MAX_DOTS_PER_PERSON),
    maxPerItem: integer(1, MAX_DOTS_PER_PERSON),
    /** The facilitator may vote too (when they also take part in the board). */
    facilitatorVotes: boolean,
    /** The items of a run-off, or null for every theme and ungrouped note of the align prompts. */
    itemIds: nullable(arrayOf(id, MAX_ROUND_ITEMS)),
    /** How many people have placed at least one dot. A count only. */
    voterCount: integer(0, 1_000_000),
    openedAt: integer(0, Number.MAX_SAFE_INTEGER),
    closedAt: nullable(integer(0, Number.MAX_SAFE_INTEGER)),
    /** Dots per item, written only when the round closes; null while it is open, for everyone. */
    tallies: nullable(countsByItem),
    /** How many people marked the round done (finished voting). A count only; absent until the first. */
    markCounts,
  },
  ['markCounts'],
);

/** A dot-vote round. */
export type VoteRound = Infer<typeof voteRoundRecord>;
