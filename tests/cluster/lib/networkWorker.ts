import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { type ProxiedConnection, TcpProxy, type Upstream } from './tcpProxy';

/** A node as the balancers see it. */
export interface NodeAddress {
  readonly nodeId: string;
  readonly port: number;
  readonly isHealthy: boolean;
}

/** What the test's thread asks of the network thread (see ThreadedNetwork). */
export type NetworkRequest =
  | { readonly id: number; readonly op: 'link'; readonly name: string; readonly upstream: Upstream }
  | { readonly id: number; readonly op: 'balancer'; readonly name: string; readonly preferred: number | null }
  | { readonly id: number; readonly op: 'nodes'; readonly nodes: readonly NodeAddress[] }
  | { readonly id: number; readonly op: 'cut' | 'heal' | 'reset' | 'close'; readonly name: string }
  | { readonly id: number; readonly op: 'flush' };

/** A record as it crosses threads: its times are absolute (timeOrigin + now), for the other thread's clock. */
export type RecordUpdate = ProxiedConnection & { readonly proxy: string };

export type NetworkMessage =
  | { readonly type: 'done'; readonly id: number; readonly port?: number }
  | { readonly type: 'records'; readonly records: readonly RecordUpdate[] };

/** How often changed connection records are sent to the test's thread, in milliseconds. */
const RECORDS_EVERY_MS = 50;

const proxies = new Map<string, TcpProxy>();
let nodes: readonly NodeAddress[] = [];
const changed = new Map<ProxiedConnection, string>();
const absolute = (t: number | null) => (t === null ? null : performance.timeOrigin + t);

function sendRecords(): void {
  if (changed.size === 0) return;
  const records = [...changed].map(([r, proxy]) => ({
    ...r,
    proxy,
    acceptedAt: absolute(r.acceptedAt) as number,
    requestAt: absolute(r.requestAt),
    connectedAt: absolute(r.connectedAt),
    answeredAt: absolute(r.answeredAt),
    closedAt: absolute(r.closedAt),
  }));
  changed.clear();
  parentPort?.postMessage({ type: 'records', records } satisfies NetworkMessage);
}
setInterval(sendRecords, RECORDS_EVERY_MS).unref();

// With CLUSTER_TEST_LOG_LEVEL=debug, this thread's event loop delay each second (every relayed byte waits on it).
if (process.env.CLUSTER_TEST_LOG_LEVEL === 'debug') {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  setInterval(() => {
    const max = Math.round(lag.max / 1e6);
    if (max >= 50)
      console.log(
        `[network] ${new Date().toISOString()} event loop delay p99 ${Math.round(lag.percentile(99) / 1e6)} ms, max ${max} ms`,
      );
    lag.reset();
  }, 1_000).unref();
}

/** Round robin (or one preferred node while it is healthy), healthy nodes first. */
function balancerCandidates(preferred: number | null, n: number): Upstream[] {
  const start = preferred ?? n;
  const ordered = nodes.map((_, i) => nodes[(start + i) % nodes.length] as NodeAddress);
  const upstream = (node: NodeAddress): Upstream => ({ name: node.nodeId, host: '127.0.0.1', port: node.port });
  return [...ordered.filter((node) => node.isHealthy).map(upstream), ...ordered.filter((node) => !node.isHealthy).map(upstream)];
}

async function handle(request: NetworkRequest): Promise<number | undefined> {
  switch (request.op) {
    case 'link':
    case 'balancer': {
      const { name } = request;
      const candidates =
        request.op === 'link' ? () => [request.upstream] : (n: number) => balancerCandidates(request.preferred, n);
      const proxy = new TcpProxy({ name, candidates, onRecord: (record) => changed.set(record, name) });
      proxies.set(name, proxy);
      return proxy.listen();
    }
    case 'nodes':
      nodes = request.nodes;
      return undefined;
    case 'flush':
      sendRecords();
      return undefined;
    default: {
      const proxy = proxies.get(request.name);
      if (!proxy) throw new Error(`no proxy ${request.name}`);
      if (request.op === 'cut') proxy.cut();
      else if (request.op === 'heal') proxy.heal();
      else if (request.op === 'reset') proxy.reset();
      else {
        await proxy.close();
        proxies.delete(request.name);
      }
      return undefined;
    }
  }
}

parentPort?.on('message', (request: NetworkRequest) => {
  void handle(request).then((port) => parentPort?.postMessage({ type: 'done', id: request.id, port } satisfies NetworkMessage));
});
