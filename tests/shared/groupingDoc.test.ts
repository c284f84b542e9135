import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import type { DocChange } from '../../shared/domain/changes';
import type { BoardState } from '../../shared/domain/state';
import type { Theme } from '../../shared/records/Theme';
import {
  accept,
  afterChanges,
  FACILITATOR,
  groupingViolations,
  newBoardChanges,
  newBoardState,
  plainBoardWithThemes,
} from './helpers';

const theme = (id: string, name: string, order: string, promptId = 'prompt1'): Theme => ({ id, promptId, name, order });

/** A board in the group phase: prompt1 has notes n1…n6 (ungrouped), themes tA and tB; prompt2 has theme tW. */
function baseChanges(): DocChange[] {
  return [
    ...newBoardChanges(3),
    { type: 'setMeta', fields: { phase: 'group' } },
    ...['a0', 'a1', 'a2', 'a3', 'a4', 'a5'].map(
      (order, i): DocChange => ({
        type: 'putNote',
        note: { id: `n${i + 1}`, promptId: 'prompt1', text: `Note ${i + 1}`, tag: null, themeId: null, order, author: null },
      }),
    ),
    { type: 'putTheme', theme: theme('tA', 'Time', 'a0') },
    { type: 'putTheme', theme: theme('tB', 'Tools', 'a1') },
    { type: 'putTheme', theme: theme('tW', 'Energy', 'a0', 'prompt2') },
  ];
}

function baseDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyDocChanges(doc, baseChanges(), 'test');
  return doc;
}

function read(doc: Y.Doc): BoardState {
  const board = readBoard(doc);
  if (board === null) throw new Error('unreadable board');
  return board;
}

/** The document changes of a grouping session run by the domain on the base board, re-spacing included. */
function sessionChanges(): DocChange[] {
  let state = { ...newBoardState(), board: read(baseDoc()) };
  const all: DocChange[] = [];
  const run = (command: Command) => {
    const changes = accept(state, FACILITATOR, command);
    all.push(...changes.doc);
    state = afterChanges(state, changes);
  };
  run({ type: 'createTheme', themeId: 'tC', promptId: 'prompt1', name: 'Care', noteIds: ['n4', 'n5'], beforeThemeId: 'tA' });
  run({ type: 'moveNotes', noteIds: ['n1', 'n6'], themeId: 'tC', beforeNoteId: 'n5' });
  run({ type: 'moveNotes', noteIds: ['n2'], themeId: 'tA', beforeNoteId: null });
  run({ type: 'renameTheme', themeId: 'tB', name: 'Tooling' });
  run({ type: 'moveTheme', themeId: 'tB', beforeThemeId: 'tC' });
  // Two notes swapped into the same gap until the theme's keys are re-spaced.
  for (let i = 0; i < 400; i++) {
    const [mover, other] = i % 2 === 0 ? ['n6', 'n1'] : ['n1', 'n6'];
    run({ type: 'moveNotes', noteIds: [mover], themeId: 'tC', beforeNoteId: other });
  }
  run({ type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tC' });
  run({ type: 'deleteTheme', themeId: 'tB' });
  run({ type: 'moveNotes', noteIds: ['n5'], themeId: null, beforeNoteId: 'n3' });
  return all;
}

/** Sequences of document changes, with the themes expected afterwards as id → [name, order]. */
const SEQUENCES: [string, DocChange[], Record<string, [string, string] | null> | null][] = [
  ['nothing', [], { tA: ['Time', 'a0'], tB: ['Tools', 'a1'], tW: ['Energy', 'a0'] }],
  ['a new theme', [{ type: 'putTheme', theme: theme('tC', 'Care', 'Zz') }], { tC: ['Care', 'Zz'] }],
  ['a theme replaced', [{ type: 'putTheme', theme: theme('tA', 'Timing', 'a2') }], { tA: ['Timing', 'a2'] }],
  [
    'a theme renamed, then moved',
    [
      { type: 'patchTheme', id: 'tB', fields: { name: 'Tooling' } },
      { type: 'patchTheme', id: 'tB', fields: { order: 'Zz' } },
    ],
    { tB: ['Tooling', 'Zz'] },
  ],
  ['a theme patched with what it holds', [{ type: 'patchTheme', id: 'tA', fields: { name: 'Time', order: 'a0' } }], {}],
  ['a patch of an unknown theme', [{ type: 'patchTheme', id: 'nope', fields: { name: 'Ghost' } }], {}],
  ['a theme deleted', [{ type: 'deleteTheme', id: 'tB' }], { tB: null }],
  ['an unknown theme deleted', [{ type: 'deleteTheme', id: 'nope' }], {}],
  [
    'a theme deleted and put back',
    [
      { type: 'deleteTheme', id: 'tB' },
      { type: 'putTheme', theme: theme('tB', 'Tools again', 'a3') },
    ],
    { tB: ['Tools again', 'a3'] },
  ],
  [
    'a deleted theme patched',
    [
      { type: 'deleteTheme', id: 'tB' },
      { type: 'patchTheme', id: 'tB', fields: { name: 'Ghost' } },
    ],
    { tB: null },
  ],
  [
    'notes moved into a theme that is then deleted',
    [
      { type: 'patchNote', id: 'n1', fields: { themeId: 'tB', order: 'a0' } },
      { type: 'patchNote', id: 'n2', fields: { themeId: 'tB', order: 'a1' } },
      { type: 'patchNote', id: 'n1', fields: { themeId: null, order: 'a6' } },
      { type: 'patchNote', id: 'n2', fields: { themeId: null, order: 'a7' } },
      { type: 'deleteTheme', id: 'tB' },
    ],
    { tB: null },
  ],
  ['a grouping session run by the domain', sessionChanges(), null],
];

describe('applyDocChanges and applyDocChangesToBoard agree on themes', () => {
  it.each(SEQUENCES)('%s', (_label, changes, expectedThemes) => {
    const doc = baseDoc();
    const before = read(doc);
    applyDocChanges(doc, changes, 'server');
    const inMemory = applyDocChangesToBoard(before, changes);
    expect(plainBoardWithThemes(read(doc))).toEqual(plainBoardWithThemes(inMemory));
    // Change by change gives the same document as one batch.
    const stepwise = baseDoc();
    for (const change of changes) applyDocChanges(stepwise, [change], 'server');
    expect(plainBoardWithThemes(read(stepwise))).toEqual(plainBoardWithThemes(read(doc)));
    if (expectedThemes !== null) {
      const namesAndOrders = (board: BoardState) =>
        Object.fromEntries([...board.themes.values()].map((t) => [t.id, [t.name, t.order]]));
      const expected = Object.entries({ ...namesAndOrders(before), ...expectedThemes }).filter(([, v]) => v !== null);
      expect(namesAndOrders(read(doc))).toEqual(Object.fromEntries(expected));
    }
  });

  it('the grouping session leaves the themes and notes the commands intended', () => {
    const doc = baseDoc();
    const changes = sessionChanges();
    applyDocChanges(doc, changes, 'server');
    const board = read(doc);
    expect(groupingViolations(board)).toEqual([]);
    // n5 stays put in tC during the swaps: a key change without a themeId is a re-spacing.
    expect(changes.some((c) => c.type === 'patchNote' && c.id === 'n5' && !('themeId' in c.fields))).toBe(true);
    expect([...board.themes.keys()].sort()).toEqual(['tC', 'tW']);
    const inTheme = (themeId: string | null) =>
      [...board.notes.values()]
        .filter((n) => n.promptId === 'prompt1' && n.themeId === themeId)
        .sort((a, b) => (a.order < b.order ? -1 : 1))
        .map((n) => n.id);
    expect(inTheme('tC')).toEqual(['n4', 'n1', 'n6', 'n2']);
    expect(inTheme(null)).toEqual(['n5', 'n3']);
  });

  it('does not rewrite a theme patched with the values it holds', () => {
    const doc = baseDoc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    applyDocChanges(doc, [{ type: 'patchTheme', id: 'tA', fields: { name: 'Time', order: 'a0' } }], 'server');
    expect(updates).toEqual([]);
  });
});
