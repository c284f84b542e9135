import type { IncomingMessage } from 'node:http';

/**
 * Decides whether a WebSocket upgrade's Origin may connect. With an allowlist, only exact
 * matches pass (scheme, host and port), and a missing or "null" Origin is refused. Without one,
 * only the server's own origins pass — an http(s) origin whose host (and port) is one of
 * `ownHosts`: the request's Host, the host the browser used behind a trusted proxy, PUBLIC_URL's
 * host — plus clients that send no Origin at all: browsers always send it, so a hostile page
 * cannot hide it. `ownHosts` are only ever hosts the Host allow-list accepted, so a page on a
 * rebound name never reaches this check (server/http/hostPolicy.ts).
 */
export function isOriginAllowed(
  req: IncomingMessage,
  allowedOrigins: readonly string[],
  ownHosts: readonly (string | undefined)[] = [req.headers.host],
): boolean {
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
  const hosts = ownHosts.filter((host): host is string => host !== undefined).map((host) => host.toLowerCase());
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && hosts.includes(parsed.host);
}
