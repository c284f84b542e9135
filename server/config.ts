import path from 'node:path';
import { DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, MAX_BUFFERED_BYTES, MAX_PARTICIPANTS_PER_BOARD } from '../shared/limits';
import { type ClusterConfig, clusterConfigFromEnv } from './cluster/clusterConfig';

/** Server configuration. Every field can be set by an environment variable (see README.md). */
export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). Env PORT, default 8787. */
  readonly port: number;
  /** Interface to listen on. Env HOST, default 127.0.0.1 (only this machine; set 0.0.0.0 to let phones on the network join). */
  readonly host: string;
  /** Folder of the SQLite file, created on first start. Env DATA_DIR, default ./data. */
  readonly dataDir: string;
  /**
   * PostgreSQL connection URL (postgres://user:password@host:port/database). Env DATABASE_URL;
   * default none: boards live in the SQLite file under `dataDir`. Set it to share boards between
   * several Accord processes (see docs/scaling.md). Never logged: it may hold a password.
   */
  readonly databaseUrl: string | null;
  /** PostgreSQL schema of Accord's tables, created when missing. Env DATABASE_SCHEMA, default `public`. */
  readonly databaseSchema: string;
  /**
   * Origins allowed to open a WebSocket (exact match, e.g. https://accord.example.org). Env
   * ALLOWED_ORIGINS, comma-separated. Empty: only the server's own origin, and clients that send no
   * Origin (non-browser clients cannot be driven by a hostile web page). When set, a missing Origin
   * is refused too. Security: stops other sites from opening sockets with a visitor's secrets.
   */
  readonly allowedOrigins: readonly string[];
  /** Cap on simultaneous sockets per IP address. Env MAX_CONNECTIONS_PER_ADDRESS, default 256 (a workshop behind one NAT). */
  readonly maxConnectionsPerAddress: number;
  /** Bytes queued for one client before it is cut off as a slow consumer. Env MAX_BUFFERED_BYTES, default 8 MiB. */
  readonly maxBufferedBytes: number;
  /** Cap on participants (browser identities) per board. Env MAX_PARTICIPANTS_PER_BOARD, default 500. */
  readonly maxParticipantsPerBoard: number;
  /** Base of the links the API returns (e.g. https://accord.example.org). Env PUBLIC_URL; default: from the request's Host. */
  readonly publicUrl: string | null;
  /**
   * Behind a reverse proxy: take the client address from X-Forwarded-For and the scheme and host of
   * the links from X-Forwarded-Proto / X-Forwarded-Host. Env TRUST_PROXY=1; default off, because
   * without a proxy these headers are whatever a client says.
   */
  readonly trustProxy: boolean;
  /** Built client to serve. Env STATIC_DIR, default dist/client. */
  readonly staticDir: string;
  /** Compact a board's update log into a snapshot after this many updates. Env COMPACT_AFTER_UPDATES, default 500. */
  readonly compactAfterUpdates: number;
  /**
   * Cluster mode (DATABASE_URL set): this node's id, how peers reach it, the shared CLUSTER_SECRET
   * and the optional Redis. Null for one process with SQLite. See server/cluster/clusterConfig.ts.
   */
  readonly cluster: ClusterConfig | null;
}

function intFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}

/** Reads the configuration from environment variables, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): ServerConfig {
  return {
    port: intFromEnv(env.PORT, 8787),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.DATABASE_SCHEMA || 'public',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0),
    maxConnectionsPerAddress: intFromEnv(env.MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
    maxBufferedBytes: intFromEnv(env.MAX_BUFFERED_BYTES, MAX_BUFFERED_BYTES),
    maxParticipantsPerBoard: intFromEnv(env.MAX_PARTICIPANTS_PER_BOARD, MAX_PARTICIPANTS_PER_BOARD),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    staticDir: path.resolve(root, env.STATIC_DIR || 'dist/client'),
    compactAfterUpdates: intFromEnv(env.COMPACT_AFTER_UPDATES, 500),
    cluster: clusterConfigFromEnv(env),
  };
}
