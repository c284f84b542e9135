import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { refusalOf } from '../shared/domain/refusals';
import { MAX_CLIENT_FRAME_BYTES } from '../shared/limits';
import { CLOSE_CODES } from '../shared/protocol';
import { addAcceptHandles } from './acceptHandles';
import { acceptWebSocket, type WebSocketIntake } from './acceptWebSocket';
import { createApiGuards, handleApi } from './api';
import type { ClusterNode, UpgradeRoute } from './cluster/ClusterNode';
import { createNodeState, type NodeReady } from './cluster/nodeState';
import type { ServerConfig } from './config';
import { HostPolicy } from './http/hostPolicy';
import { refuseHost, refuseUpgrade, UNKNOWN_HOST_MESSAGE } from './http/refusals';
import { type RequestView, viewRequest } from './http/requestView';
import { securityHeaders } from './http/securityHeaders';
import { isLogged, log } from './log';
import { PER_MESSAGE_DEFLATE } from './perMessageDeflate';
import { DRAIN_ROOM_SPACING_MS, type RoomManager } from './RoomManager';
import { RateLimitRegistry } from './rateLimit';
import { serveStatic } from './staticFiles';
import type { BoardStore } from './store/BoardStore';
import { SqliteStore } from './store/SqliteStore';

export { PING_INTERVAL_MS } from './acceptWebSocket';

/** A running Accord server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: BoardStore;
  readonly rooms: RoomManager;
  /** This process's node id (random for one process; NODE_ID in a cluster). */
  readonly nodeId: string;
  /** The cluster side of a node (routing, pipes, hints); null for one process. */
  readonly cluster: ClusterNode | null;
  /** Stops at once: rooms close with 4500, unanswered commands are replayed by their clients later. */
  close(): Promise<void>;
  /**
   * Stops gracefully (SIGTERM): each room commits and answers what it queued, gives its board up
   * (in a cluster another node claims it at once), and closes its connections with a reconnect code.
   */
  drain(): Promise<void>;
}

/** Starts the HTTP API, static client and WebSocket endpoint on one port. */
export async function startServer(
  config: ServerConfig,
  store: BoardStore = new SqliteStore(config.dataDir),
): Promise<RunningServer> {
  // maxPayload bounds a compressed client frame's inflated size too (ws stops inflating past it: 1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: PER_MESSAGE_DEFLATE });
  // Everyone behind one address together may cost what as many people as may connect from it.
  const rateLimits = new RateLimitRegistry(Math.max(1, config.maxConnectionsPerAddress));
  const guards = createApiGuards(config.boardBurstPerAddress);
  const intake: WebSocketIntake = {
    wss,
    config,
    store,
    rateLimits,
    wrongJoinCodes: guards.wrongJoinCodes,
    connections: 0,
  };
  const hosts = new HostPolicy(config);
  const publicHost = config.publicUrl ? new URL(config.publicUrl).host : undefined;
  // One process: ready now. A cluster node: ready once it holds a lease, which needs the port it listens on.
  const node = createNodeState();

  const server: Server = createServer((req, res) => {
    const view = viewRequest(req, config, hosts);
    for (const [name, value] of Object.entries(securityHeaders(view, config.publicUrl))) res.setHeader(name, value);
    if (!view.isHostAllowed) return refuseHost(req, res);
    node.ready
      .then(({ rooms, ownership }) =>
        handleApi(req, res, {
          store,
          rooms,
          guards,
          baseUrl: view.baseUrl,
          address: view.address,
          health: () => ({
            nodeId: ownership.nodeId,
            rooms: rooms.openRooms,
            connections: intake.connections,
            owned: ownership.ownedCount,
            isServing: ownership.isServing,
          }),
        }),
      )
      .then((handled) => {
        if (!handled) serveStatic(config.staticDir, req, res);
      })
      .catch((error: Error) => {
        // The route's kind, not the path: the path is client input.
        log('error', 'http.failed', { route: routeKind(req.url), message: error.message });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(refusalOf('internal', 'serverFailed')));
      });
  });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    const match = /^\/ws\/([A-Za-z0-9_-]{1,64})$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const view = viewRequest(req, config, hosts);
    if (!view.isHostAllowed) {
      log('warn', 'ws.host_refused', {});
      return refuseUpgrade(socket, 421, 'Misdirected Request', UNKNOWN_HOST_MESSAGE);
    }
    if (!match) return refuseUpgrade(socket, 404, 'Not Found');
    const boardId = match[1] as string;
    const receivedAt = performance.now();
    node.ready
      .then((ready) => routeUpgrade(ready, req, socket, head, boardId, view, receivedAt))
      .catch((error: Error) => {
        log('error', 'ws.upgrade_failed', { boardId, message: error.message });
        socket.destroy();
      });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  // Every socket, so that stopping ends them all: an upgraded one (a WebSocket, or a connection piped
  // to another node) is no longer the HTTP server's to close, and would keep server.close() waiting.
  const sockets = new Set<Socket>();
  /** When each socket was accepted, for the debug line of a routed upgrade (a late upgrade event shows there). */
  const acceptedAt = new WeakMap<Duplex, number>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    if (isLogged('debug')) acceptedAt.set(socket, performance.now());
    socket.once('close', () => sockets.delete(socket));
  });

  /** Serves an upgrade here, pipes it to the board's owner, or refuses it (cluster routing: server/cluster). */
  async function routeUpgrade(
    ready: NodeReady,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    boardId: string,
    view: RequestView,
    receivedAt: number,
  ) {
    const address = view.address;
    const ownHosts = [view.host, publicHost];
    const route: UpgradeRoute = ready.cluster
      ? await ready.cluster.route(req, socket, head, boardId, address, ready.rooms, config.allowedOrigins, ownHosts)
      : { type: 'local', clientAddress: address, isHopped: false };
    if (ready.cluster && isLogged('debug')) {
      const accepted = acceptedAt.get(socket);
      log('debug', 'ws.routed', {
        boardId,
        route: route.type,
        ms: Math.round(performance.now() - receivedAt),
        sinceAcceptMs: accepted === undefined ? null : Math.round(receivedAt - accepted),
        isHopped: route.type === 'local' ? route.isHopped : false,
        ...(route.type === 'piped' ? { owner: route.ownerFrom } : {}),
      });
    }
    if (route.type === 'refuse') return refuseUpgrade(socket, route.status, route.message);
    if (route.type === 'close') {
      return wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', () => {});
        ws.close(route.code, route.reason);
      });
    }
    if (route.type === 'local') {
      acceptWebSocket(
        intake,
        ready,
        { req, socket, head },
        { boardId, address: route.clientAddress, isHopped: route.isHopped, ownHosts },
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const closeAcceptHandles = await addAcceptHandles(server, config.acceptHandles);
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let ready: NodeReady;
  try {
    ready = await node.start(config, store, port);
  } catch (error) {
    closeAcceptHandles();
    server.close();
    await store.close().catch(() => {});
    throw error;
  }
  const { rooms } = ready;
  log('info', 'server.started', { port, host: config.host, nodeId: ready.ownership.nodeId, isClustered: ready.cluster !== null });

  const finish = async () => {
    await guards.close();
    for (const client of wss.clients) client.terminate();
    closeAcceptHandles();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    await closed;
    await ready.cluster?.stop();
    await store.close();
  };
  // Close and drain run once; a second call waits for the first.
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    rooms,
    nodeId: ready.ownership.nodeId,
    cluster: ready.cluster,
    close() {
      stopping ??= (async () => {
        rooms.closeAll();
        await ready.ownership.stop().catch(() => {});
        await finish();
      })();
      return stopping;
    },
    drain() {
      stopping ??= (async () => {
        // A cluster node's boards go to the successors one after another; one process's all at once.
        if (ready.cluster) await rooms.drain(CLOSE_CODES.DRAINING, DRAIN_ROOM_SPACING_MS);
        else await rooms.drain(CLOSE_CODES.GOING_AWAY);
        rooms.closeAll();
        // The clients of other owners' boards go after this node's own, a few at a time.
        await ready.cluster?.releasePipes();
        await finish();
      })();
      return stopping;
    },
  };
}

/** The kind of an HTTP request's path, from a fixed vocabulary (logs never quote client input). */
export function routeKind(url: string | undefined): string {
  const path = new URL(url ?? '/', 'http://x').pathname;
  if (path === '/healthz') return 'healthz';
  if (path === '/api/boards') return 'api.boards';
  if (path === '/api/boards/import') return 'api.import';
  if (/^\/api\/boards\/[^/]+\/(export\.\w+|checkin\.ics)$/.test(path)) return 'api.export';
  if (path.startsWith('/api/join/')) return 'api.join';
  if (path.startsWith('/api/')) return 'api.other';
  return 'static';
}
