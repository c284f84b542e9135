import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { batchExposure, quotedPrompt } from '../../shared/domain/batchAnonymity';
import type { Changes } from '../../shared/domain/changes';
import { isDomainError } from '../../shared/domain/errors';
import type { Actor, DomainState } from '../../shared/domain/state';
import {
  MAX_NOTES_PER_PERSON_PER_PROMPT,
  RELEASE_BATCH_MIN_NOTES_BY_OTHERS,
  RELEASE_BATCH_MIN_OTHER_AUTHORS,
} from '../../shared/limits';
import { seededRandom } from '../../shared/random';
import { wellFormed } from '../../shared/validate';
import {
  accept,
  afterChanges,
  FACILITATOR,
  newBoardState,
  post,
  refusal,
  step,
  TEST_SETTINGS,
  testContext,
  withMeta,
} from './helpers';

const person = (n: number): Actor => ({ role: 'participant', participantId: `person${n}` });

/**
 * The rule, written out independently of the code under test: every recipient — each of the
 * board's people, and someone who wrote nothing — finds in the batch at least 3 notes she did not
 * write, from at least 2 other people.
 */
function namesNobody(batchAuthors: readonly string[], everyone: readonly string[]): boolean {
  for (const recipient of [...everyone, 'someone-who-wrote-nothing']) {
    const unknown = batchAuthors.filter((author) => author !== recipient);
    if (unknown.length < RELEASE_BATCH_MIN_NOTES_BY_OTHERS || new Set(unknown).size < RELEASE_BATCH_MIN_OTHER_AUTHORS) {
      return false;
    }
  }
  return true;
}

/** A board in reflect where person1… wrote to prompt1 as `notesPerPerson` says, then moved to share. */
function written(notesPerPerson: readonly number[]): DomainState {
  let state = newBoardState({ phase: 'reflect' });
  notesPerPerson.forEach((count, p) => {
    for (let i = 0; i < count; i++) state = post(state, person(p + 1), `d${p + 1}-${i}`, 'prompt1');
  });
  return withMeta(state, { phase: 'share' });
}

describe('batchExposure', () => {
  it.each([
    [[], 0, 0],
    [['a'], 0, 0],
    [['a', 'a', 'b'], 1, 1],
    [['a', 'b', 'c'], 2, 2],
    [['a', 'a', 'b', 'c'], 2, 2],
    [['a', 'b', 'c', 'd'], 3, 3],
    [['a', 'a', 'b', 'b', 'c'], 3, 2],
    [['a', 'a', 'a', 'b', 'b', 'b'], 3, 1],
  ] as const)('%j: the least protected recipient sees %i notes by %i other people', (authors, notes, others) => {
    expect(batchExposure(authors)).toEqual({ notesByOthers: notes, otherAuthors: others });
    // The symmetric case: the order the notes were written in does not matter.
    expect(batchExposure([...authors].reverse())).toEqual({ notesByOthers: notes, otherAuthors: others });
  });
});

describe('reveal warns before it could name someone', () => {
  it.each([
    // Issue #12: the count of writers is on everyone's screen, so "1 person" is already known to all.
    [
      '1 person, 1 note',
      [1],
      'Only one person wrote to “Question 1?”, and everyone can see that count: revealing its note now would show the whole group what that one person wrote.',
    ],
    [
      '1 person, 4 notes',
      [4],
      'Only one person wrote to “Question 1?”, and everyone can see that count: revealing its 4 notes now would show the whole group what that one person wrote.',
    ],
    ['2 people', [3, 3], 'Only two people wrote to “Question 1?”: each of them would know which notes the other wrote.'],
    [
      '3 people, one note each',
      [1, 1, 1],
      'Too few people wrote to “Question 1?”: someone who wrote some of them would see fewer than 3 notes by others, and could tell who wrote them.',
    ],
    [
      '3 people, 5 + 1 + 1',
      [5, 1, 1],
      'Too few people wrote to “Question 1?”: someone who wrote some of them would see fewer than 3 notes by others, and could tell who wrote them.',
    ],
  ])('%s: refused with too_few_people, then revealed with confirmSmallCount', (_label, notesPerPerson, message) => {
    const state = written(notesPerPerson);
    expect(refusal(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1' })).toMatchObject({
      error: 'too_few_people',
      message,
    });
    expect(refusal(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1', confirmSmallCount: false }).error).toBe(
      'too_few_people',
    );
    const after = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1', confirmSmallCount: true });
    expect(after.board.notes.size).toBe(notesPerPerson.reduce((a, b) => a + b, 0));
    expect(after.drafts.size).toBe(0);
  });

  it.each([
    ['nobody wrote', []],
    ['4 people, one note each', [1, 1, 1, 1]],
    ['3 people, 2 + 2 + 1', [2, 2, 1]],
    ['5 people, 6 + 1 + 1 + 1 + 1', [6, 1, 1, 1, 1]],
  ])('%s: revealed without asking', (_label, notesPerPerson) => {
    const after = step(written(notesPerPerson), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    expect(after.board.prompts.get('prompt1')?.isRevealed).toBe(true);
    expect(after.board.notes.size).toBe(notesPerPerson.reduce((a, b) => a + b, 0));
  });

  it('names every prompt that would expose someone when revealing all, and reveals none of them until confirmed', () => {
    let state = newBoardState({ phase: 'reflect' });
    for (let p = 1; p <= 4; p++) state = post(state, person(p), `safe-${p}`, 'prompt1');
    state = post(state, person(1), 'lonely', 'prompt2');
    state = post(state, person(1), 'pair-1', 'prompt3');
    state = post(state, person(2), 'pair-2', 'prompt3');
    state = withMeta(state, { phase: 'share' });
    expect(refusal(state, FACILITATOR, { type: 'reveal', promptId: null })).toMatchObject({
      error: 'too_few_people',
      message:
        'Too few people wrote to “Question 2?” and “Question 3?”: revealing them could tell some people who wrote which note.',
    });
    // Prompt 1 alone is safe, and can go first.
    expect(step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }).board.notes.size).toBe(4);
    const after = step(state, FACILITATOR, { type: 'reveal', promptId: null, confirmSmallCount: true });
    expect(after.board.notes.size).toBe(7);
  });

  it('names at most three prompts, and counts the rest', () => {
    let state = newBoardState({ phase: 'reflect', prompts: 5 });
    for (let p = 1; p <= 5; p++) state = post(state, person(1), `only-${p}`, `prompt${p}`);
    expect(refusal(withMeta(state, { phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: null }).message).toBe(
      'Too few people wrote to “Question 1?”, “Question 2?”, “Question 3?” and 2 more: revealing them could tell some people who wrote which note.',
    );
  });

  it('does not ask on a board that shows names: there is no anonymity to lose', () => {
    const named = withMeta(written([1]), { settings: { ...TEST_SETTINGS, isAnonymous: false } });
    expect(step(named, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }).board.notes.size).toBe(1);
  });

  it('leaves the judgement to the server when it runs in a browser that holds only its own drafts', () => {
    // The facilitator's browser: her own draft, while the prompt counts three.
    const server = written([1, 1, 1]);
    const mine = { ...server, drafts: new Map([...server.drafts].filter(([, d]) => d.authorId === 'person1')) };
    expect(refusal(server, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }).error).toBe('too_few_people');
    expect(isDomainError(applyCommand(mine, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }, testContext()))).toBe(false);
    // When her drafts are all there is, her browser judges exactly as the server does.
    const alone = written([2]);
    expect(refusal(alone, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }).error).toBe('too_few_people');
  });
});

describe('release now', () => {
  function heldFrom(authors: readonly number[]): DomainState {
    let state = step(newBoardState({ phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
    authors.forEach((p, i) => {
      state = post(state, person(p), `held-${i}`, 'prompt1');
    });
    return state;
  }

  it.each([
    [[1], 'One person wrote the note waiting for “Question 1?”: showing it now could tell everyone who wrote it.'],
    [[1, 1], 'One person wrote every note waiting for “Question 1?”: showing them now could tell everyone who wrote them.'],
    // The issue #11 case, released by hand: still a warning.
    [
      [1, 1, 2],
      'Only two people wrote the notes waiting for “Question 1?”: each of them would know which notes the other wrote.',
    ],
    [
      [1, 2, 3],
      'Too few people wrote the notes waiting for “Question 1?”: someone who wrote some of them would see fewer than 3 notes by others, and could tell who wrote them.',
    ],
  ])('held notes by %j: refused with too_few_people until confirmed', (authors, message) => {
    const state = heldFrom(authors);
    expect(state.board.notes.size).toBe(0);
    expect(refusal(state, FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1' })).toMatchObject({
      error: 'too_few_people',
      message,
    });
    const after = step(state, FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1', confirmSmallCount: true });
    expect(after.board.notes.size).toBe(authors.length);
  });
});

describe('held notes, over many random workshops', () => {
  const WORKSHOPS = 300;

  /** The draft ids a change turns into notes. */
  const publishedIds = (changes: Changes) => changes.private.flatMap((c) => (c.type === 'revealDrafts' ? c.draftIds : []));

  it('releases only batches that name nobody, and never keeps back a batch that does', () => {
    let batches = 0;
    for (let seed = 1; seed <= WORKSHOPS; seed++) {
      const random = seededRandom(seed);
      const people = 2 + Math.floor(random() * 7);
      const everyone = Array.from({ length: people }, (_, i) => person(i + 1).participantId as string);
      // Some people write much more than others: weights from 1 to 8.
      const weights = everyone.map(() => 1 + Math.floor(random() * 8));
      const pick = () => {
        let r = random() * weights.reduce((a, b) => a + b, 0);
        for (const [i, w] of weights.entries()) {
          r -= w;
          if (r < 0) return i;
        }
        return weights.length - 1;
      };
      let state = step(newBoardState({ phase: 'share' }), FACILITATOR, { type: 'reveal', promptId: 'prompt1' });
      const authorOf = new Map<string, string>();
      const posts = 1 + Math.floor(random() * 40);
      for (let i = 0; i < posts; i++) {
        const author = person(pick() + 1);
        const written = [...authorOf.values()].filter((id) => id === author.participantId).length;
        if (written === MAX_NOTES_PER_PERSON_PER_PROMPT) continue;
        authorOf.set(`d${i}`, author.participantId as string);
        const command: Command = { type: 'postDraft', draftId: `d${i}`, promptId: 'prompt1', text: `Note ${i}`, tag: null };
        const changes = accept(state, author, command, testContext(seed * 1000 + i));
        const released = publishedIds(changes).map((id) => authorOf.get(id) ?? 'unknown');
        if (released.length > 0) {
          batches++;
          expect(namesNobody(released, everyone), `seed ${seed}, post ${i}: released ${released.join(',')}`).toBe(true);
        }
        state = afterChanges(state, changes);
        const held = [...state.drafts.values()].map((d) => d.authorId);
        if (held.length > 0) {
          expect(namesNobody(held, everyone), `seed ${seed}, post ${i}: kept back ${held.join(',')}`).toBe(false);
        }
      }
    }
    // The check means something only if batches did come out.
    expect(batches).toBeGreaterThan(WORKSHOPS / 2);
  });

  it('asks for confirmation at reveal exactly when some recipient would be exposed', () => {
    let asked = 0;
    for (let seed = 1; seed <= WORKSHOPS; seed++) {
      const random = seededRandom(10_000 + seed);
      const notesPerPerson = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() * 5));
      const state = written(notesPerPerson);
      const authors = [...state.drafts.values()].map((d) => d.authorId);
      const everyone = notesPerPerson.map((_, p) => person(p + 1).participantId as string);
      const result = applyCommand(state, FACILITATOR, { type: 'reveal', promptId: 'prompt1' }, testContext(seed));
      const isSafe = authors.length === 0 || namesNobody(authors, everyone);
      expect(isDomainError(result) ? result.error : 'revealed', `seed ${seed}: ${notesPerPerson.join('+')}`).toBe(
        isSafe ? 'revealed' : 'too_few_people',
      );
      if (!isSafe) asked++;
    }
    expect(asked).toBeGreaterThan(WORKSHOPS / 10);
    expect(asked).toBeLessThan(WORKSHOPS);
  });
});

describe('quotedPrompt', () => {
  const prompt = (text: string) => ({ ...newBoardState().board.prompts.get('prompt1')!, text });
  it('quotes a short prompt whole, and shortens a long one without cutting an emoji in half', () => {
    expect(quotedPrompt(prompt('What helps you?'))).toBe('“What helps you?”');
    const long = `${'a'.repeat(58)}😀😀😀`;
    const quoted = quotedPrompt(prompt(long));
    expect(quoted).toBe(`“${'a'.repeat(58)}😀…”`);
    expect(quoted).toBe(wellFormed(quoted));
  });
});
