import { type Infer, id, nullable, object } from '../validate';
import { authorName, noteTag, noteText } from './Note';

/**
 * Validates a draft: a note that is not visible to anyone but its author yet. Drafts live only
 * in the server's private storage and in their author's private slice, never in the board
 * document. A draft in a prompt that is already revealed is "held" until the next batch release.
 */
export const draftRecord = object({
  id,
  promptId: id,
  /** The author's internal participant id. Deleted from storage when the draft is revealed. */
  authorId: id,
  text: noteText,
  tag: noteTag,
  /** The name to show on the note once revealed; only on boards that are not anonymous. */
  authorName: nullable(authorName),
});

/** A private, unrevealed note and its author. */
export type Draft = Infer<typeof draftRecord>;
