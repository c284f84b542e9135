import { createServer as createHttpServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { PIPE_ANSWER_TIMEOUT_MS, PipeRegistry } from '../../server/cluster/pipeToOwner';

/**
 * An entry node's upgrade handling, cut down to the pipe: every upgrade goes to `ownerPort`. When
 * the owner does not answer, `onUnanswered` gets the untouched socket; by default it answers 502.
 */
async function entryNode(
  registry: PipeRegistry,
  ownerPort: number,
  onUnanswered: (req: IncomingMessage, socket: Duplex, head: Buffer) => void = (_req, socket) =>
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'),
): Promise<HttpServer> {
  const server = createHttpServer();
  server.on('upgrade', async (req, socket, head) => {
    const target = { boardId: 'b', nodeId: 'owner', internalUrl: `http://127.0.0.1:${ownerPort}` };
    if ((await registry.pipe(req, socket, head, target, {})) === 'unanswered') onUnanswered(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

function portOf(server: Server | HttpServer): number {
  return (server.address() as { port: number }).port;
}

describe('the pipe from an entry node to a board owner', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A board owner that echoes every message; its port. */
  async function echoOwner(): Promise<number> {
    const owner = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => owner.once('listening', () => resolve()));
    owner.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
    cleanup.push(() => new Promise((resolve) => owner.close(resolve)));
    return (owner.address() as { port: number }).port;
  }

  /** A client connected through the entry node, once open. */
  async function openThrough(entry: HttpServer): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(entry)}/ws/b`);
    cleanup.push(() => ws.terminate());
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    return ws;
  }

  it(`gives up on an owner that accepts TCP but does not answer the upgrade within PIPE_ANSWER_TIMEOUT_MS (${PIPE_ANSWER_TIMEOUT_MS} ms), as a paused owner does`, async () => {
    const accepted: Socket[] = [];
    const paused = createServer((socket) => accepted.push(socket.on('error', () => {})));
    await new Promise<void>((resolve) => paused.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => paused.close(resolve)));
    cleanup.push(() => {
      for (const socket of accepted) socket.destroy();
    });
    const registry = new PipeRegistry();
    const entry = await entryNode(registry, portOf(paused));
    cleanup.push(() => new Promise((resolve) => entry.close(resolve)));

    const startedAt = performance.now();
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(entry)}/ws/b`);
    const failure = await new Promise<string>((resolve) => {
      ws.on('error', (error) => resolve(error.message));
      ws.on('open', () => resolve('open'));
    });
    const elapsed = performance.now() - startedAt;
    expect(failure).toContain('502');
    expect(accepted).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(PIPE_ANSWER_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(PIPE_ANSWER_TIMEOUT_MS + 1_000);
    expect(registry.size).toBe(0);
  });

  it('reports an owner that accepts the connection and closes it without a byte as unanswered, its client untouched (a dead node behind a port forwarder)', async () => {
    const accepted: Socket[] = [];
    const closing = createServer((socket) => accepted.push(socket.on('error', () => {}).end()));
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => closing.close(resolve)));
    cleanup.push(() => {
      for (const socket of accepted) socket.destroy();
    });
    const owner = await echoOwner();
    const registry = new PipeRegistry();
    let unanswered = 0;
    // The entry node then routes the same untouched socket to a live owner, as ClusterNode.route does.
    const entry = await entryNode(registry, portOf(closing), async (req, socket, head) => {
      unanswered += 1;
      const target = { boardId: 'b', nodeId: 'next', internalUrl: `http://127.0.0.1:${owner}` };
      await registry.pipe(req, socket, head, target, {});
    });
    cleanup.push(() => new Promise((resolve) => entry.close(resolve)));
    const ws = await openThrough(entry);
    const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('still here');
    expect(await echoed).toBe('still here');
    expect(accepted).toHaveLength(1);
    expect(unanswered).toBe(1);
  });

  it('gives the client back, untouched, when its pipe is cut before the owner answered (the owner was found down)', async () => {
    const accepted: Socket[] = [];
    const paused = createServer((socket) => accepted.push(socket.on('error', () => {})));
    await new Promise<void>((resolve) => paused.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => paused.close(resolve)));
    cleanup.push(() => {
      for (const socket of accepted) socket.destroy();
    });
    const owner = await echoOwner();
    const registry = new PipeRegistry();
    let givenBackAt: number | null = null;
    const entry = await entryNode(registry, portOf(paused), async (req, socket, head) => {
      givenBackAt = performance.now();
      await registry.pipe(req, socket, head, { boardId: 'b', nodeId: 'next', internalUrl: `http://127.0.0.1:${owner}` }, {});
    });
    cleanup.push(() => new Promise((resolve) => entry.close(resolve)));
    const opening = openThrough(entry);
    await waitForSize(registry, 1);
    const cutAt = performance.now();
    expect(registry.cutNode('owner')).toBe(1);
    const ws = await opening;
    const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('moved on');
    expect(await echoed).toBe('moved on');
    // At once, not after PIPE_ANSWER_TIMEOUT_MS.
    expect((givenBackAt ?? Number.POSITIVE_INFINITY) - cutAt).toBeLessThan(PIPE_ANSWER_TIMEOUT_MS / 2);
  });

  it('with onSlow, keeps waiting for an owner that accepted the connection but answers late (a busy owner), until abandoned', async () => {
    // The owner answers the first upgrade only after twice the answer timeout, and never the second.
    const late = new WebSocketServer({ noServer: true });
    late.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
    let upgrades = 0;
    const owner = createHttpServer();
    owner.on('upgrade', (req, socket, head) => {
      upgrades += 1;
      if (upgrades === 1)
        setTimeout(
          () => late.handleUpgrade(req, socket, head, (ws) => late.emit('connection', ws, req)),
          2 * PIPE_ANSWER_TIMEOUT_MS,
        );
    });
    const sockets: Socket[] = [];
    owner.on('connection', (socket: Socket) => sockets.push(socket));
    await new Promise<void>((resolve) => owner.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => late.close(resolve)));
    cleanup.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => owner.close(resolve));
    });
    const registry = new PipeRegistry();
    const outcomes: string[] = [];
    let slow = 0;
    const abandon = new AbortController();
    const entry = createHttpServer();
    entry.on('upgrade', async (req, socket, head) => {
      const target = { boardId: 'b', nodeId: 'owner', internalUrl: `http://127.0.0.1:${portOf(owner)}` };
      const signal = upgrades === 0 ? undefined : abandon.signal;
      const outcome = await registry.pipe(req, socket, head, target, {}, signal, () => (slow += 1));
      outcomes.push(outcome);
      if (outcome === 'unanswered') socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    entry.on('connection', (socket: Socket) => sockets.push(socket));
    await new Promise<void>((resolve) => entry.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => entry.close(resolve)));

    const startedAt = performance.now();
    const ws = new WebSocket(`ws://127.0.0.1:${portOf(entry)}/ws/b`);
    cleanup.push(() => ws.terminate());
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    // One handshake, answered late and piped: the caller was told the owner is slow, once.
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(2 * PIPE_ANSWER_TIMEOUT_MS - 50);
    expect(outcomes).toEqual(['answered']);
    expect(slow).toBe(1);
    const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('late but here');
    expect(await echoed).toBe('late but here');

    // The second upgrade is never answered: it waits past the timeout, then the caller abandons it.
    const second = new WebSocket(`ws://127.0.0.1:${portOf(entry)}/ws/b`);
    cleanup.push(() => second.terminate());
    const failure = new Promise<string>((resolve) => {
      second.on('error', (error) => resolve(error.message));
      second.on('open', () => resolve('open'));
    });
    await new Promise((resolve) => setTimeout(resolve, PIPE_ANSWER_TIMEOUT_MS + 500));
    expect(slow).toBe(2);
    expect(outcomes).toEqual(['answered']);
    abandon.abort();
    expect(await failure).toContain('502');
    expect(outcomes).toEqual(['answered', 'unanswered']);
    expect(upgrades).toBe(2);
  });

  it.each(['dead', 'paused'] as const)(
    'hands back the client socket untouched when the owner is %s, so the entry node can serve the upgrade itself',
    async (kind) => {
      const accepted: Socket[] = [];
      const owner = createServer((socket) => accepted.push(socket.on('error', () => {})));
      await new Promise<void>((resolve) => owner.listen(0, '127.0.0.1', () => resolve()));
      const ownerPort = portOf(owner);
      if (kind === 'dead') await new Promise((resolve) => owner.close(resolve));
      else {
        cleanup.push(() => new Promise((resolve) => owner.close(resolve)));
        cleanup.push(() => {
          for (const socket of accepted) socket.destroy();
        });
      }
      const local = new WebSocketServer({ noServer: true });
      local.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
      cleanup.push(() => new Promise((resolve) => local.close(resolve)));
      const registry = new PipeRegistry();
      const entry = await entryNode(registry, ownerPort, (req, socket, head) =>
        local.handleUpgrade(req, socket, head, (ws) => local.emit('connection', ws, req)),
      );
      cleanup.push(() => new Promise((resolve) => entry.close(resolve)));

      const ws = new WebSocket(`ws://127.0.0.1:${portOf(entry)}/ws/b`);
      cleanup.push(() => ws.terminate());
      await new Promise<void>((resolve, reject) => {
        ws.on('open', () => resolve());
        ws.on('error', reject);
      });
      // The client's first frame is read by the local server: the socket was not left paused.
      const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
      ws.send('served here');
      expect(await echoed).toBe('served here');
      expect(registry.size).toBe(0);
      expect(accepted).toHaveLength(kind === 'paused' ? 1 : 0);
    },
  );

  it('keeps a pipe to an owner that answers, however long the connection then stays quiet', async () => {
    const registry = new PipeRegistry();
    const entry = await entryNode(registry, await echoOwner());
    cleanup.push(() => new Promise((resolve) => entry.close(resolve)));

    const ws = await openThrough(entry);
    await new Promise((resolve) => setTimeout(resolve, PIPE_ANSWER_TIMEOUT_MS + 300));
    const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('still there');
    expect(await echoed).toBe('still there');
    expect(registry.size).toBe(1);
  });

  it('releases its pipes on a drain a few at a time: none for afterMs, still relaying, then spread over overMs', async () => {
    const registry = new PipeRegistry();
    expect(await registry.release(10_000, 10_000)).toBe(0);
    const entry = await entryNode(registry, await echoOwner());
    cleanup.push(() => new Promise((resolve) => entry.close(resolve)));
    const clients = await Promise.all(Array.from({ length: 6 }, () => openThrough(entry)));
    await waitForSize(registry, 6);
    const afterMs = 300;
    const overMs = 600;
    const startedAt = performance.now();
    const closedAt: number[] = [];
    for (const ws of clients) ws.on('close', () => closedAt.push(performance.now() - startedAt));
    const released = registry.release(afterMs, overMs);
    // One client leaves by itself meanwhile: it is not counted as cut.
    clients[5]!.close();
    await waitForSize(registry, 5);
    const echoed = new Promise<string>((resolve) => clients[0]!.once('message', (data) => resolve(String(data))));
    clients[0]!.send('still relayed');
    expect(await echoed).toBe('still relayed');
    expect(closedAt).toHaveLength(1);

    expect(await released).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cuts = closedAt.slice(1);
    expect(cuts).toHaveLength(5);
    expect(registry.size).toBe(0);
    // The k-th of 5 is due once k/5 of overMs has passed: never earlier, so they did not go at once.
    expect(Math.min(...cuts)).toBeGreaterThanOrEqual(afterMs);
    expect(Math.max(...cuts)).toBeGreaterThanOrEqual(afterMs + (overMs * 4) / 5);
  });
});

async function waitForSize(registry: PipeRegistry, size: number): Promise<void> {
  for (let i = 0; i < 200 && registry.size !== size; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(registry.size).toBe(size);
}
