import type pg from 'pg';
import { log } from '../log';

/**
 * Runs `work` on a connection of `pool`, ROLLBACK when it throws. While the connection is checked
 * out it has an error listener: a connection that breaks between two statements (the database
 * restarting) emits 'error' outside any query, which with no listener would end the process. A
 * broken connection is dropped rather than returned to the pool.
 */
async function onConnection<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let isBroken = false;
  const onError = (error: Error) => {
    isBroken = true;
    log('warn', 'postgres.client_error', { message: error.message });
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      isBroken = true;
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(isBroken);
  }
}

/** Runs `work` in one transaction on a connection of `pool`: COMMIT when it resolves, ROLLBACK when it throws. */
export function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return onConnection(pool, async (client) => {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  });
}

/**
 * Runs `statements` (BEGIN first, COMMIT last, no parameters) as one message: one round trip for a
 * whole transaction of reads. On an error PostgreSQL skips the rest of the message and leaves the
 * transaction aborted: it is rolled back before the connection goes back to the pool.
 */
export function oneTripTransaction(pool: pg.Pool, statements: readonly string[]): Promise<pg.QueryResult[]> {
  return onConnection(pool, async (client) => (await client.query(statements.join(';\n'))) as unknown as pg.QueryResult[]);
}
