import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { layoutBoard } from '../../client/src/components/themeLayout';
import { boardRoots, readBoard } from '../../shared/boardDoc';
import { BoardReader } from '../../shared/boardReader';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { type Collection, type DocChange, recordOperation } from '../../shared/domain/changes';
import { isDomainError } from '../../shared/domain/errors';
import { type Actor, type BoardState, sortedPrompts } from '../../shared/domain/state';
import { keysBetween } from '../../shared/fractionalIndex';
import { seededRandom } from '../../shared/random';
import { ALICE, BOB, FACILITATOR, Session, testContext } from './helpers';

/** Seeds of the property test; each runs COMMANDS_PER_SEED commands. */
const SEEDS = 60;
const COMMANDS_PER_SEED = 80;

const COLLECTIONS: readonly Collection[] = ['prompts', 'notes', 'themes', 'voteRounds', 'proposals', 'agreements', 'versions'];

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** The board as ordered entries, so that equality also checks the order `readBoard` gives. */
function ordered(board: BoardState | null) {
  if (board === null) return null;
  return { meta: board.meta, ...Object.fromEntries(COLLECTIONS.map((c) => [c, [...board[c].entries()]])) };
}

/**
 * A server document and a client's replica fed with the server's updates one by one, as a
 * WebsocketProvider applies them; the reader reads the replica.
 */
class Replica {
  readonly session: Session;
  readonly doc = new Y.Doc();
  readonly reader: BoardReader;

  constructor(notesPerPrompt: number) {
    this.session = new Session(3);
    this.session.doc.on('update', (update: Uint8Array) => Y.applyUpdate(this.doc, update, 'server'));
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.session.doc));
    this.reader = new BoardReader(this.doc);
    const doc: DocChange[] = [{ type: 'setMeta', fields: { phase: 'group' } }];
    for (const promptId of ['prompt1', 'prompt2', 'prompt3']) {
      doc.push({ type: 'patchPrompt', id: promptId, fields: { isRevealed: true } });
      keysBetween(null, null, notesPerPrompt).forEach((order, i) => {
        const note = {
          id: `${promptId}-n${i + 1}`,
          promptId,
          text: `Note ${i + 1}`,
          tag: null,
          themeId: null,
          order,
          author: null,
        };
        doc.push({ type: 'putNote', note });
      });
    }
    this.session.commit({ doc, private: [] });
  }

  /** Runs a command on the server when the domain accepts it; its document changes, or null. */
  run(actor: Actor, command: Command, seed: number): readonly DocChange[] | null {
    const result = applyCommand(this.session.state, actor, command, testContext(seed, `s${seed}-`));
    if (isDomainError(result)) return null;
    this.session.commit(result);
    return result.doc;
  }
}

/** A command a facilitator or a participant might send on a board in the group phase. */
function randomCommand(random: () => number, board: BoardState, n: number): { actor: Actor; command: Command } | null {
  const prompt = pick(random, sortedPrompts(board));
  if (!prompt) return null;
  const notes = [...board.notes.values()].filter((note) => note.promptId === prompt.id);
  const themes = [...board.themes.values()].filter((theme) => theme.promptId === prompt.id);
  const roll = random();
  const note = pick(random, notes);
  const theme = pick(random, themes);
  if (roll < 0.15 || !theme) {
    const noteIds = notes.filter(() => random() < 0.2).map((n) => n.id);
    const command: Command = {
      type: 'createTheme',
      themeId: `t${n}`,
      promptId: prompt.id,
      name: `Theme ${n}`,
      noteIds,
      beforeThemeId: null,
    };
    return { actor: FACILITATOR, command };
  }
  if (roll < 0.55 && note) {
    const themeId = random() < 0.2 ? null : theme.id;
    return { actor: FACILITATOR, command: { type: 'moveNotes', noteIds: [note.id], themeId, beforeNoteId: null } };
  }
  if (roll < 0.6 && note && notes.length > 3) return { actor: FACILITATOR, command: { type: 'deleteNotes', noteIds: [note.id] } };
  if (roll < 0.65 && note) {
    const actor = random() < 0.5 ? ALICE : BOB;
    return { actor, command: { type: 'react', noteId: note.id, reaction: 'heart', isOn: random() < 0.7 } };
  }
  if (roll < 0.72) return { actor: FACILITATOR, command: { type: 'renameTheme', themeId: theme.id, name: `Renamed ${n}` } };
  if (roll < 0.78) return { actor: FACILITATOR, command: { type: 'moveTheme', themeId: theme.id, beforeThemeId: null } };
  if (roll < 0.84) return { actor: FACILITATOR, command: { type: 'deleteTheme', themeId: theme.id } };
  if (roll < 0.9) return { actor: FACILITATOR, command: { type: 'renameBoard', title: `Board ${n}` } };
  if (roll < 0.95) return { actor: FACILITATOR, command: { type: 'focusPrompt', promptId: prompt.id } };
  return { actor: FACILITATOR, command: { type: 'updatePrompt', promptId: prompt.id, text: `Question ${n}?` } };
}

/**
 * Writes the server would never write, straight into the document: a field of the wrong type,
 * a record that is not a map, a record taken out, a record put back, a broken or mended meta.
 * Returns what it touched, as collection → ids ('meta' for the meta map).
 */
function randomDamage(random: () => number, doc: Y.Doc, n: number): Map<Collection | 'meta', Set<string>> {
  const roots = boardRoots(doc);
  const touched = new Map<Collection | 'meta', Set<string>>();
  const touch = (what: Collection | 'meta', id: string) => touched.set(what, (touched.get(what) ?? new Set()).add(id));
  const collection = pick(random, ['notes', 'themes', 'prompts'] as const)!;
  const root = roots[collection];
  const id = pick(
    random,
    [...root.keys()].filter((key) => root.get(key) instanceof Y.Map),
  );
  const roll = random();
  doc.transact(() => {
    if (roll < 0.3 && id) {
      root.get(id)?.set('order', random() < 0.5 ? 42 : 'a0');
      touch(collection, id);
    } else if (roll < 0.45 && id) {
      root.delete(id);
      touch(collection, id);
    } else if (roll < 0.55) {
      (root as Y.Map<unknown>).set(`junk${n}`, 'not a record');
      touch(collection, `junk${n}`);
    } else if (roll < 0.65 && id) {
      // A record put back under the same id: a new map, the same (valid) fields.
      const fields = root.get(id)?.toJSON() ?? {};
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) map.set(key, value);
      root.set(id, map);
      touch(collection, id);
    } else if (roll < 0.75) {
      roots.meta.set('phase', random() < 0.5 ? 'no such phase' : 'group');
      touch('meta', 'phase');
    } else if (roll < 0.85 && id) {
      root.get(id)?.set('text', random() < 0.5 ? '' : `Mended ${n}`);
      touch(collection, id);
    } else {
      roots.meta.set('title', `Title ${n}`);
      touch('meta', 'title');
    }
  }, 'server');
  return touched;
}

/** Collection → ids a list of domain changes touches ('meta' for setMeta). */
function touchedBy(changes: readonly DocChange[]): Map<Collection | 'meta', Set<string>> {
  const touched = new Map<Collection | 'meta', Set<string>>();
  for (const change of changes) {
    if (change.type === 'setMeta') {
      touched.set('meta', new Set(['*']));
      continue;
    }
    const operation = recordOperation(change);
    const id = operation.op === 'put' ? operation.record.id : operation.id;
    touched.set(operation.collection, (touched.get(operation.collection) ?? new Set()).add(id));
  }
  return touched;
}

/** Checks that what nothing touched kept its identity: entries, whole collections, meta, the board. */
function expectSharing(before: BoardState | null, after: BoardState | null, touched: Map<Collection | 'meta', Set<string>>) {
  if (before === null || after === null) return;
  if (!touched.has('meta')) expect(after.meta).toBe(before.meta);
  for (const collection of COLLECTIONS) {
    const ids = touched.get(collection);
    if (!ids) {
      expect(after[collection]).toBe(before[collection]);
      continue;
    }
    for (const [id, record] of after[collection]) {
      if (!ids.has(id) && before[collection].has(id)) expect(record).toBe(before[collection].get(id));
    }
  }
  if (touched.size === 0) expect(after).toBe(before);
}

describe('BoardReader', () => {
  it('reads what readBoard reads, after every update of random command sequences and damage, sharing what did not change', () => {
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const random = seededRandom(seed);
      const replica = new Replica(4 + Math.floor(random() * 8));
      let before = replica.reader.read();
      expect(ordered(before), `seed ${seed}, start`).toEqual(ordered(readBoard(replica.doc)));
      for (let n = 1; n <= COMMANDS_PER_SEED; n += 1) {
        let touched: Map<Collection | 'meta', Set<string>>;
        if (random() < 0.15) {
          touched = randomDamage(random, replica.session.doc, n);
        } else {
          const board = readBoard(replica.session.doc) ?? before;
          const next = board && randomCommand(random, board, n);
          const changes = next ? replica.run(next.actor, next.command, seed * 1000 + n) : null;
          touched = touchedBy(changes ?? []);
        }
        const after = replica.reader.read();
        expect(ordered(after), `seed ${seed}, step ${n}`).toEqual(ordered(readBoard(replica.doc)));
        expectSharing(before, after, touched);
        before = after;
      }
      replica.reader.destroy();
    }
  });

  it('on a board of 1,000 notes, a move gives new objects to the moved note only', () => {
    const replica = new Replica(334);
    const before = replica.reader.read()!;
    expect(before.notes.size).toBe(1002);
    replica.run(
      FACILITATOR,
      { type: 'createTheme', themeId: 'tX', promptId: 'prompt2', name: 'X', noteIds: [], beforeThemeId: null },
      1,
    );
    const withTheme = replica.reader.read()!;
    expect(withTheme.notes).toBe(before.notes);
    expect(withTheme.prompts).toBe(before.prompts);
    replica.run(FACILITATOR, { type: 'moveNotes', noteIds: ['prompt2-n7'], themeId: 'tX', beforeNoteId: null }, 2);
    const moved = replica.reader.read()!;
    const changed = [...moved.notes].filter(([id, note]) => withTheme.notes.get(id) !== note).map(([id]) => id);
    expect(changed).toEqual(['prompt2-n7']);
    expect(moved.notes.get('prompt2-n7')?.themeId).toBe('tX');
    expect(moved.themes).toBe(withTheme.themes);
    expect(moved.meta).toBe(withTheme.meta);
    // Nothing changed since: the same board.
    expect(replica.reader.read()).toBe(moved);
  });

  it('leaves out a record the server never wrote, and takes it back once it is valid', () => {
    const replica = new Replica(2);
    const notes = boardRoots(replica.session.doc).notes;
    replica.session.doc.transact(() => notes.get('prompt1-n1')?.set('themeId', 7));
    expect(replica.reader.read()?.notes.has('prompt1-n1')).toBe(false);
    expect(readBoard(replica.doc)?.notes.has('prompt1-n1')).toBe(false);
    replica.session.doc.transact(() => notes.get('prompt1-n1')?.set('themeId', null));
    expect(replica.reader.read()?.notes.get('prompt1-n1')?.themeId).toBeNull();
    // A broken meta hides the whole board, as readBoard does, and the board comes back mended.
    const meta = boardRoots(replica.session.doc).meta;
    replica.session.doc.transact(() => meta.set('phase', 'nonsense'));
    expect(replica.reader.read()).toBeNull();
    replica.session.doc.transact(() => meta.set('phase', 'group'));
    expect(ordered(replica.reader.read())).toEqual(ordered(readBoard(replica.doc)));
  });

  it('stops following the document when destroyed', () => {
    const replica = new Replica(1);
    const before = replica.reader.read();
    replica.reader.destroy();
    replica.run(FACILITATOR, { type: 'renameBoard', title: 'After' }, 1);
    expect(replica.reader.read()).toBe(before);
  });

  it('gives the views the same layout objects for what a move did not touch', () => {
    const replica = new Replica(20);
    for (const [n, promptId] of ['prompt1', 'prompt2'].entries()) {
      const noteIds = [`${promptId}-n1`, `${promptId}-n2`];
      replica.run(
        FACILITATOR,
        { type: 'createTheme', themeId: `t${n}`, promptId, name: `T${n}`, noteIds, beforeThemeId: null },
        n,
      );
      replica.run(
        FACILITATOR,
        { type: 'createTheme', themeId: `u${n}`, promptId, name: `U${n}`, noteIds: [], beforeThemeId: null },
        10 + n,
      );
    }
    const before = layoutBoard(replica.reader.read()!);
    replica.run(FACILITATOR, { type: 'moveNotes', noteIds: ['prompt1-n5'], themeId: 'u0', beforeNoteId: null }, 20);
    const after = layoutBoard(replica.reader.read()!, before);
    // Untouched prompts: the very same layout.
    expect(after.get('prompt2')).toBe(before.get('prompt2'));
    expect(after.get('prompt3')).toBe(before.get('prompt3'));
    // The prompt of the move: a new layout, the theme it did not touch kept, the two it touched new.
    const [t0, u0] = after.get('prompt1')!.themes;
    expect(after.get('prompt1')).not.toBe(before.get('prompt1'));
    expect(t0).toBe(before.get('prompt1')!.themes[0]);
    expect(u0).not.toBe(before.get('prompt1')!.themes[1]);
    expect(u0?.notes.map((n) => n.id)).toEqual(['prompt1-n5']);
    expect(after.get('prompt1')!.ungrouped).not.toBe(before.get('prompt1')!.ungrouped);
    // And the layout equals one made from scratch.
    expect(after).toEqual(layoutBoard(replica.reader.read()!));
  });
});
