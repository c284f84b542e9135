import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A `boards` row as the database holds it. */
export interface BoardColumns {
  id: string;
  join_code: string;
  facilitator_key_hash: Buffer;
  reader_key_hash: Buffer | null;
  created_at: number;
}

/** A `boards` row under the field names of BoardRow, not yet validated (storedRows.ts does that). */
export function boardColumns(board: BoardColumns): Record<string, unknown> {
  return {
    id: board.id,
    joinCode: board.join_code,
    facilitatorKeyHash: board.facilitator_key_hash,
    readerKeyHash: board.reader_key_hash,
    createdAt: board.created_at,
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  facilitator_key_hash BLOB NOT NULL,
  reader_key_hash BLOB,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  board_id TEXT NOT NULL REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  secret_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, id),
  UNIQUE (board_id, secret_hash)
);
-- The author link of a note exists only here, and only until the note is revealed.
CREATE TABLE IF NOT EXISTS drafts (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  tag TEXT,
  author_name TEXT,
  PRIMARY KEY (board_id, id)
);
-- How many notes a person wrote per prompt (for the per-person limit); no link to any note.
CREATE TABLE IF NOT EXISTS posted_counts (
  board_id TEXT NOT NULL REFERENCES boards(id),
  participant_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (board_id, participant_id, prompt_id)
);
-- One person's dots on one item of an open round. Deleted, all of the round's rows at once, when it closes.
CREATE TABLE IF NOT EXISTS ballots (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (board_id, round_id, participant_id, item_id)
);
-- One person's response to an open proposal. Deleted when the round closes.
CREATE TABLE IF NOT EXISTS responses (
  board_id TEXT NOT NULL REFERENCES boards(id),
  proposal_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  response TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (board_id, proposal_id, participant_id)
);
-- One person's mark: done on a prompt or an open round, or a reaction on a note. Only counts are
-- published (in the document); a closed round's rows are deleted with its ballots.
CREATE TABLE IF NOT EXISTS marks (
  board_id TEXT NOT NULL REFERENCES boards(id),
  target_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (board_id, target_id, participant_id, kind)
);
CREATE TABLE IF NOT EXISTS applied_commands (
  board_id TEXT NOT NULL REFERENCES boards(id),
  actor_key TEXT NOT NULL,
  command_id TEXT NOT NULL,
  result TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (board_id, actor_key, command_id)
);
`;

/**
 * Opens (creating it on first start) the store's one file in `dataDir`: WAL mode with
 * synchronous=FULL, so that a committed transaction survives a power cut, not only a crash;
 * secure_delete; the
 * tables of SCHEMA, and the columns added after the first release.
 */
export function openSqlite(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'accord.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // A deleted row's bytes are zeroed, not left in the page's free space: a revealed draft's author,
  // an edited draft's earlier text, a closed round's ballots are gone from the file, not only from
  // the table (docs/security.md, Data retention).
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);
  addMissingColumns(db);
  return db;
}

/** Columns added after the first release, added to databases created before them. */
function addMissingColumns(db: Database.Database): void {
  const has = (table: string, column: string) =>
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
  if (!has('boards', 'reader_key_hash')) db.exec('ALTER TABLE boards ADD COLUMN reader_key_hash BLOB');
  if (!has('drafts', 'author_name')) db.exec('ALTER TABLE drafts ADD COLUMN author_name TEXT');
}

/** Every statement SqliteStore runs, prepared once. */
export function prepareStatements(db: Database.Database) {
  return {
    insertBoard: db.prepare(
      'INSERT INTO boards (id, join_code, facilitator_key_hash, reader_key_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    boardByCode: db.prepare<[string], { id: string }>('SELECT id FROM boards WHERE join_code = ?'),
    board: db.prepare<[string], BoardColumns>('SELECT * FROM boards WHERE id = ?'),
    snapshot: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM doc_snapshots WHERE board_id = ?'),
    updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
    ),
    insertUpdate: db.prepare('INSERT INTO doc_updates (board_id, seq, data) VALUES (?, ?, ?)'),
    drafts: db.prepare<
      [string],
      { id: string; prompt_id: string; author_id: string; text: string; tag: string | null; author_name: string | null }
    >('SELECT id, prompt_id, author_id, text, tag, author_name FROM drafts WHERE board_id = ?'),
    upsertDraft: db.prepare(
      `INSERT INTO drafts (board_id, id, prompt_id, author_id, text, tag, author_name) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id, id) DO UPDATE SET text = excluded.text, tag = excluded.tag`,
    ),
    deleteDraft: db.prepare('DELETE FROM drafts WHERE board_id = ? AND id = ?'),
    posted: db.prepare<[string], { participant_id: string; prompt_id: string; count: number }>(
      'SELECT participant_id, prompt_id, count FROM posted_counts WHERE board_id = ?',
    ),
    addPosted: db.prepare(
      `INSERT INTO posted_counts (board_id, participant_id, prompt_id, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id, participant_id, prompt_id) DO UPDATE SET count = count + excluded.count`,
    ),
    prunePosted: db.prepare('DELETE FROM posted_counts WHERE board_id = ? AND count <= 0'),
    participantCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM participants WHERE board_id = ?'),
    participantsOf: db.prepare<[string], { id: string; secret_hash: Buffer }>(
      'SELECT id, secret_hash FROM participants WHERE board_id = ?',
    ),
    participantBySecret: db.prepare<[string, Buffer], { id: string }>(
      'SELECT id FROM participants WHERE board_id = ? AND secret_hash = ?',
    ),
    insertParticipant: db.prepare('INSERT INTO participants (board_id, id, secret_hash, created_at) VALUES (?, ?, ?, ?)'),
    deleteParticipant: db.prepare('DELETE FROM participants WHERE board_id = ? AND id = ?'),
    deleteBallotsOf: db.prepare('DELETE FROM ballots WHERE board_id = ? AND participant_id = ?'),
    deleteResponsesOf: db.prepare('DELETE FROM responses WHERE board_id = ? AND participant_id = ?'),
    ballots: db.prepare<[string], { round_id: string; participant_id: string; item_id: string; count: number }>(
      'SELECT round_id, participant_id, item_id, count FROM ballots WHERE board_id = ?',
    ),
    upsertBallot: db.prepare(
      `INSERT INTO ballots (board_id, round_id, participant_id, item_id, count) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (board_id, round_id, participant_id, item_id) DO UPDATE SET count = excluded.count`,
    ),
    deleteBallot: db.prepare('DELETE FROM ballots WHERE board_id = ? AND round_id = ? AND participant_id = ? AND item_id = ?'),
    clearBallots: db.prepare('DELETE FROM ballots WHERE board_id = ? AND round_id = ?'),
    responses: db.prepare<[string], { proposal_id: string; participant_id: string; response: string; reason: string | null }>(
      'SELECT proposal_id, participant_id, response, reason FROM responses WHERE board_id = ?',
    ),
    upsertResponse: db.prepare(
      `INSERT INTO responses (board_id, proposal_id, participant_id, response, reason) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (board_id, proposal_id, participant_id) DO UPDATE SET response = excluded.response, reason = excluded.reason`,
    ),
    clearResponses: db.prepare('DELETE FROM responses WHERE board_id = ? AND proposal_id = ?'),
    marks: db.prepare<[string], { target_id: string; participant_id: string; kind: string }>(
      'SELECT target_id, participant_id, kind FROM marks WHERE board_id = ?',
    ),
    insertMark: db.prepare('INSERT OR IGNORE INTO marks (board_id, target_id, participant_id, kind) VALUES (?, ?, ?, ?)'),
    deleteMark: db.prepare('DELETE FROM marks WHERE board_id = ? AND target_id = ? AND participant_id = ? AND kind = ?'),
    clearMarks: db.prepare('DELETE FROM marks WHERE board_id = ? AND target_id = ?'),
    deleteMarksOf: db.prepare('DELETE FROM marks WHERE board_id = ? AND participant_id = ?'),
    applied: db.prepare<[string, string, string], { result: string }>(
      'SELECT result FROM applied_commands WHERE board_id = ? AND actor_key = ? AND command_id = ?',
    ),
    insertApplied: db.prepare(
      'INSERT OR IGNORE INTO applied_commands (board_id, actor_key, command_id, result, at) VALUES (?, ?, ?, ?, ?)',
    ),
    pruneApplied: db.prepare('DELETE FROM applied_commands WHERE board_id = ? AND at < ?'),
    upsertSnapshot: db.prepare(
      `INSERT INTO doc_snapshots (board_id, seq, data) VALUES (?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE excluded.seq > doc_snapshots.seq`,
    ),
    // Updates through `throughSeq` are covered by the snapshot just written, or by a newer one kept.
    deleteUpdatesThrough: db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?'),
  };
}

/** The statements of one store (prepareStatements). */
export type SqliteStatements = ReturnType<typeof prepareStatements>;
