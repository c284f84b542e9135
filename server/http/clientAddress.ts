import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The entry of a comma-separated `X-Forwarded-*` header that the trusted proxies wrote. With
 * `hops` proxies in front of the server, each appends one entry on the right, so the entry the
 * outermost proxy wrote — where the client came from, the host and scheme it asked for — is
 * `hops` from the right. Whatever stands left of it is what the client sent, and a client can
 * send anything. A proxy that overwrites the header leaves one entry, which this picks too. With
 * fewer entries than hops, the leftmost (every entry was then written by a proxy).
 */
export function forwardedEntry(req: IncomingMessage, name: string, hops: number): string | undefined {
  if (hops <= 0) return undefined;
  const raw = req.headers[name];
  // Node joins repeated X-Forwarded-* headers with ", ", in arrival order.
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (!value) return undefined;
  const entries = value.split(',').map((entry) => entry.trim());
  return entries[Math.max(0, entries.length - hops)] || undefined;
}

/** An IP address without brackets, port or zone, or null when `text` is not one. */
function parseAddress(text: string): string | null {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '');
  return isIP(address) === 0 ? null : address;
}

/**
 * Where a request comes from: the socket's peer, or behind `hops` trusted proxies the address
 * the outermost one appended to X-Forwarded-For. When that entry is not an address (a proxy
 * misconfigured), the socket's peer: every client then shares the proxy's budget, which is safe.
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const forwarded = forwardedEntry(req, 'x-forwarded-for', hops);
  const parsed = forwarded === undefined ? null : parseAddress(forwarded);
  return parsed ?? parseAddress(req.socket.remoteAddress ?? '') ?? 'unknown';
}

/** The eight 16-bit groups of an IPv6 address (any valid form, IPv4 tail included). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const middle = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => Number.parseInt(group, 16));
}

/**
 * The key an address is counted under. IPv4 (also written as IPv4-mapped IPv6): the address. IPv6:
 * its /64 network — one subscriber or one machine usually holds a whole /64, so counting single
 * addresses would let one client make up as many "addresses" as it likes.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [high, low] = [groups[6] as number, groups[7] as number];
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
