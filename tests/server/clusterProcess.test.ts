import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNANSWERED_OWNER_WAIT_MS } from '../../server/cluster/ClusterNode';
import { ConfigError } from '../../server/cluster/clusterConfig';
import { LEASE_TTL_MS } from '../../server/cluster/NodeLease';
import { MAX_PIPE_RELEASE_MS, PIPE_RELEASE_AFTER_MS, PIPE_RELEASE_OVER_MS } from '../../server/cluster/pipeToOwner';
import { configFromEnv } from '../../server/config';
import { CLOSE_CODES } from '../../shared/protocol';
import { SERVER_ARGS } from '../serverProcess';
import { freePort, kill, spawnServer } from './childServer';
import { health, rows, startNode, TEST_CLUSTER_SECRET, type TestNode } from './clusterHelpers';
import { connectClient, createBoard, startTestServer, type TestClient, waitFor, waitSynced } from './helpers';
import { createTestSchema, findTestDatabase, type TestSchema } from './testDatabase';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-cluster-'));
const children: ChildProcess[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  for (const child of children) {
    child.kill('SIGCONT');
    await kill(child);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the server (as `npm start` does) with `env` until it exits; its exit code and stderr. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('cluster settings', () => {
  const cluster = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', CLUSTER_SECRET: TEST_CLUSTER_SECRET };

  it('stays one process with SQLite, as before, without DATABASE_URL; its health names it and counts its rooms as owned', async () => {
    expect(configFromEnv({ CLUSTER_SECRET: 'x', REDIS_URL: 'nonsense' }).cluster).toBeNull();
    const server = await startTestServer();
    try {
      const created = await createBoard(server);
      const person = connectClient(server, created.boardId);
      clients.push(person);
      await waitSynced(person);
      expect(await health(server)).toEqual({ ok: true, nodeId: server.nodeId, rooms: 1, connections: 1, owned: 1 });
      expect(server.nodeId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      person.close();
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['no CLUSTER_SECRET', { ...cluster, CLUSTER_SECRET: '' }, /CLUSTER_SECRET must be set/],
    ['a short CLUSTER_SECRET', { ...cluster, CLUSTER_SECRET: 'short' }, /at least 16 random characters/],
    ['a NODE_ID with a dot', { ...cluster, NODE_ID: 'node.1' }, /NODE_ID must be/],
    ['an INTERNAL_URL with a path', { ...cluster, INTERNAL_URL: 'http://10.0.0.5:8787/accord' }, /INTERNAL_URL must be/],
    ['an https INTERNAL_URL', { ...cluster, INTERNAL_URL: 'https://10.0.0.5:8787' }, /INTERNAL_URL must be/],
    ['a REDIS_URL of another kind', { ...cluster, REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must start/],
    [
      'a negative PIPE_RELEASE_AFTER_MS',
      { ...cluster, PIPE_RELEASE_AFTER_MS: '-1' },
      /PIPE_RELEASE_AFTER_MS must be a whole number/,
    ],
    [
      'a PIPE_RELEASE_OVER_MS past the bound',
      { ...cluster, PIPE_RELEASE_OVER_MS: String(MAX_PIPE_RELEASE_MS + 1) },
      /from 0 to 60000/,
    ],
    ['a PIPE_RELEASE_OVER_MS in seconds', { ...cluster, PIPE_RELEASE_OVER_MS: '3s' }, /PIPE_RELEASE_OVER_MS must be/],
  ])('refuses %s with a sentence that says what to set', (_what, env, message) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
    expect(() => configFromEnv(env)).toThrow(message);
  });

  it('reads the defaults: a random node id, the port-based internal URL, the accord: prefix', () => {
    const config = configFromEnv({ ...cluster, INTERNAL_URL: 'http://10.0.0.5:8787' });
    expect(config.cluster).toMatchObject({
      internalUrl: 'http://10.0.0.5:8787',
      redisUrl: null,
      redisKeyPrefix: 'accord:',
      pipeRelease: { afterMs: PIPE_RELEASE_AFTER_MS, overMs: PIPE_RELEASE_OVER_MS },
    });
    expect(config.cluster?.nodeId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(configFromEnv(cluster).cluster?.internalUrl).toBeNull();
    const released = configFromEnv({ ...cluster, PIPE_RELEASE_AFTER_MS: '0', PIPE_RELEASE_OVER_MS: '60000' }).cluster;
    expect(released?.pipeRelease).toEqual({ afterMs: 0, overMs: 60_000 });
  });

  it('makes server/main.ts exit with status 1 and the sentence, not a stack trace, without CLUSTER_SECRET', async () => {
    const { code, stderr } = await runMain({ ...cluster, CLUSTER_SECRET: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Accord cannot start: CLUSTER_SECRET must be set/);
    expect(stderr).not.toContain('    at ');
  });
});

const databaseUrl = await findTestDatabase();

describe.skipIf(databaseUrl === null)('cluster nodes as processes', () => {
  /** A node process that owns a new board (created through `entry`), with its facilitator connected to it directly. */
  async function ownerProcess(schema: TestSchema, entry: TestNode, nodeId: string) {
    const port = await freePort();
    const owner = await spawnServer(port, dataDir, {
      DATABASE_URL: schema.url,
      DATABASE_SCHEMA: schema.schema,
      CLUSTER_SECRET: TEST_CLUSTER_SECRET,
      NODE_ID: nodeId,
    });
    children.push(owner);
    const created = await createBoard(entry);
    const direct = connectClient({ wsUrl: `ws://127.0.0.1:${port}/ws` }, created.boardId, {
      facilitatorKey: created.facilitatorKey,
    });
    clients.push(direct);
    await waitSynced(direct);
    return { owner, created, direct };
  }

  it('drains on SIGTERM: exits 0, its board released and its lease ended', async () => {
    const schema = await createTestSchema(databaseUrl!);
    try {
      const port = await freePort();
      const child = await spawnServer(port, dataDir, {
        DATABASE_URL: schema.url,
        DATABASE_SCHEMA: schema.schema,
        CLUSTER_SECRET: TEST_CLUSTER_SECRET,
        NODE_ID: 'node-main',
      });
      children.push(child);
      const server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` };
      const created = await createBoard(server);
      const person = connectClient(server, created.boardId);
      clients.push(person);
      await waitSynced(person);
      expect(await health(server)).toMatchObject({ nodeId: 'node-main', owned: 1, rooms: 1, connections: 1 });
      const codes: number[] = [];
      person.connection.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await waitFor(() => codes.length > 0, 5000, 'the close to reach the client');
      expect(codes[0]).toBe(CLOSE_CODES.DRAINING);
      const [owner] = await rows<{ node_id: string | null }>(schema, 'SELECT node_id FROM board_owners WHERE board_id = $1', [
        created.boardId,
      ]);
      expect(owner?.node_id).toBeNull();
      const [lease] = await rows<{ alive: boolean }>(
        schema,
        "SELECT expires_at > now() AS alive FROM nodes WHERE node_id = 'node-main'",
      );
      expect(lease?.alive).toBe(false);
    } finally {
      await schema.drop();
    }
  });

  it('keeps a new client waiting, not refused, while a dead owner still holds its lease; then serves it at once', async () => {
    const schema = await createTestSchema(databaseUrl!);
    const entry = await startNode(schema, 'node-entry');
    try {
      const { owner, created, direct } = await ownerProcess(schema, entry, 'node-killed');
      direct.close();
      const exited = new Promise((resolve) => owner.once('exit', resolve));
      owner.kill('SIGKILL');
      await exited;
      const killedAt = performance.now();
      // The owner's port refuses at once, and its lease lives on for up to LEASE_TTL_MS: the entry
      // node holds the handshake (no 502, no backoff) and claims the board when the lease ends.
      const person = connectClient(entry, created.boardId);
      clients.push(person);
      const codes: number[] = [];
      person.connection.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
      const isServed = () => person.connection.isSynced && person.connection.status === 'online';
      await waitFor(isServed, LEASE_TTL_MS + 5_000, 'the client to be served after the SIGKILL');
      const servedMs = performance.now() - killedAt;
      expect(codes).toEqual([]);
      // Served in that one handshake, held no longer than the lease needed to end (plus a busy machine's slack).
      expect(servedMs).toBeLessThan(UNANSWERED_OWNER_WAIT_MS);
      expect(await health(entry)).toMatchObject({ owned: 1, rooms: 1 });
      console.info(`served ${Math.round(servedMs)} ms after the owner's SIGKILL, in one handshake`);
    } finally {
      await entry.close();
      await schema.drop();
    }
  }, 30_000);

  it('cuts the pipes to a paused owner once its lease has expired, and the next node takes the board over (no Redis)', async () => {
    const schema = await createTestSchema(databaseUrl!);
    const entry = await startNode(schema, 'node-entry');
    try {
      const { owner, created } = await ownerProcess(schema, entry, 'node-paused');
      const person = connectClient(entry, created.boardId);
      clients.push(person);
      await waitSynced(person);
      expect((await health(entry)).owned).toBe(0);
      const codes: number[] = [];
      person.connection.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
      // SIGSTOP: the owner's sockets stay open but it answers nothing, renews nothing.
      owner.kill('SIGSTOP');
      await waitFor(() => codes.length > 0, 12_000, 'the pipe to the paused owner to be cut');
      const isServed = () => person.connection.isSynced && person.connection.status === 'online';
      await waitFor(isServed, LEASE_TTL_MS + 5_000, 'the client to be served by the entry node');
      expect(await health(entry)).toMatchObject({ owned: 1, rooms: 1 });
      const [row] = await rows<{ node_id: string }>(schema, 'SELECT node_id FROM board_owners WHERE board_id = $1', [
        created.boardId,
      ]);
      expect(row?.node_id).toBe('node-entry');
      // The owner wakes up: its heartbeat finds the lease expired and it lets go (its client reconnects elsewhere or fails).
      owner.kill('SIGCONT');
    } finally {
      await entry.close();
      await schema.drop();
    }
  }, 30_000);
});
