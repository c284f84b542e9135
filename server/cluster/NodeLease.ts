import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { log } from '../log';
import type { OwnershipFence, PostgresStore } from '../store/PostgresStore';
import { inTransaction } from '../store/postgresTransaction';
import { type BoardOwner, type ClaimResult, type LeaseLostReason, LeaseNotHeldError, type NodeLeaseOptions } from './leaseTypes';

/** How often a node renews its lease. */
export const HEARTBEAT_INTERVAL_MS = 1_000;
/**
 * How long a lease lives after its last renewal, by the database's clock (`now()`): a node that
 * stops heartbeating loses its boards after at most this long. Five heartbeats, so that a few slow
 * or lost ones do not cost a live node its boards.
 */
export const LEASE_TTL_MS = 5_000;
/** Connections of the lease's own pool: a renewal, and a registration or release on shutdown beside it. */
export const LEASE_POOL_SIZE = 2;
/**
 * Connections of the pool for routing lookups (who owns a board, which leases live), and how long
 * one may take, in milliseconds: an entry node answers each upgrade with a lookup, and in a rolling
 * restart a hundred clients come back at once while the node's main pool loads the boards handed to
 * it. Apart, lookups do not queue behind loads and commits; bounded, a node cut off from the
 * database tells its clients to try again (4500) instead of holding them.
 */
export const ROUTE_POOL_SIZE = 3;
export const ROUTE_QUERY_TIMEOUT_MS = 2_000;
/**
 * A node reports itself unhealthy (GET /healthz answers 503) when its last successful lease renewal
 * is older than this, in milliseconds: cut off from the database, it can serve no board, and a load
 * balancer should send its clients elsewhere well before the lease has run out.
 */
export const HEALTHY_RENEWAL_MS = 2_500;
/** Claim attempts when a claim and a lookup race with another node's claim or death. */
const CLAIM_ATTEMPTS = 3;

export type { BoardOwner, ClaimResult, LeaseLostReason, NodeLeaseOptions } from './leaseTypes';
export { LeaseNotHeldError } from './leaseTypes';

/**
 * One node's lease in the `nodes` table and its claims in `board_owners`. It is the store's
 * {@link OwnershipFence}: constructing it turns fencing on in the store, so that only boards claimed
 * through it under the current lease can be written.
 */
export class NodeLease implements OwnershipFence {
  readonly nodeId: string;
  private currentGeneration: number | null = null;
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private renewalsInFlight = 0;
  /** performance.now() when the last successful renewal was sent: the lease lives at least TTL past it. */
  private renewedAt = 0;
  private readonly ttlMs: number;
  private readonly intervalMs: number;
  /**
   * The lease's own connections (LEASE_POOL_SIZE): a renewal never waits behind commits, claims and
   * loads on the store's pool — under load after a takeover that wait cost live nodes their lease.
   * Closed with the store.
   */
  private readonly leasePool: pg.Pool;
  private readonly routePool: pg.Pool;

  constructor(
    private readonly store: PostgresStore,
    private readonly options: NodeLeaseOptions,
  ) {
    this.nodeId = options.nodeId;
    this.ttlMs = options.ttlMs ?? LEASE_TTL_MS;
    this.intervalMs = options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS;
    // A renewal not answered within two intervals fails and its connection is dropped: a hung
    // connection (a network cut) must not hold up the next renewal or the registration after a loss.
    this.leasePool = store.openSidePool(LEASE_POOL_SIZE, 2 * this.intervalMs);
    this.routePool = store.openSidePool(ROUTE_POOL_SIZE, ROUTE_QUERY_TIMEOUT_MS);
    store.setFence(this);
  }

  /** The generation of the live lease, or null while none is held. */
  get generation(): number | null {
    return this.currentGeneration;
  }

  /** True while the lease is held and was renewed within HEALTHY_RENEWAL_MS. */
  get isHealthy(): boolean {
    return this.currentGeneration !== null && performance.now() - this.renewedAt < HEALTHY_RENEWAL_MS;
  }

  /**
   * Starts (or restarts) the lease with generation + 1, which frees every board this node id
   * claimed before at once, and starts the heartbeat. Returns the new generation.
   */
  async register(): Promise<number> {
    this.end();
    const sentAt = performance.now();
    const { rows } = await this.leasePool.query<{ generation: number }>(
      `INSERT INTO nodes (node_id, internal_url, generation, expires_at) VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (node_id) DO UPDATE
         SET generation = nodes.generation + 1, internal_url = excluded.internal_url, expires_at = excluded.expires_at
       RETURNING generation`,
      [this.nodeId, this.options.internalUrl, this.ttlMs],
    );
    const generation = rows[0]!.generation;
    this.currentGeneration = generation;
    this.renewedAt = sentAt;
    this.timer = setInterval(this.tick, this.intervalMs);
    this.timer.unref();
    log('info', 'lease.registered', { nodeId: this.nodeId, generation });
    return generation;
  }

  private readonly tick = (): void => {
    if (this.currentGeneration === null) return;
    if (this.renewalsInFlight > 0) this.checkDeadline();
    else void this.heartbeat();
  };

  /** Renews the lease now (the timer does it every heartbeat interval). False when it is not (or no longer) held. */
  async heartbeat(): Promise<boolean> {
    const generation = this.currentGeneration;
    if (generation === null) return false;
    const sentAt = performance.now();
    this.renewalsInFlight += 1;
    try {
      // An expired lease is never revived: its boards may have been claimed meanwhile.
      const { rowCount } = await this.leasePool.query(
        `UPDATE nodes SET expires_at = now() + $3 * interval '1 millisecond'
         WHERE node_id = $1 AND generation = $2 AND expires_at > now()`,
        [this.nodeId, generation, this.ttlMs],
      );
      if (this.currentGeneration !== generation) return false;
      if (rowCount === 0) {
        this.lose('expired');
        return false;
      }
      this.renewedAt = sentAt;
      return true;
    } catch (error) {
      log('warn', 'lease.heartbeat_failed', { nodeId: this.nodeId, message: (error as Error).message });
      this.checkDeadline();
      return false;
    } finally {
      this.renewalsInFlight -= 1;
    }
  }

  private checkDeadline(): void {
    if (this.currentGeneration !== null && performance.now() - this.renewedAt >= this.ttlMs) this.lose('unreachable');
  }

  private lose(reason: LeaseLostReason): void {
    log('warn', 'lease.lost', { nodeId: this.nodeId, generation: this.currentGeneration, reason });
    this.end();
    this.options.onLost?.(reason);
  }

  /** Forgets the lease and every claim locally: from now on this node's commits are fenced. */
  private end(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.currentGeneration = null;
    this.held.clear();
  }

  heldEpoch(boardId: string): number | null {
    return this.held.get(boardId) ?? null;
  }

  /**
   * Claims a board in one statement: it succeeds when the board has no owner, is already ours, or
   * its owner's lease is dead (expired, or from an older generation); the epoch grows by one at
   * every change of owner. Load the board only after a claim: the old owner's last commit is then
   * either in the database or refused.
   */
  async claimBoard(boardId: string): Promise<ClaimResult> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const generation = this.currentGeneration;
      if (generation === null) throw new LeaseNotHeldError();
      const { rows } = await this.store.pool.query<{ epoch: number }>(
        `INSERT INTO board_owners AS o (board_id, node_id, node_generation, epoch)
         SELECT $1, $2, $3, 1
         WHERE EXISTS (SELECT 1 FROM boards WHERE id = $1)
           AND EXISTS (SELECT 1 FROM nodes WHERE node_id = $2 AND generation = $3 AND expires_at > now())
         ON CONFLICT (board_id) DO UPDATE
           SET node_id = excluded.node_id,
               node_generation = excluded.node_generation,
               epoch = CASE WHEN o.node_id = excluded.node_id AND o.node_generation = excluded.node_generation
                            THEN o.epoch ELSE o.epoch + 1 END
           WHERE o.node_id IS NULL
              OR (o.node_id = excluded.node_id AND o.node_generation = excluded.node_generation)
              OR NOT EXISTS (SELECT 1 FROM nodes n
                             WHERE n.node_id = o.node_id AND n.generation = o.node_generation AND n.expires_at > now())
         RETURNING epoch`,
        [boardId, this.nodeId, generation],
      );
      const claimed = rows[0];
      if (claimed !== undefined) {
        // A claim that finished after the lease was lost (or renewed under a new generation) is not held.
        if (this.currentGeneration !== generation) throw new LeaseNotHeldError();
        this.held.set(boardId, claimed.epoch);
        return { type: 'claimed', epoch: claimed.epoch };
      }
      const owner = await this.findOwner(boardId);
      if (owner !== null && owner.nodeId !== this.nodeId) return { type: 'owned', owner };
      const board = await this.store.pool.query('SELECT 1 FROM boards WHERE id = $1', [boardId]);
      if (board.rowCount === 0) return { type: 'noBoard' };
      // The board exists and has no other live owner, yet the claim failed: either the owner died
      // between the two statements (try again), or our own lease is dead (the renewal will say so).
      if (!(await this.heartbeat())) throw new LeaseNotHeldError();
    }
    throw new Error(`Claim of board ${boardId} kept racing with other nodes`);
  }

  /** The board's owner if its lease is alive, else null (no owner, or a dead one: claim it). */
  async findOwner(boardId: string): Promise<BoardOwner | null> {
    const { rows } = await this.routePool.query<{ node_id: string; internal_url: string; epoch: number }>(
      `SELECT o.node_id, n.internal_url, o.epoch FROM board_owners o
       JOIN nodes n ON n.node_id = o.node_id AND n.generation = o.node_generation AND n.expires_at > now()
       WHERE o.board_id = $1`,
      [boardId],
    );
    const row = rows[0];
    return row ? { nodeId: row.node_id, internalUrl: row.internal_url, epoch: row.epoch } : null;
  }

  /** Nodes whose lease is alive, by node id, with when each lease runs out (ms since the epoch, the database's clock). */
  async liveNodes(): Promise<{ nodeId: string; internalUrl: string; generation: number; expiresAt: number }[]> {
    const { rows } = await this.routePool.query<{
      node_id: string;
      internal_url: string;
      generation: number;
      expires_ms: string;
    }>(
      `SELECT node_id, internal_url, generation, (extract(epoch FROM expires_at) * 1000)::bigint AS expires_ms
       FROM nodes WHERE expires_at > now() ORDER BY node_id`,
    );
    return rows.map((r) => ({
      nodeId: r.node_id,
      internalUrl: r.internal_url,
      generation: r.generation,
      expiresAt: Number(r.expires_ms),
    }));
  }

  /**
   * Gives a board up (its room closed): another node may claim it at once. The epoch grows, so a
   * commit still in flight for it is refused. With `handOver` (a drain), the board goes straight to
   * one live successor instead of to nobody, chosen by rendezvous hashing of the board and node ids
   * (each board of a draining node has its own successor, so its boards spread over the others), and
   * its id is returned: no two nodes then race to load the board while its clients come back. A
   * successor that dies before claiming it is a dead owner like any other. Null when it went to nobody.
   */
  async releaseBoard(boardId: string, handOver = false): Promise<string | null> {
    const generation = this.currentGeneration;
    this.held.delete(boardId);
    if (generation === null) return null;
    const next = handOver
      ? `(SELECT n.node_id, n.generation FROM nodes n WHERE n.node_id <> $2 AND n.expires_at > now()
          ORDER BY md5($1 || ':' || n.node_id) LIMIT 1)`
      : '(NULL, NULL)';
    const { rows } = await this.store.pool.query<{ node_id: string | null }>(
      `UPDATE board_owners SET (node_id, node_generation) = ${next}, epoch = epoch + 1
       WHERE board_id = $1 AND node_id = $2 AND node_generation = $3 RETURNING node_id`,
      [boardId, this.nodeId, generation],
    );
    return rows[0]?.node_id ?? null;
  }

  /** Ends the lease on shutdown (after the rooms closed): releases every board and expires the lease now. */
  async stop(): Promise<void> {
    const generation = this.currentGeneration;
    this.end();
    if (generation === null) return;
    await inTransaction(this.leasePool, 'BEGIN', async (client) => {
      await client.query(
        `UPDATE board_owners SET node_id = NULL, node_generation = NULL, epoch = epoch + 1
         WHERE node_id = $1 AND node_generation = $2`,
        [this.nodeId, generation],
      );
      await client.query('UPDATE nodes SET expires_at = now() WHERE node_id = $1 AND generation = $2', [this.nodeId, generation]);
    });
    log('info', 'lease.stopped', { nodeId: this.nodeId, generation });
  }
}
