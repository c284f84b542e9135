import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Where a proxy may send a connection. */
export interface Upstream {
  /** A name for records (a node id, "postgres"). */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/** One connection through a proxy, as the test later reads it. */
export interface ProxiedConnection {
  readonly id: number;
  /** The client's source port: a client socket finds its record by its own local port. */
  readonly clientPort: number;
  readonly acceptedAt: number;
  /** The upstream it was sent to (null until connected, or when every upstream refused). */
  upstream: string | null;
  /** Request line path and Sec-WebSocket-Key of an HTTP upgrade, when the stream starts with one. */
  path: string | null;
  wsKey: string | null;
  /** True once the upstream sent anything back (an upgrade it answered, not one it left hanging). */
  isAnswered: boolean;
  /** When the request head had come in whole, and when the upstream took the connection. */
  requestAt: number | null;
  connectedAt: number | null;
  /** When the upstream's first bytes came back. */
  answeredAt: number | null;
  /** The local port of the connection to the upstream. */
  upstreamPort?: number;
  closedAt: number | null;
}

export interface TcpProxyOptions {
  readonly name: string;
  /** Upstreams to try for connection number `n`, in order (the next one when one refuses). */
  readonly candidates: (n: number) => readonly Upstream[];
  /** Time to wait for an upstream to accept before trying the next one. */
  readonly connectTimeoutMs?: number;
  /** Called when a connection's record is made or changes (ThreadedNetwork sends it to the test's thread). */
  readonly onRecord?: (record: ProxiedConnection) => void;
}

/** The most bytes of a request head that are parsed for its path and WebSocket key. */
const MAX_HEAD_BYTES = 16 * 1024;

interface Pair {
  readonly record: ProxiedConnection;
  readonly client: Socket;
  upstream: Socket | null;
  /** Bytes held back while the link is cut, per direction, in order. */
  readonly heldToUpstream: Buffer[];
  readonly heldToClient: Buffer[];
  /** One side closed while the link was cut: the other side learns of it only on heal. */
  isClosing: boolean;
  /** Hung (see `stall`): nothing is forwarded either way, ever again, and no close crosses. */
  isStalled: boolean;
}

/**
 * A TCP proxy on 127.0.0.1 with a fault switch. `cut()` models a network partition: nothing is
 * forwarded either way and new connections are not put through, but every socket stays open, what
 * was sent is kept, and a side that closes meanwhile is not seen closing by the other (PostgreSQL
 * keeps a partitioned node's transaction, and its locks, open); `heal()` delivers it all late, in
 * order, as TCP retransmission would. `reset()`
 * closes every connection at once. The proxy also records, for each connection, which upstream took
 * it and the path and WebSocket key of the request, so that a test can tell where a client landed.
 */
export class TcpProxy {
  readonly connections: ProxiedConnection[] = [];
  private readonly byClientPort = new Map<number, ProxiedConnection>();
  private readonly pairs = new Set<Pair>();
  private readonly server: Server;
  private nextId = 0;
  private isCut = false;
  /** Connections accepted while cut: put through on heal. */
  private parked: Pair[] = [];
  port = 0;

  constructor(private readonly options: TcpProxyOptions) {
    this.server = createServer({ noDelay: true }, (client) => this.accept(client));
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  /** The record of the connection whose client side has local port `port` (most recent first). */
  byClient(port: number): ProxiedConnection | undefined {
    return this.byClientPort.get(port);
  }

  get isLinkCut(): boolean {
    return this.isCut;
  }

  /** Stops forwarding in both directions and parks new connections, keeping everything sent. */
  cut(): void {
    this.isCut = true;
  }

  /**
   * The connections open now hang, as those of a paused server do (SIGSTOP): their sockets stay
   * open and nothing more is forwarded either way, nor a close. New connections pass as usual.
   */
  stall(): void {
    for (const pair of this.pairs) pair.isStalled = true;
  }

  /** Delivers what was held, in order, and forwards again. */
  heal(): void {
    this.isCut = false;
    for (const pair of [...this.pairs]) {
      this.flush(pair);
      if (pair.isClosing) this.destroy(pair);
    }
    const parked = this.parked;
    this.parked = [];
    for (const pair of parked) if (!pair.client.destroyed) this.connectUpstream(pair, 0);
  }

  /** Closes every open connection (both sides) now. */
  reset(): void {
    for (const pair of [...this.pairs]) this.destroy(pair);
  }

  async close(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const record: ProxiedConnection = {
      id: ++this.nextId,
      clientPort: client.remotePort ?? 0,
      acceptedAt: performance.now(),
      upstream: null,
      path: null,
      wsKey: null,
      isAnswered: false,
      requestAt: null,
      connectedAt: null,
      answeredAt: null,
      closedAt: null,
    };
    this.connections.push(record);
    this.byClientPort.set(record.clientPort, record);
    this.options.onRecord?.(record);
    const pair: Pair = {
      record,
      client,
      upstream: null,
      heldToUpstream: [],
      heldToClient: [],
      isClosing: false,
      isStalled: false,
    };
    this.pairs.add(pair);
    client.setNoDelay(true);
    let head = '';
    client.on('data', (chunk: Buffer) => {
      if (record.path === null && head.length < MAX_HEAD_BYTES) {
        head += chunk.toString('latin1');
        parseHead(head, record);
        if (record.path !== null) {
          record.requestAt = performance.now();
          this.options.onRecord?.(record);
        }
      }
      if (pair.isStalled) return;
      if (this.isCut || !pair.upstream || pair.upstream.connecting) pair.heldToUpstream.push(chunk);
      else pair.upstream.write(chunk);
    });
    client.on('error', () => {});
    client.on('close', () => this.closeLater(pair));
    if (this.isCut) this.parked.push(pair);
    else this.connectUpstream(pair, 0);
  }

  private connectUpstream(pair: Pair, attempt: number): void {
    const candidates = this.options.candidates(pair.record.id);
    const target = candidates[attempt];
    if (!target) {
      this.destroy(pair);
      return;
    }
    const upstream = createConnection({ host: target.host, port: target.port, noDelay: true });
    const timer = setTimeout(() => upstream.destroy(new Error('connect timeout')), this.options.connectTimeoutMs ?? 2_000);
    let isConnected = false;
    upstream.once('connect', () => {
      clearTimeout(timer);
      isConnected = true;
      pair.upstream = upstream;
      pair.record.upstream = target.name;
      pair.record.connectedAt = performance.now();
      pair.record.upstreamPort = upstream.localPort;
      this.options.onRecord?.(pair.record);
      if (pair.client.destroyed) {
        this.destroy(pair);
        return;
      }
      this.flush(pair);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.record.isAnswered) {
        pair.record.isAnswered = true;
        pair.record.answeredAt = performance.now();
        this.options.onRecord?.(pair.record);
      }
      if (pair.isStalled) return;
      if (this.isCut) pair.heldToClient.push(chunk);
      else pair.client.write(chunk);
    });
    upstream.on('error', () => {});
    upstream.on('close', () => {
      clearTimeout(timer);
      if (isConnected) this.closeLater(pair);
      else if (!pair.client.destroyed) this.connectUpstream(pair, attempt + 1);
    });
  }

  /** A close crosses a cut link only when it heals (a partitioned peer keeps its session open). */
  private closeLater(pair: Pair): void {
    if (pair.isStalled) return;
    if (this.isCut) pair.isClosing = true;
    else this.destroy(pair);
  }

  private flush(pair: Pair): void {
    if (this.isCut) return;
    if (pair.upstream && !pair.upstream.connecting) {
      for (const chunk of pair.heldToUpstream.splice(0)) pair.upstream.write(chunk);
    }
    for (const chunk of pair.heldToClient.splice(0)) pair.client.write(chunk);
  }

  private destroy(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.record.closedAt = performance.now();
    this.options.onRecord?.(pair.record);
    // Deliver what the upstream already sent before closing, unless the link is cut.
    if (!this.isCut) for (const chunk of pair.heldToClient.splice(0)) pair.client.write(chunk);
    pair.client.destroy();
    pair.upstream?.destroy();
  }
}

function parseHead(head: string, record: ProxiedConnection): void {
  const end = head.indexOf('\r\n\r\n');
  if (end < 0) return;
  const lines = head.slice(0, end).split('\r\n');
  record.path = lines[0]?.split(' ')[1] ?? '';
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'sec-websocket-key')
      record.wsKey = line.slice(colon + 1).trim();
  }
}
