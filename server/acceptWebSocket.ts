import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { CLOSE_CODES } from '../shared/protocol';
import { Connection } from './Connection';
import type { NodeReady } from './cluster/nodeState';
import type { ServerConfig } from './config';
import type { AddressThrottle } from './http/throttle';
import { isLogged, log } from './log';
import { isOriginAllowed } from './originPolicy';
import type { RateLimitRegistry } from './rateLimit';
import type { BoardStore } from './store/BoardStore';

/** Interval of WebSocket pings that find dead peers, in milliseconds. */
export const PING_INTERVAL_MS = 30_000;

/** What one server takes WebSockets in with, and how many it serves now. */
export interface WebSocketIntake {
  readonly wss: WebSocketServer;
  readonly config: ServerConfig;
  readonly store: BoardStore;
  readonly rateLimits: RateLimitRegistry;
  readonly wrongJoinCodes: AddressThrottle;
  /** WebSocket connections served here now (not counting the ones piped elsewhere). */
  connections: number;
}

/** The upgrade request as it arrived. */
interface Upgrade {
  readonly req: IncomingMessage;
  readonly socket: Duplex;
  readonly head: Buffer;
}

/** Whose connection it is, as routing decided. */
interface Arrival {
  readonly boardId: string;
  readonly address: string;
  /** Passed on by another node, which checked its Origin. */
  readonly isHopped: boolean;
  /** The host the browser used (behind a trusted proxy) and PUBLIC_URL's: the server's own origins besides Host. */
  readonly ownHosts: readonly (string | undefined)[];
}

/** Completes the handshake here and hands the socket to a Connection (or closes it with a refusal code). */
export function acceptWebSocket(
  intake: WebSocketIntake,
  { rooms, counter }: NodeReady,
  { req, socket, head }: Upgrade,
  { boardId, address, isHopped, ownHosts }: Arrival,
): void {
  const { wss, config } = intake;
  // A hopped upgrade had its Origin checked by the node the client reached.
  const isOriginOk = isHopped || isOriginAllowed(req, config.allowedOrigins, [req.headers.host, ...ownHosts]);
  // The count (a round trip to Redis in a cluster) runs beside the handshake, not before it: the
  // client's first frames wait in its socket until it is known (the socket is paused meanwhile).
  const countStartedAt = performance.now();
  const counted = isOriginOk ? counter.acquire(address, config.maxConnectionsPerAddress) : Promise.resolve(null);
  const giveCountBack = () => void counted.then((release) => release?.());
  let isHandedOver = false;
  socket.once('close', () => {
    if (!isHandedOver) giveCountBack();
  });
  if (socket.destroyed) {
    giveCountBack();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    isHandedOver = true;
    // Refusals after the handshake use close codes, which y-websocket understands as final.
    if (!isOriginOk) {
      log('warn', 'ws.origin_refused', {});
      ws.close(CLOSE_CODES.ORIGIN_REFUSED, 'Origin not allowed');
      return;
    }
    ws.pause();
    void counted.then((release) => serveCounted(ws, release));
  });

  function serveCounted(ws: WebSocket, release: (() => void) | null) {
    if (isLogged('debug')) log('debug', 'ws.counted', { boardId, ms: Math.round(performance.now() - countStartedAt), isHopped });
    if (!release) {
      log('warn', 'ws.too_many_connections', {});
      // Reading again, so that the client's answer to the close is read and the socket ends.
      ws.resume();
      ws.close(CLOSE_CODES.TOO_MANY_CONNECTIONS, 'Too many connections');
      return;
    }
    // The client left (or the server is closing) while it was counted.
    if (ws.readyState !== ws.OPEN) return release();
    rooms.prepare(boardId);
    intake.connections += 1;
    let isAlive = true;
    ws.on('pong', () => {
      isAlive = true;
    });
    const ping = setInterval(() => {
      if (!isAlive) return ws.terminate();
      isAlive = false;
      ws.ping();
    }, PING_INTERVAL_MS);
    let released = false;
    new Connection(
      ws,
      boardId,
      rooms,
      intake.store,
      config,
      { registry: intake.rateLimits, address, wrongJoinCodes: intake.wrongJoinCodes },
      () => {
        if (released) return;
        released = true;
        clearInterval(ping);
        intake.connections -= 1;
        release();
      },
    );
    ws.resume();
  }
}
