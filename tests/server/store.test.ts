import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/SqliteStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-store-'));
  dirs.push(dir);
  return dir;
}

const row = (id: string) => ({
  id,
  joinCode: `CODE${id}`,
  facilitatorKeyHash: Buffer.alloc(32, 1),
  readerKeyHash: Buffer.alloc(32, 2),
  createdAt: 1,
});

describe('SqliteStore', () => {
  it('creates its data folder, uses WAL with synchronous=FULL', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const store = new SqliteStore(dir);
    // synchronous is a per-connection setting: read it from the store's own connection (2 = FULL).
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
    const db = new Database(path.join(dir, 'accord.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reloads a board from snapshot plus later updates, giving the same document', async () => {
    const dir = tempDir();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('meta').set('title', 'v1');
    let store = new SqliteStore(dir);
    await store.createBoard(row('b1'), updates[0]!);
    for (let i = 2; i <= 6; i++) {
      doc.getMap('meta').set('title', `v${i}`);
      await store.commit('b1', { update: updates.at(-1)!, seq: i, privateChanges: [], applied: [], now: Date.now() });
    }
    await store.compact('b1', Y.encodeStateAsUpdate(doc), 4);
    await store.close();

    store = new SqliteStore(dir);
    const loaded = await store.loadBoard('b1');
    expect(loaded?.snapshot).not.toBeNull();
    expect(loaded?.updates).toHaveLength(2);
    expect(loaded?.lastSeq).toBe(6);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded!.snapshot!);
    for (const update of loaded!.updates) Y.applyUpdate(copy, update);
    expect(copy.getMap('meta').get('title')).toBe('v6');
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
    await store.close();
  });

  it('writes a commit atomically: a failing part leaves nothing behind', async () => {
    const store = new SqliteStore(tempDir());
    await store.createBoard(row('b2'), Uint8Array.of(0, 0));
    const draft = { id: 'd1', promptId: 'p1', authorId: 'a1', text: 'x', tag: null, authorName: null };
    // seq 1 already exists: the update insert fails after the draft row was written.
    await expect(
      store.commit('b2', {
        update: Uint8Array.of(0, 0),
        seq: 1,
        privateChanges: [{ type: 'putDraft', draft }],
        applied: [],
        now: 1,
      }),
    ).rejects.toThrow();
    expect((await store.loadBoard('b2'))?.drafts).toEqual([]);
    await store.close();
  });

  it('deletes the author link when drafts are revealed, and keeps only counts', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.createBoard(row('b3'), Uint8Array.of(0, 0));
    const draft = { id: 'd1', promptId: 'p1', authorId: 'alice', text: 'secret', tag: null, authorName: null };
    await store.commit('b3', {
      update: null,
      seq: 2,
      privateChanges: [
        { type: 'putDraft', draft },
        { type: 'countPosted', participantId: 'alice', promptId: 'p1', delta: 1 },
      ],
      applied: [{ actorKey: 'alice', result: { id: 'c1', ok: true } }],
      now: 1,
    });
    await store.commit('b3', {
      update: null,
      seq: 2,
      privateChanges: [{ type: 'revealDrafts', draftIds: ['d1'] }],
      applied: [],
      now: 2,
    });
    const loaded = await store.loadBoard('b3');
    expect(loaded?.drafts).toEqual([]);
    expect(loaded?.posted).toEqual([{ participantId: 'alice', promptId: 'p1', count: 1 }]);
    expect(await store.findAppliedResults('b3', [{ actorKey: 'alice', commandId: 'c1' }])).toEqual(
      new Map([['alice\nc1', { id: 'c1', ok: true }]]),
    );
    await store.close();
    const db = new Database(path.join(dir, 'accord.sqlite'));
    const rows = db.prepare("SELECT COUNT(*) AS n FROM drafts WHERE author_id = 'alice'").get() as { n: number };
    expect(rows.n).toBe(0);
    db.close();
  });

  it('keeps the read-only key hash and the name signed on a draft', async () => {
    const dir = tempDir();
    let store = new SqliteStore(dir);
    await store.createBoard(row('b4'), Uint8Array.of(0, 0));
    await store.createBoard({ ...row('b5'), readerKeyHash: null }, Uint8Array.of(0, 0));
    const draft = { id: 'd1', promptId: 'p1', authorId: 'alice', text: 'mine', tag: 'need' as const, authorName: 'Alice' };
    await store.commit('b4', { update: null, seq: 2, privateChanges: [{ type: 'putDraft', draft }], applied: [], now: 1 });
    await store.close();
    store = new SqliteStore(dir);
    const loaded = await store.loadBoard('b4');
    expect(loaded?.row).toEqual(row('b4'));
    expect(loaded?.drafts).toEqual([draft]);
    expect((await store.loadBoard('b5'))?.row.readerKeyHash).toBeNull();
    await store.close();
  });

  it('adds the read-only key and author name columns to a database created before them, keeping its boards', async () => {
    const dir = tempDir();
    const old = new SqliteStore(dir);
    await old.createBoard({ ...row('b6'), readerKeyHash: null }, Uint8Array.of(0, 0));
    await old.close();
    // The first release's tables: the same, without the two columns.
    const db = new Database(path.join(dir, 'accord.sqlite'));
    db.exec('ALTER TABLE boards DROP COLUMN reader_key_hash');
    db.exec('ALTER TABLE drafts DROP COLUMN author_name');
    db.close();

    const store = new SqliteStore(dir);
    expect((await store.loadBoard('b6'))?.row).toEqual({ ...row('b6'), readerKeyHash: null });
    const draft = { id: 'd1', promptId: 'p1', authorId: 'bob', text: 'x', tag: null, authorName: 'Bob' };
    await store.commit('b6', { update: null, seq: 2, privateChanges: [{ type: 'putDraft', draft }], applied: [], now: 1 });
    expect((await store.loadBoard('b6'))?.drafts).toEqual([draft]);
    await store.close();
    // Opening it again finds the columns and adds nothing.
    await new SqliteStore(dir).close();
  });
});
