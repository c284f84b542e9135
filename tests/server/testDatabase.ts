import pg from 'pg';
import { randomId } from '../../shared/random';

/** Used when TEST_DATABASE_URL is unset, if something answers there within a second. */
const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const PROBE_TIMEOUT_MS = 1_000;

/** The URL with its password hidden, for messages. */
function shown(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * The PostgreSQL server the tests may use. TEST_DATABASE_URL (set by CI) is used as given: if it
 * does not answer, the tests fail. Unset, the local default is tried; when it does not answer
 * within a second, the PostgreSQL tests are skipped with a printed reason.
 */
export async function findTestDatabase(): Promise<string | null> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return given;
  const client = new pg.Client({ connectionString: DEFAULT_TEST_DATABASE_URL, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return DEFAULT_TEST_DATABASE_URL;
  } catch {
    console.warn(
      `PostgreSQL not reachable at ${shown(DEFAULT_TEST_DATABASE_URL)}: skipped (set TEST_DATABASE_URL to run these tests)`,
    );
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema of its own for one test file's run, dropped with everything in it by `drop()`. */
export interface TestSchema {
  readonly url: string;
  readonly schema: string;
  /** Runs SQL in the schema, outside any store (to plant rows or expire leases). */
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** A connection of its own, for a transaction the test holds open; release it after. */
  connect(): Promise<pg.PoolClient>;
  drop(): Promise<void>;
}

export async function createTestSchema(url: string): Promise<TestSchema> {
  const schema = `accord_test_${randomId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')}`;
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  return {
    url,
    schema,
    query: (sql, params) => pool.query(sql, params),
    connect: () => pool.connect(),
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
