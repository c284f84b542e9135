import pg from 'pg';

/** A board's owner row as seen at one poll. */
export interface OwnerRow {
  readonly at: number;
  readonly nodeId: string | null;
  readonly generation: number | null;
  readonly epoch: number;
}

/** How often board_owners is read. */
const POLL_MS = 100;

/**
 * Polls `board_owners` every 100 ms and keeps, per board, every change it saw (owner, generation,
 * epoch) with the time it saw it. Epochs grow by one at every change of owner, so the first and last
 * epoch tell how many changes there were even when a poll missed some.
 */
export class OwnerWatch {
  readonly history = new Map<string, OwnerRow[]>();
  /** Poll failures (PostgreSQL restarting); the watch reconnects by itself. */
  errors = 0;
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private isPolling = false;

  constructor(
    private readonly url: string,
    private readonly schema: string,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  /** Reads the table now (also used for a fresh snapshot right before a fault). */
  async poll(): Promise<void> {
    if (this.isPolling) return;
    this.isPolling = true;
    try {
      if (!this.client) {
        const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1_000 });
        client.on('error', () => {});
        await client.connect();
        this.client = client;
      }
      const { rows } = await this.client.query<{
        board_id: string;
        node_id: string | null;
        node_generation: number | null;
        epoch: number;
      }>(`SELECT board_id, node_id, node_generation, epoch FROM ${this.schema}.board_owners`);
      const at = performance.now();
      for (const row of rows) {
        const list = this.history.get(row.board_id) ?? [];
        const last = list.at(-1);
        if (!last || last.nodeId !== row.node_id || last.epoch !== row.epoch || last.generation !== row.node_generation) {
          list.push({ at, nodeId: row.node_id, generation: row.node_generation, epoch: Number(row.epoch) });
          this.history.set(row.board_id, list);
        }
      }
    } catch {
      this.errors += 1;
      await this.client?.end().catch(() => {});
      this.client = null;
    } finally {
      this.isPolling = false;
    }
  }

  /** The owner of `boardId` as last seen. */
  current(boardId: string): OwnerRow | undefined {
    return this.history.get(boardId)?.at(-1);
  }

  /** Boards whose last seen owner is `nodeId`. */
  ownedBy(nodeId: string, boards: readonly string[]): string[] {
    return boards.filter((b) => this.current(b)?.nodeId === nodeId);
  }

  /** The node owning most of `boards` now. */
  busiest(boards: readonly string[], among: readonly string[]): string {
    let best = among[0] as string;
    for (const nodeId of among) if (this.ownedBy(nodeId, boards).length > this.ownedBy(best, boards).length) best = nodeId;
    return best;
  }

  /** The first time after `since` that `boardId` was seen owned by a node other than `nodeId`. */
  movedAway(boardId: string, nodeId: string, since: number): number | null {
    const row = this.history.get(boardId)?.find((r) => r.at >= since && r.nodeId !== null && r.nodeId !== nodeId);
    return row ? row.at : null;
  }
}
