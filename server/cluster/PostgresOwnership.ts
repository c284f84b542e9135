import { log } from '../log';
import type { BoardOwnership, OwnershipLoss, Placement, RemoteOwner } from './BoardOwnership';

/** Wait between two attempts to register again after the lease was lost, in milliseconds. */
export const LEASE_RETRY_MS = 1_000;

/**
 * What PostgresOwnership needs of a node's lease (server/cluster/NodeLease.ts): registration with
 * generation + 1, the claim statement, owner lookups, releases, and the epochs the store's fence reads.
 */
export interface NodeLeaseLike {
  readonly nodeId: string;
  /** Held, and renewed lately (NodeLease.isHealthy). */
  readonly isHealthy: boolean;
  register(): Promise<number>;
  claimBoard(
    boardId: string,
  ): Promise<
    | { readonly type: 'claimed'; readonly epoch: number }
    | { readonly type: 'owned'; readonly owner: RemoteOwner }
    | { readonly type: 'noBoard' }
  >;
  findOwner(boardId: string): Promise<RemoteOwner | null>;
  releaseBoard(boardId: string, handOver?: boolean): Promise<string | null>;
  heldEpoch(boardId: string): number | null;
  stop(): Promise<void>;
}

/** What the rest of the cluster hears of ownership changes (Redis events, pipe cuts). */
export interface OwnershipHooks {
  /** This node claimed a board it did not hold: pipes of it to other nodes are stale. */
  readonly onClaimed: (boardId: string) => void;
  /** This node lost its lease: every pipe to it is stale. */
  readonly onLeaseLost: () => void;
  /** This node handed a board to `nodeId` on a drain: that node may load it now. */
  readonly onHandedOver: (boardId: string, nodeId: string) => void;
}

/**
 * Board ownership through PostgreSQL leases: a claim succeeds when the board is unowned, ours, or
 * its owner's lease is dead; every commit is fenced by the claim's epoch. When the lease is lost,
 * every room closes (RoomManager, through `onLost`) and the node registers again with generation + 1.
 */
export class PostgresOwnership implements BoardOwnership {
  onLost: ((loss: OwnershipLoss) => void) | null = null;
  private readonly owned = new Set<string>();
  /** Owner lookups in flight, by board (see remoteOwner). */
  private readonly lookups = new Map<string, Promise<RemoteOwner | null>>();
  private isStopped = false;
  private isRegistering = false;

  constructor(
    private readonly lease: NodeLeaseLike,
    private readonly hooks: OwnershipHooks,
  ) {}

  get nodeId(): string {
    return this.lease.nodeId;
  }

  get ownedCount(): number {
    return this.owned.size;
  }

  get isServing(): boolean {
    return this.lease.isHealthy;
  }

  /** Registers the lease; rejects when the database cannot be reached (the node does not start). */
  async start(): Promise<void> {
    await this.lease.register();
  }

  /** Called by the lease when it ends without `stop()` (expired, or no renewal for its whole TTL). */
  leaseLost(reason: string): void {
    this.owned.clear();
    this.onLost?.({ type: 'lease', reason });
    this.hooks.onLeaseLost();
    void this.registerAgain();
  }

  private async registerAgain(): Promise<void> {
    if (this.isRegistering) return;
    this.isRegistering = true;
    try {
      while (!this.isStopped) {
        try {
          await this.lease.register();
          return;
        } catch (error) {
          log('warn', 'lease.register_failed', { nodeId: this.nodeId, message: (error as Error).message });
          await new Promise((resolve) => setTimeout(resolve, LEASE_RETRY_MS));
        }
      }
    } finally {
      this.isRegistering = false;
    }
  }

  isHeld(boardId: string): boolean {
    return this.lease.heldEpoch(boardId) !== null;
  }

  async claim(boardId: string): Promise<Placement> {
    if (this.isStopped) throw new Error('This node is shutting down');
    const result = await this.lease.claimBoard(boardId);
    if (result.type === 'claimed') {
      if (!this.owned.has(boardId)) {
        this.owned.add(boardId);
        this.hooks.onClaimed(boardId);
        log('info', 'board.claimed', { boardId, epoch: result.epoch });
      }
      return { type: 'local' };
    }
    if (result.type === 'owned') return { type: 'remote', nodeId: result.owner.nodeId, internalUrl: result.owner.internalUrl };
    return { type: 'noBoard' };
  }

  /**
   * The live node that owns `boardId`, when it is not this one. Lookups for one board that overlap
   * share one query: when a board moves, its people all come back at once, and each would
   * otherwise wait behind the others' queries on the routing pool.
   */
  remoteOwner(boardId: string): Promise<RemoteOwner | null> {
    let lookup = this.lookups.get(boardId);
    if (!lookup) {
      lookup = this.lease
        .findOwner(boardId)
        .then((owner) =>
          owner !== null && owner.nodeId !== this.nodeId ? { nodeId: owner.nodeId, internalUrl: owner.internalUrl } : null,
        )
        .finally(() => this.lookups.delete(boardId));
      this.lookups.set(boardId, lookup);
    }
    return lookup;
  }

  async release(boardId: string): Promise<void> {
    this.owned.delete(boardId);
    await this.lease.releaseBoard(boardId);
  }

  async handOver(boardId: string): Promise<string | null> {
    this.owned.delete(boardId);
    const successor = await this.lease.releaseBoard(boardId, true);
    if (successor !== null) this.hooks.onHandedOver(boardId, successor);
    return successor;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.owned.clear();
    await this.lease.stop();
  }
}
