import type pg from 'pg';
import type { CommandResult } from '../../shared/protocol';
import {
  APPLIED_COMMAND_RETENTION_MS,
  appliedKey,
  type BoardRow,
  type BoardStore,
  type CommitBatch,
  FencedError,
  type StoredBoard,
} from './BoardStore';
import { FENCED_MESSAGE, fenceStatement, StatementBatch, sqlLiteral } from './postgresOneTrip';
import { openPool, POSTGRES_POOL_SIZE } from './postgresPool';
import { writePrivateChange } from './postgresPrivateRows';
import { checkSchemaName, createTables } from './postgresSchema';
import { inTransaction, oneTripTransaction } from './postgresTransaction';
import { APPLIED_RESULTS, warmUpPool } from './postgresWarmUp';
import { checkBoardRow, checkStoredBoard } from './storedRows';

/** A `boards` row under the field names of BoardRow, not yet validated (storedRows.ts does that). */
function boardColumns(board: Record<string, unknown>): Record<string, unknown> {
  return {
    id: board.id,
    joinCode: board.join_code,
    facilitatorKeyHash: board.facilitator_key_hash,
    readerKeyHash: board.reader_key_hash,
    // BIGINT comes back as a string.
    createdAt: Number(board.created_at),
  };
}

/** Where the store lives. */
export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (env DATABASE_URL). */
  readonly connectionString: string;
  /** Schema of the tables, created when missing (env DATABASE_SCHEMA, default `public`). */
  readonly schema?: string;
  readonly poolSize?: number;
}

/**
 * What a commit checks when several nodes share the database: the epoch under which this node
 * claimed each board. Implemented by server/cluster/NodeLease.ts.
 */
export interface OwnershipFence {
  readonly nodeId: string;
  /** Generation of this node's live lease, or null while it holds none. */
  readonly generation: number | null;
  /** The epoch this node's claim on the board returned, or null when it holds no claim. */
  heldEpoch(boardId: string): number | null;
}

/**
 * BoardStore on PostgreSQL (DATABASE_URL), for several Accord nodes sharing one database. Each
 * write is one transaction with synchronous_commit=on. Without a fence (one node) it behaves like
 * SqliteStore; with one (see {@link setFence}) every commit and compaction first reads the board's
 * owner row FOR SHARE and is refused with FencedError unless this node still holds the epoch it
 * claimed: a claim by another node has to wait for that lock, and changes the epoch.
 */
export class PostgresStore implements BoardStore {
  private fence: OwnershipFence | null = null;
  /** Pools opened by openSidePool: closed with the store. */
  private readonly sidePools: pg.Pool[] = [];

  private constructor(
    /** The store's connection pool (search_path set to the schema); NodeLease uses it too. */
    readonly pool: pg.Pool,
    readonly schema: string,
    private readonly connectionString: string,
  ) {}

  /** Connects and creates the schema and tables when missing. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const schema = checkSchemaName(options.schema ?? 'public');
    const pool = openPool(options.connectionString, schema, options.poolSize ?? POSTGRES_POOL_SIZE);
    try {
      await createTables(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, schema, options.connectionString);
  }

  /** Opens and warms every connection of the pool (postgresWarmUp.ts), at start. */
  warmUp(): Promise<void> {
    return warmUpPool(this.pool, this.pool.options.max ?? POSTGRES_POOL_SIZE);
  }

  /**
   * A separate pool on the same database and schema, for work that must not queue behind commits
   * (the lease heartbeat). `queryTimeoutMs`: a query not answered by then fails and its connection
   * is dropped, so that one hung connection (a network cut) does not hold up the next attempt.
   */
  openSidePool(max: number, queryTimeoutMs: number): pg.Pool {
    const pool = openPool(this.connectionString, this.schema, max, queryTimeoutMs);
    this.sidePools.push(pool);
    return pool;
  }

  /** Turns fencing on (a NodeLease) or off (null: this is the only node). */
  setFence(fence: OwnershipFence | null): void {
    this.fence = fence;
  }

  private transaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, begin, work);
  }

  async createBoard(row: BoardRow, initialUpdate: Uint8Array): Promise<void> {
    await this.transaction('BEGIN', async (c) => {
      await c.query(
        'INSERT INTO boards (id, join_code, facilitator_key_hash, reader_key_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [row.id, row.joinCode, row.facilitatorKeyHash, row.readerKeyHash, row.createdAt],
      );
      await c.query('INSERT INTO doc_updates (board_id, seq, data) VALUES ($1, 1, $2)', [row.id, initialUpdate]);
    });
  }

  async findBoardIdByJoinCode(joinCode: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM boards WHERE join_code = $1', [joinCode]);
    return rows[0]?.id ?? null;
  }

  async findBoardRow(boardId: string): Promise<BoardRow | null> {
    const { rows } = await this.pool.query('SELECT * FROM boards WHERE id = $1', [boardId]);
    return rows[0] ? checkBoardRow(boardId, boardColumns(rows[0])) : null;
  }

  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    // One snapshot of the database for all reads: a compaction in between must not leave us the
    // old snapshot without the updates it deleted. The transaction and its reads go as one message
    // of statements (a board that moves in a rolling restart is loaded while many others are: one
    // round trip, not ten, each holding a pooled connection).
    const id = sqlLiteral(boardId);
    const reads = [
      `SELECT * FROM boards WHERE id = ${id}`,
      `SELECT seq, data FROM doc_snapshots WHERE board_id = ${id}`,
      `SELECT seq, data FROM doc_updates WHERE board_id = ${id}
         AND seq > COALESCE((SELECT seq FROM doc_snapshots WHERE board_id = ${id}), 0) ORDER BY seq`,
      `SELECT id, prompt_id AS "promptId", author_id AS "authorId", text, tag, author_name AS "authorName"
         FROM drafts WHERE board_id = ${id}`,
      `SELECT participant_id AS "participantId", prompt_id AS "promptId", count FROM posted_counts WHERE board_id = ${id}`,
      `SELECT round_id AS "roundId", participant_id AS "participantId", item_id AS "itemId", count
         FROM ballots WHERE board_id = ${id}`,
      `SELECT proposal_id AS "proposalId", participant_id AS "participantId", response, reason
         FROM responses WHERE board_id = ${id}`,
      `SELECT target_id AS "targetId", participant_id AS "participantId", kind FROM marks WHERE board_id = ${id}`,
    ];
    // Several statements without parameters: pg sends them as one simple query and returns one
    // result each (BEGIN's and COMMIT's included, hence the offset of one).
    const results = await oneTripTransaction(this.pool, ['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', ...reads, 'COMMIT']);
    const rows = (n: number): Record<string, unknown>[] => results[n + 1]?.rows ?? [];
    const [board] = rows(0);
    if (!board) return null;
    const snapshot = rows(1)[0] as { seq: number; data: Buffer } | undefined;
    const updateRows = rows(2) as { seq: number; data: Buffer }[];
    return checkStoredBoard(boardId, {
      row: boardColumns(board),
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates: updateRows.map((u) => new Uint8Array(u.data)),
      lastSeq: updateRows.at(-1)?.seq ?? snapshot?.seq ?? 0,
      drafts: rows(3),
      posted: rows(4),
      ballots: rows(5),
      responses: rows(6),
      marks: rows(7),
    });
  }

  async findParticipant(boardId: string, secretHash: Buffer): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM participants WHERE board_id = $1 AND secret_hash = $2',
      [boardId, secretHash],
    );
    return rows[0]?.id ?? null;
  }

  async participantsOf(boardId: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; secret_hash: Buffer }>(
      'SELECT id, secret_hash FROM participants WHERE board_id = $1',
      [boardId],
    );
    return new Map(rows.map((row) => [row.secret_hash.toString('hex'), row.id]));
  }

  async countParticipants(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM participants WHERE board_id = $1', [
      boardId,
    ]);
    return rows[0]?.n ?? 0;
  }

  async addParticipant(
    boardId: string,
    participantId: string,
    secretHash: Buffer,
    maxParticipants: number,
    now: number,
  ): Promise<boolean> {
    return this.transaction('BEGIN', async (c) => {
      // The board's row lock makes concurrent joins on any node count one after the other; each
      // count then reads the rows committed before it (READ COMMITTED takes a snapshot per statement).
      const board = await c.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [boardId]);
      if (board.rowCount === 0) throw new Error(`No board ${boardId}`);
      const { rows } = await c.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM participants WHERE board_id = $1', [boardId]);
      if ((rows[0]?.n ?? 0) >= maxParticipants) return false;
      await c.query('INSERT INTO participants (board_id, id, secret_hash, created_at) VALUES ($1, $2, $3, $4)', [
        boardId,
        participantId,
        secretHash,
        now,
      ]);
      return true;
    });
  }

  async findAppliedResults(
    boardId: string,
    keys: readonly { actorKey: string; commandId: string }[],
  ): Promise<Map<string, CommandResult>> {
    const found = new Map<string, CommandResult>();
    if (keys.length === 0) return found;
    const { rows } = await this.pool.query<{ actor_key: string; command_id: string; result: string }>({
      ...APPLIED_RESULTS,
      values: [boardId, keys.map((k) => k.actorKey), keys.map((k) => k.commandId)],
    });
    for (const row of rows) found.set(appliedKey(row.actor_key, row.command_id), JSON.parse(row.result) as CommandResult);
    return found;
  }

  async commit(boardId: string, batch: CommitBatch): Promise<void> {
    const write = this.fencedWrite(boardId);
    if (batch.update !== null) {
      write.add('INSERT INTO doc_updates (board_id, seq, data) VALUES ($1, $2, $3)', [boardId, batch.seq, batch.update]);
    }
    for (const change of batch.privateChanges) await writePrivateChange(write, boardId, change);
    if (batch.privateChanges.some((change) => change.type === 'countPosted')) {
      write.add('DELETE FROM posted_counts WHERE board_id = $1 AND count <= 0', [boardId]);
    }
    if (batch.applied.length > 0) {
      // The first result of a command id is kept, as SQLite's INSERT OR IGNORE does.
      write.add(
        `INSERT INTO applied_commands (board_id, actor_key, command_id, result, at)
         SELECT $1, actor_key, command_id, result, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS a(actor_key, command_id, result)
         ON CONFLICT DO NOTHING`,
        [
          boardId,
          batch.applied.map((a) => a.actorKey),
          batch.applied.map((a) => a.result.id),
          batch.applied.map((a) => JSON.stringify(a.result)),
          batch.now,
        ],
      );
    }
    await this.runFenced(boardId, write);
  }

  async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const write = this.fencedWrite(boardId);
    write.add(
      `INSERT INTO doc_snapshots (board_id, seq, data) VALUES ($1, $2, $3)
       ON CONFLICT (board_id) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE doc_snapshots.seq < excluded.seq`,
      [boardId, throughSeq, snapshot],
    );
    // Covered by the snapshot just written, or by a newer one that was kept.
    write.add('DELETE FROM doc_updates WHERE board_id = $1 AND seq <= $2', [boardId, throughSeq]);
    write.add('DELETE FROM applied_commands WHERE board_id = $1 AND at < $2', [
      boardId,
      Date.now() - APPLIED_COMMAND_RETENTION_MS,
    ]);
    await this.runFenced(boardId, write);
  }

  /**
   * A write of the board in one round trip (postgresOneTrip.ts), opened by the fence when several
   * nodes share the database: throws FencedError at once unless this node holds a claim on the board.
   */
  private fencedWrite(boardId: string): StatementBatch {
    const write = new StatementBatch();
    const fence = this.fence;
    if (fence === null) return write;
    const held = fence.heldEpoch(boardId);
    if (held === null || fence.generation === null) throw new FencedError(boardId, 'this node holds no claim on it');
    write.add(...fenceStatement(boardId, held, fence.nodeId, fence.generation));
    return write;
  }

  private async runFenced(boardId: string, write: StatementBatch): Promise<void> {
    try {
      await write.run(this.pool);
    } catch (error) {
      if ((error as Error).message === FENCED_MESSAGE) {
        throw new FencedError(boardId, 'another node claimed it, or this node lost its lease');
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.sidePools.map((pool) => pool.end().catch(() => {})));
    await this.pool.end();
  }
}
