import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../server/childServer';
import { ClusterNode, type LogLine } from './clusterNode';
import { type RemoteProxy, ThreadedNetwork } from './network';
import { hostPortOf, withHostPort } from './services';
import type { ProxiedConnection } from './tcpProxy';

/** How often the balancers' health check asks every node for /healthz. */
const HEALTH_INTERVAL_MS = 250;
/** A node that does not answer /healthz within this long is skipped by the balancers. */
const HEALTH_TIMEOUT_MS = 750;

export interface ClusterOptions {
  readonly size: number;
  /** PostgreSQL the nodes use; each node reaches it through its own fault proxy. */
  readonly databaseUrl: string;
  readonly schema: string;
  readonly redisUrl: string | null;
  readonly redisPrefix: string;
  /** Extra environment for every node. */
  readonly env?: Record<string, string>;
}

/** Where a client connection entered the cluster and which node answered on it. */
export interface Route {
  /** The node the balancer gave the TCP connection to. */
  readonly entry: string | null;
  /** The node whose room served it: the owner it was piped to, or the entry node itself. */
  readonly producer: string | null;
  readonly wsKey: string | null;
}

/**
 * A load balancer in front of the nodes: plain TCP, one node per connection chosen in turn (never by
 * board, so that most connections land on a node that does not own their board and are piped on).
 * With a preferred node, it sends every connection there while it is healthy (a tab that stays on
 * one node). Nodes failing the health check are tried last. It runs on the network thread.
 */
export class Balancer {
  constructor(readonly proxy: RemoteProxy) {}

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.proxy.port}/ws`;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.proxy.port}`;
  }
}

/**
 * Several Accord nodes on 127.0.0.1 sharing one PostgreSQL schema (and Redis prefix), with:
 * - a round-robin TCP balancer in front (`balancer`), and more that prefer one node (`preferring`);
 * - per node, a fault proxy on its PostgreSQL link (`pgLinks`), to cut that one node off;
 * - per node, a tap on its INTERNAL_URL (`taps`): connections other nodes pipe to it pass there, so
 *   the test knows which node served every client connection (by its WebSocket key).
 */
export class Cluster {
  readonly nodes: ClusterNode[] = [];
  readonly log: LogLine[] = [];
  readonly pgLinks = new Map<string, RemoteProxy>();
  readonly taps = new Map<string, RemoteProxy>();
  readonly network = ThreadedNetwork.start();
  readonly balancers: Balancer[] = [];
  private readonly health = new Map<string, boolean>();
  private toldBalancers = '';
  private healthTimer: NodeJS.Timeout | null = null;
  private readonly dataDir = mkdtempSync(path.join(tmpdir(), 'accord-cluster-'));
  balancer!: Balancer;

  private constructor(readonly options: ClusterOptions) {}

  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    try {
      await cluster.build();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private async build(): Promise<void> {
    const pg = hostPortOf(this.options.databaseUrl, 5432);
    for (let i = 0; i < this.options.size; i++) {
      const nodeId = `node-${i + 1}`;
      const port = await freePort();
      const pgLink = await this.network.link(`pg←${nodeId}`, { name: 'postgres', ...pg });
      const tap = await this.network.link(`tap→${nodeId}`, { name: nodeId, host: '127.0.0.1', port });
      this.pgLinks.set(nodeId, pgLink);
      this.taps.set(nodeId, tap);
      const env: Record<string, string> = {
        DATABASE_URL: withHostPort(this.options.databaseUrl, '127.0.0.1', pgLink.port),
        DATABASE_SCHEMA: this.options.schema,
        CLUSTER_SECRET: `cluster-secret-${this.options.schema}`,
        INTERNAL_URL: `http://127.0.0.1:${tap.port}`,
        DATA_DIR: path.join(this.dataDir, nodeId),
        LOG_LEVEL: process.env.CLUSTER_TEST_LOG_LEVEL ?? 'info',
        MAX_CONNECTIONS_PER_ADDRESS: '10000',
        // The TCP balancer passes no client address: every board of the run starts from 127.0.0.1.
        BOARD_BURST_PER_ADDRESS: '60',
        ...(this.options.redisUrl ? { REDIS_URL: this.options.redisUrl, REDIS_KEY_PREFIX: this.options.redisPrefix } : {}),
        ...this.options.env,
      };
      this.nodes.push(new ClusterNode(nodeId, port, env, this.log));
      this.health.set(nodeId, false);
    }
    await Promise.all(this.nodes.map((node) => node.start()));
    for (const node of this.nodes) this.health.set(node.nodeId, true);
    await this.tellBalancers();
    this.balancer = await this.addBalancer(null);
    this.healthTimer = setInterval(() => void this.checkHealth(), HEALTH_INTERVAL_MS);
  }

  /** A balancer that sends every connection to node `index` while it is healthy. */
  async preferring(index: number): Promise<Balancer> {
    return this.addBalancer(index);
  }

  private async addBalancer(preferred: number | null): Promise<Balancer> {
    const name = preferred === null ? 'balancer' : `balancer→${preferred}`;
    const balancer = new Balancer(await this.network.balancer(name, preferred));
    this.balancers.push(balancer);
    return balancer;
  }

  node(nodeId: string): ClusterNode {
    const node = this.nodes.find((n) => n.nodeId === nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    return node;
  }

  isHealthy(nodeId: string): boolean {
    return this.health.get(nodeId) === true;
  }

  /** Marks a node down at once (the test just killed or paused it), before the health check notices. */
  async markDown(nodeId: string): Promise<void> {
    this.health.set(nodeId, false);
    await this.tellBalancers();
  }

  /** Sends the nodes' health to the balancers when it changed. */
  private async tellBalancers(): Promise<void> {
    const nodes = this.nodes.map((node) => ({ nodeId: node.nodeId, port: node.port, isHealthy: this.isHealthy(node.nodeId) }));
    const key = JSON.stringify(nodes);
    if (key === this.toldBalancers) return;
    this.toldBalancers = key;
    await this.network.setNodes(nodes);
  }

  private async checkHealth(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        if (!node.isRunning) {
          this.health.set(node.nodeId, false);
          return;
        }
        try {
          const res = await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
          await res.arrayBuffer();
          this.health.set(node.nodeId, res.ok);
        } catch {
          this.health.set(node.nodeId, false);
        }
      }),
    );
    await this.tellBalancers();
  }

  /** The node that served a connection: the node a tap saw it piped to, else the node it entered. */
  producerOf(entry: ProxiedConnection | undefined): Route {
    if (!entry) return { entry: null, producer: null, wsKey: null };
    if (entry.wsKey) {
      for (const [nodeId, tap] of this.taps) {
        // The node that answered the upgrade: an entry node may first try a silent owner, then serve it itself.
        if (tap.connections.some((c) => c.wsKey === entry.wsKey && c.isAnswered))
          return { entry: entry.upstream, producer: nodeId, wsKey: entry.wsKey };
      }
    }
    return { entry: entry.upstream, producer: entry.upstream, wsKey: entry.wsKey };
  }

  /** True when some node piped at least one connection to another through its INTERNAL_URL. */
  get hasPipedConnections(): boolean {
    return [...this.taps.values()].some((tap) => tap.connections.some((c) => c.wsKey !== null));
  }

  async stop(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    // For debugging a failure: CLUSTER_TEST_LOG_DIR=/tmp/x keeps every node's log lines of the run.
    const logDir = process.env.CLUSTER_TEST_LOG_DIR;
    if (logDir) {
      mkdirSync(logDir, { recursive: true });
      const lines = this.log.map((l) => `${Math.round(l.at)} ${l.nodeId} ${l.text}`).join('\n');
      writeFileSync(path.join(logDir, `${this.options.schema}.log`), lines);
    }
    for (const link of this.pgLinks.values()) await link.heal();
    await Promise.all(this.nodes.map((node) => node.terminate(10_000)));
    await this.network.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
