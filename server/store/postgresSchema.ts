import type pg from 'pg';
import { inTransaction } from './postgresTransaction';

/**
 * The PostgreSQL tables: the SQLite store's tables (BLOB → bytea, times in milliseconds as
 * bigint) plus the two tables of the cluster's ownership leases.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  facilitator_key_hash BYTEA NOT NULL,
  reader_key_hash BYTEA,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  board_id TEXT NOT NULL REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  secret_hash BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
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
CREATE TABLE IF NOT EXISTS posted_counts (
  board_id TEXT NOT NULL REFERENCES boards(id),
  participant_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (board_id, participant_id, prompt_id)
);
CREATE TABLE IF NOT EXISTS ballots (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (board_id, round_id, participant_id, item_id)
);
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
  at BIGINT NOT NULL,
  PRIMARY KEY (board_id, actor_key, command_id)
);
-- One row per Accord process of the cluster. generation grows by one at every registration, so a
-- restarted node's old claims (made under its old generation) are dead at once.
CREATE TABLE IF NOT EXISTS nodes (
  node_id TEXT PRIMARY KEY,
  internal_url TEXT NOT NULL,
  generation INTEGER NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
-- Who may write a board. epoch grows at every change of owner; every commit and compaction reads
-- it FOR SHARE and is refused when it is not the epoch its node claimed.
CREATE TABLE IF NOT EXISTS board_owners (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  node_id TEXT,
  node_generation INTEGER,
  epoch INTEGER NOT NULL
);
-- The fence of every commit and compaction (PostgresStore, postgresOneTrip.ts): raises unless this
-- node still holds the board under the epoch it claimed, and locks the owner row until the end of
-- the write's transaction, so that a claim waits for a write in flight.
CREATE OR REPLACE FUNCTION accord_check_owner(p_board TEXT, p_epoch INTEGER, p_node TEXT, p_generation INTEGER)
RETURNS void LANGUAGE plpgsql AS $fence$
BEGIN
  PERFORM 1 FROM board_owners
    WHERE board_id = p_board AND epoch = p_epoch AND node_id = p_node AND node_generation = p_generation
    FOR SHARE;
  IF NOT FOUND THEN RAISE EXCEPTION 'accord_fenced'; END IF;
END
$fence$;
`;

/** A schema name we accept: a plain lower-case SQL identifier, so it needs no quoting anywhere. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `schema` is a plain lower-case identifier (letters, digits, `_`; at most 63). */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error('DATABASE_SCHEMA must be a lower-case name of letters, digits and "_" (at most 63), starting with a letter');
  }
  return schema;
}

/**
 * Creates the schema (when missing) and the tables. Several nodes may start at once: an advisory
 * lock makes them do it one after the other, since concurrent CREATE … IF NOT EXISTS can still
 * collide in PostgreSQL's catalogs.
 */
export async function createTables(pool: pg.Pool, schema: string): Promise<void> {
  await inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`accord schema ${schema}`]);
    const existing = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    // Only when missing: CREATE SCHEMA IF NOT EXISTS checks the CREATE privilege even when it exists.
    if (existing.rowCount === 0) await client.query(`CREATE SCHEMA ${checkSchemaName(schema)}`);
    await client.query(TABLES);
  });
}
