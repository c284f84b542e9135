/** A live node that owns a board: where its connections must go. */
export interface RemoteOwner {
  readonly nodeId: string;
  /** http://host:port of that node. */
  readonly internalUrl: string;
}

/** Where a board lives, as a claim found it. */
export type Placement =
  /** This node owns the board now: it may open the room and commit. */
  | { readonly type: 'local' }
  /** Another live node owns it. */
  | ({ readonly type: 'remote' } & RemoteOwner)
  /** No board has this id. */
  | { readonly type: 'noBoard' };

/** Why this node lost boards without giving them up itself. */
export type OwnershipLoss =
  /** Its lease on the database expired or could not be renewed: every board is gone. */
  { readonly type: 'lease'; readonly reason: string };

/**
 * Who may open and write which board. RoomManager opens a room only after `claim` said `local`,
 * and releases the claim when the room closes. With one process (SQLite) every board is local;
 * with several (PostgreSQL) a board has one owner at a time, fenced by an epoch in the database.
 */
export interface BoardOwnership {
  /** This node's id (in the health check and the hop header). */
  readonly nodeId: string;
  /** Boards this node owns now. */
  readonly ownedCount: number;
  /** False while this node cannot serve boards (a cluster node whose lease is not renewed): /healthz answers 503. */
  readonly isServing: boolean;
  /** Called when this node lost boards it did not give up (set by RoomManager). */
  onLost: ((loss: OwnershipLoss) => void) | null;
  /** True when this node holds a claim on the board (no database round trip). */
  isHeld(boardId: string): boolean;
  /** Claims the board unless another live node owns it. Rejects while this node holds no lease. */
  claim(boardId: string): Promise<Placement>;
  /** The live node that owns the board, if it is another one; null when it is this node, nobody, or a dead node. */
  remoteOwner(boardId: string): Promise<RemoteOwner | null>;
  /** Gives the board up at once (its room closed): another node may claim it without waiting for a lease to expire. */
  release(boardId: string): Promise<void>;
  /**
   * Gives the board up on a drain, to a live successor when there is one (its id is returned;
   * null when the board went to nobody): the successor can load it before its clients come back.
   */
  handOver(boardId: string): Promise<string | null>;
  /** Releases every board and ends the lease (shutdown, after the rooms closed). */
  stop(): Promise<void>;
}

/** One process with its own database: every board is local. */
export class LocalOwnership implements BoardOwnership {
  onLost: ((loss: OwnershipLoss) => void) | null = null;
  private readonly held = new Set<string>();

  constructor(readonly nodeId: string) {}

  get ownedCount(): number {
    return this.held.size;
  }

  get isServing(): boolean {
    return true;
  }

  isHeld(): boolean {
    return true;
  }

  async claim(boardId: string): Promise<Placement> {
    this.held.add(boardId);
    return { type: 'local' };
  }

  async remoteOwner(): Promise<RemoteOwner | null> {
    return null;
  }

  async release(boardId: string): Promise<void> {
    this.held.delete(boardId);
  }

  async handOver(boardId: string): Promise<string | null> {
    this.held.delete(boardId);
    return null;
  }

  async stop(): Promise<void> {
    this.held.clear();
  }
}
