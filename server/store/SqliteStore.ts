import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertNever } from '../../shared/assertNever';
import type { CommandResult } from '../../shared/protocol';
import {
  APPLIED_COMMAND_RETENTION_MS,
  appliedKey,
  type BoardRow,
  type BoardStore,
  type CommitBatch,
  type StoredBoard,
} from './BoardStore';
import { checkBoardRow, checkStoredBoard } from './storedRows';

/** A `boards` row as the database holds it. */
interface BoardColumns {
  id: string;
  join_code: string;
  facilitator_key_hash: Buffer;
  reader_key_hash: Buffer | null;
  created_at: number;
}

/** A `boards` row under the field names of BoardRow, not yet validated (storedRows.ts does that). */
function boardColumns(board: BoardColumns): Record<string, unknown> {
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
 * The embedded default store: one SQLite file through better-sqlite3, WAL mode with
 * synchronous=FULL so that a committed transaction survives a power cut, not only a crash.
 */
export class SqliteStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** Commits waiting for the next group commit (see `commit`). */
  private waiting: { boardId: string; batch: CommitBatch; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'accord.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.addMissingColumns();
    const db = this.db;
    this.statements = {
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

  /** Columns added after the first release, added to databases created before them. */
  private addMissingColumns(): void {
    const has = (table: string, column: string) =>
      (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    if (!has('boards', 'reader_key_hash')) this.db.exec('ALTER TABLE boards ADD COLUMN reader_key_hash BLOB');
    if (!has('drafts', 'author_name')) this.db.exec('ALTER TABLE drafts ADD COLUMN author_name TEXT');
  }

  async createBoard(row: BoardRow, initialUpdate: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertBoard.run(row.id, row.joinCode, row.facilitatorKeyHash, row.readerKeyHash, row.createdAt);
      this.statements.insertUpdate.run(row.id, 1, initialUpdate);
    })();
  }

  async findBoardIdByJoinCode(joinCode: string): Promise<string | null> {
    return this.statements.boardByCode.get(joinCode)?.id ?? null;
  }

  async findBoardRow(boardId: string): Promise<BoardRow | null> {
    const board = this.statements.board.get(boardId);
    return board ? checkBoardRow(boardId, boardColumns(board)) : null;
  }

  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    const s = this.statements;
    const board = this.db.transaction(() => {
      const board = s.board.get(boardId);
      if (!board) return null;
      const snapshot = s.snapshot.get(boardId);
      const updates = s.updates.all(boardId, snapshot?.seq ?? 0);
      return {
        row: boardColumns(board),
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: updates.map((u) => new Uint8Array(u.data)),
        lastSeq: updates.at(-1)?.seq ?? snapshot?.seq ?? 0,
        drafts: s.drafts.all(boardId).map((d) => ({
          id: d.id,
          promptId: d.prompt_id,
          authorId: d.author_id,
          text: d.text,
          tag: d.tag,
          authorName: d.author_name,
        })),
        posted: s.posted.all(boardId).map((p) => ({ participantId: p.participant_id, promptId: p.prompt_id, count: p.count })),
        ballots: s.ballots
          .all(boardId)
          .map((b) => ({ roundId: b.round_id, participantId: b.participant_id, itemId: b.item_id, count: b.count })),
        responses: s.responses.all(boardId).map((r) => ({
          proposalId: r.proposal_id,
          participantId: r.participant_id,
          response: r.response,
          reason: r.reason,
        })),
        marks: s.marks.all(boardId).map((m) => ({ targetId: m.target_id, participantId: m.participant_id, kind: m.kind })),
      };
    })();
    return board && checkStoredBoard(boardId, board);
  }

  async findParticipant(boardId: string, secretHash: Buffer): Promise<string | null> {
    return this.statements.participantBySecret.get(boardId, secretHash)?.id ?? null;
  }

  async participantsOf(boardId: string): Promise<Map<string, string>> {
    return new Map(this.statements.participantsOf.all(boardId).map((row) => [row.secret_hash.toString('hex'), row.id]));
  }

  async countParticipants(boardId: string): Promise<number> {
    return this.statements.participantCount.get(boardId)?.n ?? 0;
  }

  async addParticipant(
    boardId: string,
    participantId: string,
    secretHash: Buffer,
    maxParticipants: number,
    now: number,
  ): Promise<boolean> {
    // IMMEDIATE: the write lock is taken before the count, so that another process on the same
    // file cannot count the same number and both pass the cap.
    return this.db
      .transaction(() => {
        const count = this.statements.participantCount.get(boardId)?.n ?? 0;
        if (count >= maxParticipants) return false;
        this.statements.insertParticipant.run(boardId, participantId, secretHash, now);
        return true;
      })
      .immediate();
  }

  async findAppliedResults(
    boardId: string,
    keys: readonly { actorKey: string; commandId: string }[],
  ): Promise<Map<string, CommandResult>> {
    const found = new Map<string, CommandResult>();
    for (const { actorKey, commandId } of keys) {
      const row = this.statements.applied.get(boardId, actorKey, commandId);
      if (row) found.set(appliedKey(actorKey, commandId), JSON.parse(row.result) as CommandResult);
    }
    return found;
  }

  /**
   * Group commit across rooms: batches handed over in the same turn of the event loop (rooms that
   * flush together, as after a slow fsync) are written in one transaction with one fsync, and each
   * promise resolves only once that transaction is durable.
   */
  commit(boardId: string, batch: CommitBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ boardId, batch, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.commitWaiting());
    });
  }

  private commitWaiting(): void {
    const group = this.waiting.splice(0);
    if (group.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const { boardId, batch } of group) this.writeBatch(boardId, batch);
      })();
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // One batch that cannot be written must not fail the other rooms': write them one by one.
      for (const { boardId, batch, resolve, reject } of group) {
        try {
          this.db.transaction(() => this.writeBatch(boardId, batch))();
          resolve();
        } catch (single) {
          reject(single);
        }
      }
      return;
    }
    for (const { resolve } of group) resolve();
  }

  private writeBatch(boardId: string, batch: CommitBatch): void {
    const s = this.statements;
    if (batch.update !== null) s.insertUpdate.run(boardId, batch.seq, batch.update);
    let touchedPosted = false;
    for (const change of batch.privateChanges) {
      switch (change.type) {
        case 'putDraft': {
          const d = change.draft;
          s.upsertDraft.run(boardId, d.id, d.promptId, d.authorId, d.text, d.tag, d.authorName);
          break;
        }
        case 'deleteDraft':
          s.deleteDraft.run(boardId, change.draftId);
          break;
        case 'revealDrafts':
          for (const draftId of change.draftIds) s.deleteDraft.run(boardId, draftId);
          break;
        case 'countPosted':
          s.addPosted.run(boardId, change.participantId, change.promptId, change.delta);
          touchedPosted = true;
          break;
        case 'setBallot':
          if (change.count > 0) s.upsertBallot.run(boardId, change.roundId, change.participantId, change.itemId, change.count);
          else s.deleteBallot.run(boardId, change.roundId, change.participantId, change.itemId);
          break;
        case 'clearBallots':
          s.clearBallots.run(boardId, change.roundId);
          break;
        case 'setResponse':
          s.upsertResponse.run(boardId, change.proposalId, change.participantId, change.response, change.reason);
          break;
        case 'clearResponses':
          s.clearResponses.run(boardId, change.proposalId);
          break;
        case 'removeSeat':
          s.deleteBallotsOf.run(boardId, change.participantId);
          s.deleteResponsesOf.run(boardId, change.participantId);
          s.deleteMarksOf.run(boardId, change.participantId);
          s.deleteParticipant.run(boardId, change.participantId);
          break;
        case 'setMark':
          if (change.isOn) s.insertMark.run(boardId, change.targetId, change.participantId, change.kind);
          else s.deleteMark.run(boardId, change.targetId, change.participantId, change.kind);
          break;
        case 'clearMarks':
          s.clearMarks.run(boardId, change.targetId);
          break;
        default:
          assertNever(change, 'private change');
      }
    }
    if (touchedPosted) s.prunePosted.run(boardId);
    for (const applied of batch.applied) {
      s.insertApplied.run(boardId, applied.actorKey, applied.result.id, JSON.stringify(applied.result), batch.now);
    }
  }

  async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, throughSeq, snapshot);
      this.statements.deleteUpdatesThrough.run(boardId, throughSeq);
      this.statements.pruneApplied.run(boardId, Date.now() - APPLIED_COMMAND_RETENTION_MS);
    })();
  }

  async close(): Promise<void> {
    this.commitWaiting();
    this.db.close();
  }
}
