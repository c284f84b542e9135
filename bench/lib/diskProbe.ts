import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeDataDir } from './servers';
import { percentile, round } from './stats';

/**
 * The floor durability puts under every Accord command: the time of one small SQLite commit in
 * WAL mode with synchronous=FULL (one fsync of the WAL) on the disk the servers use. The
 * reference keeps nothing, so this is time only Accord spends.
 */
export function sqliteCommitLatency(commits = 200): { p50Ms: number; p99Ms: number } {
  const dir = makeDataDir();
  const db = new Database(path.join(dir, 'probe.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
    const commit = db.transaction((data: Buffer) => insert.run(data));
    const times: number[] = [];
    const row = Buffer.alloc(100, 7);
    for (let i = 0; i < commits; i++) {
      const start = performance.now();
      commit(row);
      times.push(performance.now() - start);
    }
    return { p50Ms: round(percentile(times, 50), 3), p99Ms: round(percentile(times, 99), 3) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
