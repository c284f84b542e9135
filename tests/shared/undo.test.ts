import { describe, expect, it } from 'vitest';
import type { CommandOf } from '../../shared/commands';
import type { DomainState } from '../../shared/domain/state';
import { UNDO_NO_LONGER_APPLIES } from '../../shared/domain/undoCommands';
import { type UndoableGrouping, undoOfGrouping } from '../../shared/domain/undoPlans';
import { MAX_NOTES_PER_MOVE } from '../../shared/limits';
import {
  ALICE,
  boardLayout,
  FACILITATOR,
  groupingState,
  groupingViolations,
  newBoardState,
  post,
  refusal,
  step,
  THEMED_LAYOUT,
  themedState,
  themeOrder,
} from './helpers';

const move = (noteIds: string[], themeId: string | null, beforeNoteId: string | null = null): UndoableGrouping => ({
  type: 'moveNotes',
  noteIds,
  themeId,
  beforeNoteId,
});

/** Runs an action, then its undo; returns the state after each. */
function doThenUndo(state: DomainState, action: UndoableGrouping) {
  const undo = undoOfGrouping(state.board, action);
  if (!undo) throw new Error('no undo');
  const done = step(state, FACILITATOR, action);
  const undone = step(done, FACILITATOR, undo);
  expect(groupingViolations(undone.board)).toEqual([]);
  return { undo, done, undone };
}

describe('undo of grouping actions', () => {
  // Each action, then its undo: every note is back in its container at its place, and the
  // prompt's themes in their order (the symmetric case of each action).
  it.each<[string, UndoableGrouping]>([
    ['one note into a theme', move(['n5'], 'tB')],
    ['one note out of a theme, to the ungrouped notes', move(['n1'], null)],
    ['a note within its theme (reorder)', move(['n2'], 'tA', 'n1')],
    ['notes from three places, scattered, into one theme', move(['n6', 'n1', 'n3', 'n4'], 'tA', 'n2')],
    ['the first and last of a theme, out', move(['n1', 'n2'], 'tB')],
    [
      'a new theme gathering notes',
      { type: 'createTheme', themeId: 'tC', promptId: 'prompt1', name: 'C', noteIds: ['n5', 'n2'], beforeThemeId: 'tA' },
    ],
    [
      'a new empty theme',
      { type: 'createTheme', themeId: 'tC', promptId: 'prompt1', name: 'C', noteIds: [], beforeThemeId: null },
    ],
    ['a theme delete', { type: 'deleteTheme', themeId: 'tA' }],
    ['an empty theme delete', { type: 'deleteTheme', themeId: 'tB' }],
    ['a merge', { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tB' }],
    ['a merge the other way', { type: 'mergeThemes', sourceThemeId: 'tB', targetThemeId: 'tA' }],
  ])('puts back %s', (_name, action) => {
    let state = themedState();
    if (action.type === 'deleteTheme' && action.themeId === 'tB') state = step(state, FACILITATOR, move(['n3'], null));
    const before = state.board;
    const { done, undone } = doThenUndo(state, action);
    expect(boardLayout(done.board)).not.toEqual(boardLayout(before));
    expect(boardLayout(undone.board)).toEqual(boardLayout(before));
    expect(themeOrder(undone.board, 'prompt1')).toEqual(themeOrder(before, 'prompt1'));
    expect([...undone.board.themes.values()].map((t) => t.name).sort()).toEqual(
      [...before.themes.values()].map((t) => t.name).sort(),
    );
  });

  it('brings a deleted theme back with its id, name and notes, so records and selections still point at it', () => {
    const { undone } = doThenUndo(themedState(), { type: 'deleteTheme', themeId: 'tA' });
    expect(undone.board.themes.get('tA')?.name).toBe('Time');
    expect(boardLayout(undone.board)).toEqual(THEMED_LAYOUT);
  });

  it.each<[string, UndoableGrouping, CommandOf<'moveNotes'>]>([
    [
      'a moved note was moved again',
      move(['n5'], 'tB'),
      { type: 'moveNotes', noteIds: ['n5'], themeId: 'tA', beforeNoteId: null },
    ],
    [
      'a note of a deleted theme was grouped again',
      { type: 'deleteTheme', themeId: 'tA' },
      { type: 'moveNotes', noteIds: ['n2'], themeId: 'tB', beforeNoteId: null },
    ],
    [
      'a merged note was taken out',
      { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tB' },
      { type: 'moveNotes', noteIds: ['n1'], themeId: null, beforeNoteId: null },
    ],
    [
      'a note joined the new theme',
      { type: 'createTheme', themeId: 'tC', promptId: 'prompt1', name: 'C', noteIds: ['n5'], beforeThemeId: null },
      { type: 'moveNotes', noteIds: ['n6'], themeId: 'tC', beforeNoteId: null },
    ],
  ])('refuses, changing nothing, when %s since', (_name, action, meanwhile) => {
    const state = themedState();
    const undo = undoOfGrouping(state.board, action);
    if (!undo) throw new Error('no undo');
    const overtaken = step(step(state, FACILITATOR, action), FACILITATOR, meanwhile);
    expect(refusal(overtaken, FACILITATOR, undo)).toMatchObject({ error: 'conflict', message: UNDO_NO_LONGER_APPLIES });
  });

  it('refuses an undo sent twice: the second finds the notes already back', () => {
    const { undo, undone } = doThenUndo(themedState(), move(['n5'], 'tB'));
    expect(refusal(undone, FACILITATOR, undo).message).toBe(UNDO_NO_LONGER_APPLIES);
  });

  it('refuses to recreate a theme that exists again (an undo of a delete, sent twice)', () => {
    const { undo, undone } = doThenUndo(themedState(), { type: 'deleteTheme', themeId: 'tB' });
    expect(refusal(undone, FACILITATOR, undo).message).toBe(UNDO_NO_LONGER_APPLIES);
  });

  it('puts notes at the end when the note they stood before has moved since', () => {
    const state = themedState();
    const action = move(['n1'], null);
    const undo = undoOfGrouping(state.board, action);
    if (!undo) throw new Error('no undo');
    const moved = step(step(state, FACILITATOR, action), FACILITATOR, move(['n2'], 'tB'));
    const undone = step(moved, FACILITATOR, undo);
    expect(boardLayout(undone.board)).toMatchObject({ tA: ['n1'], tB: ['n3', 'n2'] });
  });

  it('moves only notes whose place it checked, and at most MAX_NOTES_PER_MOVE of them', () => {
    const state = themedState();
    const sneaky: CommandOf<'restoreGrouping'> = {
      type: 'restoreGrouping',
      expected: [{ noteId: 'n4', themeId: null }],
      theme: null,
      moves: [{ noteIds: ['n4', 'n5'], themeId: 'tA', beforeNoteId: null }],
      removeThemeId: null,
    };
    expect(refusal(state, FACILITATOR, sneaky).error).toBe('invalid_command');
    const count = MAX_NOTES_PER_MOVE + 1;
    const many = groupingState([{ promptId: 'prompt1', prefix: 'm', count }]);
    const ids = Array.from({ length: count }, (_, i) => `m${i + 1}`);
    const tooMany: CommandOf<'restoreGrouping'> = {
      type: 'restoreGrouping',
      expected: ids.slice(0, MAX_NOTES_PER_MOVE).map((noteId) => ({ noteId, themeId: null })),
      theme: { themeId: 'tX', promptId: 'prompt1', name: 'X', beforeThemeId: null },
      moves: [
        { noteIds: ids.slice(0, MAX_NOTES_PER_MOVE), themeId: 'tX', beforeNoteId: null },
        { noteIds: ids.slice(0, 1), themeId: 'tX', beforeNoteId: null },
      ],
      removeThemeId: null,
    };
    expect(refusal(many, FACILITATOR, tooMany).error).toBe('limit_reached');
    // A theme with more notes than one undo carries offers no undo for its delete.
    const big = step(many, FACILITATOR, {
      type: 'createTheme',
      themeId: 'tX',
      promptId: 'prompt1',
      name: 'X',
      noteIds: ids.slice(0, 100),
      beforeThemeId: null,
    });
    const full = step(big, FACILITATOR, move(['m101'], 'tX'));
    expect(undoOfGrouping(full.board, { type: 'deleteTheme', themeId: 'tX' })).toBeNull();
  });

  it('is for facilitators, in the group phase', () => {
    const state = themedState();
    const undo = undoOfGrouping(state.board, move(['n5'], 'tB'));
    if (!undo) throw new Error('no undo');
    const done = step(state, FACILITATOR, move(['n5'], 'tB'));
    expect(refusal(done, { role: 'participant', participantId: 'alice' }, undo).error).toBe('forbidden');
  });
});

describe('undo of a note delete', () => {
  it('is the same note posted again by its author: private to them, counted as before', () => {
    const written = post(newBoardState({ phase: 'reflect' }), ALICE, 'd1', 'prompt1');
    const draft = written.drafts.get('d1');
    if (!draft) throw new Error('no draft');
    const deleted = step(written, ALICE, { type: 'deleteDraft', draftId: 'd1' });
    expect(deleted.drafts.has('d1')).toBe(false);
    const restored = step(deleted, ALICE, {
      type: 'postDraft',
      draftId: 'd1',
      promptId: draft.promptId,
      text: draft.text,
      tag: draft.tag,
    });
    expect(restored.drafts).toEqual(written.drafts);
    expect(restored.posted).toEqual(written.posted);
    expect(restored.board.prompts.get('prompt1')).toEqual(written.board.prompts.get('prompt1'));
    // Nothing of the note is in the public document: only the counts.
    expect([...restored.board.notes.values()]).toEqual([]);
  });
});
