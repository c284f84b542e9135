/**
 * Host names that only name this machine: a link made of one of them opens nothing on a phone.
 * `[::1]` is how a URL's hostname spells the IPv6 loopback address.
 */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The command that starts Accord for phones on the same network; printed at start-up and shown in the invite panel. */
export const NETWORK_START_COMMAND = 'HOST=0.0.0.0 npm start';

/** True when `host` (a listen address or a URL's hostname) can be reached from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
