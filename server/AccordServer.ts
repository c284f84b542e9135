import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_CLIENT_FRAME_BYTES } from '../shared/limits';
import { CLOSE_CODES } from '../shared/protocol';
import { handleApi } from './api';
import { Connection } from './Connection';
import type { ServerConfig } from './config';
import { log } from './log';
import { isOriginAllowed } from './originPolicy';
import { RoomManager } from './RoomManager';
import { serveStatic } from './staticFiles';
import type { BoardStore } from './store/BoardStore';
import { SqliteStore } from './store/SqliteStore';

/** Interval of WebSocket pings that find dead peers, in milliseconds. */
export const PING_INTERVAL_MS = 30_000;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
};

/** A running Accord server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: BoardStore;
  readonly rooms: RoomManager;
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.on('error', () => {});
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts the HTTP API, static client and WebSocket endpoint on one port. */
export async function startServer(
  config: ServerConfig,
  store: BoardStore = new SqliteStore(config.dataDir),
): Promise<RunningServer> {
  const rooms = new RoomManager(store, config.compactAfterUpdates);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: false });
  const connectionsByAddress = new Map<string, number>();
  let connectionCount = 0;
  const header = (req: IncomingMessage, name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;
  };
  const baseUrlFor = (req: IncomingMessage) => {
    if (config.publicUrl) return config.publicUrl;
    const proto = (config.trustProxy && header(req, 'x-forwarded-proto')) || 'http';
    const host = (config.trustProxy && header(req, 'x-forwarded-host')) || req.headers.host || `${config.host}:${config.port}`;
    return `${proto === 'https' ? 'https' : 'http'}://${host}`;
  };
  const addressOf = (req: IncomingMessage) =>
    (config.trustProxy && header(req, 'x-forwarded-for')) || req.socket.remoteAddress || 'unknown';

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handleApi(req, res, {
      store,
      rooms,
      baseUrl: baseUrlFor(req),
      health: () => ({ rooms: rooms.openRooms, connections: connectionCount }),
    })
      .then((handled) => {
        if (!handled) serveStatic(config.staticDir, req, res);
      })
      .catch((error: Error) => {
        log('error', 'http.failed', { path: new URL(req.url ?? '/', 'http://x').pathname, message: error.message });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal', message: 'Something went wrong on the server.' }));
      });
  });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    const match = /^\/ws\/([A-Za-z0-9_-]{1,64})$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return refuseUpgrade(socket, 404, 'Not Found');
    const address = addressOf(req);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Refusals after the handshake use close codes, which y-websocket understands as final.
      if (!isOriginAllowed(req, config.allowedOrigins)) {
        log('warn', 'ws.origin_refused', {});
        ws.close(CLOSE_CODES.ORIGIN_REFUSED, 'Origin not allowed');
        return;
      }
      const open = connectionsByAddress.get(address) ?? 0;
      if (open >= config.maxConnectionsPerAddress) {
        log('warn', 'ws.too_many_connections', { open });
        ws.close(CLOSE_CODES.TOO_MANY_CONNECTIONS, 'Too many connections');
        return;
      }
      connectionsByAddress.set(address, open + 1);
      connectionCount += 1;
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
      new Connection(ws, match[1] as string, rooms, store, config, () => {
        if (released) return;
        released = true;
        clearInterval(ping);
        connectionCount -= 1;
        const left = (connectionsByAddress.get(address) ?? 1) - 1;
        if (left <= 0) connectionsByAddress.delete(address);
        else connectionsByAddress.set(address, left);
      });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log('info', 'server.started', { port, host: config.host });

  return {
    url: `http://${host}:${port}`,
    port,
    store,
    rooms,
    async close() {
      rooms.closeAll();
      for (const client of wss.clients) client.terminate();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.close();
    },
  };
}
