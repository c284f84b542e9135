import { mkdtempSync, rmSync } from 'node:fs';
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
