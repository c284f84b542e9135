import { sleep } from '../../server/childServer';
import { RedisMonitor } from './anonymityAudit';
import { createReflectBoards, type RunBoard } from './boards';
import { ClientLog } from './clientLog';
import { Cluster } from './cluster';
import { LoadGenerator } from './load';
import { OwnerWatch } from './ownerWatch';
import { deleteRedisKeys, dropSchema, runTag } from './services';

export interface ClusterRunOptions {
  readonly databaseUrl: string;
  readonly redisUrl: string | null;
  readonly nodes: number;
  readonly boards: number;
  readonly socketsPerBoard: number;
  /** Extra environment for every node. */
  readonly env?: Record<string, string>;
}

/**
 * One cluster under load, with everything the scenarios read: the nodes behind their balancer and
 * fault proxies, the owner watch on board_owners, the client log, the load on `boards` boards, and
 * (with Redis) a monitor of every message published. `stop()` removes it all: processes, proxies,
 * the schema and the Redis keys of the run.
 */
export class ClusterRun {
  readonly tag = runTag();
  readonly log = new ClientLog();
  cluster!: Cluster;
  watch!: OwnerWatch;
  load!: LoadGenerator;
  boards: RunBoard[] = [];
  monitor: RedisMonitor | null = null;
  /** When the load started sending. */
  loadStartedAt = 0;
  /** How long each step of start() took, for the printout. */
  readonly setupMs: Record<string, number> = {};

  constructor(readonly options: ClusterRunOptions) {
    // Every y-websocket provider adds a process "exit" listener; the load has hundreds.
    process.setMaxListeners(2_000);
  }

  get schema(): string {
    return this.tag;
  }

  get redisPrefix(): string {
    return `${this.tag}:`;
  }

  get boardIds(): string[] {
    return this.boards.map((b) => b.boardId);
  }

  get nodeIds(): string[] {
    return this.cluster.nodes.map((n) => n.nodeId);
  }

  /** Starts the nodes, creates the boards, connects the load; does not start sending. */
  async start(): Promise<void> {
    if (this.options.redisUrl) {
      this.monitor = new RedisMonitor(this.options.redisUrl);
      await this.monitor.start();
    }
    let t = performance.now();
    const lap = (step: string) => {
      this.setupMs[step] = Math.round(performance.now() - t);
      t = performance.now();
    };
    this.cluster = await Cluster.start({
      size: this.options.nodes,
      databaseUrl: this.options.databaseUrl,
      schema: this.schema,
      redisUrl: this.options.redisUrl,
      redisPrefix: this.redisPrefix,
      ...(this.options.env ? { env: this.options.env } : {}),
    });
    lap('nodes');
    this.watch = new OwnerWatch(this.options.databaseUrl, this.schema);
    this.watch.start();
    this.boards = await createReflectBoards(this.log, this.cluster.balancer, this.options.boards);
    lap('boards');
    this.load = new LoadGenerator(this.log, this.cluster.balancer, this.tag);
    await this.load.connect(this.boards, this.options.socketsPerBoard);
    lap('sockets');
  }

  /** Starts the load and lets it run `warmUpMs`. */
  async startLoad(warmUpMs: number): Promise<void> {
    this.loadStartedAt = performance.now();
    this.load.start(1);
    await sleep(warmUpMs);
    await this.watch.poll();
  }

  /** Unexpected exits of any node so far. */
  crashes(): string[] {
    return this.cluster.nodes.flatMap((n) => n.crashes.map((e) => `${n.nodeId} exited (${e.code ?? e.signal})`));
  }

  /** Last lines of every node's log, for failure messages. */
  logTail(lines = 10): string {
    return this.cluster.log
      .slice(-lines)
      .map((l) => `${l.nodeId}: ${l.text}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    this.load?.close();
    this.monitor?.stop();
    await this.watch?.stop();
    await this.cluster?.stop().catch(() => {});
    await dropSchema(this.options.databaseUrl, this.schema).catch(() => {});
    if (this.options.redisUrl) await deleteRedisKeys(this.options.redisUrl, this.redisPrefix).catch(() => {});
  }
}
