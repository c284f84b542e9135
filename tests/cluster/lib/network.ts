import { Worker } from 'node:worker_threads';
import type { NetworkMessage, NetworkRequest, NodeAddress, RecordUpdate } from './networkWorker';
import type { ProxiedConnection, Upstream } from './tcpProxy';

type Request = NetworkRequest extends infer R ? (R extends NetworkRequest ? Omit<R, 'id'> : never) : never;

/**
 * The failover tests' network (balancers, taps, PostgreSQL fault links: TcpProxy) on a thread of
 * its own. On the test's thread, which also runs hundreds of clients, every byte between a client
 * and a node, and between a node and PostgreSQL, would wait behind the clients' work: the figures
 * would measure the test's event loop, not the cluster, as a real network and balancer do not.
 * The proxies' connection records come back every few milliseconds (and on `flush`), with times on
 * this thread's performance.now() clock.
 */
export class ThreadedNetwork {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (port: number | undefined) => void>();
  private readonly proxies = new Map<string, RemoteProxy>();

  private constructor() {
    this.worker = new Worker(new URL('./networkWorkerBoot.mjs', import.meta.url));
    this.worker.on('message', (message: NetworkMessage) => {
      if (message.type === 'records') {
        for (const update of message.records) this.proxies.get(update.proxy)?.apply(update);
        return;
      }
      this.waiting.get(message.id)?.(message.port);
      this.waiting.delete(message.id);
    });
  }

  static start(): ThreadedNetwork {
    return new ThreadedNetwork();
  }

  /** A proxy to one upstream (a node's tap, its PostgreSQL link). */
  link(name: string, upstream: Upstream): Promise<RemoteProxy> {
    return this.open(name, { op: 'link', name, upstream });
  }

  /** A balancer over the nodes set by `setNodes`: round robin, or `preferred` while it is healthy. */
  balancer(name: string, preferred: number | null): Promise<RemoteProxy> {
    return this.open(name, { op: 'balancer', name, preferred });
  }

  /** The nodes the balancers choose from, with their health. */
  async setNodes(nodes: readonly NodeAddress[]): Promise<void> {
    await this.ask({ op: 'nodes', nodes });
  }

  /** Resolves once every record change made so far on the network thread is here. */
  async flush(): Promise<void> {
    await this.ask({ op: 'flush' });
  }

  async stop(): Promise<void> {
    for (const proxy of this.proxies.values()) await proxy.close();
    await this.worker.terminate();
  }

  private async open(name: string, request: Request): Promise<RemoteProxy> {
    const port = await this.ask(request);
    const proxy = new RemoteProxy(name, port ?? 0, (op) => this.ask({ op, name }));
    this.proxies.set(name, proxy);
    return proxy;
  }

  ask(request: Request): Promise<number | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...request, id } as NetworkRequest);
    });
  }
}

/** An absolute time from the network thread on this thread's performance.now() clock. */
const here = (at: number | null) => (at === null ? null : at - performance.timeOrigin);

/** This thread's view of a proxy on the network thread: its port, its switches, its records. */
export class RemoteProxy {
  readonly connections: ProxiedConnection[] = [];
  private readonly byId = new Map<number, ProxiedConnection>();
  private readonly byKey = new Map<string, ProxiedConnection>();
  private isCut = false;
  private isClosed = false;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly ask: (op: 'cut' | 'heal' | 'reset' | 'close') => Promise<unknown>,
  ) {}

  /** The record of the connection that sent this Sec-WebSocket-Key. */
  byWsKey(wsKey: string): ProxiedConnection | undefined {
    return this.byKey.get(wsKey);
  }

  get isLinkCut(): boolean {
    return this.isCut;
  }

  /** Stops forwarding both ways, keeping everything sent (a partition). */
  async cut(): Promise<void> {
    this.isCut = true;
    await this.ask('cut');
  }

  /** Delivers what was held, in order, and forwards again. */
  async heal(): Promise<void> {
    this.isCut = false;
    await this.ask('heal');
  }

  /** Closes every connection through it now. */
  async reset(): Promise<void> {
    await this.ask('reset');
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.ask('close');
  }

  apply(update: RecordUpdate): void {
    const { proxy: _proxy, ...fields } = update;
    const record: ProxiedConnection = {
      ...fields,
      acceptedAt: fields.acceptedAt - performance.timeOrigin,
      requestAt: here(fields.requestAt),
      connectedAt: here(fields.connectedAt),
      answeredAt: here(fields.answeredAt),
      closedAt: here(fields.closedAt),
    };
    const known = this.byId.get(record.id);
    if (known) Object.assign(known, record);
    else {
      this.byId.set(record.id, record);
      this.connections.push(record);
    }
    if (record.wsKey) this.byKey.set(record.wsKey, known ?? record);
  }
}
