import { describe, expect, it } from 'vitest';
import { RELEASE_BATCH_MIN_AUTHORS, RELEASE_BATCH_MIN_NOTES } from '../../shared/limits';
import type { Draft } from '../../shared/records/Draft';
import {
  ALICE,
  afterChanges,
  BOB,
  CAROL,
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
    expect(refusal(state, ALICE, signed('a1', 'Alice'))).toEqual({
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

  it('keeps the names of held notes released in a batch', () => {
    let state = step(withMeta(namedBoard(), { phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    const people = [ALICE, BOB, CAROL];
    expect(RELEASE_BATCH_MIN_AUTHORS).toBeLessThanOrEqual(people.length);
    for (let i = 0; i < RELEASE_BATCH_MIN_NOTES; i++) {
      const person = people[i % people.length]!;
      state = step(state, person, signed(`late${i}`, person.participantId!.toUpperCase()));
    }
    const authors = [...state.board.notes.values()].map((n) => n.author);
    expect(authors).toHaveLength(RELEASE_BATCH_MIN_NOTES);
    expect(new Set(authors)).toEqual(new Set(people.map((p) => p.participantId!.toUpperCase())));
  });

  it('publishes no name on an anonymous board, even from a draft that holds one', () => {
    // Defence in depth: a draft stored with a name (say, before the board became anonymous) stays unsigned.
    const draft: Draft = { id: 'a1', promptId: 'prompt1', authorId: 'alice', text: 'Mine', tag: null, authorName: 'Alice' };
    let state = afterChanges(withMeta(newBoardState(), { phase: 'share' }), { doc: [], private: [{ type: 'putDraft', draft }] });
    state = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    expect([...state.board.notes.values()].map((n) => n.author)).toEqual([null]);
  });
});
