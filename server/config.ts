import path from 'node:path';
import { DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, MAX_BUFFERED_BYTES, MAX_PARTICIPANTS_PER_BOARD } from '../shared/limits';
import { ACCEPT_HANDLES } from './acceptHandles';
import { type ClusterConfig, clusterConfigFromEnv } from './cluster/clusterConfig';
import { BOARD_BURST_PER_ADDRESS } from './http/apiLimits';

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
  /**
   * Boards (created or imported) one address may start at once, before the hourly refill
   * (BOARDS_PER_ADDRESS_PER_HOUR) applies. Env BOARD_BURST_PER_ADDRESS, default 10; raise it where
   * many facilitators share one address (a school behind one NAT, a load balancer that does not
   * pass X-Forwarded-For). The per-server budget (BOARD_BURST_PER_SERVER) still applies.
   */
  readonly boardBurstPerAddress: number;
  /** Bytes queued for one client before it is cut off as a slow consumer. Env MAX_BUFFERED_BYTES, default 8 MiB. */
  readonly maxBufferedBytes: number;
  /** Cap on participants (browser identities) per board. Env MAX_PARTICIPANTS_PER_BOARD, default 500. */
  readonly maxParticipantsPerBoard: number;
  /** Base of the links the API returns (e.g. https://accord.example.org). Env PUBLIC_URL; default: from the request's Host. */
  readonly publicUrl: string | null;
  /**
   * How many reverse proxies stand in front of the server, each appending to X-Forwarded-For. The
   * client address is the entry the outermost proxy appended (that many from the right); the
   * scheme and host of links come from X-Forwarded-Proto / X-Forwarded-Host the same way. Env
   * TRUST_PROXY: a number (1 for one proxy, 2 for two; `true` means 1); default 0, because
   * without a proxy these headers are whatever a client says.
   */
  readonly trustProxyHops: number;
  /**
   * Host names the server answers to besides localhost, IP addresses, PUBLIC_URL's host and HOST
   * (and this machine's name when HOST is 0.0.0.0). Env ALLOWED_HOSTS, comma-separated; `*`
   * answers any name (turns the DNS rebinding defence off). Others get 421.
   */
  readonly allowedHosts: readonly string[];
  /** Built client to serve. Env STATIC_DIR, default dist/client. */
  readonly staticDir: string;
  /** Compact a board's update log into a snapshot after this many updates. Env COMPACT_AFTER_UPDATES, default 500. */
  readonly compactAfterUpdates: number;
  /** Listening handles on the server's socket, each accepting one connection a turn of the event loop (server/acceptHandles.ts). Env ACCEPT_HANDLES, default 8; 1 for one. */
  readonly acceptHandles: number;
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

function proxyHopsFromEnv(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false' || value === 'off') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of Accord (e.g. 1), got "${value}"`);
  }
  return hops;
}

function publicUrlFromEnv(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://accord.example.org, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('PUBLIC_URL must start with http:// or https://');
  return value.replace(/\/+$/, '');
}

function listFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Reads the configuration from environment variables, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): ServerConfig {
  return {
    port: intFromEnv(env.PORT, 8787),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.DATABASE_SCHEMA || 'public',
    allowedOrigins: listFromEnv(env.ALLOWED_ORIGINS),
    maxConnectionsPerAddress: intFromEnv(env.MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
    boardBurstPerAddress: intFromEnv(env.BOARD_BURST_PER_ADDRESS, BOARD_BURST_PER_ADDRESS),
    maxBufferedBytes: intFromEnv(env.MAX_BUFFERED_BYTES, MAX_BUFFERED_BYTES),
    maxParticipantsPerBoard: intFromEnv(env.MAX_PARTICIPANTS_PER_BOARD, MAX_PARTICIPANTS_PER_BOARD),
    publicUrl: publicUrlFromEnv(env.PUBLIC_URL),
    trustProxyHops: proxyHopsFromEnv(env.TRUST_PROXY),
    allowedHosts: listFromEnv(env.ALLOWED_HOSTS).map((host) => host.toLowerCase()),
    staticDir: path.resolve(root, env.STATIC_DIR || 'dist/client'),
    compactAfterUpdates: intFromEnv(env.COMPACT_AFTER_UPDATES, 500),
    acceptHandles: Math.max(1, intFromEnv(env.ACCEPT_HANDLES, ACCEPT_HANDLES)),
    cluster: clusterConfigFromEnv(env),
  };
}
