import * as Y from 'yjs';
import { type BoardRecord, boardRoots, COLLECTIONS, readBoard, readCollectionEntry, readMeta } from './boardDoc';
import type { Collection } from './domain/changes';
import type { BoardState } from './domain/state';

type Records = { -readonly [C in Collection]: ReadonlyMap<string, BoardRecord<C>> };
type Roots = ReturnType<typeof boardRoots>;

/**
 * Reads a board document incrementally, for a client that applies the server's updates one by one:
 * the document's deep-observe events say which records changed, and only those are read and
 * validated again (a record that fails validation is left out, as `readBoard` leaves it out).
 * Everything else keeps its identity: an unchanged note is the same object, an unchanged
 * collection the same map, and a read after no change returns the same board. So the views can
 * compare by identity and render only what changed. `read()` always equals `readBoard(doc)`.
 */
export class BoardReader {
  private readonly roots: Roots;
  private meta: ReturnType<typeof readMeta>;
  private readonly records: Records;
  /** Record ids changed since the last read, per collection (added, patched or deleted). */
  private readonly dirty = new Map<Collection, Set<string>>();
  private isMetaDirty = false;
  private board: BoardState | null = null;
  private readonly cleanups: (() => void)[] = [];

  /** With `isIncremental: false` every read is a whole `readBoard` (the bench's "before"). */
  constructor(
    private readonly doc: Y.Doc,
    private readonly isIncremental = true,
  ) {
    this.roots = boardRoots(doc);
    this.meta = readMeta(doc);
    this.records = emptyRecords();
    for (const collection of COLLECTIONS) this.store(collection, this.reread(collection, null));
    this.board = this.compose();
    if (!isIncremental) return;
    const onMeta = () => {
      this.isMetaDirty = true;
    };
    this.roots.meta.observeDeep(onMeta);
    this.cleanups.push(() => this.roots.meta.unobserveDeep(onMeta));
    for (const collection of COLLECTIONS) {
      const root = this.roots[collection];
      const onRecords = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.markDirty(collection, root, events);
      root.observeDeep(onRecords);
      this.cleanups.push(() => root.unobserveDeep(onRecords));
    }
  }

  /** The board as the document holds it now; null when it holds no valid board. */
  read(): BoardState | null {
    if (!this.isIncremental) return readBoard(this.doc);
    if (!this.isMetaDirty && this.dirty.size === 0) return this.board;
    if (this.isMetaDirty) {
      this.isMetaDirty = false;
      this.meta = readMeta(this.doc);
    }
    for (const [collection, ids] of this.dirty) this.store(collection, this.reread(collection, ids));
    this.dirty.clear();
    this.board = this.compose();
    return this.board;
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
  }

  private store(collection: Collection, records: ReadonlyMap<string, unknown>): void {
    (this.records as Record<Collection, ReadonlyMap<string, unknown>>)[collection] = records;
  }

  private markDirty(collection: Collection, root: unknown, events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    let ids = this.dirty.get(collection);
    if (!ids) {
      ids = new Set();
      this.dirty.set(collection, ids);
    }
    for (const event of events) {
      if (event.target === root && event instanceof Y.YMapEvent) {
        // Records put or deleted under the root: the changed keys are their ids.
        for (const key of event.keysChanged) ids.add(key);
      } else {
        // A change inside a record (a field set): the first step of the path is its id.
        const [id] = event.path;
        if (typeof id === 'string') ids.add(id);
      }
    }
  }

  /**
   * The collection again, reading only `ids` (all when null) and keeping every other entry as it
   * was, in the document's own order (the order `readBoard` gives). When every changed id is a
   * record that was there and still reads, a copy with those entries replaced keeps that order;
   * otherwise the root's keys are walked. An id that is not in the previous map and not dirty was
   * invalid before and, unchanged, still is.
   */
  private reread<C extends Collection>(collection: C, ids: ReadonlySet<string> | null): Map<string, BoardRecord<C>> {
    const root = this.roots[collection];
    const before = this.records[collection] as ReadonlyMap<string, BoardRecord<C>>;
    if (ids !== null) {
      const patched = this.patched(collection, before, ids);
      if (patched !== null) return patched;
    }
    const out = new Map<string, BoardRecord<C>>();
    for (const key of root.keys()) {
      if (ids === null || ids.has(key)) {
        const record = readCollectionEntry(root, collection, key);
        if (record !== null) out.set(key, record);
      } else {
        const kept = before.get(key);
        if (kept !== undefined) out.set(key, kept);
      }
    }
    return out;
  }

  private patched<C extends Collection>(
    collection: C,
    before: ReadonlyMap<string, BoardRecord<C>>,
    ids: ReadonlySet<string>,
  ): Map<string, BoardRecord<C>> | null {
    const out = new Map(before);
    for (const id of ids) {
      if (!before.has(id)) return null;
      const record = readCollectionEntry(this.roots[collection], collection, id);
      if (record === null) return null;
      out.set(id, record);
    }
    return out;
  }

  private compose(): BoardState | null {
    if (this.meta === null) return null;
    const { meta, records } = this;
    // Same meta and same collections: the same board, so that a view comparing by identity skips it.
    const previous = this.board;
    if (previous !== null && previous.meta === meta && COLLECTIONS.every((c) => previous[c] === records[c])) return previous;
    return { meta, ...records };
  }
}

function emptyRecords(): Records {
  return {
    prompts: new Map(),
    notes: new Map(),
    themes: new Map(),
    voteRounds: new Map(),
    proposals: new Map(),
    agreements: new Map(),
    versions: new Map(),
  };
}
