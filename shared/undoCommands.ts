import { MAX_NOTES_PER_MOVE } from './limits';
import { noteFields } from './records/Note';
import { themeName } from './records/Theme';
import { arrayOf, id, nonEmpty, nullable, object, oneOf } from './validate';

/** Where a note must be for an undo to apply: in a theme, or ungrouped (null). */
const notePlace = object({ noteId: id, themeId: nullable(id) });

/** A theme to recreate with its own id (a deleted or merged theme), before `beforeThemeId` or last. */
const themeToRestore = object({ themeId: id, promptId: id, name: themeName, beforeThemeId: nullable(id) });

/** Notes to put back (in this order) into a container, before `beforeNoteId` or at its end. */
const notesBack = object({
  noteIds: nonEmpty(arrayOf(id, MAX_NOTES_PER_MOVE)),
  themeId: nullable(id),
  beforeNoteId: nullable(id),
});

/** A deleted note as it was: its record without the reaction counts, which the server recounts. */
const deletedNote = object(noteFields);

/**
 * The undo commands, kept in their own block of the command table. An undo is an ordinary
 * command: the client builds it from the state before its own acknowledged action, and the
 * server checks that nothing moved since (`expected`) before it changes anything.
 */
export const UNDO_COMMAND_VALIDATORS = {
  /**
   * Puts notes and themes back as they were before a grouping move, a new theme, a merge or a
   * theme delete, in one transaction. `expected`: where the notes are now (else `conflict`,
   * nothing changed); `theme`: a theme to recreate first; `moves`: notes back to their places;
   * `removeThemeId`: a theme the undone action created, deleted once empty.
   */
  restoreGrouping: object({
    type: oneOf(['restoreGrouping']),
    expected: arrayOf(notePlace, MAX_NOTES_PER_MOVE),
    theme: nullable(themeToRestore),
    moves: arrayOf(notesBack, MAX_NOTES_PER_MOVE),
    removeThemeId: nullable(id),
  }),
  /**
   * Puts deleted notes back with their ids, in their themes (or ungrouped when the theme is gone)
   * at their old order keys. Refused with `conflict` when one of the ids is a note again.
   */
  restoreNotes: object({ type: oneOf(['restoreNotes']), notes: nonEmpty(arrayOf(deletedNote, MAX_NOTES_PER_MOVE)) }),
} as const;
