import { describe, expect, it } from 'vitest';
import { type Command, parseCommand } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { type ErrorCode, isDomainError } from '../../shared/domain/errors';
import type { Actor, DomainContext, DomainState } from '../../shared/domain/state';
import { MAX_TIMER_MS, MIN_TIMER_MS } from '../../shared/limits';
import { PHASES, type Phase } from '../../shared/phases';
import { seededRandom } from '../../shared/random';
import type { BoardTimer } from '../../shared/records/BoardMeta';
import {
  ALICE,
  accept,
  afterChanges,
  BOB,
  FACILITATOR,
  FACILITATOR_WITHOUT_ID,
  newBoardState,
  READER,
  refusal,
  testContext,
  withMeta,
} from './helpers';

const NOW = testContext().now;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The server's clock at `now`. */
function at(now: number): DomainContext {
  return { ...testContext(), now };
}

/** A board in `phase` whose timer ends `endsIn` ms after NOW (negative: it has ended), or has no timer. */
function boardWithTimer(timer: { endsIn: number; durationMs: number } | null, phase: Phase = 'group'): DomainState {
  return withMeta(newBoardState(), {
    phase,
    timer: timer === null ? null : { endsAt: NOW + timer.endsIn, durationMs: timer.durationMs },
  });
}

/** The timer the changes leave, relative to NOW. */
function timerAfter(state: DomainState, command: Command): { endsIn: number; durationMs: number } | null {
  const timer: BoardTimer | null = afterChanges(state, accept(state, FACILITATOR, command, at(NOW))).board.meta.timer;
  return timer === null ? null : { endsIn: timer.endsAt - NOW, durationMs: timer.durationMs };
}

describe('startTimer', () => {
  it.each<[string, number]>([
    ['the shortest countdown', MIN_TIMER_MS],
    ['five minutes', 5 * MINUTE],
    ['the longest countdown', MAX_TIMER_MS],
  ])('starts %s at the server clock: endsAt = now + durationMs', (_label, durationMs) => {
    const state = boardWithTimer(null);
    expect(accept(state, FACILITATOR, { type: 'startTimer', durationMs }, at(NOW))).toEqual({
      doc: [{ type: 'setMeta', fields: { timer: { endsAt: NOW + durationMs, durationMs } } }],
      private: [],
    });
  });

  it.each<[string, { endsIn: number; durationMs: number }]>([
    ['a running timer', { endsIn: 30 * SECOND, durationMs: MINUTE }],
    ['a timer that has ended', { endsIn: -HOUR, durationMs: MINUTE }],
  ])('replaces %s', (_label, timer) => {
    expect(timerAfter(boardWithTimer(timer), { type: 'startTimer', durationMs: 2 * MINUTE })).toEqual({
      endsIn: 2 * MINUTE,
      durationMs: 2 * MINUTE,
    });
  });

  it.each<[unknown, boolean]>([
    [MIN_TIMER_MS - 1, false],
    [MIN_TIMER_MS, true],
    [MAX_TIMER_MS, true],
    [MAX_TIMER_MS + 1, false],
    [0, false],
    [-MINUTE, false],
    [MINUTE + 0.5, false],
    [String(MINUTE), false],
    [Number.POSITIVE_INFINITY, false],
  ])('parseCommand with durationMs %j: accepted %s', (durationMs, isAccepted) => {
    const result = parseCommand({ type: 'startTimer', durationMs });
    if (isAccepted) expect(result).toEqual({ type: 'startTimer', durationMs });
    else
      expect(result).toEqual({
        invalid: true,
        path: 'command.durationMs',
        message: `must be a whole number from ${MIN_TIMER_MS} to ${MAX_TIMER_MS}`,
      });
  });
});

describe('addTime', () => {
  type Timer = { endsIn: number; durationMs: number };
  it.each<[string, Timer, number, Timer | ErrorCode]>([
    ['extends a running timer', { endsIn: MINUTE, durationMs: MINUTE }, MINUTE, { endsIn: 2 * MINUTE, durationMs: 2 * MINUTE }],
    [
      'extends a half-run timer from its end',
      { endsIn: 30 * SECOND, durationMs: MINUTE },
      MINUTE,
      { endsIn: 90 * SECOND, durationMs: 2 * MINUTE },
    ],
    ['takes time away', { endsIn: MINUTE, durationMs: MINUTE }, -30 * SECOND, { endsIn: 30 * SECOND, durationMs: 30 * SECOND }],
    [
      'takes time away, the length never below MIN_TIMER_MS',
      { endsIn: MINUTE, durationMs: MINUTE },
      -55 * SECOND,
      { endsIn: 5 * SECOND, durationMs: MIN_TIMER_MS },
    ],
    [
      'takes away all the time left (ends now)',
      { endsIn: MINUTE, durationMs: MINUTE },
      -MINUTE,
      { endsIn: 0, durationMs: MIN_TIMER_MS },
    ],
    ['refuses to end a running timer in the past', { endsIn: MINUTE, durationMs: MINUTE }, -MINUTE - 1, 'invalid_command'],
    [
      'extends a timer that has ended from now',
      { endsIn: -30 * SECOND, durationMs: MINUTE },
      MINUTE,
      { endsIn: MINUTE, durationMs: 2 * MINUTE },
    ],
    [
      'extends a timer that ends right now from now',
      { endsIn: 0, durationMs: MINUTE },
      30 * SECOND,
      { endsIn: 30 * SECOND, durationMs: 90 * SECOND },
    ],
    [
      'refuses to take time from a timer that has ended',
      { endsIn: -30 * SECOND, durationMs: MINUTE },
      -SECOND,
      'invalid_command',
    ],
    [
      'extends a timer that ended long ago by the longest countdown',
      { endsIn: -24 * HOUR, durationMs: MINUTE },
      MAX_TIMER_MS,
      { endsIn: MAX_TIMER_MS, durationMs: MINUTE + MAX_TIMER_MS },
    ],
    // Beyond the cap, the length grows by the time actually added, so the elapsed part stays right.
    [
      'caps a new timer at now + MAX_TIMER_MS',
      { endsIn: MINUTE, durationMs: MINUTE },
      MAX_TIMER_MS,
      { endsIn: MAX_TIMER_MS, durationMs: MAX_TIMER_MS },
    ],
    [
      'caps a timer that has run an hour at now + MAX_TIMER_MS',
      { endsIn: 2 * HOUR, durationMs: 3 * HOUR },
      3 * HOUR,
      { endsIn: MAX_TIMER_MS, durationMs: HOUR + MAX_TIMER_MS },
    ],
    [
      'adds nothing to a timer already at the cap',
      { endsIn: MAX_TIMER_MS, durationMs: MAX_TIMER_MS },
      MINUTE,
      { endsIn: MAX_TIMER_MS, durationMs: MAX_TIMER_MS },
    ],
  ])('%s', (_label, timer, ms, expected) => {
    const state = boardWithTimer(timer);
    const command: Command = { type: 'addTime', ms };
    if (typeof expected === 'string') expect(refusal(state, FACILITATOR, command, at(NOW)).error).toBe(expected);
    else expect(timerAfter(state, command)).toEqual(expected);
  });

  it('refuses when no timer was started', () => {
    expect(refusal(boardWithTimer(null), FACILITATOR, { type: 'addTime', ms: MINUTE })).toMatchObject({
      error: 'conflict',
      message: 'No timer is running.',
    });
  });

  it.each<[unknown, boolean]>([
    [-MAX_TIMER_MS - 1, false],
    [-MAX_TIMER_MS, true],
    [0, true],
    [MAX_TIMER_MS, true],
    [MAX_TIMER_MS + 1, false],
    [0.5, false],
  ])('parseCommand with ms %j: accepted %s', (ms, isAccepted) => {
    const result = parseCommand({ type: 'addTime', ms });
    if (isAccepted) expect(result).toEqual({ type: 'addTime', ms });
    else expect(result).toMatchObject({ invalid: true, path: 'command.ms' });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'keeps the timer within now…now + MAX_TIMER_MS and the part already run unchanged (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      let now = NOW;
      let state = afterChanges(
        boardWithTimer(null),
        accept(boardWithTimer(null), FACILITATOR, { type: 'startTimer', durationMs: MINUTE }, at(now)),
      );
      for (let i = 0; i < 300; i++) {
        now += Math.floor(random() * 10 * MINUTE);
        const ms = Math.round((random() * 2 - 1) * (random() < 0.2 ? MAX_TIMER_MS : 10 * MINUTE));
        const result = applyCommand(state, FACILITATOR, { type: 'addTime', ms }, at(now));
        const before = state.board.meta.timer!;
        if (isDomainError(result)) {
          expect(result.error).toBe('invalid_command');
          expect(Math.max(before.endsAt, now) + ms).toBeLessThan(now);
          continue;
        }
        state = afterChanges(state, result);
        const timer = state.board.meta.timer!;
        expect(timer.endsAt).toBeGreaterThanOrEqual(now);
        expect(timer.endsAt).toBeLessThanOrEqual(now + MAX_TIMER_MS);
        expect(timer.durationMs).toBeGreaterThanOrEqual(Math.max(MIN_TIMER_MS, timer.endsAt - now));
        // Adding to a running timer does not change how much of it has run (unless the length hit its floor).
        if (before.endsAt > now && timer.durationMs > MIN_TIMER_MS) {
          expect(timer.durationMs - (timer.endsAt - now), `step ${i}: ${ms} ms`).toBe(before.durationMs - (before.endsAt - now));
        }
      }
    },
  );
});

describe('setPhase and the timer', () => {
  it.each<[string, number, boolean]>([
    ['clears a timer that has run out', -SECOND, true],
    ['clears a timer that runs out this very moment', 0, true],
    ['keeps a timer that is still running', SECOND, false],
  ])('%s', (_name, endsIn, isCleared) => {
    const state = boardWithTimer({ endsIn, durationMs: 5 * MINUTE }, 'group');
    expect(timerAfter(state, { type: 'setPhase', phase: 'vote' })).toEqual(isCleared ? null : { endsIn, durationMs: 5 * MINUTE });
  });

  it('changes nothing when there is no timer', () => {
    expect(timerAfter(boardWithTimer(null, 'group'), { type: 'setPhase', phase: 'vote' })).toBeNull();
  });
});

describe('stopTimer', () => {
  it.each<[string, { endsIn: number; durationMs: number }]>([
    ['a running timer', { endsIn: 30 * SECOND, durationMs: MINUTE }],
    ['a timer that has ended', { endsIn: -30 * SECOND, durationMs: MINUTE }],
  ])('clears %s', (_label, timer) => {
    expect(accept(boardWithTimer(timer), FACILITATOR, { type: 'stopTimer' })).toEqual({
      doc: [{ type: 'setMeta', fields: { timer: null } }],
      private: [],
    });
  });

  it('changes nothing when there is no timer', () => {
    expect(accept(boardWithTimer(null), FACILITATOR, { type: 'stopTimer' })).toEqual({ doc: [], private: [] });
  });
});

describe.each<Command>([{ type: 'startTimer', durationMs: 5 * MINUTE }, { type: 'addTime', ms: MINUTE }, { type: 'stopTimer' }])(
  '$type',
  (command) => {
    it.each<[string, Actor]>([
      ['a facilitator who takes part', FACILITATOR],
      ['a facilitator without a participant id', FACILITATOR_WITHOUT_ID],
    ])('is accepted from %s in every phase', (_label, actor) => {
      for (const phase of PHASES) {
        const state = boardWithTimer({ endsIn: MINUTE, durationMs: MINUTE }, phase);
        expect(accept(state, actor, command, at(NOW)).doc, phase).toHaveLength(1);
      }
    });

    it.each<[string, Actor]>([
      ['a participant', ALICE],
      ['another participant', BOB],
      ['a reader', READER],
    ])('is forbidden for %s in every phase', (_label, actor) => {
      for (const phase of PHASES) {
        expect(refusal(boardWithTimer({ endsIn: MINUTE, durationMs: MINUTE }, phase), actor, command), phase).toMatchObject({
          error: 'forbidden',
          message: 'You are not allowed to do that on this board.',
        });
      }
    });
  },
);
