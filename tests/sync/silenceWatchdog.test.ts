import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { SILENCE_PING_AFTER_MS, SILENCE_TIMEOUT_MS, SOCKET_OPEN_TIMEOUT_MS } from '../../shared/limits';
import { TcpProxy } from '../cluster/lib/tcpProxy';
import {
  connectClient,
  createBoard,
  privateMessages,
  type TestClient,
  useTestServer,
  waitFor,
  waitSynced,
} from '../server/helpers';

/**
 * The client's silence watchdog against a real server behind a TCP proxy that can hang the
 * connections open now, as a paused (SIGSTOPped) server's connections hang: the socket stays
 * open, nothing arrives, no close comes.
 */
describe('the silence watchdog', () => {
  const t = useTestServer();
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function throughProxy(): Promise<{ proxy: TcpProxy; wsUrl: string }> {
    const port = Number(new URL(t.server.url).port);
    const proxy = new TcpProxy({ name: 'link', candidates: () => [{ name: 'server', host: '127.0.0.1', port }] });
    await proxy.listen();
    cleanup.push(() => proxy.close());
    return { proxy, wsUrl: `ws://127.0.0.1:${proxy.port}/ws` };
  }

  function connect(wsUrl: string, boardId: string, facilitatorKey: string): TestClient {
    const client = connectClient({ wsUrl }, boardId, { facilitatorKey });
    cleanup.push(() => client.close());
    return client;
  }

  it('keeps a quiet but healthy connection: it PINGs after SILENCE_PING_AFTER_MS and the server answers', async () => {
    const { boardId, facilitatorKey } = await createBoard(t.server);
    const { wsUrl } = await throughProxy();
    const client = connect(wsUrl, boardId, facilitatorKey);
    await waitSynced(client);
    const timesBefore = privateMessages(client).filter((m) => m.type === 'time').length;
    // Long enough for several PINGs and for a dead link to have been dropped twice over.
    await new Promise((resolve) => setTimeout(resolve, 2 * SILENCE_TIMEOUT_MS + 500));
    expect(client.connection.watchdog.drops).toEqual({ silent: 0, handshake: 0 });
    expect(client.connection.status).toBe('online');
    const answers = privateMessages(client).filter((m) => m.type === 'time').length - timesBefore;
    expect(answers).toBeGreaterThanOrEqual(2);
  }, 20_000);

  it('replaces a connection that hangs: reconnects within SILENCE_TIMEOUT_MS and the action queued meanwhile is acknowledged', async () => {
    const { boardId, facilitatorKey } = await createBoard(t.server);
    const { proxy, wsUrl } = await throughProxy();
    const client = connect(wsUrl, boardId, facilitatorKey);
    await waitSynced(client);
    const statuses: string[] = [];
    client.connection.on('status', (status) => statuses.push(status));
    const connectionsBefore = proxy.connections.length;

    proxy.stall();
    const stalledAt = performance.now();
    const answer = client.send({ type: 'renameBoard', title: 'Sent into the silence' });
    await waitFor(() => client.connection.watchdog.drops.silent === 1, SILENCE_TIMEOUT_MS + 1_500, 'a drop');
    const droppedAfter = performance.now() - stalledAt;
    const result = await answer;
    const answeredAfter = performance.now() - stalledAt;

    expect(result.ok).toBe(true);
    // Not before a PING went unanswered, and not much after the allowed silence.
    expect(droppedAfter).toBeGreaterThanOrEqual(SILENCE_PING_AFTER_MS);
    expect(droppedAfter).toBeLessThan(SILENCE_TIMEOUT_MS + 1_000);
    expect(answeredAfter).toBeLessThan(SILENCE_TIMEOUT_MS + 2_000);
    expect(statuses).toContain('reconnecting');
    expect(client.connection.status).toBe('online');
    expect(proxy.connections.length).toBe(connectionsBefore + 1);
    await waitFor(() => client.board().meta.title === 'Sent into the silence', 2_000, 'the new title');
    // A healthy link resets the allowance.
    await waitFor(() => client.connection.watchdog.allowedSilenceMs === SILENCE_TIMEOUT_MS, 2 * SILENCE_TIMEOUT_MS, 'reset');
  }, 30_000);

  it('drops a handshake a hung server never answers after SOCKET_OPEN_TIMEOUT_MS, and keeps trying', async () => {
    // A server that accepts TCP connections (as the kernel does for a paused process) and never answers.
    const accepted: Socket[] = [];
    const hung: Server = createServer((socket) => {
      accepted.push(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise<void>((resolve) => hung.close(() => resolve())));
    cleanup.push(() => {
      for (const socket of accepted) socket.destroy();
    });
    const connection = new BoardConnection({
      serverUrl: `ws://127.0.0.1:${(hung.address() as { port: number }).port}/ws`,
      boardId: 'b'.repeat(22),
      facilitatorKey: 'k'.repeat(22),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    cleanup.push(() => connection.destroy());
    const startedAt = performance.now();
    await waitFor(() => connection.watchdog.drops.handshake === 1, SOCKET_OPEN_TIMEOUT_MS + 2_000, 'a handshake drop');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(SOCKET_OPEN_TIMEOUT_MS - 100);
    await waitFor(() => accepted.length >= 2, 2_000, 'a second attempt');
    expect(connection.status).not.toBe('closed');
  }, 20_000);
});
