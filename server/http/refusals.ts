import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { REFUSALS, refusalOf } from '../../shared/domain/refusals';
import { log } from '../log';

/** Answers an upgrade with an HTTP status instead of the handshake, and closes. */
export function refuseUpgrade(socket: Duplex, status: number, message: string, body = ''): void {
  socket.on('error', () => {});
  const type = body ? 'Content-Type: text/plain; charset=utf-8\r\n' : '';
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Said to a request whose Host is not one of the server's names (DNS rebinding defence, server/http/hostPolicy.ts). */
export const UNKNOWN_HOST_MESSAGE = REFUSALS.unknownHost;

/** 421 to a request whose Host the server does not answer to (JSON on /api/). */
export function refuseHost(req: IncomingMessage, res: ServerResponse): void {
  log('warn', 'http.host_refused', {});
  const isApi = new URL(req.url ?? '/', 'http://x').pathname.startsWith('/api/');
  res.writeHead(421, {
    'content-type': isApi ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(isApi ? JSON.stringify(refusalOf('unknown_host', 'unknownHost')) : UNKNOWN_HOST_MESSAGE);
}
