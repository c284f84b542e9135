import { networkInterfaces } from 'node:os';
import { isLoopbackHost, NETWORK_START_COMMAND } from '../shared/localAddress';

/** Listen addresses that take connections on every interface. */
const ALL_INTERFACES: ReadonlySet<string> = new Set(['0.0.0.0', '::']);

/** This machine's IPv4 addresses on its networks (not loopback), to print as links people can open. */
export function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => (a as { address: string }).address);
}

/**
 * What `npm start` prints once it listens: where Accord is, and — when it listens on this machine
 * only and no PUBLIC_URL is set — that phones cannot reach it, with the command that fixes it.
 */
export function startedLines(input: {
  readonly url: string;
  readonly where: string;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string | null;
  readonly addresses: readonly string[];
}): string[] {
  const lines = [`Accord is running at ${input.publicUrl ?? input.url} (${input.where})`];
  if (input.publicUrl !== null) return lines;
  if (isLoopbackHost(input.host)) {
    lines.push(
      'Only this computer can open it: phones and other computers cannot reach this address.',
      `To let people join from their phones on the same network, stop Accord (Ctrl+C) and start it with: ${NETWORK_START_COMMAND}`,
    );
  } else if (ALL_INTERFACES.has(input.host) && input.addresses.length > 0) {
    lines.push('People on the same network open:', ...input.addresses.map((a) => `  http://${a}:${input.port}`));
  }
  return lines;
}

/** A sentence for an error that stopped the server from listening, or null when it is not one of those. */
export function listenProblem(error: unknown, host: string, port: number): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `port ${port} on ${host} is already in use: another Accord (or another program) is still running there. Stop it, or start Accord on another port, e.g. PORT=${port + 1} npm start.`;
  }
  if (code === 'EACCES') {
    return `this user may not listen on port ${port}. Choose a port above 1023, e.g. PORT=8787 npm start.`;
  }
  if (code === 'EADDRNOTAVAIL') {
    return `this computer has no address ${host}. Use HOST=127.0.0.1 (this computer only) or HOST=0.0.0.0 (every network).`;
  }
  return null;
}
