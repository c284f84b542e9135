import { MAX_DISPLAY_NAME_CHARS, MAX_NOTE_CHARS } from '../limits';
import { type Infer, id, nullable, object, oneOf, string } from '../validate';
import { markCounts } from './Mark';

/** A note's tag: a non-negotiable `need`, or a `nice` to have. */
export const NOTE_TAGS = ['need', 'nice'] as const;
/** See {@link NOTE_TAGS}. */
export type NoteTag = (typeof NOTE_TAGS)[number];

/** Validates a note text: trimmed, 1 to MAX_NOTE_CHARS characters. */
export const noteText = string({ minChars: 1, maxChars: MAX_NOTE_CHARS, trim: true });

/** Validates the name signed on a note of a non-anonymous board. */
export const authorName = string({ minChars: 1, maxChars: MAX_DISPLAY_NAME_CHARS, trim: true });

/** Validates a note tag or null. */
export const noteTag = nullable(oneOf(NOTE_TAGS));

/**
 * A revealed note's own fields, without its reaction counts (which the server counts): also what a
 * deleted note carries back when its delete is undone (shared/undoCommands.ts).
 */
export const noteFields = {
  id,
  promptId: id,
  text: noteText,
  tag: noteTag,
  /** The theme the note is grouped under, or null while ungrouped. */
  themeId: nullable(id),
  /** Fractional index within its theme or the ungrouped list; random at reveal. */
  order: string({ minChars: 1, maxChars: 256 }),
  /** The author's name, only on boards that are not anonymous (a conversation between two people); else null. */
  author: nullable(authorName),
};

/**
 * Validates a revealed note as stored in the board document. It has no author, no creation
 * time and an id chosen at reveal: nothing in it can name who wrote it or when.
 */
export const noteRecord = object(
  {
    ...noteFields,
    /** How many people put each reaction on the note (counts only; absent until the first one). */
    markCounts,
  },
  ['markCounts'],
);

/** A revealed, anonymous note. */
export type Note = Infer<typeof noteRecord>;
