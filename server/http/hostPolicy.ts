import { isIP } from 'node:net';
import os from 'node:os';

/** The names, besides IP addresses and localhost, that a server answers to. */
export interface HostPolicyInput {
  /** The listen address (HOST). */
  readonly host: string;
  readonly publicUrl: string | null;
  /** ALLOWED_HOSTS: extra names; `*` turns the check off. */
  readonly allowedHosts: readonly string[];
}

/** Listen addresses that mean "every interface of this machine". */
export function isWildcardHost(host: string): boolean {
  return host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** The hostname of a Host header value ("name:port", "[v6]:port"), lower case, or null when malformed. */
export function hostnameOf(hostHeader: string): string | null {
  // Only a name or address and a port: no user, path, query or spaces riding along.
  if (!/^[A-Za-z0-9.:[\]_-]+$/.test(hostHeader)) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

/**
 * Which Host headers the server answers (DNS rebinding defence). A page on a name the attacker
 * controls can make that name resolve to this server; the browser then treats the server as the
 * attacker's own origin and sends `Host: <their name>`. So names must be listed: `localhost`
 * (and `*.localhost`, which browsers resolve to this machine without DNS), PUBLIC_URL's host, HOST
 * when it is a name, ALLOWED_HOSTS, and — when listening on every interface — this machine's own
 * hostname (`name`, `name.local`). IP addresses are always accepted: no DNS is involved, so the
 * browser's origin for `http://192.168.1.20:8787` is that address itself, which is what a phone on
 * the workshop's network types or scans, whatever interface or port mapping it came through.
 */
export class HostPolicy {
  private readonly names: ReadonlySet<string>;
  private readonly isOpen: boolean;

  constructor(input: HostPolicyInput) {
    this.isOpen = input.allowedHosts.includes('*');
    const names = new Set<string>(['localhost']);
    const add = (name: string | null | undefined) => {
      const hostname = name ? hostnameOf(name) : null;
      if (hostname) names.add(hostname);
    };
    if (input.publicUrl) {
      try {
        add(new URL(input.publicUrl).host);
      } catch {
        // configFromEnv refuses a PUBLIC_URL that is not a URL; nothing to add here.
      }
    }
    if (isWildcardHost(input.host)) {
      const hostname = os.hostname().toLowerCase();
      add(hostname);
      if (!hostname.includes('.')) add(`${hostname}.local`);
    } else add(input.host.includes(':') && !input.host.startsWith('[') ? `[${input.host}]` : input.host);
    for (const name of input.allowedHosts) add(name);
    this.names = names;
  }

  /** True when a request with this Host header (or X-Forwarded-Host) may be answered. */
  isAllowed(hostHeader: string | undefined): boolean {
    // HTTP/1.0 clients may send none; browsers always do, so no page can be behind it.
    if (hostHeader === undefined || this.isOpen) return true;
    const hostname = hostnameOf(hostHeader);
    if (hostname === null) return false;
    if (isIP(hostname.replace(/^\[|\]$/g, '')) !== 0) return true;
    return this.names.has(hostname) || hostname.endsWith('.localhost');
  }
}
