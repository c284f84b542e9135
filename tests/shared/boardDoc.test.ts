import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, boardRoots, readBoard, readSchemaVersion } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import type { DocChange } from '../../shared/domain/changes';
import type { Actor, BoardState } from '../../shared/domain/state';
import { CURRENT_SCHEMA_VERSION } from '../../shared/migrations';
import type { Note } from '../../shared/records/Note';
import type { Prompt } from '../../shared/records/Prompt';
import {
  ALICE,
  accept,
  afterChanges,
  BOB,
  CAROL,
  FACILITATOR,
  newBoardChanges,
  newBoardState,
  plainBoard,
  TEST_SETTINGS,
} from './helpers';

function createdDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyDocChanges(doc, newBoardChanges(3), 'test');
  return doc;
}

function read(doc: Y.Doc): BoardState {
  const board = readBoard(doc);
  if (board === null) throw new Error('unreadable board');
  return board;
}

const prompt: Prompt = {
  id: 'promptX',
  text: 'New?',
  kind: 'align',
  order: 'z',
  isRevealed: false,
  pendingCount: 0,
  contributorCount: 0,
};
const note: Note = { id: 'n1', promptId: 'prompt1', text: 'Quiet', tag: 'need', themeId: null, order: 'i', author: null };

/** The doc changes of a short workshop, as the domain produces them. */
function workshopChanges(): DocChange[] {
  let state = newBoardState();
  const all: DocChange[] = [];
  const run = (actor: Actor, command: Command) => {
    const changes = accept(state, actor, command);
    all.push(...changes.doc);
    state = afterChanges(state, changes);
  };
  run(FACILITATOR, { type: 'addPrompt', promptId: 'extra', text: 'Extra?', kind: 'align', beforePromptId: 'prompt1' });
  run(FACILITATOR, { type: 'movePrompt', promptId: 'prompt3', beforePromptId: 'prompt2' });
  run(FACILITATOR, { type: 'setPhase', phase: 'reflect' });
  for (const [i, actor] of [ALICE, BOB, CAROL, ALICE].entries()) {
    run(actor, { type: 'postDraft', draftId: `d${i}`, promptId: 'prompt1', text: `Answer ${i}`, tag: null });
  }
  run(FACILITATOR, { type: 'setPhase', phase: 'share' });
  // Alice wrote two of the four: she would see two notes by others, so the facilitator confirms.
  run(FACILITATOR, { type: 'reveal', promptId: null, confirmSmallCount: true });
  // Four late notes from four people: every one of them sees three by others, so they come out together.
  for (const [i, actor] of [ALICE, BOB, CAROL, FACILITATOR].entries()) {
    run(actor, { type: 'postDraft', draftId: `late${i}`, promptId: 'prompt1', text: `Late ${i}`, tag: 'nice' });
  }
  run(FACILITATOR, { type: 'focusPrompt', promptId: 'prompt1' });
  return all;
}

const SEQUENCES: [string, DocChange[]][] = [
  ['nothing', []],
  ['a new title', [{ type: 'setMeta', fields: { title: 'Renamed' } }]],
  [
    'phase, focus and settings',
    [
      {
        type: 'setMeta',
        fields: {
          phase: 'share',
          focusPromptId: 'prompt2',
          settings: { ...TEST_SETTINGS, facilitatorParticipates: false, showRoster: false },
        },
      },
    ],
  ],
  [
    'focus set then cleared',
    [
      { type: 'setMeta', fields: { focusPromptId: 'prompt2' } },
      { type: 'setMeta', fields: { focusPromptId: null } },
    ],
  ],
  ['a new prompt', [{ type: 'putPrompt', prompt }]],
  ['a prompt replaced', [{ type: 'putPrompt', prompt: { ...prompt, id: 'prompt1', text: 'Replaced?' } }]],
  [
    'a prompt patched twice',
    [
      { type: 'patchPrompt', id: 'prompt2', fields: { text: 'A?', pendingCount: 3 } },
      { type: 'patchPrompt', id: 'prompt2', fields: { text: 'B?' } },
    ],
  ],
  ['a patch of an unknown prompt', [{ type: 'patchPrompt', id: 'nope', fields: { text: 'Ghost?' } }]],
  ['a prompt deleted', [{ type: 'deletePrompt', id: 'prompt3' }]],
  [
    'a prompt deleted and put back',
    [
      { type: 'deletePrompt', id: 'prompt3' },
      { type: 'putPrompt', prompt: { ...prompt, id: 'prompt3' } },
    ],
  ],
  [
    'a deleted prompt patched',
    [
      { type: 'deletePrompt', id: 'prompt3' },
      { type: 'patchPrompt', id: 'prompt3', fields: { order: 'a' } },
    ],
  ],
  ['a note', [{ type: 'putNote', note }]],
  [
    'a note moved into a theme',
    [
      { type: 'putNote', note },
      { type: 'patchNote', id: 'n1', fields: { themeId: 't1', order: 'ii' } },
    ],
  ],
  ['a patch of an unknown note', [{ type: 'patchNote', id: 'nope', fields: { themeId: 't1' } }]],
  ['a short workshop', workshopChanges()],
];

describe('applyDocChanges and applyDocChangesToBoard agree', () => {
  it.each(SEQUENCES)('%s', (_label, changes) => {
    const doc = createdDoc();
    const before = read(doc);
    applyDocChanges(doc, changes, 'server');
    expect(plainBoard(read(doc))).toEqual(plainBoard(applyDocChangesToBoard(before, changes)));
    // Change by change gives the same document as one batch.
    const stepwise = createdDoc();
    for (const change of changes) applyDocChanges(stepwise, [change], 'server');
    expect(plainBoard(read(stepwise))).toEqual(plainBoard(read(doc)));
  });

  it('leaves the input board untouched and shares unchanged maps', () => {
    const before = read(createdDoc());
    const snapshot = structuredClone(plainBoard(before));
    const after = applyDocChangesToBoard(before, [{ type: 'setMeta', fields: { title: 'Renamed' } }]);
    expect(plainBoard(before)).toEqual(snapshot);
    expect(after.prompts).toBe(before.prompts);
    expect(after.notes).toBe(before.notes);
  });
});

describe('readBoard', () => {
  const setRecord = (root: Y.Map<Y.Map<unknown>>, key: string, fields: Record<string, unknown>) => {
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields)) map.set(k, v);
    root.set(key, map);
  };

  it.each<[string, (doc: Y.Doc) => void, string[], string[]]>([
    ['a valid note', (d) => setRecord(boardRoots(d).notes, 'n1', note), ['prompt1', 'prompt2', 'prompt3'], ['n1']],
    [
      'a note with an author id',
      (d) => setRecord(boardRoots(d).notes, 'n1', { ...note, authorId: 'alice' }),
      ['prompt1', 'prompt2', 'prompt3'],
      [],
    ],
    [
      'a note signed with a name (boards that are not anonymous)',
      (d) => setRecord(boardRoots(d).notes, 'n1', { ...note, author: 'Alice' }),
      ['prompt1', 'prompt2', 'prompt3'],
      ['n1'],
    ],
    [
      'a note of schema 3 (no author field)',
      (d) => setRecord(boardRoots(d).notes, 'n1', { ...note, author: undefined }),
      ['prompt1', 'prompt2', 'prompt3'],
      [],
    ],
    [
      'a note without order',
      (d) => setRecord(boardRoots(d).notes, 'n1', { ...note, order: undefined }),
      ['prompt1', 'prompt2', 'prompt3'],
      [],
    ],
    [
      'a note with empty text',
      (d) => setRecord(boardRoots(d).notes, 'n1', { ...note, text: ' ' }),
      ['prompt1', 'prompt2', 'prompt3'],
      [],
    ],
    [
      'a note that is a string',
      (d) => (boardRoots(d).notes as Y.Map<unknown>).set('n1', 'hello'),
      ['prompt1', 'prompt2', 'prompt3'],
      [],
    ],
    [
      'a prompt text too long',
      (d) => setRecord(boardRoots(d).prompts, 'prompt1', { ...prompt, id: 'prompt1', text: 'x'.repeat(201) }),
      ['prompt2', 'prompt3'],
      [],
    ],
    ['a prompt of an unknown kind', (d) => boardRoots(d).prompts.get('prompt2')?.set('kind', 'vote'), ['prompt1', 'prompt3'], []],
    ['a negative count', (d) => boardRoots(d).prompts.get('prompt3')?.set('pendingCount', -1), ['prompt1', 'prompt2'], []],
    [
      'a prompt that is a number',
      (d) => (boardRoots(d).prompts as Y.Map<unknown>).set('promptZ', 7),
      ['prompt1', 'prompt2', 'prompt3'],
      [],
    ],
  ])('with %s keeps only the valid records', (_label, corrupt, promptIds, noteIds) => {
    const doc = createdDoc();
    corrupt(doc);
    const board = read(doc);
    expect([...board.prompts.keys()].sort()).toEqual(promptIds);
    expect([...board.notes.keys()]).toEqual(noteIds);
  });

  it.each<[string, (doc: Y.Doc) => void]>([
    ['an empty document', (d) => boardRoots(d).meta.clear()],
    ['an unknown phase', (d) => boardRoots(d).meta.set('phase', 'party')],
    ['no schema version', (d) => boardRoots(d).meta.delete('schemaVersion')],
    ['settings with an extra field', (d) => boardRoots(d).meta.set('settings', { ...TEST_SETTINGS, x: 1 })],
    [
      'settings of schema 3 (no anonymity or SMARTIE flag)',
      (d) => boardRoots(d).meta.set('settings', { facilitatorParticipates: true, showRoster: true }),
    ],
    ['no version number', (d) => boardRoots(d).meta.delete('version')],
    ['an extra meta field', (d) => boardRoots(d).meta.set('facilitatorKeyHash', 'abc')],
  ])('refuses the whole board with %s', (_label, corrupt) => {
    const doc = createdDoc();
    corrupt(doc);
    expect(readBoard(doc)).toBeNull();
  });

  it('reads the schema version, 0 when there is none', () => {
    expect(readSchemaVersion(createdDoc())).toBe(CURRENT_SCHEMA_VERSION);
    expect(readSchemaVersion(new Y.Doc())).toBe(0);
    const doc = createdDoc();
    boardRoots(doc).meta.set('schemaVersion', '2');
    expect(readSchemaVersion(doc)).toBe(0);
  });
});

describe('unchanged fields are not rewritten', () => {
  function updatesOf(doc: Y.Doc, changes: DocChange[], origin: unknown = 'server'): unknown[] {
    const origins: unknown[] = [];
    const listener = (_update: Uint8Array, o: unknown) => origins.push(o);
    doc.on('update', listener);
    applyDocChanges(doc, changes, origin);
    doc.off('update', listener);
    return origins;
  }

  it.each<[string, DocChange[]]>([
    ['no changes', []],
    ['the same title', [{ type: 'setMeta', fields: { title: 'Test board' } }]],
    ['equal settings in a new object', [{ type: 'setMeta', fields: { settings: { ...TEST_SETTINGS } } }]],
    ['the same focus (null)', [{ type: 'setMeta', fields: { focusPromptId: null } }]],
    ['an undefined field', [{ type: 'setMeta', fields: { title: undefined } }]],
    [
      'the same prompt order and counts',
      [{ type: 'patchPrompt', id: 'prompt1', fields: { order: 'a0', pendingCount: 0, isRevealed: false } }],
    ],
    ['a patch of an unknown prompt', [{ type: 'patchPrompt', id: 'nope', fields: { order: 'a' } }]],
  ])('%s emits no Yjs update', (_label, changes) => {
    expect(updatesOf(createdDoc(), changes)).toEqual([]);
  });

  it('writes only the changed key of a record, in one update with the given origin', () => {
    const doc = createdDoc();
    const keys: string[][] = [];
    boardRoots(doc)
      .prompts.get('prompt1')
      ?.observe((event) => keys.push([...event.keysChanged]));
    const origin = { server: true };
    const origins = updatesOf(
      doc,
      [
        { type: 'patchPrompt', id: 'prompt1', fields: { order: '5', text: 'Question 1?', pendingCount: 0 } },
        { type: 'setMeta', fields: { title: 'New', purpose: 'To test the domain.' } },
      ],
      origin,
    );
    expect(origins).toEqual([origin]);
    expect(keys).toEqual([['order']]);
    expect(read(doc).meta.title).toBe('New');
  });
});
