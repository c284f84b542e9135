import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/records/Draft';
import {
  ALICE,
  afterChanges,
  BOB,
  FACILITATOR,
  newBoardState,
  refusal,
  step,
  TEST_SETTINGS,
  testContext,
  withMeta,
} from './helpers';

/** A board in reflect whose notes carry names (as the two-person template makes it). */
function namedBoard() {
  return withMeta(newBoardState({ phase: 'reflect' }), { settings: { ...TEST_SETTINGS, isAnonymous: false } });
}

const signed = (draftId: string, authorName: string | null, promptId = 'prompt1') =>
  ({ type: 'postDraft', draftId, promptId, text: `Text of ${draftId}`, tag: null, authorName }) as const;

describe('named notes', () => {
  it('refuses a name on an anonymous board, and changes nothing', () => {
    const state = newBoardState({ phase: 'reflect' });
    expect(refusal(state, ALICE, signed('a1', 'Alice'))).toMatchObject({
      error: 'conflict',
      message: 'Notes are anonymous on this board: they cannot carry a name.',
    });
    // Without a name (or with an explicit null) the same note is fine.
    expect(step(state, ALICE, signed('a1', null)).drafts.get('a1')?.authorName).toBeNull();
  });

  it('keeps the name with the draft, and carries it to note.author at reveal', () => {
    let state = namedBoard();
    state = step(state, ALICE, signed('a1', 'Alice'));
    state = step(state, BOB, signed('b1', 'Bob'));
    state = step(state, BOB, { type: 'postDraft', draftId: 'b2', promptId: 'prompt1', text: 'Unsigned', tag: 'need' });
    expect(state.drafts.get('a1')?.authorName).toBe('Alice');
    state = step(state, ALICE, { type: 'editDraft', draftId: 'a1', text: 'Edited' });
    expect(state.drafts.get('a1')).toMatchObject({ text: 'Edited', authorName: 'Alice' });
    state = step(withMeta(state, { phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' }, testContext());
    const notes = [...state.board.notes.values()].map((n) => [n.text, n.author]).sort();
    expect(notes).toEqual([
      ['Edited', 'Alice'],
      ['Text of b1', 'Bob'],
      ['Unsigned', null],
    ]);
    expect(state.drafts.size).toBe(0);
  });

  it('releases a note written after the reveal at once, with its name: timing tells nothing the name does not', () => {
    let state = step(withMeta(namedBoard(), { phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    // A board for two people: a held-notes batch could never reach three people, so nothing waits.
    const posts = [ALICE, BOB, ALICE];
    posts.forEach((person, i) => {
      state = step(state, person, signed(`late${i}`, person.participantId!.toUpperCase()));
      expect(state.drafts.size).toBe(0);
      expect(state.board.notes.size).toBe(i + 1);
    });
    const authors = [...state.board.notes.values()].map((n) => n.author).sort();
    expect(authors).toEqual(['ALICE', 'ALICE', 'BOB']);
  });

  it('reveals and releases without asking for confirmation on a board that shows names', () => {
    let state = step(namedBoard(), ALICE, signed('a1', 'Alice'));
    state = step(withMeta(state, { phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    expect(state.board.notes.size).toBe(1);
    state = step(withMeta(state, { phase: 'reflect' }), BOB, signed('b1', 'Bob'));
    state = step(withMeta(state, { phase: 'share' }), FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1' });
    expect(state.board.notes.size).toBe(2);
  });

  it('publishes no name on an anonymous board, even from a draft that holds one', () => {
    // Defence in depth: a draft stored with a name (say, before the board became anonymous) stays unsigned.
    const draft: Draft = { id: 'a1', promptId: 'prompt1', authorId: 'alice', text: 'Mine', tag: null, authorName: 'Alice' };
    let state = afterChanges(withMeta(newBoardState(), { phase: 'share' }), { doc: [], private: [{ type: 'putDraft', draft }] });
    state = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true });
    expect([...state.board.notes.values()].map((n) => n.author)).toEqual([null]);
  });
});
