import { describe, expect, it } from 'vitest';
import type { CommandOf } from '../../shared/commands';
import { NOTE_ON_RECORD, openVoteSentence } from '../../shared/domain/noteDeleteCommands';
import type { DomainState } from '../../shared/domain/state';
import { UNDO_NO_LONGER_APPLIES } from '../../shared/domain/undoCommands';
import { undoOfDeleteNotes, undoOfGrouping } from '../../shared/domain/undoPlans';
import { MAX_NOTES_PER_MOVE, MAX_NOTES_PER_PROMPT } from '../../shared/limits';
import type { Note } from '../../shared/records/Note';
import {
  ALICE,
  afterChanges,
  BOB,
  boardLayout,
  FACILITATOR,
  groupingState,
  groupingViolations,
  refusal,
  step,
  THEMED_LAYOUT,
  themedState,
  withMeta,
} from './helpers';

const del = (...noteIds: string[]): CommandOf<'deleteNotes'> => ({ type: 'deleteNotes', noteIds });

/** Deletes, then undoes with the plan made from the board the delete met. */
function deleteThenUndo(state: DomainState, noteIds: string[]) {
  const undo = undoOfDeleteNotes(state.board, noteIds);
  if (!undo) throw new Error('no undo');
  // The client asks for it as for any grouping action.
  expect(undoOfGrouping(state.board, del(...noteIds))).toEqual(undo);
  const done = step(state, FACILITATOR, del(...noteIds));
  const undone = step(done, FACILITATOR, undo);
  return { undo, done, undone };
}

/** themedState() with the open vote `round1` over every theme and ungrouped note of prompt1 (align). */
function withOpenVote(state: DomainState, itemIds: string[] | null = null, status: 'open' | 'closed' = 'open'): DomainState {
  return afterChanges(state, {
    doc: [
      {
        type: 'putVoteRound',
        round: {
          id: 'round1',
          label: 'Round 1',
          status,
          dotsPerPerson: 5,
          maxPerItem: 3,
          facilitatorVotes: false,
          itemIds,
          voterCount: 0,
          openedAt: 1,
          closedAt: status === 'closed' ? 2 : null,
          tallies: status === 'closed' ? { n4: 2, tA: 1 } : null,
        },
      },
    ],
    private: [],
  });
}

describe('deleteNotes', () => {
  it('deletes notes from their theme and from the ungrouped notes, and nothing else', () => {
    const state = themedState();
    const done = step(state, FACILITATOR, del('n1', 'n5'));
    expect(boardLayout(done.board)).toEqual({ ...THEMED_LAYOUT, tA: ['n2'], prompt1: ['n4', 'n6'] });
    expect(done.board.notes.has('n1')).toBe(false);
    expect(done.board.themes).toEqual(state.board.themes);
    expect(groupingViolations(done.board)).toEqual([]);
  });

  it('may empty a theme: the theme stays', () => {
    const done = step(themedState(), FACILITATOR, del('n3'));
    expect(boardLayout(done.board).tB).toEqual([]);
  });

  it.each<[string, CommandOf<'deleteNotes'>, string]>([
    ['an unknown note', del('n1', 'nope'), 'One of the notes does not exist (any more).'],
    ['a note twice', del('n1', 'n1'), 'A note is listed twice.'],
  ])('refuses %s, changing nothing', (_name, command, message) => {
    expect(refusal(themedState(), FACILITATOR, command).message).toBe(message);
  });

  it('is for facilitators only, and only in the group phase', () => {
    expect(refusal(themedState(), ALICE, del('n1')).error).toBe('forbidden');
    const voting = withMeta(themedState(), { phase: 'vote' });
    expect(refusal(voting, FACILITATOR, del('n1')).error).toBe('wrong_phase');
  });

  it('refuses an ungrouped note of an align prompt while a vote is open on it (its dots are hidden), but not a note in a theme', () => {
    // Back in group with the round left open ("dots placed so far are kept for when you come back").
    const state = withOpenVote(themedState());
    expect(refusal(state, FACILITATOR, del('n4'))).toMatchObject({ error: 'conflict', message: openVoteSentence('Round 1') });
    // A note in a theme is not an item: the theme's dots stay on the theme.
    expect(boardLayout(step(state, FACILITATOR, del('n1')).board).tA).toEqual(['n2']);
    // An awareness-only prompt has no items.
    expect(step(state, FACILITATOR, del('w2')).board.notes.has('w2')).toBe(false);
  });

  it('a run-off limits the refusal to its own items', () => {
    const state = withOpenVote(themedState(), ['tA', 'n5']);
    expect(refusal(state, FACILITATOR, del('n5')).message).toBe(openVoteSentence('Round 1'));
    expect(step(state, FACILITATOR, del('n4')).board.notes.has('n4')).toBe(false);
  });

  it('refuses a note a closed vote counted or a decision names', () => {
    const closed = withOpenVote(themedState(), null, 'closed');
    expect(refusal(closed, FACILITATOR, del('n4'))).toMatchObject({ error: 'conflict', message: NOTE_ON_RECORD });
    expect(step(closed, FACILITATOR, del('n5')).board.notes.has('n5')).toBe(false);
  });
});

describe('undo of deleteNotes (restoreNotes)', () => {
  it.each<[string, string[]]>([
    ['the first note of a theme', ['n1']],
    ['the last note of a theme', ['n2']],
    ['the only note of a theme', ['n3']],
    ['an ungrouped note in the middle', ['n5']],
    ['several notes from three places', ['n6', 'n1', 'n3', 'n4']],
  ])('puts back %s in its place, theme and order', (_name, noteIds) => {
    const state = themedState();
    const { done, undone } = deleteThenUndo(state, noteIds);
    expect(boardLayout(done.board)).not.toEqual(THEMED_LAYOUT);
    expect(boardLayout(undone.board)).toEqual(THEMED_LAYOUT);
    for (const noteId of noteIds) expect(undone.board.notes.get(noteId)).toEqual(state.board.notes.get(noteId));
    expect(groupingViolations(undone.board)).toEqual([]);
  });

  it('keeps the place between the same neighbours when other notes moved meanwhile', () => {
    const { undo, done } = deleteThenUndo(themedState(), ['n5']);
    const moved = step(done, FACILITATOR, { type: 'moveNotes', noteIds: ['n6'], themeId: 'tB', beforeNoteId: null });
    const undone = step(moved, FACILITATOR, undo);
    expect(boardLayout(undone.board)).toMatchObject({ prompt1: ['n4', 'n5'], tB: ['n3', 'n6'] });
  });

  it('brings the note back ungrouped when its theme was deleted meanwhile', () => {
    const { undo, done } = deleteThenUndo(themedState(), ['n3']);
    const noTheme = step(done, FACILITATOR, { type: 'deleteTheme', themeId: 'tB' });
    const undone = step(noTheme, FACILITATOR, undo);
    expect(undone.board.notes.get('n3')?.themeId).toBeNull();
    expect(groupingViolations(undone.board)).toEqual([]);
  });

  it('brings the reaction counts back from the private rows, never from the command', () => {
    let state = withMeta(themedState(), { phase: 'group' });
    state = step(state, ALICE, { type: 'react', noteId: 'n4', reaction: 'heart', isOn: true });
    state = step(state, BOB, { type: 'react', noteId: 'n4', reaction: 'heart', isOn: true });
    state = step(state, BOB, { type: 'react', noteId: 'n4', reaction: 'plusOne', isOn: true });
    const { done, undone } = deleteThenUndo(state, ['n4']);
    expect(done.marks).toEqual(state.marks);
    expect(undone.board.notes.get('n4')?.markCounts).toEqual({ heart: 2, plusOne: 1 });
    // A seat removed while the note was away takes its reactions with it.
    const withoutBob = afterChanges(done, { doc: [], private: [{ type: 'removeSeat', participantId: 'bob' }] });
    const undo = undoOfDeleteNotes(state.board, ['n4']);
    if (!undo) throw new Error('no undo');
    expect(step(withoutBob, FACILITATOR, undo).board.notes.get('n4')?.markCounts).toEqual({ heart: 1 });
  });

  it('refuses, changing nothing, when a note is back already (a second undo, or a replay under another id)', () => {
    const { undo, undone } = deleteThenUndo(themedState(), ['n1', 'n2']);
    expect(refusal(undone, FACILITATOR, undo)).toMatchObject({ error: 'conflict', message: UNDO_NO_LONGER_APPLIES });
  });

  it('refuses a name on an anonymous board', () => {
    const { undo, done } = deleteThenUndo(themedState(), ['n1']);
    const named = { ...undo, notes: undo.notes.map((n) => ({ ...n, author: 'Sam' })) } as CommandOf<'restoreNotes'>;
    expect(refusal(done, FACILITATOR, named).message).toBe('Notes are anonymous on this board: they cannot carry a name.');
  });

  it('is for facilitators only', () => {
    const { undo, done } = deleteThenUndo(themedState(), ['n1']);
    expect(refusal(done, ALICE, undo).error).toBe('forbidden');
  });

  it(`keeps a prompt within ${MAX_NOTES_PER_PROMPT} notes`, () => {
    const full = groupingState([{ promptId: 'prompt1', prefix: 'n', count: MAX_NOTES_PER_PROMPT }]);
    const note: Note = {
      id: 'extra',
      promptId: 'prompt1',
      text: 'One more',
      tag: null,
      themeId: null,
      order: 'a0',
      author: null,
    };
    const command: CommandOf<'restoreNotes'> = { type: 'restoreNotes', notes: [note as Omit<Note, 'markCounts'>] };
    expect(refusal(full, FACILITATOR, command)).toMatchObject({
      error: 'limit_reached',
      message: `A prompt can hold at most ${MAX_NOTES_PER_PROMPT} notes.`,
    });
    const roomForOne = step(full, FACILITATOR, del('n1'));
    expect(step(roomForOne, FACILITATOR, command).board.notes.has('extra')).toBe(true);
  });

  it(`has no plan for more than ${MAX_NOTES_PER_MOVE} notes or an unknown one`, () => {
    const many = groupingState([{ promptId: 'prompt1', prefix: 'n', count: MAX_NOTES_PER_MOVE + 1 }]);
    const ids = [...many.board.notes.keys()];
    expect(undoOfDeleteNotes(many.board, ids)).toBeNull();
    expect(undoOfDeleteNotes(many.board, ids.slice(0, MAX_NOTES_PER_MOVE))?.notes).toHaveLength(MAX_NOTES_PER_MOVE);
    expect(undoOfDeleteNotes(many.board, ['nope'])).toBeNull();
  });
});
