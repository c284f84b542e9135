import pg from 'pg';
import { type RunningServer, startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { storeFromConfig } from '../../server/store/storeFromConfig';
import { randomToken } from '../../shared/random';

/** The local PostgreSQL of the test machine (trust auth), unless TEST_DATABASE_URL says otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The local Redis, unless TEST_REDIS_URL says otherwise. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
export const TEST_CLUSTER_SECRET = 'cluster-secret-of-the-tests-0123456789';

/** Null when PostgreSQL answers, else why the cluster tests are skipped (printed once). */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at TEST_DATABASE_URL is unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema of its own for one test file, dropped afterwards. */
export function testSchema(): {
  readonly name: string;
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
} {
  const name = `accord_test_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2, options: `-c search_path=${name}` });
  return {
    name,
    async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
      return (await pool.query<R>(sql, values)).rows;
    },
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).catch(() => {});
      await pool.end();
    },
  };
}

/** One cluster node in this process. */
export interface TestNode extends RunningServer {
  readonly wsUrl: string;
}

/** Starts a node on port 0 against the test schema, as `server/main.ts` would with these variables. */
export async function startNode(schema: string, nodeId: string, env: Record<string, string> = {}): Promise<TestNode> {
  const config = configFromEnv({
    PORT: '0',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    CLUSTER_SECRET: TEST_CLUSTER_SECRET,
    NODE_ID: nodeId,
    ...env,
  });
  const running = await startServer(config, await storeFromConfig(config));
  return { ...running, wsUrl: `${running.url.replace('http', 'ws')}/ws` };
}

/** GET /healthz of a node. */
export async function health(node: {
  url: string;
}): Promise<{ nodeId: string; rooms: number; connections: number; owned: number }> {
  return (await (await fetch(`${node.url}/healthz`)).json()) as {
    nodeId: string;
    rooms: number;
    connections: number;
    owned: number;
  };
}
