import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { REDIS_COMMAND_TIMEOUT_MS } from '../../server/cluster/RedisHints';
import { setLogSink } from '../../server/log';
import { CLOSE_CODES } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { hostPortOf } from '../cluster/lib/services';
import { TcpProxy } from '../cluster/lib/tcpProxy';
import { health, startNode, TEST_REDIS_URL, type TestNode } from './clusterHelpers';
import { connectClient, createBoard, type TestClient, waitFor, waitSynced } from './helpers';
import { createTestSchema, findTestDatabase, type TestSchema } from './testDatabase';

async function redisUnavailable(): Promise<string | null> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at TEST_REDIS_URL is unreachable (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

const databaseUrl = await findTestDatabase();
const redisProblem = await redisUnavailable();
if (redisProblem) console.warn(`Skipping the cluster tests with Redis: ${redisProblem}`);

/** Opens a bare socket: resolves with it once open, or with the close code if refused. */
function open(url: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    ws.once('open', () => {
      // The server counts the connection beside the handshake and reads nothing until it is
      // counted: a pong says it was let in, a close code that it was refused.
      ws.ping();
      ws.once('pong', () => resolve(ws));
      ws.once('close', (code) => resolve(code));
    });
    ws.once('unexpected-response', () => resolve(-1));
  });
}

/** Waits (up to 2 s) until the node's /healthz counts `count` connections. */
async function connectionsReach(node: TestNode, count: number): Promise<void> {
  const start = Date.now();
  while ((await health(node)).connections !== count && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 20));
}

describe.skipIf(databaseUrl === null || redisProblem !== null)('cluster hints in Redis', () => {
  const prefix = `accord-test-${randomToken(6)}:`;
  const nodes: TestNode[] = [];
  const sockets: WebSocket[] = [];
  const clients: TestClient[] = [];
  let schema: TestSchema | null = null;

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const ws of sockets.splice(0)) ws.terminate();
    await Promise.all(nodes.splice(0).map((n) => n.close()));
    await schema?.drop();
    schema = null;
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function twoNodes(env: Record<string, string>): Promise<[TestNode, TestNode]> {
    schema = await createTestSchema(databaseUrl!);
    const a = await startNode(schema, 'node-a', env);
    const b = await startNode(schema, 'node-b', env);
    nodes.push(a, b);
    return [a, b];
  }

  /** The debug lines of this file's nodes (they run in this process), to see how each upgrade was routed. */
  const lines: string[] = [];
  beforeAll(() => setLogSink((line) => lines.push(line), 'debug'));
  afterAll(() => setLogSink(() => {}, 'silent'));
  const routesOf = (boardId: string) =>
    lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l.event === 'ws.routed' && l.boardId === boardId && l.route === 'piped')
      .map((l) => l.owner);

  async function threeNodes(): Promise<[TestNode, TestNode, TestNode]> {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    const [a, b] = await twoNodes(env);
    const c = await startNode(schema!, 'node-c', env);
    nodes.push(c);
    return [a, b, c];
  }

  it('pipes the clients of a board that just moved to its new owner on the hint, without asking PostgreSQL', async () => {
    const [a, b, c] = await threeNodes();
    const created = await createBoard(a);
    // Node b claims the board: its "moved" hint reaches every node; node c knows b's address from PostgreSQL.
    await b.rooms.get(created.boardId);
    await waitFor(() => c.cluster?.ownerHints.owner(created.boardId)?.nodeId === 'node-b', 3000, 'the hint on node c');
    const person = connectClient(c, created.boardId);
    clients.push(person);
    await waitSynced(person);
    expect(routesOf(created.boardId)).toEqual(['hint']);
    expect(b.rooms.isOpen(created.boardId)).toBe(true);
    expect(c.rooms.isOpen(created.boardId)).toBe(false);
  });

  it('corrects a wrong hint: the node a hop reached by mistake tells every node the real owner, and the client is served at once', async () => {
    const [a, b, c] = await threeNodes();
    const created = await createBoard(a);
    await b.rooms.get(created.boardId);
    await waitFor(() => c.cluster?.ownerHints.owner(created.boardId)?.nodeId === 'node-b', 3000, 'the hint on node c');
    // A stale or false hint: node a "owns" it.
    const redis = new Redis(TEST_REDIS_URL);
    await redis.publish(`${prefix}events`, JSON.stringify({ type: 'moved', boardId: created.boardId, nodeId: 'node-a' }));
    redis.disconnect();
    await waitFor(() => c.cluster?.ownerHints.owner(created.boardId)?.nodeId === 'node-a', 3000, 'the false hint on node c');
    const person = connectClient(c, created.boardId);
    clients.push(person);
    const codes: number[] = [];
    person.connection.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
    const started = performance.now();
    await waitSynced(person);
    // Refused once by node a (4501, or 1006 when node c cut that pipe on a's correction first), then
    // piped to node b on the corrected hint, well within the false hint's life.
    expect(codes).toHaveLength(1);
    expect([CLOSE_CODES.BOARD_MOVED, 1006]).toContain(codes[0]);
    expect(routesOf(created.boardId)).toEqual(['hint', 'hint']);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(a.rooms.isOpen(created.boardId)).toBe(false);
  });

  it('caps connections per address across nodes, and counts a closed one out', async () => {
    const [a, b] = await twoNodes({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, MAX_CONNECTIONS_PER_ADDRESS: '3' });
    const onA = await createBoard(a);
    const onB = await createBoard(b);
    await a.rooms.get(onA.boardId);
    await b.rooms.get(onB.boardId);
    for (const url of [`${a.wsUrl}/${onA.boardId}`, `${a.wsUrl}/${onA.boardId}`, `${b.wsUrl}/${onB.boardId}`]) {
      const ws = await open(url);
      expect(ws).toBeInstanceOf(WebSocket);
      sockets.push(ws as WebSocket);
    }
    // Each node holds at most two; together they hold three, the cap.
    expect(await open(`${b.wsUrl}/${onB.boardId}`)).toBe(CLOSE_CODES.TOO_MANY_CONNECTIONS);
    expect(await open(`${a.wsUrl}/${onA.boardId}`)).toBe(CLOSE_CODES.TOO_MANY_CONNECTIONS);
    // Nothing about the address itself is in Redis: the key is an HMAC of it.
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    redis.disconnect();
    expect(keys.length).toBe(1);
    expect(keys[0]).not.toContain('127.0.0.1');
    sockets.shift()!.close();
    await connectionsReach(a, 1);
    const again = await open(`${b.wsUrl}/${onB.boardId}`);
    expect(again).toBeInstanceOf(WebSocket);
    sockets.push(again as WebSocket);
  });

  it('cuts the pipes to a node that another node reports down, and the clients come back at once', async () => {
    const [a, b] = await twoNodes({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
    const created = await createBoard(a);
    await a.rooms.get(created.boardId);
    const person = connectClient(b, created.boardId);
    clients.push(person);
    await waitSynced(person);
    const codes: number[] = [];
    person.connection.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
    const redis = new Redis(TEST_REDIS_URL);
    await redis.publish(`${prefix}events`, JSON.stringify({ type: 'down', nodeId: 'node-a' }));
    // Junk on the channel is ignored, never a crash.
    await redis.publish(`${prefix}events`, '{"type":"down","nodeId":"../../x"}');
    await redis.publish(`${prefix}events`, 'not json');
    redis.disconnect();
    await waitFor(() => codes.length > 0, 2000, 'the pipe to be cut');
    // The entry node cut the TCP pipe: no close frame (1006); the client reconnects through a new pipe.
    expect(codes[0]).toBe(1006);
    await waitSynced(person);
  });

  it('loads a board on the node a draining node handed it to, before any client is back', async () => {
    const [a, b] = await twoNodes({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
    const created = await createBoard(a);
    await a.rooms.get(created.boardId);
    expect(b.rooms.isOpen(created.boardId)).toBe(false);
    await a.drain();
    await waitFor(() => b.rooms.isOpen(created.boardId), 3000, 'node b to open the handed-over board');
    const person = connectClient(b, created.boardId);
    clients.push(person);
    await waitSynced(person);
  });

  it('keeps serving when Redis cannot be reached, and caps connections per node then', async () => {
    const [a] = await twoNodes({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: prefix, MAX_CONNECTIONS_PER_ADDRESS: '2' });
    const created = await createBoard(a);
    const person = connectClient(a, created.boardId);
    clients.push(person);
    await waitSynced(person);
    const second = await open(`${a.wsUrl}/${created.boardId}`);
    expect(second).toBeInstanceOf(WebSocket);
    sockets.push(second as WebSocket);
    expect(await open(`${a.wsUrl}/${created.boardId}`)).toBe(CLOSE_CODES.TOO_MANY_CONNECTIONS);
  });

  it('counts a connection beside its handshake: nothing it sends is read before it is counted, and one that leaves meanwhile is counted out', async () => {
    // Redis through a link the test can cut: a count then waits REDIS_COMMAND_TIMEOUT_MS, and falls back to the node's own.
    const link = new TcpProxy({ name: 'to-redis', candidates: () => [{ name: 'redis', ...hostPortOf(TEST_REDIS_URL, 6379) }] });
    await link.listen();
    try {
      const [a] = await twoNodes({
        REDIS_URL: `redis://127.0.0.1:${link.port}`,
        REDIS_KEY_PREFIX: prefix,
        MAX_CONNECTIONS_PER_ADDRESS: '1',
      });
      const created = await createBoard(a);
      await a.rooms.get(created.boardId);
      const url = `${a.wsUrl}/${created.boardId}`;
      const first = await open(url);
      expect(first).toBeInstanceOf(WebSocket);
      (first as WebSocket).terminate();
      await connectionsReach(a, 0);
      expect((await health(a)).connections).toBe(0);

      link.cut();
      const leaving = new WebSocket(url);
      leaving.on('error', () => {});
      await new Promise((resolve) => leaving.once('open', resolve));
      let isAnswered = false;
      leaving.once('pong', () => {
        isAnswered = true;
      });
      leaving.ping();
      await new Promise((resolve) => setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS / 5));
      expect(isAnswered).toBe(false);
      leaving.terminate();
      await new Promise((resolve) => setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS + 300));

      // With a cap of one, the next is let in only if the one that left was counted out.
      const startedAt = performance.now();
      const next = await open(url);
      expect(next).toBeInstanceOf(WebSocket);
      sockets.push(next as WebSocket);
      expect(performance.now() - startedAt).toBeGreaterThanOrEqual(REDIS_COMMAND_TIMEOUT_MS - 20);
      expect((await health(a)).connections).toBe(1);
    } finally {
      link.heal();
      await link.close();
    }
  });
});
