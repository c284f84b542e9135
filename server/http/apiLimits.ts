/**
 * Limits of the HTTP API (docs/protocol.md#limits, docs/security.md#limits). Rates are token
 * buckets: a burst at once, then a steady refill. "Per address" means per IPv4 address or per IPv6
 * /64 (server/http/clientAddress.ts); "per server" is one budget for everyone together.
 */

/** Largest body of POST /api/boards, in bytes (imports: MAX_IMPORT_BYTES in shared/limits.ts). */
export const MAX_API_BODY_BYTES = 16 * 1024;

/** Boards (created or imported) one address may start at once. */
export const BOARD_BURST_PER_ADDRESS = 10;
/** Boards per address per hour once the burst is spent: one every 3 minutes. */
export const BOARDS_PER_ADDRESS_PER_HOUR = 20;
/** Boards all addresses together may start at once. */
export const BOARD_BURST_PER_SERVER = 60;
/** Boards per hour for all addresses together once that burst is spent. */
export const BOARDS_PER_SERVER_PER_HOUR = 300;

/** Wrong join codes one address may try at once (a room behind one NAT mistypes too). */
export const WRONG_JOIN_CODE_BURST_PER_ADDRESS = 20;
/** Wrong join codes per address per minute once the burst is spent: one every 10 seconds. */
export const WRONG_JOIN_CODES_PER_ADDRESS_PER_MINUTE = 6;
/** Wrong join codes all addresses together may try at once. */
export const WRONG_JOIN_CODE_BURST_PER_SERVER = 200;
/** Wrong join codes per minute for all addresses together once that burst is spent. */
export const WRONG_JOIN_CODES_PER_SERVER_PER_MINUTE = 120;

/** Imports waiting for the import worker or in it; more are answered 503 at once. */
export const MAX_PENDING_IMPORTS = 3;
/** An import not built by then (waiting included) is given up and its worker restarted, in milliseconds. */
export const IMPORT_TIMEOUT_MS = 30_000;
/** Heap of the import worker, in MiB: a hostile import can exhaust the worker, not the server. */
export const IMPORT_WORKER_HEAP_MIB = 256;
/** The import worker is stopped after this long without an import, in milliseconds (after a large import it holds ~100 MB). */
export const IMPORT_WORKER_IDLE_MS = 60_000;
