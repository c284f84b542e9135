/** The types of a node's lease (NodeLease.ts) and of its claims. */

/** Why a node's lease ended without `stop()`. */
export type LeaseLostReason =
  /** A renewal found the lease expired (or the node id registered again elsewhere). */
  | 'expired'
  /** No renewal succeeded for LEASE_TTL_MS (database unreachable or too slow): it may have expired. */
  | 'unreachable';

/** A board's owner as other nodes see it: where to pipe its connections. */
export interface BoardOwner {
  readonly nodeId: string;
  readonly internalUrl: string;
  readonly epoch: number;
}

/** The outcome of {@link NodeLease.claimBoard}. */
export type ClaimResult =
  /** This node now owns the board (or already did) under `epoch`: open its room, loading it only now. */
  | { readonly type: 'claimed'; readonly epoch: number }
  /** Another node with a live lease owns it. */
  | { readonly type: 'owned'; readonly owner: BoardOwner }
  /** No board has this id. */
  | { readonly type: 'noBoard' };

export interface NodeLeaseOptions {
  /** Unique per process of the cluster, stable across its restarts (e.g. the host name). */
  readonly nodeId: string;
  /** Where other nodes reach this one (for piping a board's connections to its owner). */
  readonly internalUrl: string;
  readonly ttlMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * Called once when the lease is lost. From then on every commit and compaction of this node is
   * fenced: close the rooms (their clients reconnect and find the new owner), then `register()` again.
   */
  readonly onLost?: (reason: LeaseLostReason) => void;
}

/** Thrown by claims while the node holds no live lease: `register()` first. */
export class LeaseNotHeldError extends Error {
  override readonly name = 'LeaseNotHeldError';
  constructor() {
    super('This node holds no live lease');
  }
}
