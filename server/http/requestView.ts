import type { IncomingMessage } from 'node:http';
import type { ServerConfig } from '../config';
import { addressKey, clientAddress, forwardedEntry } from './clientAddress';
import type { HostPolicy } from './hostPolicy';

/** A request as the browser made it, behind however many trusted proxies. */
export interface RequestView {
  /** The key the client's address is counted under (an IPv4 address or an IPv6 /64). */
  readonly address: string;
  /** The scheme the browser used. */
  readonly proto: 'http' | 'https';
  /** The host (and port) the browser used, when it said. */
  readonly host: string | undefined;
  /** False when Host (or a trusted X-Forwarded-Host) names a host this server does not answer to. */
  readonly isHostAllowed: boolean;
  /** Base of the links the API hands out: PUBLIC_URL, or the browser's own scheme and host. */
  readonly baseUrl: string;
}

/** Reads a request's address, scheme and host, trusting X-Forwarded-* only as far as configured. */
export function viewRequest(req: IncomingMessage, config: ServerConfig, hosts: HostPolicy): RequestView {
  const hops = config.trustProxyHops;
  const forwardedHost = forwardedEntry(req, 'x-forwarded-host', hops);
  const proto = forwardedEntry(req, 'x-forwarded-proto', hops)?.toLowerCase() === 'https' ? 'https' : 'http';
  const host = forwardedHost ?? req.headers.host;
  const isHostAllowed = hosts.isAllowed(req.headers.host) && (forwardedHost === undefined || hosts.isAllowed(forwardedHost));
  return {
    address: addressKey(clientAddress(req, hops)),
    proto,
    host,
    isHostAllowed,
    baseUrl: config.publicUrl ?? `${proto}://${host ?? `${config.host}:${config.port}`}`,
  };
}
