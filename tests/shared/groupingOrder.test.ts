import { describe, expect, it } from 'vitest';
import type { Command, CommandOf } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import type { ErrorCode } from '../../shared/domain/errors';
import { isDomainError } from '../../shared/domain/errors';
import type { DomainState } from '../../shared/domain/state';
import { RESPACE_AT_KEY_CHARS } from '../../shared/fractionalIndex';
import {
  accept,
  afterChanges,
  boardLayout,
  FACILITATOR,
  groupingState,
  groupingViolations,
  step,
  THEMED_LAYOUT,
  testContext,
  themedState,
  themeOrder,
} from './helpers';

function moveNotes(noteIds: string[], themeId: string | null, beforeNoteId: string | null = null): CommandOf<'moveNotes'> {
  return { type: 'moveNotes', noteIds, themeId, beforeNoteId };
}

/** What the second command of a pair does, when it is applied after the first one. */
interface Outcome {
  /** The layout of themedState() after both, as changes to THEMED_LAYOUT (deleted themes listed as null). */
  readonly layout: Record<string, string[] | null>;
  /** The second command's refusal, when it no longer fits the state the first one left. */
  readonly refused?: ErrorCode;
}

/**
 * Two facilitators act on the same view of themedState() (prompt1: tA [n1 n2], tB [n3], n4 n5 n6
 * ungrouped). The server applies one command, then the other against the state the first left.
 */
const PAIRS: [label: string, a: Command, b: Command, aThenB: Outcome, bThenA: Outcome][] = [
  [
    'different notes moved before the same note',
    moveNotes(['n1'], null, 'n5'),
    moveNotes(['n3'], null, 'n5'),
    { layout: { prompt1: ['n4', 'n1', 'n3', 'n5', 'n6'], tA: ['n2'], tB: [] } },
    { layout: { prompt1: ['n4', 'n3', 'n1', 'n5', 'n6'], tA: ['n2'], tB: [] } },
  ],
  [
    'different notes moved to the end of the same theme',
    moveNotes(['n4'], 'tA'),
    moveNotes(['n3'], 'tA'),
    { layout: { tA: ['n1', 'n2', 'n4', 'n3'], tB: [], prompt1: ['n5', 'n6'] } },
    { layout: { tA: ['n1', 'n2', 'n3', 'n4'], tB: [], prompt1: ['n5', 'n6'] } },
  ],
  [
    'the same note moved to different themes',
    moveNotes(['n4'], 'tA'),
    moveNotes(['n4'], 'tB'),
    { layout: { tB: ['n3', 'n4'], prompt1: ['n5', 'n6'] } },
    { layout: { tA: ['n1', 'n2', 'n4'], prompt1: ['n5', 'n6'] } },
  ],
  [
    'the same note moved within its theme and out of it',
    moveNotes(['n2'], 'tA', 'n1'),
    moveNotes(['n2'], null, 'n4'),
    { layout: { tA: ['n1'], prompt1: ['n2', 'n4', 'n5', 'n6'] } },
    { layout: { tA: ['n2', 'n1'] } },
  ],
  [
    'overlapping multi-selections',
    moveNotes(['n4', 'n5'], 'tA'),
    moveNotes(['n5', 'n6'], 'tB', 'n3'),
    { layout: { tA: ['n1', 'n2', 'n4'], tB: ['n5', 'n6', 'n3'], prompt1: [] } },
    { layout: { tA: ['n1', 'n2', 'n4', 'n5'], tB: ['n6', 'n3'], prompt1: [] } },
  ],
  [
    'a note moved away while the other places a note before it',
    moveNotes(['n4'], 'tA'),
    moveNotes(['n6'], null, 'n4'),
    { layout: { tA: ['n1', 'n2', 'n4'], prompt1: ['n5', 'n6'] }, refused: 'not_found' },
    { layout: { tA: ['n1', 'n2', 'n4'], prompt1: ['n6', 'n5'] } },
  ],
  [
    'a theme deleted while the other moves a note into it',
    { type: 'deleteTheme', themeId: 'tB' },
    moveNotes(['n4'], 'tB'),
    { layout: { tB: null, prompt1: ['n4', 'n5', 'n6', 'n3'] }, refused: 'not_found' },
    { layout: { tB: null, prompt1: ['n5', 'n6', 'n3', 'n4'] } },
  ],
  [
    'a theme merged away while the other takes a note out of it',
    { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tB' },
    moveNotes(['n1'], null, 'n4'),
    { layout: { tA: null, tB: ['n3', 'n2'], prompt1: ['n1', 'n4', 'n5', 'n6'] } },
    { layout: { tA: null, tB: ['n3', 'n2'], prompt1: ['n1', 'n4', 'n5', 'n6'] } },
  ],
  [
    'two themes merged into each other',
    { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tB' },
    { type: 'mergeThemes', sourceThemeId: 'tB', targetThemeId: 'tA' },
    { layout: { tA: null, tB: ['n3', 'n1', 'n2'] }, refused: 'not_found' },
    { layout: { tB: null, tA: ['n1', 'n2', 'n3'] }, refused: 'not_found' },
  ],
  [
    'two themes created around the same note',
    { type: 'createTheme', themeId: 'tX', promptId: 'prompt1', name: 'X', noteIds: ['n4'], beforeThemeId: null },
    { type: 'createTheme', themeId: 'tY', promptId: 'prompt1', name: 'Y', noteIds: ['n4', 'n5'], beforeThemeId: null },
    { layout: { tX: [], tY: ['n4', 'n5'], prompt1: ['n6'] } },
    { layout: { tX: ['n4'], tY: ['n5'], prompt1: ['n6'] } },
  ],
  [
    'a note moved before a note the other moves to another theme',
    moveNotes(['n5'], 'tA', 'n2'),
    moveNotes(['n2'], 'tB', 'n3'),
    { layout: { tA: ['n1', 'n5'], tB: ['n2', 'n3'], prompt1: ['n4', 'n6'] } },
    { layout: { tA: ['n1'], tB: ['n2', 'n3'], prompt1: ['n4', 'n5', 'n6'] }, refused: 'not_found' },
  ],
];

describe('moves computed from the same view, applied in either order', () => {
  describe.each(PAIRS)('%s', (_label, a, b, aThenB, bThenA) => {
    it.each([
      ['a then b', a, b, aThenB],
      ['b then a (the symmetric case)', b, a, bThenA],
    ] as const)('%s', (_order, first, second, outcome) => {
      const afterFirst = step(themedState(), FACILITATOR, first);
      expect(groupingViolations(afterFirst.board)).toEqual([]);
      const result = applyCommand(afterFirst, FACILITATOR, second, testContext());
      const final = isDomainError(result) ? afterFirst : afterChanges(afterFirst, result);
      expect(isDomainError(result) ? result.error : undefined).toBe(outcome.refused);
      expect(groupingViolations(final.board)).toEqual([]);
      const expected: Record<string, readonly string[]> = { ...THEMED_LAYOUT };
      for (const [container, ids] of Object.entries(outcome.layout)) {
        if (ids === null) delete expected[container];
        else expected[container] = ids;
      }
      expect(boardLayout(final.board)).toEqual(expected);
    });
  });
});

describe('the same gap, again and again', () => {
  it.each<[string, (state: DomainState) => DomainState, string | null, string, string, string]>([
    ['between two ungrouped notes', (s) => s, null, 'n5', 'n9', 'n10'],
    [
      'between two notes of a theme',
      (s) =>
        step(s, FACILITATOR, {
          type: 'createTheme',
          themeId: 'tA',
          promptId: 'prompt1',
          name: 'All',
          noteIds: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10'],
          beforeThemeId: null,
        }),
      'tA',
      'n8',
      'n1',
      'n2',
    ],
  ])(
    'keeps keys short and the other notes in order when two notes swap %s 500 times',
    (_label, prepare, themeId, right, x, y) => {
      let state = prepare(
        groupingState([
          { promptId: 'prompt1', prefix: 'n', count: 12 },
          { promptId: 'prompt2', prefix: 'w', count: 4 },
        ]),
      );
      const container = themeId ?? 'prompt1';
      const initial = boardLayout(state.board);
      const others = initial[container]!.filter((id) => id !== x && id !== y);
      /** The whole layout with `pair` just before `right` in the container and everything else as it was. */
      const layoutWith = (pair: string[]) => ({
        ...initial,
        [container]: others.flatMap((id) => (id === right ? [...pair, id] : [id])),
      });
      state = step(state, FACILITATOR, moveNotes([x, y], themeId, right));
      expect(boardLayout(state.board)).toEqual(layoutWith([x, y]));
      let respacings = 0;
      for (let i = 0; i < 500; i++) {
        const [mover, other] = i % 2 === 0 ? [y, x] : [x, y];
        const changes = accept(state, FACILITATOR, moveNotes([mover], themeId, other));
        if (changes.doc.some((c) => c.type === 'patchNote' && c.id !== mover)) respacings++;
        state = afterChanges(state, changes);
        expect(groupingViolations(state.board)).toEqual([]);
        expect(boardLayout(state.board)).toEqual(layoutWith([mover, other]));
      }
      // Without re-spacing, 500 keys each inserted into the gap the previous one left reach 86 characters.
      expect(respacings).toBeGreaterThanOrEqual(1);
      const longest = Math.max(...[...state.board.notes.values()].map((n) => n.order.length));
      expect(longest).toBeLessThanOrEqual(RESPACE_AT_KEY_CHARS);
    },
  );

  it('keeps theme keys short and the other themes in order when two themes swap between the same neighbours 500 times', () => {
    let state = groupingState();
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];
    for (const themeId of ids) {
      state = step(state, FACILITATOR, {
        type: 'createTheme',
        themeId,
        promptId: 'prompt1',
        name: themeId,
        noteIds: [],
        beforeThemeId: null,
      });
    }
    state = step(state, FACILITATOR, { type: 'moveTheme', themeId: 't6', beforeThemeId: 't4' });
    state = step(state, FACILITATOR, { type: 'moveTheme', themeId: 't5', beforeThemeId: 't4' });
    let respacings = 0;
    for (let i = 0; i < 500; i++) {
      const [mover, other] = i % 2 === 0 ? ['t5', 't6'] : ['t6', 't5'];
      const changes = accept(state, FACILITATOR, { type: 'moveTheme', themeId: mover, beforeThemeId: other });
      if (changes.doc.some((c) => c.type === 'patchTheme' && c.id !== mover)) respacings++;
      state = afterChanges(state, changes);
      expect(groupingViolations(state.board)).toEqual([]);
      expect(themeOrder(state.board, 'prompt1')).toEqual(['t1', 't2', 't3', mover, other, 't4']);
    }
    expect(respacings).toBeGreaterThanOrEqual(1);
  });
});
