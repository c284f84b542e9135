import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
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

// What every store does is in storeContract.ts; here only what is SQLite's own.
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

  it('zeroes what it deletes: no byte of a revealed draft, its author or its first text stays in the file', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.createBoard(row('b7'), Uint8Array.of(0, 0));
    const draft = {
      id: 'd-7',
      promptId: 'p1',
      authorId: 'author-canary-7f3q',
      text: 'first text canary',
      tag: null,
      authorName: null,
    };
    const batch = { update: null, seq: 2, applied: [], now: 1 };
    await store.commit('b7', { ...batch, privateChanges: [{ type: 'putDraft', draft }] });
    await store.commit('b7', {
      ...batch,
      privateChanges: [{ type: 'putDraft', draft: { ...draft, text: 'second text canary' } }],
    });
    await store.commit('b7', { ...batch, privateChanges: [{ type: 'revealDrafts', draftIds: ['d-7'] }] });
    expect((await store.loadBoard('b7'))?.drafts).toEqual([]);
    await store.close();
    // What someone with the file (or a copy of it) could read; closing checkpointed the WAL into it.
    const files = ['accord.sqlite', 'accord.sqlite-wal'].map((name) => path.join(dir, name)).filter(existsSync);
    const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
    for (const canary of ['author-canary-7f3q', 'first text canary', 'second text canary']) {
      expect(bytes.includes(canary), canary).toBe(false);
    }
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
