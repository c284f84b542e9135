import { setTimeout as delay } from 'node:timers/promises';

/** How often the watch of a silent owner asks PostgreSQL which leases are alive, in milliseconds. */
export const OWNER_DEATH_POLL_MS = 250;

/** What became of a silent owner's lease (SilentOwners.watch). */
export type LeaseWatch = 'ended' | 'timeout';

/** The live nodes, for the owner check. */
export type LiveNodes = () => Promise<
  readonly { readonly nodeId: string; readonly internalUrl: string; readonly expiresAt: number }[]
>;

/**
 * The owners that left an upgrade unanswered (dead, paused or busy), as an entry node sees them:
 * one watch of each one's lease, shared by every client waiting for it, and the boards whose clients
 * it holds meanwhile. When a watch sees a lease ended, `onEnded` is told (the entry node then claims
 * those boards).
 */
export class SilentOwners {
  /** One watch per silent owner; it runs until `until`. */
  private readonly watches = new Map<string, { until: number; outcome: Promise<LeaseWatch> }>();
  /** Per silent owner, the boards whose clients are held (how many each). */
  private readonly held = new Map<string, Map<string, number>>();

  constructor(
    private readonly liveNodes: LiveNodes,
    private readonly onEnded: (nodeId: string) => void,
  ) {}

  /**
   * Watches `nodeId`'s lease: `ended` once it has run out (the node is dead or paused), `timeout`
   * after `maxMs`. One query per OWNER_DEATH_POLL_MS, however many clients wait.
   */
  watch(nodeId: string, maxMs: number): Promise<LeaseWatch> {
    const until = performance.now() + maxMs;
    let watch = this.watches.get(nodeId);
    if (watch) watch.until = Math.max(watch.until, until);
    else {
      const entry = { until, outcome: Promise.resolve<LeaseWatch>('timeout') };
      entry.outcome = (async (): Promise<LeaseWatch> => {
        while (performance.now() < entry.until) {
          const live = await this.liveNodes().catch(() => null);
          if (live !== null && !live.some((n) => n.nodeId === nodeId)) {
            this.onEnded(nodeId);
            return 'ended';
          }
          await sleep(OWNER_DEATH_POLL_MS);
        }
        return 'timeout';
      })().finally(() => this.watches.delete(nodeId));
      this.watches.set(nodeId, entry);
      watch = entry;
    }
    const outcome = watch.outcome;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<LeaseWatch>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, maxMs));
    });
    return Promise.race([outcome, timeout]).finally(() => clearTimeout(timer));
  }

  /** Counts a client held for `boardId` while `nodeId` is silent; returns its release (called once or more). */
  hold(nodeId: string, boardId: string): () => void {
    const boards = this.held.get(nodeId) ?? new Map<string, number>();
    this.held.set(nodeId, boards);
    boards.set(boardId, (boards.get(boardId) ?? 0) + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = (boards.get(boardId) ?? 1) - 1;
      if (left > 0) boards.set(boardId, left);
      else boards.delete(boardId);
      if (boards.size === 0 && this.held.get(nodeId) === boards) this.held.delete(nodeId);
    };
  }

  /** The boards whose clients are held for `nodeId` now. */
  heldBoards(nodeId: string): Iterable<string> {
    return this.held.get(nodeId)?.keys() ?? [];
  }
}

/** Resolves (with undefined) after `ms` milliseconds; the timer does not keep the process alive. */
export function sleep(ms: number): Promise<undefined> {
  return delay(Math.max(0, ms), undefined, { ref: false });
}
