import pg from 'pg';
import { log } from '../log';

/** Connections of a store's pool. Each commit, load or claim in flight holds one (the lease has its own, LEASE_POOL_SIZE). */
export const POSTGRES_POOL_SIZE = 10;
/** Give up opening a connection after this long, so that a dead database fails commits instead of hanging them. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;
/**
 * PostgreSQL ends a session that sits inside a transaction without sending anything for this long
 * (`idle_in_transaction_session_timeout`), in milliseconds: a safety net for a node that stops
 * (SIGSTOP, a network cut) in the middle of a transaction of several round trips (loading a board,
 * creating one). Commits and compactions, which lock the board's owner row, are one message each
 * (postgresOneTrip.ts) and never sit idle; generous, so that a slow live node is never cut.
 */
export const POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * A pool on `schema` with Accord's settings on every connection; `queryTimeoutMs`: a query not
 * answered by then fails and its connection is dropped.
 */
export function openPool(connectionString: string, schema: string, max: number, queryTimeoutMs?: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Opened connections are kept (a warmed session is worth keeping: PostgresStore.warmUp).
    min: max,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    ...(queryTimeoutMs !== undefined ? { query_timeout: queryTimeoutMs } : {}),
    // Per connection, before any query. synchronous_commit=on: a commit is acknowledged only once
    // it is flushed to disk (and to a synchronous standby, if the server is set up with one).
    options: `-c search_path=${schema} -c synchronous_commit=on -c idle_in_transaction_session_timeout=${POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
  });
  // An idle connection that breaks (database restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => log('error', 'postgres.idle_client_error', { message: error.message }));
  return pool;
}
