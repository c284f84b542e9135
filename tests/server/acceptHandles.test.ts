import { createServer as createHttpServer, request } from 'node:http';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCEPT_HANDLES, addAcceptHandles } from '../../server/acceptHandles';
import { configFromEnv } from '../../server/config';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * Opens `count` connections while this thread is kept busy (the kernel completes their handshakes
 * meanwhile), then counts how many the server accepts in each turn of the event loop.
 */
async function acceptsPerTurn(server: Server, port: number, count: number): Promise<number[]> {
  let turn = 0;
  const perTurn: number[] = [];
  server.on('connection', (socket: Socket) => {
    perTurn[turn] = (perTurn[turn] ?? 0) + 1;
    socket.destroy();
  });
  const clients = Array.from({ length: count }, () => connect(port, '127.0.0.1').on('error', () => {}));
  cleanups.push(() => {
    for (const client of clients) client.destroy();
  });
  const busyUntil = performance.now() + 200;
  while (performance.now() < busyUntil) {
    // Busy, like a node handling hundreds of sockets: the connections wait in the accept queue.
  }
  await new Promise<void>((resolve) => {
    const next = () => {
      turn += 1;
      if (perTurn.reduce((a, b) => a + (b ?? 0), 0) >= count || turn > 10 * count) resolve();
      else setImmediate(next);
    };
    setImmediate(next);
  });
  return perTurn.filter((n) => n !== undefined);
}

describe('accept handles (Node 20 accepts one connection per listening handle per turn of the loop)', () => {
  it('one handle takes one queued connection a turn; with copies, as many a turn as there are handles', async () => {
    const single = createServer();
    const singlePort = await listening(single);
    cleanups.push(() => single.close());
    expect(Math.max(...(await acceptsPerTurn(single, singlePort, 6)))).toBe(1);

    const server = createServer();
    const port = await listening(server);
    const closeCopies = await addAcceptHandles(server, 4);
    cleanups.push(() => {
      closeCopies();
      server.close();
    });
    const perTurn = await acceptsPerTurn(server, port, 12);
    expect(perTurn.reduce((a, b) => a + b, 0)).toBe(12);
    expect(Math.max(...perTurn)).toBe(4);
  });

  it('connections accepted by the copies reach the server’s own listeners: an HTTP server answers every one', async () => {
    const server = createHttpServer((_req, res) => res.end('ok'));
    const port = await listening(server);
    const closeCopies = await addAcceptHandles(server, ACCEPT_HANDLES);
    cleanups.push(() => {
      closeCopies();
      server.close();
    });
    const bodies = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<string>((resolve, reject) => {
            request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
              let body = '';
              res.on('data', (chunk) => {
                body += chunk;
              });
              res.on('end', () => resolve(body));
            })
              .on('error', reject)
              .end();
          }),
      ),
    );
    expect(bodies).toEqual(Array(40).fill('ok'));
  });

  it('once the server and its copies are closed, the port takes no connection', async () => {
    const server = createServer((socket) => socket.end());
    const port = await listening(server);
    const closeCopies = await addAcceptHandles(server, 4);
    closeCopies();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const outcome = await new Promise<string>((resolve) => {
      connect(port, '127.0.0.1')
        .on('connect', () => resolve('connected'))
        .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('ACCEPT_HANDLES sets how many (at least one); the default is the named constant', () => {
    expect(configFromEnv({}).acceptHandles).toBe(ACCEPT_HANDLES);
    expect(configFromEnv({ ACCEPT_HANDLES: '3' }).acceptHandles).toBe(3);
    expect(configFromEnv({ ACCEPT_HANDLES: '0' }).acceptHandles).toBe(1);
    expect(() => configFromEnv({ ACCEPT_HANDLES: 'many' })).toThrow(/whole number/);
  });
});
