import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../server/childServer';
import { waitFor } from '../server/helpers';
import { TcpProxy } from './lib/tcpProxy';

/**
 * The failover tests' fault proxy must behave like the faults it stands for: a cut holds bytes and
 * closes in both directions and delivers them, in order, on heal; a refused upstream is skipped.
 */

interface Peer {
  readonly server: Server;
  readonly port: number;
  /** Sockets accepted, and what each received. */
  readonly accepted: { socket: Socket; data: string; isClosed: boolean }[];
}

async function peer(): Promise<Peer> {
  const accepted: Peer['accepted'] = [];
  const server = createServer((socket) => {
    const entry = { socket, data: '', isClosed: false };
    accepted.push(entry);
    socket.on('data', (chunk) => {
      entry.data += chunk.toString();
    });
    socket.on('close', () => {
      entry.isClosed = true;
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as { port: number }).port, accepted };
}

function client(port: number): { socket: Socket; received: () => string; isClosed: () => boolean } {
  const socket = createConnection({ host: '127.0.0.1', port });
  let data = '';
  let isClosed = false;
  socket.on('data', (chunk) => {
    data += chunk.toString();
  });
  socket.on('close', () => {
    isClosed = true;
  });
  socket.on('error', () => {});
  return { socket, received: () => data, isClosed: () => isClosed };
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setUp(candidates: (p: Peer) => { name: string; host: string; port: number }[]) {
  const upstream = await peer();
  const proxy = new TcpProxy({ name: 'test', candidates: () => candidates(upstream) });
  await proxy.listen();
  cleanup.push(() => new Promise<void>((resolve) => upstream.server.close(() => resolve())));
  cleanup.push(() => proxy.close());
  return { upstream, proxy };
}

describe('TcpProxy (the failover tests’ balancer and fault link)', () => {
  it('forwards both ways and records the request path and WebSocket key of the connection', async () => {
    const { upstream, proxy } = await setUp((p) => [{ name: 'a', host: '127.0.0.1', port: p.port }]);
    const c = client(proxy.port);
    c.socket.write('GET /ws/board1 HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Key: abc123==\r\n\r\n');
    await waitFor(() => upstream.accepted[0]?.data.includes('\r\n\r\n') === true, 2000, 'request upstream');
    upstream.accepted[0]?.socket.write('hello');
    await waitFor(() => c.received() === 'hello', 2000, 'reply');
    const record = proxy.byClient(c.socket.localPort as number);
    expect(record).toMatchObject({ upstream: 'a', path: '/ws/board1', wsKey: 'abc123==' });
    c.socket.destroy();
  });

  it('holds bytes and closes while cut, then delivers them in order on heal', async () => {
    const { upstream, proxy } = await setUp((p) => [{ name: 'a', host: '127.0.0.1', port: p.port }]);
    const c = client(proxy.port);
    await waitFor(() => upstream.accepted.length === 1, 2000, 'connection');
    const far = upstream.accepted[0]!;
    proxy.cut();
    c.socket.write('one ');
    c.socket.write('two');
    far.socket.write('back');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(far.data).toBe('');
    expect(c.received()).toBe('');
    // A connection made while cut is not put through yet.
    const late = client(proxy.port);
    late.socket.write('late');
    // The client side closes: the partitioned upstream must not see it before the heal.
    c.socket.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(upstream.accepted.length).toBe(1);
    expect(far.isClosed).toBe(false);
    proxy.heal();
    await waitFor(() => far.data === 'one two' && far.isClosed, 2000, 'held bytes, then the close');
    await waitFor(() => upstream.accepted[1]?.data === 'late', 2000, 'the parked connection');
    late.socket.destroy();
  });

  it('tries the next upstream when one refuses, and reset() closes everything', async () => {
    const closedPort = await freePort();
    const { upstream, proxy } = await setUp((p) => [
      { name: 'down', host: '127.0.0.1', port: closedPort },
      { name: 'up', host: '127.0.0.1', port: p.port },
    ]);
    const c = client(proxy.port);
    await waitFor(() => upstream.accepted.length === 1, 2000, 'fallback connection');
    expect(proxy.connections[0]?.upstream).toBe('up');
    proxy.reset();
    await waitFor(() => c.isClosed() && upstream.accepted[0]?.isClosed === true, 2000, 'both sides closed');
  });
});
