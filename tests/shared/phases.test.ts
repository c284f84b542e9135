import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../shared/domain/applyCommand';
import { NO_CHANGES } from '../../shared/domain/changes';
import { REFUSALS } from '../../shared/domain/refusals';
import {
  findTransition,
  nextPhase,
  PHASE_GUIDANCE,
  PHASE_TRANSITIONS,
  PHASES,
  type Phase,
  previousPhase,
} from '../../shared/phases';
import { FACILITATOR, newBoardState, refusal, testContext } from './helpers';

const PAIRS: [Phase, Phase][] = PHASES.flatMap((from) => PHASES.map((to): [Phase, Phase] => [from, to]));
const DISTINCT_PAIRS = PAIRS.filter(([from, to]) => from !== to);

/**
 * Moves that are not between neighbours and have no way back: after a revisit, adding items to
 * the next version goes through the usual flow again, starting with the reflection.
 */
const ONE_WAY_MOVES: readonly string[] = ['revisit>reflect'];
const isOneWay = (from: Phase, to: Phase) => ONE_WAY_MOVES.includes(`${from}>${to}`);

function setPhase(from: Phase, to: Phase, confirm?: boolean, prompts = 2) {
  const state = newBoardState({ phase: from, prompts });
  const command =
    confirm === undefined ? { type: 'setPhase' as const, phase: to } : { type: 'setPhase' as const, phase: to, confirm };
  return applyCommand(state, FACILITATOR, command, testContext());
}

describe('the phase table', () => {
  it('lists each move once, between two different phases', () => {
    const keys = PHASE_TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PHASE_TRANSITIONS.every((t) => t.from !== t.to)).toBe(true);
    expect(PHASE_TRANSITIONS).toHaveLength(2 * (PHASES.length - 1) + ONE_WAY_MOVES.length);
  });

  it.each(DISTINCT_PAIRS)('%s -> %s is listed exactly when the phases are neighbours or it is a one-way move', (from, to) => {
    const isNeighbour = Math.abs(PHASES.indexOf(from) - PHASES.indexOf(to)) === 1;
    expect(findTransition(from, to) !== undefined).toBe(isNeighbour || isOneWay(from, to));
  });

  it.each(DISTINCT_PAIRS.filter(([from, to]) => !isOneWay(from, to) && !isOneWay(to, from)))(
    '%s -> %s and its reverse are both allowed or both refused (symmetric case)',
    (from, to) => {
      expect(findTransition(from, to) === undefined).toBe(findTransition(to, from) === undefined);
    },
  );

  it('has no way back from reflect to revisit: the loop goes round the workshop again', () => {
    expect(findTransition('revisit', 'reflect')).toEqual({ from: 'revisit', to: 'reflect', confirm: null });
    expect(findTransition('reflect', 'revisit')).toBeUndefined();
  });

  it.each(PHASES.slice(0, -1))('moving forward from %s never needs a confirmation', (from) => {
    const to = nextPhase(from) as Phase;
    expect(findTransition(from, to)?.confirm).toBeNull();
    expect(previousPhase(to)).toBe(from);
  });

  it('asks for confirmation exactly on the moves back that hide work or stop people mid-task', () => {
    const confirmed = PHASE_TRANSITIONS.filter((t) => t.confirm !== null).map((t) => `${t.from}>${t.to}`);
    expect(confirmed).toEqual(['reflect>setup', 'share>reflect', 'vote>group', 'decide>vote']);
    for (const t of PHASE_TRANSITIONS) if (t.confirm !== null) expect(REFUSALS[t.confirm]).toMatch(/^[A-Z].*\.$/);
  });

  it('has ends with no next or previous phase, and guidance for every phase', () => {
    expect(previousPhase('setup')).toBeNull();
    expect(nextPhase('revisit')).toBeNull();
    expect(Object.keys(PHASE_GUIDANCE).sort()).toEqual([...PHASES].sort());
  });
});

describe('setPhase', () => {
  it.each(PAIRS)('%s -> %s follows the table, with and without confirm', (from, to) => {
    const transition = findTransition(from, to);
    const moved = { doc: [{ type: 'setMeta', fields: { phase: to } }], private: [] };
    if (from === to) {
      for (const confirm of [undefined, false, true]) expect(setPhase(from, to, confirm)).toEqual(NO_CHANGES);
    } else if (transition === undefined) {
      for (const confirm of [undefined, false, true]) {
        expect(setPhase(from, to, confirm)).toEqual({
          error: 'wrong_phase',
          message: `You cannot go from ${from} straight to ${to}.`,
          reason: 'phaseJump',
          values: { from, to },
        });
      }
    } else if (transition.confirm === null) {
      for (const confirm of [undefined, false, true]) expect(setPhase(from, to, confirm)).toEqual(moved);
    } else {
      for (const confirm of [undefined, false]) {
        expect(setPhase(from, to, confirm)).toEqual({
          error: 'confirmation_required',
          message: REFUSALS[transition.confirm],
          reason: transition.confirm,
        });
      }
      expect(setPhase(from, to, true)).toEqual(moved);
    }
  });

  it('refuses to start the reflection on a board with no prompts', () => {
    expect(setPhase('setup', 'reflect', undefined, 0)).toMatchObject({
      error: 'conflict',
      message: 'Add at least one prompt before starting.',
    });
    expect(setPhase('setup', 'reflect', true, 1)).toEqual({
      doc: [{ type: 'setMeta', fields: { phase: 'reflect' } }],
      private: [],
    });
  });

  it('asks for confirmation before complaining about missing prompts, and stays a no-op in place', () => {
    expect(setPhase('share', 'reflect', false, 0)).toMatchObject({ error: 'confirmation_required' });
    expect(setPhase('share', 'reflect', true, 0)).toMatchObject({ error: 'conflict' });
    expect(setPhase('setup', 'setup', undefined, 0)).toEqual(NO_CHANGES);
  });

  it('walks the whole workshop forward and back again', () => {
    let state = newBoardState({ phase: 'setup' });
    const walk = [...PHASES.slice(1), ...[...PHASES].reverse().slice(1)];
    for (const phase of walk) {
      const result = applyCommand(state, FACILITATOR, { type: 'setPhase', phase, confirm: true }, testContext());
      expect(result).toEqual({ doc: [{ type: 'setMeta', fields: { phase } }], private: [] });
      state = newBoardState({ phase });
    }
    expect(refusal(state, FACILITATOR, { type: 'setPhase', phase: 'revisit' }).error).toBe('wrong_phase');
  });
});
