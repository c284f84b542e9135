import { createServer } from 'node:net';
import pg from 'pg';
import { randomToken } from '../../shared/random';
import { type ServerUnderTest, startAccord } from './servers';

/** The PostgreSQL of cluster workloads: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default. */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Null when PostgreSQL answers; otherwise why not, in one line (the workload then skips). */
export async function postgresUnreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL unreachable (${(error as Error).message || (error as Error).name}); set BENCH_DATABASE_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A fresh schema name, so that a bench run never meets another run's tables. */
export function benchSchema(): string {
  return `accord_bench_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
}

/**
 * `count` Accord nodes in cluster mode on one PostgreSQL schema (no Redis: hints do not touch the
 * path of an update), each pinned to the server core like every other server of the bench.
 */
export async function startClusterNodes(
  count: number,
  databaseUrl: string,
  schema: string,
  nodeArgs: string[] = [],
): Promise<ServerUnderTest[]> {
  const secret = randomToken(24);
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  return Promise.all(
    ports.map((port, i) =>
      startAccord({
        port,
        nodeArgs,
        env: {
          DATABASE_URL: databaseUrl,
          DATABASE_SCHEMA: schema,
          CLUSTER_SECRET: secret,
          NODE_ID: `bench-${i + 1}`,
          INTERNAL_URL: `http://127.0.0.1:${port}`,
        },
      }),
    ),
  );
}
