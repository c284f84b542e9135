import type { CommandOf } from '../commands';
import { MAX_NOTES_PER_PROMPT } from '../limits';
import { type MarkCounts, REACTIONS } from '../records/Mark';
import type { Note } from '../records/Note';
import type { Changes, DocChange } from './changes';
import type { DomainError } from './errors';
import { REFUSALS, refuse, refusalMessage } from './refusals';
import { type BoardState, type DomainState, markKey } from './state';
import { isRoundItem, openVoteRound } from './votingCommands';

/** Said when a note to delete is an item of the open vote: its dots are hidden, so nobody can say whether it has any. */
export function openVoteSentence(label: string): string {
  return refusalMessage('noteInOpenVote', { label });
}

/** Said when a closed vote's results, a run-off or a decision name the note. */
export const NOTE_ON_RECORD = REFUSALS.noteOnRecord;

/** True when a closed vote's tallies, a run-off's items, a consensus round or an agreement name the note. */
export function isNoteOnRecord(board: BoardState, noteId: string): boolean {
  return (
    [...board.voteRounds.values()].some(
      (r) => r.itemIds?.includes(noteId) === true || (r.tallies !== null && Object.hasOwn(r.tallies, noteId)),
    ) ||
    [...board.proposals.values()].some((p) => p.themeId === noteId) ||
    [...board.agreements.values()].some((a) => a.themeId === noteId)
  );
}

/**
 * Deletes revealed notes for everyone. Notes carry no author, so nothing else points at them:
 * the reactions' private rows stay (an undo brings the counts back; a removed seat's go with it).
 * Refused, changing nothing, when a note is an item of the open vote (see {@link openVoteSentence})
 * or on record ({@link NOTE_ON_RECORD}).
 */
export function deleteNotes(state: DomainState, command: CommandOf<'deleteNotes'>): Changes | DomainError {
  const { board } = state;
  if (command.noteIds.length === 0) return refuse('invalid_command', 'noNoteGiven');
  if (new Set(command.noteIds).size !== command.noteIds.length) return refuse('invalid_command', 'noteListedTwice');
  const round = openVoteRound(board);
  for (const noteId of command.noteIds) {
    if (!board.notes.has(noteId)) return refuse('not_found', 'noteGone');
    if (round && isRoundItem(board, round, noteId)) return refuse('conflict', 'noteInOpenVote', { label: round.label });
    if (isNoteOnRecord(board, noteId)) return refuse('conflict', 'noteOnRecord');
  }
  return { doc: command.noteIds.map((id): DocChange => ({ type: 'deleteNote', id })), private: [] };
}

/** The reaction counts of a note as the private rows have them (a browser knows only its own). */
function recountReactions(state: DomainState, noteId: string): MarkCounts {
  const counts: MarkCounts = {};
  const participants = new Set<string>();
  for (const key of state.marks) {
    if (key.startsWith(`${noteId}/`)) participants.add(key.slice(noteId.length + 1, key.lastIndexOf('/')));
  }
  for (const participantId of participants) {
    for (const kind of REACTIONS) {
      if (state.marks.has(markKey(noteId, participantId, kind))) counts[kind] = (counts[kind] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * The undo of {@link deleteNotes}: the notes come back with their ids, text, tag and name, in their
 * theme at their old order key (so between the same neighbours), or ungrouped when that theme is
 * gone. Reaction counts are recounted from the private rows, never taken from the command.
 */
export function restoreNotes(state: DomainState, command: CommandOf<'restoreNotes'>): Changes | DomainError {
  const { board } = state;
  if (command.notes.length === 0) return refuse('invalid_command', 'nothingToUndo');
  if (new Set(command.notes.map((n) => n.id)).size !== command.notes.length) {
    return refuse('invalid_command', 'noteListedTwice');
  }
  const adding = new Map<string, number>();
  const doc: DocChange[] = [];
  for (const restored of command.notes) {
    if (board.notes.has(restored.id)) return refuse('conflict', 'undoNoLongerApplies');
    if (!board.prompts.has(restored.promptId)) return refuse('conflict', 'undoNoLongerApplies');
    if (board.meta.settings.isAnonymous && restored.author !== null) {
      return refuse('invalid_command', 'notesAreAnonymous');
    }
    adding.set(restored.promptId, (adding.get(restored.promptId) ?? 0) + 1);
    const theme = restored.themeId === null ? undefined : board.themes.get(restored.themeId);
    const themeId = theme !== undefined && theme.promptId === restored.promptId ? theme.id : null;
    const markCounts = recountReactions(state, restored.id);
    const note: Note = { ...restored, themeId, ...(Object.keys(markCounts).length > 0 ? { markCounts } : {}) };
    doc.push({ type: 'putNote', note });
  }
  for (const [promptId, count] of adding) {
    const held = [...board.notes.values()].filter((n) => n.promptId === promptId).length;
    if (held + count > MAX_NOTES_PER_PROMPT) {
      return refuse('limit_reached', 'promptFullOfNotes', { max: MAX_NOTES_PER_PROMPT });
    }
  }
  return { doc, private: [] };
}
