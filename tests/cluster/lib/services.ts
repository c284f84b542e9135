import { Redis } from 'ioredis';
import pg from 'pg';
import { randomToken } from '../../../shared/random';

/** The PostgreSQL the cluster tests use (a database they may create schemas in). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The Redis the cluster tests use (they only touch keys under their own run prefix). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** How long a reachability probe waits before calling a service unreachable. */
const PROBE_TIMEOUT_MS = 2_000;

/** Null when PostgreSQL at `url` answers `SELECT 1`; otherwise why not, in one line. */
export async function probePostgres(url: string = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${redact(url)} is unreachable (${(error as Error).message || (error as Error).name})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Null when Redis at `url` answers PING; otherwise why not, in one line. */
export async function probeRedis(url: string = TEST_REDIS_URL): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at ${redact(url)} is unreachable (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** A fresh name for this run's schema and Redis prefix, so parallel runs never meet. */
export function runTag(): string {
  return `accord_cluster_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
}

/** The same PostgreSQL URL, pointed at another host and port (a fault proxy in front of it). */
export function withHostPort(url: string, host: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = host;
  parsed.port = String(port);
  return parsed.toString();
}

/** Host and port of a postgres:// or redis:// URL. */
export function hostPortOf(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: parsed.port ? Number(parsed.port) : defaultPort };
}

/** Drops this run's schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Every key under `prefix` with its value as text (strings, hashes, sets, lists, sorted sets, streams). */
export async function dumpRedisKeys(url: string, prefix: string): Promise<Map<string, string>> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: PROBE_TIMEOUT_MS });
  redis.on('error', () => {});
  const out = new Map<string, string>();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) out.set(key, await readKey(redis, key));
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return out;
}

async function readKey(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return `(${type})`;
  }
}

/** Deletes every key under `prefix`. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: PROBE_TIMEOUT_MS });
  redis.on('error', () => {});
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
