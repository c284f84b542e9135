import type { RemoteOwner } from './BoardOwnership';

/**
 * How long a Redis hint that a board moved routes its connections without asking PostgreSQL, in
 * milliseconds. A hand-off's clients all come back within a second or two; past this, lookups go
 * to PostgreSQL again. A wrong hint (an event lost, then the board moved on) costs its clients a
 * refused hop and a retry for at most this long: the node a hop reaches serves a board only if it
 * owns it in PostgreSQL.
 */
export const OWNER_HINT_TTL_MS = 5_000;
/** Most boards with a hint at once; older hints are dropped first. */
export const MAX_OWNER_HINTS = 10_000;

/**
 * The owners an entry node learned from hints ('moved' and 'handover' events), so that the clients
 * of a board that just changed hands are piped to its new owner without one PostgreSQL lookup per
 * board on the entry node's routing pool. Only node ids come from Redis: a node's internal URL is
 * the one PostgreSQL gave (an owner lookup or the live nodes' list), never a Redis message's.
 */
export class OwnerHints {
  /** Internal URL of each node, as PostgreSQL last said. */
  private readonly urls = new Map<string, string>();
  private readonly boards = new Map<string, { readonly nodeId: string; readonly until: number }>();

  constructor(
    private readonly selfId: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A node's internal URL, from PostgreSQL. */
  learnNode(nodeId: string, internalUrl: string): void {
    this.urls.set(nodeId, internalUrl);
  }

  /** A hint that `nodeId` owns `boardId` now. */
  moved(boardId: string, nodeId: string): void {
    this.boards.delete(boardId);
    if (nodeId === this.selfId) return;
    if (this.boards.size >= MAX_OWNER_HINTS) {
      const oldest = this.boards.keys().next().value;
      if (oldest !== undefined) this.boards.delete(oldest);
    }
    this.boards.set(boardId, { nodeId, until: this.now() + OWNER_HINT_TTL_MS });
  }

  /** `nodeId` is down: none of its hints holds. */
  down(nodeId: string): void {
    for (const [boardId, hint] of this.boards) if (hint.nodeId === nodeId) this.boards.delete(boardId);
  }

  /** The hinted owner of `boardId`, while the hint is fresh and the node's URL is known. */
  owner(boardId: string): RemoteOwner | null {
    const hint = this.boards.get(boardId);
    if (!hint) return null;
    if (hint.until <= this.now()) {
      this.boards.delete(boardId);
      return null;
    }
    const internalUrl = this.urls.get(hint.nodeId);
    return internalUrl === undefined ? null : { nodeId: hint.nodeId, internalUrl };
  }

  get size(): number {
    return this.boards.size;
  }
}
