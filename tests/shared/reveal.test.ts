import { describe, expect, it } from 'vitest';
import type { Changes } from '../../shared/domain/changes';
import type { Actor, DomainState } from '../../shared/domain/state';
import { notesOfPrompt } from '../../shared/domain/state';
import { isOrderKey } from '../../shared/fractionalIndex';
import { accept, afterChanges, FACILITATOR, newBoardState, post, refusal, step, testContext, withMeta } from './helpers';

const people: Actor[] = ['pid-alice-q7', 'pid-bob-x3', 'pid-carol-k9', 'pid-dan-m4'].map((participantId) => ({
  role: 'participant',
  participantId,
}));
const [A, B, C, D] = people as [Actor, Actor, Actor, Actor];
const SECRET_IDS = people.map((p) => p.participantId as string);

/** Reflect phase: A wrote two notes and B one for prompt1; C one for prompt2; prompt3 is empty. */
function reflected(): DomainState {
  let state = newBoardState({ phase: 'reflect' });
  state = post(state, A, 'draft-secret-a1', 'prompt1');
  state = post(state, B, 'draft-secret-b1', 'prompt1');
  state = post(state, A, 'draft-secret-a2', 'prompt1');
  state = post(state, C, 'draft-secret-c1', 'prompt2');
  return withMeta(state, { phase: 'share' });
}

/**
 * Fails when the public changes mention an author, a participant id or a draft id anywhere but
 * in a note's text (the text is what the author chose to publish; here it quotes the draft id).
 */
function expectAnonymous(changes: Changes, draftIds: readonly string[]) {
  const json = JSON.stringify(changes.doc, (key, value) => (key === 'text' ? '' : value));
  expect(json).not.toContain('authorId');
  for (const secret of [...SECRET_IDS, ...draftIds]) expect(json).not.toContain(secret);
}

function putNotes(changes: Changes) {
  return changes.doc.flatMap((c) => (c.type === 'putNote' ? [c.note] : []));
}

describe('reveal', () => {
  it('turns every draft of one prompt into an anonymous note with a fresh id, in one batch', () => {
    const state = reflected();
    // Two authors: the facilitator confirms (the refusal itself is tested in batchAnonymity.test.ts).
    const command = { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true } as const;
    const changes = accept(state, FACILITATOR, command, testContext(7, 'fresh'));
    const notes = putNotes(changes);
    expect(notes.map((n) => n.id).sort()).toEqual(['fresh1', 'fresh2', 'fresh3']);
    expect(notes.map((n) => n.text).sort()).toEqual([
      'Text of draft-secret-a1',
      'Text of draft-secret-a2',
      'Text of draft-secret-b1',
    ]);
    expect(notes.every((n) => n.promptId === 'prompt1' && n.themeId === null && isOrderKey(n.order))).toBe(true);
    expect(changes.doc.at(-1)).toEqual({ type: 'patchPrompt', id: 'prompt1', fields: { isRevealed: true, pendingCount: 0 } });
    expect(changes.private).toEqual([
      { type: 'revealDrafts', draftIds: ['draft-secret-a1', 'draft-secret-b1', 'draft-secret-a2'] },
    ]);
    expectAnonymous(changes, ['draft-secret-a1', 'draft-secret-b1', 'draft-secret-a2']);

    const after = afterChanges(state, changes);
    expect([...after.drafts.keys()]).toEqual(['draft-secret-c1']);
    expect(after.board.prompts.get('prompt1')).toMatchObject({ isRevealed: true, pendingCount: 0, contributorCount: 2 });
    expect(after.board.prompts.get('prompt2')).toEqual(state.board.prompts.get('prompt2'));
    expect(after.posted).toEqual(state.posted);
  });

  it('reveals every unrevealed prompt when promptId is null, in board order, and skips revealed ones', () => {
    let state = reflected();
    state = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt2', confirmSmallCount: true });
    state = post(state, C, 'draft-secret-c2', 'prompt2');
    const command = { type: 'reveal', promptId: null, confirmSmallCount: true } as const;
    const changes = accept(state, FACILITATOR, command, testContext(3, 'fresh'));
    const patched = changes.doc.flatMap((c) => (c.type === 'patchPrompt' ? [c.id] : []));
    expect(patched).toEqual(['prompt1', 'prompt3']);
    expect(putNotes(changes).map((n) => n.promptId)).toEqual(['prompt1', 'prompt1', 'prompt1']);
    expect(changes.private).toEqual([
      { type: 'revealDrafts', draftIds: ['draft-secret-a1', 'draft-secret-b1', 'draft-secret-a2'] },
      { type: 'revealDrafts', draftIds: [] },
    ]);
    expectAnonymous(changes, [...state.drafts.keys()]);
    const after = afterChanges(state, changes);
    expect([...after.board.prompts.values()].every((p) => p.isRevealed)).toBe(true);
    // C's note written after prompt2 was revealed stays held: revealing all does not release it.
    expect([...after.drafts.keys()]).toEqual(['draft-secret-c2']);
    expect(after.board.prompts.get('prompt2')?.pendingCount).toBe(1);
    expect(accept(after, FACILITATOR, { type: 'reveal', promptId: null })).toEqual({ doc: [], private: [] });
    expect(accept(after, FACILITATOR, { type: 'reveal', promptId: 'prompt1' })).toEqual({ doc: [], private: [] });
  });
});

describe('reveal order', () => {
  const DRAFTS = 10;
  const SEEDS = 200;

  function revealedOrder(seed: number): number[] {
    let state = newBoardState({ phase: 'reflect' });
    for (let i = 0; i < DRAFTS; i++) {
      state = post(state, { role: 'participant', participantId: `p${i}` }, `d${i}`, 'prompt1');
    }
    state = withMeta(state, { phase: 'share' });
    const after = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }, testContext(seed));
    return notesOfPrompt(after.board, 'prompt1').map((n) => Number(n.text.replace('Text of d', '')));
  }

  const orders = Array.from({ length: SEEDS }, (_, i) => revealedOrder(i + 1));

  it('is a permutation of the submitted drafts, rarely the submission order', () => {
    for (const order of orders) expect([...order].sort((a, b) => a - b)).toEqual([...Array(DRAFTS).keys()]);
    const identity = orders.filter((o) => o.every((d, i) => d === i)).length;
    // P(identity) = 1/10! per seed; even one in 200 would be a broken shuffle.
    expect(identity).toBe(0);
    expect(new Set(orders.map((o) => o.join(','))).size).toBeGreaterThanOrEqual(SEEDS - 1);
  });

  it('puts each draft in each position about equally often (chi-square, fixed seeds)', () => {
    const expected = SEEDS / DRAFTS;
    const counts = Array.from({ length: DRAFTS }, () => Array<number>(DRAFTS).fill(0));
    for (const order of orders) {
      for (const [position, draft] of order.entries()) counts[position]![draft]!++;
    }
    const firstPosition = counts[0]!;
    const chiFirst = firstPosition.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 27.88 is the 0.1 % critical value for 9 degrees of freedom.
    expect(chiFirst).toBeLessThan(27.88);
    expect(Math.min(...firstPosition)).toBeGreaterThan(0);
    // Every (position, draft) cell: 81 degrees of freedom, 0.1 % critical value 124.8.
    const chiAll = counts.flat().reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chiAll).toBeLessThan(124.8);
  });

  it('depends on the seed only: the same seed gives the same order', () => {
    expect(revealedOrder(42)).toEqual(revealedOrder(42));
    expect(revealedOrder(42)).not.toEqual(revealedOrder(43));
  });
});

describe('held notes after reveal', () => {
  function revealedEmpty(): DomainState {
    return step(newBoardState({ phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
  }

  // Released when every recipient finds at least 3 notes she did not write, from at least 2 others.
  it.each([
    ['2 notes from 2 people', [A, B], false],
    ['3 notes from 1 person', [A, A, A], false],
    ['4 notes from 1 person', [A, A, A, A], false],
    // Issue #11: A holds her own 2 notes; B's note would come out alone with them, and A knows it is B's.
    ['A holds 2 notes, then B writes 1', [A, A, B], false],
    ['3 notes from 2 people, the newcomer second', [A, B, A], false],
    ['3 notes from 3 people: each author sees 2', [A, B, C], false],
    ['4 notes, 2 from A: A sees 2 by others', [A, A, B, C], false],
    ['6 notes, 4 from A: A sees 2 by others', [A, A, A, A, B, C], false],
    ['4 notes from 4 people: each sees 3 from 3 others', [A, B, C, D], true],
    ['5 notes 2 + 2 + 1: each sees at least 3 from 2 others', [A, A, B, B, C], true],
    ['5 notes 2 + 2 + 1, interleaved', [A, B, C, A, B], true],
  ] as const)('%s: released together on the last post = %s', (_label, authors, isReleased) => {
    let state = revealedEmpty();
    let last: Changes = { doc: [], private: [] };
    authors.forEach((author, i) => {
      last = accept(state, author, {
        type: 'postDraft',
        draftId: `held-${i}`,
        promptId: 'prompt1',
        text: `Held ${i}`,
        tag: null,
      });
      if (i < authors.length - 1) expect(putNotes(last)).toEqual([]);
      state = afterChanges(state, last);
    });
    const ids = authors.map((_, i) => `held-${i}`);
    if (isReleased) {
      expect(
        putNotes(last)
          .map((n) => n.text)
          .sort(),
      ).toEqual(ids.map((_, i) => `Held ${i}`));
      expect(last.private.at(-1)).toEqual({ type: 'revealDrafts', draftIds: ids });
      expectAnonymous(last, ids);
      expect(state.drafts.size).toBe(0);
      expect(state.board.prompts.get('prompt1')?.pendingCount).toBe(0);
    } else {
      expect([...state.drafts.keys()]).toEqual(ids);
      expect(state.board.notes.size).toBe(0);
      expect(state.board.prompts.get('prompt1')?.pendingCount).toBe(authors.length);
    }
  });

  it('holds nothing before reveal: 3 drafts from 3 people stay private in the reflect phase', () => {
    let state = newBoardState({ phase: 'reflect' });
    for (const [i, author] of [A, B, C].entries()) state = post(state, author, `d${i}`, 'prompt1');
    expect(state.board.notes.size).toBe(0);
    expect(state.drafts.size).toBe(3);
  });

  it('appends released notes after the notes already shown', () => {
    let state = step(reflected(), FACILITATOR, { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true });
    const shown = notesOfPrompt(state.board, 'prompt1').map((n) => n.id);
    for (const [i, author] of [A, B, C, D].entries()) state = post(state, author, `late${i}`, 'prompt1');
    const all = notesOfPrompt(state.board, 'prompt1');
    expect(all.map((n) => n.id).slice(0, shown.length)).toEqual(shown);
    expect(
      all
        .slice(shown.length)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['Text of late0', 'Text of late1', 'Text of late2', 'Text of late3']);
  });

  it.each([0, 1, 2, 5])('releaseHeld with confirmSmallCount releases %i held notes, whoever wrote them', (count) => {
    let state = revealedEmpty();
    for (let i = 0; i < count; i++) state = post(state, A, `held-${i}`, 'prompt1');
    const changes = accept(state, FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1', confirmSmallCount: true });
    if (count === 0) expect(changes).toEqual({ doc: [], private: [] });
    else expect(putNotes(changes)).toHaveLength(count);
    expectAnonymous(changes, [...state.drafts.keys()]);
    const after = afterChanges(state, changes);
    expect(after.drafts.size).toBe(0);
    expect(after.board.notes.size).toBe(count);
    expect(after.board.prompts.get('prompt1')?.pendingCount).toBe(0);
  });
});

describe('public counters', () => {
  type Step = [label: string, run: (s: DomainState) => DomainState, pending: number, contributors: number, notes: number];
  const del = (actor: Actor, draftId: string) => (s: DomainState) => step(s, actor, { type: 'deleteDraft', draftId });
  const STEPS: Step[] = [
    ['A posts', (s) => post(s, A, 'a1', 'prompt1'), 1, 1, 0],
    ['A posts again', (s) => post(s, A, 'a2', 'prompt1'), 2, 1, 0],
    ['B posts', (s) => post(s, B, 'b1', 'prompt1'), 3, 2, 0],
    ['A deletes one', del(A, 'a1'), 2, 2, 0],
    ['A deletes the other', del(A, 'a2'), 1, 1, 0],
    [
      'reveal (confirmed: one author)',
      (s) => step(withMeta(s, { phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true }),
      0,
      1,
      1,
    ],
    ['B posts (held)', (s) => post(s, B, 'b2', 'prompt1'), 1, 1, 1],
    ['C posts (held)', (s) => post(s, C, 'c1', 'prompt1'), 2, 2, 1],
    ['A posts (held: each author would see 2 by others)', (s) => post(s, A, 'a3', 'prompt1'), 3, 3, 1],
    ['D posts: batch released', (s) => post(s, D, 'd1', 'prompt1'), 0, 4, 5],
  ];

  it('pendingCount, contributorCount and notes follow every step', () => {
    let state = newBoardState({ phase: 'reflect' });
    for (const [label, run, pending, contributors, notes] of STEPS) {
      state = run(state);
      const prompt = state.board.prompts.get('prompt1');
      expect({
        label,
        pending: prompt?.pendingCount,
        contributors: prompt?.contributorCount,
        notes: state.board.notes.size,
      }).toEqual({
        label,
        pending,
        contributors,
        notes,
      });
    }
    expect(refusal(state, C, { type: 'deleteDraft', draftId: 'c1' }).error).toBe('not_found');
    expect(Object.fromEntries(state.posted)).toEqual({
      'pid-alice-q7/prompt1': 1,
      'pid-bob-x3/prompt1': 2,
      'pid-carol-k9/prompt1': 1,
      'pid-dan-m4/prompt1': 1,
    });
  });
});

describe('held notes and the phase they are written in', () => {
  /** prompt1 revealed (empty) in the share phase, then moved to another phase the way a facilitator would. */
  const SHARE = (): DomainState => step(newBoardState({ phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
  type Path = [label: string, isReleased: boolean, reach: () => DomainState];
  const PATHS: Path[] = [
    ['share', true, SHARE],
    ['group (share → group)', true, () => step(SHARE(), FACILITATOR, { type: 'setPhase', phase: 'group' })],
    ['reflect (share → reflect)', false, () => step(SHARE(), FACILITATOR, { type: 'setPhase', phase: 'reflect', confirm: true })],
    [
      'reflect (revisit → reflect)',
      false,
      () => step(withMeta(SHARE(), { phase: 'revisit' }), FACILITATOR, { type: 'setPhase', phase: 'reflect' }),
    ],
  ];
  const heldIn = (reach: () => DomainState) => {
    let state = reach();
    for (const [i, author] of [A, B, C, D].entries()) state = post(state, author, `held-${i}`, 'prompt1');
    return state;
  };

  it.each(PATHS)('in %s, 4 notes from 4 people are released together: %s', (_label, isReleased, reach) => {
    const state = heldIn(reach);
    expect(state.board.notes.size).toBe(isReleased ? 4 : 0);
    expect(state.drafts.size).toBe(isReleased ? 0 : 4);
    expect(state.board.prompts.get('prompt1')?.pendingCount).toBe(isReleased ? 0 : 4);
  });

  it.each(PATHS.filter(([, isReleased]) => !isReleased))(
    'notes held in %s come out with the next post in share, or with release now',
    (_label, _isReleased, reach) => {
      const held = heldIn(reach);
      expect(refusal(held, FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1' }).error).toBe('wrong_phase');
      const shared = step(held, FACILITATOR, { type: 'setPhase', phase: 'share' });
      expect(shared.board.notes.size).toBe(0);
      const posted = post(shared, A, 'next', 'prompt1');
      expect(posted.board.notes.size).toBe(5);
      expect(posted.drafts.size).toBe(0);
      // A batch that names nobody needs no confirmation.
      const released = step(shared, FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1' });
      expect(released.board.notes.size).toBe(4);
    },
  );
});
