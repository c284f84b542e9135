import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
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
      // A refusal after the handshake closes at once; give it a moment to arrive.
      const timer = setTimeout(() => resolve(ws), 150);
      ws.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    ws.once('unexpected-response', () => resolve(-1));
  });
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
    const start = Date.now();
    while ((await health(a)).connections !== 1 && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 20));
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
});
