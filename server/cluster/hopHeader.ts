import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The header an entry node adds when it passes a WebSocket upgrade on to the board's owner:
 * `<nodeId>.<unix ms>.<base64url HMAC-SHA256(CLUSTER_SECRET, nodeId|ms|boardId|path|client address)>`.
 * The owner accepts the upgrade without its own Origin check (the entry node made it) and counts
 * it against the client address below, and never passes it on again.
 */
export const HOP_HEADER = 'x-accord-hop';
/** The client's address as the entry node saw it (covered by the HMAC of HOP_HEADER). */
export const HOP_CLIENT_HEADER = 'x-accord-client';
/**
 * How old (or how far in the future, for clock skew between nodes) a hop header may be, in
 * milliseconds. Short, because a header copied off the internal network could be replayed within it.
 */
export const HOP_MAX_AGE_MS = 10_000;

/** A client address as it may travel in HOP_CLIENT_HEADER: printable, no separator, bounded. */
const ADDRESS = /^[\x21-\x7b\x7d\x7e]{1,128}$/;

/** What a signed hop says. */
export interface Hop {
  /** The entry node that passed the connection on. */
  readonly nodeId: string;
  /** The client's address, for the per-address connection cap. */
  readonly clientAddress: string;
}

/** The outcome of {@link checkHop}. */
export type HopCheck =
  /** The upgrade came straight from a client. */
  | { readonly type: 'none' }
  | ({ readonly type: 'valid' } & Hop)
  /** A hop header that is malformed, too old or wrongly signed: refuse the upgrade. */
  | { readonly type: 'invalid'; readonly reason: 'malformed' | 'stale' | 'signature' };

function mac(secret: string, parts: readonly string[]): Buffer {
  return createHmac('sha256', secret).update(parts.join('|')).digest();
}

/** The headers that pass an upgrade for `boardId` at `path` (the request's URL) from node `nodeId` to the owner. */
export function signHop(
  secret: string,
  hop: Hop & { readonly boardId: string; readonly path: string },
  now: number = Date.now(),
): Record<string, string> {
  const clientAddress = ADDRESS.test(hop.clientAddress) ? hop.clientAddress : 'unknown';
  const time = String(now);
  const signature = mac(secret, [hop.nodeId, time, hop.boardId, hop.path, clientAddress]).toString('base64url');
  return { [HOP_HEADER]: `${hop.nodeId}.${time}.${signature}`, [HOP_CLIENT_HEADER]: clientAddress };
}

/** Reads and verifies the hop headers of an upgrade for `boardId` at `path`. */
export function checkHop(
  secret: string,
  headers: IncomingHttpHeaders,
  target: { readonly boardId: string; readonly path: string },
  now: number = Date.now(),
): HopCheck {
  const header = headers[HOP_HEADER];
  if (header === undefined) return { type: 'none' };
  const clientAddress = headers[HOP_CLIENT_HEADER];
  const match = typeof header === 'string' ? /^([A-Za-z0-9_-]{1,64})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(header) : null;
  if (!match || typeof clientAddress !== 'string' || !ADDRESS.test(clientAddress))
    return { type: 'invalid', reason: 'malformed' };
  const [, nodeId, time, signature] = match as unknown as [string, string, string, string];
  const expected = mac(secret, [nodeId, time, target.boardId, target.path, clientAddress]);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { type: 'invalid', reason: 'signature' };
  if (Math.abs(now - Number(time)) > HOP_MAX_AGE_MS) return { type: 'invalid', reason: 'stale' };
  return { type: 'valid', nodeId, clientAddress };
}
