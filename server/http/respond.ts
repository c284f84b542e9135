import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalOf } from '../../shared/domain/refusals';

/** Sends a JSON answer that is never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Refuses a request whose body is not read: the connection closes after the answer, so the rest
 * of the body is neither read nor taken for the next request.
 */
export function refuseUnread(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, { connection: 'close', ...headers });
}

/**
 * Refuses a request after letting its body arrive and throwing it away as it comes (nothing is
 * kept), up to `maxBytes`: a client still uploading when the answer came would otherwise see its
 * connection reset instead of the answer — a browser says "could not reach the server" rather
 * than "try again in 3 minutes". A body declared or found larger is not waited for.
 */
export async function refuseAfterBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<void> {
  const isDrained = await new Promise<boolean>((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes || req.readableEnded) {
      resolve(req.readableEnded);
      return;
    }
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        resolve(false);
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(true));
    req.on('error', () => resolve(false));
  });
  if (isDrained) sendJson(res, status, body, headers);
  else refuseUnread(res, status, body, headers);
}

/** The body's bytes, or null when it is larger than `maxBytes` (the rest is then left unread). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > maxBytes) {
      resolve(null);
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop collecting, but keep the socket until the refusal is sent (the caller closes it after):
        // destroying the request here destroyed the response too, and the client saw a dropped connection.
        req.off('data', onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      // A copy with its own buffer, so that it can be handed to a worker without copying again.
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(body);
    });
    req.on('error', reject);
  });
}

/** The refusal of a body that is too large or not JSON; the connection closes after it. */
export function refuseBody(res: ServerResponse, maxBytes: number): void {
  refuseUnread(res, 400, refusalOf('invalid_request', 'bodyNotJson', { kib: Math.round(maxBytes / 1024) }));
}

/** Reads a small JSON body; answers 400 itself and returns null when it is too large or not JSON. */
export async function readJson(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<{ body: unknown } | null> {
  try {
    const bytes = await readBody(req, maxBytes);
    if (bytes === null) {
      refuseBody(res, maxBytes);
      return null;
    }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { body: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    refuseBody(res, maxBytes);
    return null;
  }
}
