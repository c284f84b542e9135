import { MAX_PROMPT_CHARS } from '../limits';
import { boolean, type Infer, id, integer, object, oneOf, string } from '../validate';
import { markCounts } from './Mark';

/**
 * How a prompt's answers are used: `align` prompts go through vote and decide and end in the
 * Agreement column; `awareness` prompts only build understanding ("what we know about each
 * other") and never enter a vote or a consensus round.
 */
export const PROMPT_KINDS = ['align', 'awareness'] as const;
/** See {@link PROMPT_KINDS}. */
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** Validates a prompt text: trimmed, 1 to MAX_PROMPT_CHARS characters. */
export const promptText = string({ minChars: 1, maxChars: MAX_PROMPT_CHARS, trim: true });

/** Validates a prompt as stored in the board document. */
export const promptRecord = object(
  {
    id,
    text: promptText,
    kind: oneOf(PROMPT_KINDS),
    /** Fractional index: prompts sort by this key (ties by id). */
    order: string({ minChars: 1, maxChars: 256 }),
    /** True once the facilitator revealed the prompt's notes. */
    isRevealed: boolean,
    /** Notes written but not visible yet: drafts before reveal, held notes after. A count only. */
    pendingCount: integer(0, 1_000_000),
    /** How many different people have written at least one note here. A count only. */
    contributorCount: integer(0, 1_000_000),
    /** How many people marked the prompt done (finished writing). A count only; absent until the first. */
    markCounts,
  },
  ['markCounts'],
);

/** A prompt of a board: one column on the facilitator's board. */
export type Prompt = Infer<typeof promptRecord>;
