import { describe, expect, it } from 'vitest';
import { type Command, type CommandOf, parseCommand } from '../../shared/commands';
import type { DomainState } from '../../shared/domain/state';
import { MAX_THEME_NAME_CHARS, MAX_THEMES_PER_PROMPT } from '../../shared/limits';
import { isInvalid } from '../../shared/validate';
import {
  accept,
  boardLayout,
  FACILITATOR,
  FACILITATOR_WITHOUT_ID,
  groupingState,
  groupingViolations,
  refusal,
  step,
  THEMED_LAYOUT,
  themedState,
  themeOrder,
} from './helpers';

/** The state after `commands`, each checked against the grouping invariants. */
function run(state: DomainState, ...commands: Command[]): DomainState {
  for (const command of commands) {
    state = step(state, FACILITATOR, command);
    expect(groupingViolations(state.board)).toEqual([]);
  }
  return state;
}

function createTheme(fields: Partial<CommandOf<'createTheme'>> = {}): CommandOf<'createTheme'> {
  return { type: 'createTheme', themeId: 'tNew', promptId: 'prompt1', name: 'New', noteIds: [], beforeThemeId: null, ...fields };
}

function moveNotes(noteIds: string[], themeId: string | null, beforeNoteId: string | null = null): CommandOf<'moveNotes'> {
  return { type: 'moveNotes', noteIds, themeId, beforeNoteId };
}

describe('createTheme', () => {
  it.each<[string, Partial<CommandOf<'createTheme'>>, string[], Record<string, string[]>]>([
    ['an empty theme, last', {}, ['tA', 'tB', 'tNew'], { tNew: [] }],
    ['an empty theme before the first one', { beforeThemeId: 'tA' }, ['tNew', 'tA', 'tB'], { tNew: [] }],
    ['an empty theme between two', { beforeThemeId: 'tB' }, ['tA', 'tNew', 'tB'], { tNew: [] }],
    [
      'a theme from a note dropped on a note (dragged note first)',
      { noteIds: ['n6', 'n4'] },
      ['tA', 'tB', 'tNew'],
      { tNew: ['n6', 'n4'], prompt1: ['n5'] },
    ],
    [
      'a theme gathering notes out of other themes',
      { noteIds: ['n2', 'n3', 'n5'], beforeThemeId: 'tA' },
      ['tNew', 'tA', 'tB'],
      { tNew: ['n2', 'n3', 'n5'], tA: ['n1'], tB: [], prompt1: ['n4', 'n6'] },
    ],
  ])('creates %s', (_label, fields, order, changed) => {
    const state = run(themedState(), createTheme(fields));
    expect(state.board.themes.get('tNew')).toMatchObject({ id: 'tNew', promptId: 'prompt1', name: 'New' });
    expect(themeOrder(state.board, 'prompt1')).toEqual(order);
    expect(themeOrder(state.board, 'prompt2')).toEqual(['tW']);
    expect(boardLayout(state.board)).toEqual({ ...THEMED_LAYOUT, ...changed });
  });

  it('writes the first theme of a prompt with the first key, and its notes from the first key', () => {
    const changes = accept(groupingState(), FACILITATOR, createTheme({ noteIds: ['n2', 'n1'] }));
    expect(changes).toEqual({
      doc: [
        { type: 'putTheme', theme: { id: 'tNew', promptId: 'prompt1', name: 'New', order: 'a0' } },
        { type: 'patchNote', id: 'n2', fields: { themeId: 'tNew', order: 'a0' } },
        { type: 'patchNote', id: 'n1', fields: { themeId: 'tNew', order: 'a1' } },
      ],
      private: [],
    });
  });

  it('groups an awareness-only prompt like an align prompt', () => {
    const state = run(groupingState(), createTheme({ themeId: 'tKnow', promptId: 'prompt2', name: 'Rhythm', noteIds: ['w3'] }));
    expect(state.board.prompts.get('prompt2')?.kind).toBe('awareness');
    expect(state.board.themes.get('tKnow')).toMatchObject({ promptId: 'prompt2', name: 'Rhythm' });
    expect(boardLayout(state.board)).toMatchObject({ prompt2: ['w1', 'w2', 'w4'], tKnow: ['w3'] });
  });

  it('creates themes in a prompt whose notes are not revealed yet', () => {
    const state = run(groupingState(), createTheme({ promptId: 'prompt3' }));
    expect(themeOrder(state.board, 'prompt3')).toEqual(['tNew']);
  });

  it('lets a facilitator without a participant id group', () => {
    expect(accept(themedState(), FACILITATOR_WITHOUT_ID, createTheme()).doc).toHaveLength(1);
  });

  it(`allows ${MAX_THEMES_PER_PROMPT} themes per prompt, counted per prompt`, () => {
    let state = groupingState();
    for (let i = 1; i <= MAX_THEMES_PER_PROMPT; i++) state = step(state, FACILITATOR, createTheme({ themeId: `t${i}` }));
    expect(themeOrder(state.board, 'prompt1')).toHaveLength(MAX_THEMES_PER_PROMPT);
    expect(refusal(state, FACILITATOR, createTheme({ themeId: 'tMore' }))).toMatchObject({
      error: 'limit_reached',
      message: `A prompt can have at most ${MAX_THEMES_PER_PROMPT} themes.`,
    });
    // Another prompt has its own allowance, and deleting or merging a theme makes room again.
    expect(themeOrder(step(state, FACILITATOR, createTheme({ themeId: 'tMore', promptId: 'prompt2' })).board, 'prompt2')).toEqual(
      ['tMore'],
    );
    for (const freeing of [
      { type: 'deleteTheme', themeId: 't7' },
      { type: 'mergeThemes', sourceThemeId: 't7', targetThemeId: 't8' },
    ] satisfies Command[]) {
      const freed = run(state, freeing, createTheme({ themeId: 'tMore' }));
      expect(themeOrder(freed.board, 'prompt1')).toHaveLength(MAX_THEMES_PER_PROMPT);
      expect(themeOrder(freed.board, 'prompt1').at(-1)).toBe('tMore');
    }
  });

  it('refuses a theme id that is taken, in this prompt or another one, and keeps ids unique', () => {
    const state = themedState();
    for (const [themeId, promptId] of [
      ['tA', 'prompt1'],
      ['tW', 'prompt1'],
      ['tA', 'prompt3'],
    ]) {
      expect(refusal(state, FACILITATOR, createTheme({ themeId, promptId }))).toMatchObject({
        error: 'conflict',
        message: 'A theme with this id already exists.',
      });
    }
    expect([...state.board.themes.keys()].sort()).toEqual(['tA', 'tB', 'tW']);
  });
});

describe('theme names', () => {
  const NAMED: [string, (name: string) => Command][] = [
    ['createTheme', (name) => createTheme({ name })],
    ['renameTheme', (name) => ({ type: 'renameTheme', themeId: 'tA', name })],
  ];

  it.each(NAMED)('%s stores the name trimmed', (type, make) => {
    const parsed = parseCommand(make('  \tQuiet  hours \n'));
    if (isInvalid(parsed)) throw new Error(parsed.message);
    const state = step(themedState(), FACILITATOR, parsed);
    expect(state.board.themes.get(type === 'createTheme' ? 'tNew' : 'tA')?.name).toBe('Quiet  hours');
  });

  it.each(NAMED)(`%s accepts ${MAX_THEME_NAME_CHARS} characters (after trimming) and refuses one more`, (_type, make) => {
    expect(parseCommand(make(` ${'x'.repeat(MAX_THEME_NAME_CHARS)} `))).toMatchObject({ name: 'x'.repeat(MAX_THEME_NAME_CHARS) });
    expect(parseCommand(make('x'.repeat(MAX_THEME_NAME_CHARS + 1)))).toEqual({
      invalid: true,
      path: 'command.name',
      message: `must have at most ${MAX_THEME_NAME_CHARS} characters`,
    });
  });

  it.each(NAMED)('%s refuses a name of spaces only', (_type, make) => {
    expect(parseCommand(make(' \t '))).toEqual({ invalid: true, path: 'command.name', message: 'must not be empty' });
  });

  it('renaming changes only the name', () => {
    const state = themedState();
    const changes = accept(state, FACILITATOR, { type: 'renameTheme', themeId: 'tB', name: 'Tooling' });
    expect(changes).toEqual({ doc: [{ type: 'patchTheme', id: 'tB', fields: { name: 'Tooling' } }], private: [] });
  });
});

describe('moveNotes', () => {
  it.each<[string, CommandOf<'moveNotes'>, Record<string, string[]>]>([
    ['into a theme, last', moveNotes(['n4'], 'tA'), { tA: ['n1', 'n2', 'n4'], prompt1: ['n5', 'n6'] }],
    ['into a theme, before a note of it', moveNotes(['n4'], 'tA', 'n2'), { tA: ['n1', 'n4', 'n2'], prompt1: ['n5', 'n6'] }],
    ['into a theme, first', moveNotes(['n6'], 'tA', 'n1'), { tA: ['n6', 'n1', 'n2'], prompt1: ['n4', 'n5'] }],
    ['out to the ungrouped notes, last', moveNotes(['n1'], null), { tA: ['n2'], prompt1: ['n4', 'n5', 'n6', 'n1'] }],
    ['out to the ungrouped notes, before one', moveNotes(['n1'], null, 'n5'), { tA: ['n2'], prompt1: ['n4', 'n1', 'n5', 'n6'] }],
    ['between themes, last', moveNotes(['n2'], 'tB'), { tA: ['n1'], tB: ['n3', 'n2'] }],
    ['between themes, before a note', moveNotes(['n2'], 'tB', 'n3'), { tA: ['n1'], tB: ['n2', 'n3'] }],
    ['the last note out of a theme (which stays)', moveNotes(['n3'], 'tA', 'n1'), { tA: ['n3', 'n1', 'n2'], tB: [] }],
    ['within the ungrouped notes, to the front', moveNotes(['n6'], null, 'n4'), { prompt1: ['n6', 'n4', 'n5'] }],
    ['within a theme, to the end', moveNotes(['n1'], 'tA'), { tA: ['n2', 'n1'] }],
    ['before the note that already follows it (no visible change)', moveNotes(['n4'], null, 'n5'), {}],
    [
      'a multi-selection from several places, in the order given',
      moveNotes(['n6', 'n1', 'n4'], 'tB', 'n3'),
      { tB: ['n6', 'n1', 'n4', 'n3'], tA: ['n2'], prompt1: ['n5'] },
    ],
    [
      'a multi-selection out to the ungrouped notes, in the order given',
      moveNotes(['n3', 'n2'], null),
      { tA: ['n1'], tB: [], prompt1: ['n4', 'n5', 'n6', 'n3', 'n2'] },
    ],
    ['a multi-selection reversed within its own theme', moveNotes(['n2', 'n1'], 'tA'), { tA: ['n2', 'n1'] }],
    ['a multi-selection around a note that stays', moveNotes(['n6', 'n4'], null, 'n5'), { prompt1: ['n6', 'n4', 'n5'] }],
    ['notes of an awareness-only prompt', moveNotes(['w3', 'w2'], 'tW', 'w1'), { tW: ['w3', 'w2', 'w1'], prompt2: ['w4'] }],
  ])('moves %s', (_label, command, changed) => {
    const state = run(themedState(), command);
    expect(boardLayout(state.board)).toEqual({ ...THEMED_LAYOUT, ...changed });
    expect(themeOrder(state.board, 'prompt1')).toEqual(['tA', 'tB']);
  });

  it('writes only the moved notes, with their container and new key', () => {
    expect(accept(themedState(), FACILITATOR, moveNotes(['n6', 'n4'], 'tA', 'n2'))).toEqual({
      doc: [
        { type: 'patchNote', id: 'n6', fields: { themeId: 'tA', order: 'a0G' } },
        { type: 'patchNote', id: 'n4', fields: { themeId: 'tA', order: 'a0V' } },
      ],
      private: [],
    });
  });
});

describe('deleteTheme', () => {
  it.each<[string, Command[], string, Record<string, string[]>]>([
    ['returns its notes to the end of the ungrouped notes, in order', [], 'tA', { prompt1: ['n4', 'n5', 'n6', 'n1', 'n2'] }],
    [
      'keeps the order the notes had in the theme',
      [moveNotes(['n2'], 'tA', 'n1'), moveNotes(['n5'], 'tA', 'n1')],
      'tA',
      { prompt1: ['n4', 'n6', 'n2', 'n5', 'n1'] },
    ],
    ['of an empty theme moves nothing', [moveNotes(['n3'], 'tA')], 'tB', { tA: ['n1', 'n2', 'n3'] }],
    ['of an awareness-only prompt', [], 'tW', { prompt2: ['w2', 'w3', 'w4', 'w1'] }],
    [
      'when every note was in themes',
      [moveNotes(['n4', 'n5', 'n6'], 'tB')],
      'tA',
      { prompt1: ['n1', 'n2'], tB: ['n3', 'n4', 'n5', 'n6'] },
    ],
  ])('%s', (_label, before, themeId, changed) => {
    const prepared = run(themedState(), ...before);
    const state = run(prepared, { type: 'deleteTheme', themeId });
    const expected = { ...boardLayout(prepared.board), ...changed };
    delete expected[themeId];
    expect(boardLayout(state.board)).toEqual(expected);
    expect(state.board.themes.has(themeId)).toBe(false);
  });
});

describe('mergeThemes', () => {
  it.each<[string, Command[], string, string, Record<string, string[]>, string[]]>([
    ['appends the source notes after the target notes', [], 'tB', 'tA', { tA: ['n1', 'n2', 'n3'] }, ['tA']],
    ['the other way round', [], 'tA', 'tB', { tB: ['n3', 'n1', 'n2'] }, ['tB']],
    [
      'keeps the source order',
      [moveNotes(['n5', 'n4'], 'tB', 'n3')],
      'tB',
      'tA',
      { tA: ['n1', 'n2', 'n5', 'n4', 'n3'], prompt1: ['n6'] },
      ['tA'],
    ],
    [
      'into an empty theme',
      [moveNotes(['n3'], null)],
      'tA',
      'tB',
      { tB: ['n1', 'n2'], prompt1: ['n4', 'n5', 'n6', 'n3'] },
      ['tB'],
    ],
    ['an empty theme (it just disappears)', [moveNotes(['n3'], 'tA')], 'tB', 'tA', { tA: ['n1', 'n2', 'n3'] }, ['tA']],
    [
      'keeps the target where it was among the themes',
      [{ type: 'createTheme', themeId: 'tC', promptId: 'prompt1', name: 'Care', noteIds: ['n6'], beforeThemeId: 'tA' }],
      'tB',
      'tA',
      { tA: ['n1', 'n2', 'n3'], tC: ['n6'], prompt1: ['n4', 'n5'] },
      ['tC', 'tA'],
    ],
  ])('%s', (_label, before, source, target, changed, order) => {
    const state = run(run(themedState(), ...before), { type: 'mergeThemes', sourceThemeId: source, targetThemeId: target });
    const expected: Record<string, readonly string[]> = { ...THEMED_LAYOUT, ...changed };
    delete expected[source];
    expect(boardLayout(state.board)).toEqual(expected);
    expect(themeOrder(state.board, 'prompt1')).toEqual(order);
  });
});

describe('moveTheme', () => {
  /** themedState() with a third theme tC (empty) after tB in prompt1. */
  const threeThemes = () => run(themedState(), createTheme({ themeId: 'tC', name: 'Care' }));

  it.each<[string, string, string | null, string[]]>([
    ['before the first theme', 'tC', 'tA', ['tC', 'tA', 'tB']],
    ['before a theme in the middle', 'tA', 'tC', ['tB', 'tA', 'tC']],
    ['to the end', 'tA', null, ['tB', 'tC', 'tA']],
    ['to the end when it is already last', 'tC', null, ['tA', 'tB', 'tC']],
    ['before the theme it already precedes', 'tA', 'tB', ['tA', 'tB', 'tC']],
  ])('moves a theme %s', (_label, themeId, beforeThemeId, order) => {
    const prepared = threeThemes();
    const state = run(prepared, { type: 'moveTheme', themeId, beforeThemeId });
    expect(themeOrder(state.board, 'prompt1')).toEqual(order);
    expect(themeOrder(state.board, 'prompt2')).toEqual(['tW']);
    expect(boardLayout(state.board)).toEqual(boardLayout(prepared.board));
  });

  it('writes only the moved theme key', () => {
    expect(accept(threeThemes(), FACILITATOR, { type: 'moveTheme', themeId: 'tC', beforeThemeId: 'tB' })).toEqual({
      doc: [{ type: 'patchTheme', id: 'tC', fields: { order: 'a0V' } }],
      private: [],
    });
  });
});
