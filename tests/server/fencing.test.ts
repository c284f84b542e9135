import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type LeaseLostReason, LeaseNotHeldError, NodeLease } from '../../server/cluster/NodeLease';
import { type CommitBatch, FencedError } from '../../server/store/BoardStore';
import { PostgresStore } from '../../server/store/PostgresStore';
import { POSTGRES_POOL_SIZE } from '../../server/store/postgresPool';
import { boardRow } from './storeContract';
import { createTestSchema, findTestDatabase, type TestSchema } from './testDatabase';

const databaseUrl = await findTestDatabase();

/** Two (or more) nodes on one database, each with its own store (its own pool) and lease. */
describe.skipIf(databaseUrl === null)('PostgreSQL ownership: leases, claims and the fence', () => {
  let schema: TestSchema | undefined;
  const opened: { store: PostgresStore; lease: NodeLease }[] = [];

  async function node(
    nodeId: string,
    options: { ttlMs?: number; heartbeatIntervalMs?: number; onLost?: (r: LeaseLostReason) => void } = {},
  ) {
    schema ??= await createTestSchema(databaseUrl!);
    const store = await PostgresStore.open({ connectionString: databaseUrl!, schema: schema.schema });
    const lease = new NodeLease(store, { nodeId, internalUrl: `http://${nodeId}.internal:9000`, ...options });
    opened.push({ store, lease });
    await lease.register();
    return { store, lease };
  }

  const expireLease = (nodeId: string) =>
    schema!.query("UPDATE nodes SET expires_at = now() - interval '1 second' WHERE node_id = $1", [nodeId]);

  const draft = { id: 'd1', promptId: 'p1', authorId: 'alice', text: 'from A', tag: null, authorName: null };
  const batchOfA = (seq: number): CommitBatch => ({
    update: Uint8Array.of(0, 0),
    seq,
    privateChanges: [{ type: 'putDraft', draft }],
    applied: [{ actorKey: 'alice', result: { id: `a${seq}`, ok: true } }],
    now: Date.now(),
  });

  /** Run first after each test: a lock a failed test still holds would hang the stores' close. */
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    for (const { store, lease } of opened.splice(0)) {
      await lease.stop().catch(() => {});
      await store.close().catch(() => {});
    }
    await schema?.query('DELETE FROM board_owners; DELETE FROM nodes');
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('fences a node whose lease expired once another claimed its board: nothing of its batch is stored', async () => {
    const a = await node('a');
    const b = await node('b');
    const row = boardRow();
    await a.store.createBoard(row, Uint8Array.of(0, 0));

    expect(await a.lease.claimBoard(row.id)).toEqual({ type: 'claimed', epoch: 1 });
    // Claiming again is a no-op for the owner; B cannot claim while A's lease lives.
    expect(await a.lease.claimBoard(row.id)).toEqual({ type: 'claimed', epoch: 1 });
    expect(await b.lease.claimBoard(row.id)).toEqual({
      type: 'owned',
      owner: { nodeId: 'a', internalUrl: 'http://a.internal:9000', epoch: 1 },
    });
    await a.store.commit(row.id, batchOfA(2));
    // B holds no claim: its store refuses to write the board.
    await expect(b.store.commit(row.id, batchOfA(3))).rejects.toBeInstanceOf(FencedError);

    await expireLease('a');
    expect(await b.lease.findOwner(row.id)).toBeNull();
    expect(await b.lease.claimBoard(row.id)).toEqual({ type: 'claimed', epoch: 2 });

    // A still believes it owns the board: the database says otherwise.
    expect(a.lease.heldEpoch(row.id)).toBe(1);
    await expect(a.store.commit(row.id, batchOfA(3))).rejects.toBeInstanceOf(FencedError);
    await expect(a.store.compact(row.id, Uint8Array.of(9, 9), 3)).rejects.toBeInstanceOf(FencedError);
    const stored = (await b.store.loadBoard(row.id))!;
    expect(stored.lastSeq).toBe(2);
    expect(stored.snapshot).toBeNull();
    expect(stored.updates).toHaveLength(2);
    expect((await b.store.findAppliedResults(row.id, [{ actorKey: 'alice', commandId: 'a3' }])).size).toBe(0);
    expect((await b.store.findAppliedResults(row.id, [{ actorKey: 'alice', commandId: 'a2' }])).size).toBe(1);

    // The new owner writes on from there.
    await b.store.commit(row.id, { ...batchOfA(3), privateChanges: [{ type: 'deleteDraft', draftId: 'd1' }] });
    await b.store.compact(row.id, Uint8Array.of(0, 0), 3);
    expect((await b.store.loadBoard(row.id))?.drafts).toEqual([]);
  });

  it("makes a claim wait for the old owner's commit in flight, so the new owner loads it", async () => {
    const a = await node('a');
    const b = await node('b');
    const row = boardRow();
    await a.store.createBoard(row, Uint8Array.of(0, 0));
    await a.lease.claimBoard(row.id);
    await expireLease('a');
    // A commit is one message of several statements (postgresOneTrip.ts): match within it.
    const waiting = (statement: string) =>
      schema!.query(
        "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1",
        [`%${statement}%`],
      );
    // Hold A's commit after it read the epoch (it blocks on its insert into doc_updates).
    const blocker = await schema!.connect();
    let isBlocking = true;
    const unblock = async () => {
      if (!isBlocking) return;
      isBlocking = false;
      await blocker.query('COMMIT');
      blocker.release();
    };
    cleanups.push(unblock);
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE doc_updates IN SHARE ROW EXCLUSIVE MODE');
    const commitOfA = a.store.commit(row.id, batchOfA(2));
    await expect.poll(async () => (await waiting('INSERT INTO doc_updates')).rows[0].n).toBe(1);
    const claimOfB = b.lease.claimBoard(row.id);
    let isClaimed = false;
    void claimOfB.then(() => {
      isClaimed = true;
    });
    await expect.poll(async () => (await waiting('INSERT INTO board_owners')).rows[0].n).toBe(1);
    expect(isClaimed).toBe(false);
    await unblock();
    await commitOfA;
    expect(await claimOfB).toEqual({ type: 'claimed', epoch: 2 });
    expect((await b.store.loadBoard(row.id))?.lastSeq).toBe(2);
    await expect(a.store.commit(row.id, batchOfA(3))).rejects.toBeInstanceOf(FencedError);
  });

  it('frees the boards of a restarted node at once: it registers with generation + 1', async () => {
    const a = await node('a');
    const b = await node('b');
    const row = boardRow();
    await a.store.createBoard(row, Uint8Array.of(0, 0));
    expect(await b.lease.claimBoard(row.id)).toMatchObject({ type: 'claimed', epoch: 1 });
    const firstGeneration = b.lease.generation!;

    // B restarts: a new process with the same node id, whose lease is fresh.
    const restarted = await node('b');
    expect(restarted.lease.generation).toBe(firstGeneration + 1);
    expect(await a.lease.findOwner(row.id)).toBeNull();
    expect(await a.lease.claimBoard(row.id)).toEqual({ type: 'claimed', epoch: 2 });
    // The old process of B, if it still runs, is fenced by the database (its local claim looks fine).
    expect(b.lease.heldEpoch(row.id)).toBe(1);
    await expect(b.store.commit(row.id, batchOfA(2))).rejects.toBeInstanceOf(FencedError);
    // …and its renewal fails, so it learns that its lease is gone.
    expect(await b.lease.heartbeat()).toBe(false);
    expect(b.lease.generation).toBeNull();
    await expect(b.lease.claimBoard(row.id)).rejects.toBeInstanceOf(LeaseNotHeldError);
  });

  it('hands a released board, and the boards of a stopped node, to the next claimant with a new epoch', async () => {
    const a = await node('a');
    const b = await node('b');
    const [one, two] = [boardRow(), boardRow()];
    await a.store.createBoard(one, Uint8Array.of(0, 0));
    await a.store.createBoard(two, Uint8Array.of(0, 0));
    await a.lease.claimBoard(one.id);
    await a.lease.claimBoard(two.id);
    await a.lease.releaseBoard(one.id);
    await expect(a.store.commit(one.id, batchOfA(2))).rejects.toBeInstanceOf(FencedError);
    expect(await b.lease.claimBoard(one.id)).toEqual({ type: 'claimed', epoch: 3 });
    expect(await b.lease.claimBoard(two.id)).toMatchObject({ type: 'owned' });
    await a.lease.stop();
    expect(await b.lease.claimBoard(two.id)).toEqual({ type: 'claimed', epoch: 3 });
    expect((await b.lease.liveNodes()).map((n) => n.nodeId)).toEqual(['b']);
    expect(await b.lease.claimBoard('no-such-board')).toEqual({ type: 'noBoard' });
  });

  it('hands a drained board to one live successor by rendezvous hashing: spread over the others, never a dead node', async () => {
    const a = await node('a');
    const b = await node('b');
    const c = await node('c');
    await node('d');
    await expireLease('d');
    const boards = Array.from({ length: 24 }, () => boardRow());
    const successors = new Map<string, string | null>();
    for (const row of boards) {
      await a.store.createBoard(row, Uint8Array.of(0, 0));
      expect(await a.lease.claimBoard(row.id)).toEqual({ type: 'claimed', epoch: 1 });
      successors.set(row.id, await a.lease.releaseBoard(row.id, true));
    }
    const chosen = [...successors.values()];
    expect(new Set(chosen)).toEqual(new Set(['b', 'c']));
    const [first] = boards;
    const to = successors.get(first!.id) === 'b' ? b : c;
    const other = to === b ? c : b;
    // The old owner is fenced at once; the successor holds the row without a claim's race, and its
    // claim keeps the epoch the hand-over set; nobody else can claim it while the successor lives.
    await expect(a.store.commit(first!.id, batchOfA(2))).rejects.toBeInstanceOf(FencedError);
    expect(await other.lease.claimBoard(first!.id)).toMatchObject({ type: 'owned', owner: { nodeId: to.lease.nodeId } });
    expect(await to.lease.claimBoard(first!.id)).toEqual({ type: 'claimed', epoch: 2 });
    // The same board goes to the same node every time (the clients of one board meet there).
    await to.lease.releaseBoard(first!.id);
    expect(await a.lease.claimBoard(first!.id)).toMatchObject({ type: 'claimed' });
    expect(await a.lease.releaseBoard(first!.id, true)).toBe(to.lease.nodeId);
    // With no other live node, the board goes to nobody, as a plain release.
    await b.lease.stop();
    await c.lease.stop();
    const [, second] = boards;
    expect(await a.lease.claimBoard(second!.id)).toMatchObject({ type: 'claimed' });
    expect(await a.lease.releaseBoard(second!.id, true)).toBeNull();
  });

  it('tells a node that its lease expired, from the heartbeat timer', async () => {
    const lost: LeaseLostReason[] = [];
    const a = await node('a', { ttlMs: 2_000, heartbeatIntervalMs: 50, onLost: (reason) => lost.push(reason) });
    const row = boardRow();
    await a.store.createBoard(row, Uint8Array.of(0, 0));
    await a.lease.claimBoard(row.id);
    // Renewals keep it alive well past several intervals.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lost).toEqual([]);
    await a.store.commit(row.id, batchOfA(2));
    await expireLease('a');
    await expect.poll(() => lost, { timeout: 2_000 }).toEqual(['expired']);
    expect(a.lease.heldEpoch(row.id)).toBeNull();
    await expect(a.store.commit(row.id, batchOfA(3))).rejects.toBeInstanceOf(FencedError);
    // Registering again starts a new lease; the board must be claimed anew.
    await a.lease.register();
    expect(await a.lease.claimBoard(row.id)).toEqual({ type: 'claimed', epoch: 2 });
    await a.store.commit(row.id, batchOfA(3));
  });

  it('gives the lease up as unreachable when no renewal succeeds for the TTL', async () => {
    const lost: LeaseLostReason[] = [];
    const a = await node('a', { ttlMs: 400, heartbeatIntervalMs: 50, onLost: (reason) => lost.push(reason) });
    // The node's connections to the database are gone: every renewal now fails.
    await a.store.close();
    await expect.poll(() => lost, { timeout: 2_000 }).toEqual(['unreachable']);
    expect(a.lease.generation).toBeNull();
  });

  it('never passes the participant cap when nodes add people at the same time', async () => {
    const a = await node('a');
    const b = await node('b');
    const row = boardRow();
    await a.store.createBoard(row, Uint8Array.of(0, 0));
    const cap = 12;
    const joins = Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? a.store : b.store).addParticipant(row.id, `p${i}`, Buffer.alloc(32, i + 1), cap, 1),
    );
    expect((await Promise.all(joins)).filter(Boolean)).toHaveLength(cap);
    const { rows } = await schema!.query('SELECT COUNT(*)::int AS n FROM participants WHERE board_id = $1', [row.id]);
    expect(rows[0].n).toBe(cap);
  });

  it('writes with synchronous_commit on, in its own schema', async () => {
    const a = await node('a');
    const { rows } = await a.store.pool.query('SHOW synchronous_commit');
    expect(rows[0].synchronous_commit).toBe('on');
    const tables = await a.store.pool.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('nodes', 'board_owners', 'boards')",
      [schema!.schema],
    );
    expect(tables.rowCount).toBe(3);
  });

  it('warms up at start: every pooled connection open, its session warmed (the lookup prepared), and kept', async () => {
    const a = await node('a');
    await a.store.warmUp();
    expect(a.store.pool.totalCount).toBe(POSTGRES_POOL_SIZE);
    expect(a.store.pool.idleCount).toBe(POSTGRES_POOL_SIZE);
    // Every connection of the pool, checked out at once: each has the lookup prepared.
    const clients = await Promise.all(Array.from({ length: POSTGRES_POOL_SIZE }, () => a.store.pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
        expect(rows.map((r) => r.name)).toContain('accord_applied_results');
      }
    } finally {
      for (const client of clients) client.release();
    }
    // The minimum is the size: idle connections are not closed.
    expect((a.store.pool as unknown as { options: { min: number } }).options.min).toBe(POSTGRES_POOL_SIZE);
  });
});
