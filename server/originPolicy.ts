import type { IncomingMessage } from 'node:http';

/**
 * Decides whether a WebSocket upgrade's Origin may connect. With an allowlist, only exact
 * matches pass (scheme, host and port), and a missing or "null" Origin is refused. Without one,
 * only the server's own origin passes, plus clients that send no Origin at all: browsers always
 * send it, so a hostile page cannot hide it.
 */
export function isOriginAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (allowedOrigins.length > 0) return typeof origin === 'string' && allowedOrigins.includes(origin);
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === req.headers.host;
}
