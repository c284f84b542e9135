import { randomId } from '../../shared/random';
import { MAX_PIPE_RELEASE_MS, PIPE_RELEASE_AFTER_MS, PIPE_RELEASE_OVER_MS } from './pipeToOwner';

/** Shortest CLUSTER_SECRET accepted: it signs the hops between nodes, so it must not be guessable. */
export const MIN_CLUSTER_SECRET_CHARS = 16;

/** What a node id may look like: it travels in the hop header, split on `.`. */
const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The settings of cluster mode (several Accord processes sharing one PostgreSQL database, see
 * docs/scaling.md). Present only when DATABASE_URL is set.
 */
export interface ClusterConfig {
  /**
   * This process's name in the `nodes` table. Env NODE_ID, default a random id. Keep it stable
   * across restarts (e.g. the host name): a restarted node with the same id frees its old boards
   * at once, instead of after the lease's time to live.
   */
  readonly nodeId: string;
  /**
   * How the other nodes reach this one (plain http://host:port, no path). Env INTERNAL_URL; default
   * http://HOST:port (the host name of the machine when HOST is 0.0.0.0 or ::).
   */
  readonly internalUrl: string | null;
  /**
   * Shared by every node; signs the `x-accord-hop` header of a connection passed to a board's
   * owner. Env CLUSTER_SECRET, required, at least MIN_CLUSTER_SECRET_CHARS characters. Security:
   * whoever knows it can pose as a node (skip the Origin check, claim any client address).
   */
  readonly secret: string;
  /** Optional Redis for hints between nodes (moved / down events, connection counts). Env REDIS_URL. */
  readonly redisUrl: string | null;
  /** Prefix of every Redis key and channel, so that clusters can share one Redis. Env REDIS_KEY_PREFIX, default `accord:`. */
  readonly redisKeyPrefix: string;
  /**
   * On a drain, how long the connections this node passes to other owners keep running after its
   * rooms drained, then over how long they are cut, in milliseconds. Env PIPE_RELEASE_AFTER_MS and
   * PIPE_RELEASE_OVER_MS (server/cluster/pipeToOwner.ts), each 0 to MAX_PIPE_RELEASE_MS.
   */
  readonly pipeRelease: { readonly afterMs: number; readonly overMs: number };
}

/** A configuration mistake, said in a sentence a person can act on. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads cluster mode's settings: null without DATABASE_URL (one process, SQLite). Throws ConfigError on a bad value. */
export function clusterConfigFromEnv(env: NodeJS.ProcessEnv): ClusterConfig | null {
  if (!env.DATABASE_URL) return null;
  const secret = env.CLUSTER_SECRET ?? '';
  if (secret.length < MIN_CLUSTER_SECRET_CHARS) {
    throw new ConfigError(
      `CLUSTER_SECRET must be set, to at least ${MIN_CLUSTER_SECRET_CHARS} random characters and the same on every node, when DATABASE_URL is: the nodes sign the connections they pass to each other with it.`,
    );
  }
  const nodeId = env.NODE_ID || randomId();
  if (!NODE_ID.test(nodeId)) {
    throw new ConfigError('NODE_ID must be 1 to 64 letters, digits, "-" or "_".');
  }
  const internalUrl = env.INTERNAL_URL ? parseInternalUrl(env.INTERNAL_URL) : null;
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must start with redis:// or rediss://.');
  }
  const pipeRelease = {
    afterMs: releaseMsFromEnv('PIPE_RELEASE_AFTER_MS', env.PIPE_RELEASE_AFTER_MS, PIPE_RELEASE_AFTER_MS),
    overMs: releaseMsFromEnv('PIPE_RELEASE_OVER_MS', env.PIPE_RELEASE_OVER_MS, PIPE_RELEASE_OVER_MS),
  };
  return { nodeId, internalUrl, secret, redisUrl, redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'accord:', pipeRelease };
}

function releaseMsFromEnv(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_PIPE_RELEASE_MS) {
    throw new ConfigError(`${name} must be a whole number of milliseconds from 0 to ${MAX_PIPE_RELEASE_MS}, e.g. 2000.`);
  }
  return ms;
}

function parseInternalUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('INTERNAL_URL must be a URL like http://10.0.0.5:8787.');
  }
  if (url.protocol !== 'http:' || (url.pathname !== '/' && url.pathname !== '') || url.search !== '') {
    throw new ConfigError('INTERNAL_URL must be http://host:port, without a path, e.g. http://10.0.0.5:8787.');
  }
  return `http://${url.host}`;
}
