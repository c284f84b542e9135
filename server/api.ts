import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportBoardJson, parseBoardExport } from '../shared/exports/boardExport';
import { exportBoardCsv } from '../shared/exports/csvExport';
import { exportCheckInIcs } from '../shared/exports/icsExport';
import { exportBoardMarkdown } from '../shared/exports/markdownExport';
import { normaliseJoinCode } from '../shared/random';
import { isInvalid } from '../shared/validate';
import { createBoardFromRequest, importBoard } from './boardCreation';
import { hashSecret, isSecretOf, joinTokenFor } from './auth';
import type { RoomManager } from './RoomManager';
import type { BoardStore } from './store/BoardStore';

/** Largest request body the API reads, in bytes (imports excepted). */
export const MAX_API_BODY_BYTES = 16 * 1024;

/** Largest JSON export that can be imported, in bytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

export type { CreatedBoard } from './boardCreation';
export { createBoardFromRequest } from './boardCreation';

/** What the API needs from the server around it. */
export interface ApiContext {
  readonly store: BoardStore;
  readonly rooms: RoomManager;
  readonly baseUrl: string;
  readonly health: () => Record<string, number | string>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop collecting, but keep the socket until the refusal is sent (readJson closes it after):
        // destroying the request here destroyed the response too, and the client saw a dropped connection.
        req.off('data', onData);
        req.resume();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<{ body: unknown } | null> {
  try {
    const text = await readBody(req, maxBytes);
    return { body: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    // The rest of a body that is too large is not read: the connection closes after this answer.
    res.setHeader('connection', 'close');
    sendJson(res, 400, {
      error: 'invalid_request',
      message: `The body must be JSON of at most ${Math.round(maxBytes / 1024)} KiB.`,
    });
    return null;
  }
}

/** True when the request carries `Authorization: Bearer <key>` matching one of the hashes. */
function isAuthorised(req: IncomingMessage, hashes: readonly (Buffer | null)[]): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{22,128})$/.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const given = hashSecret(match[1] as string);
  return hashes.some((hash) => hash !== null && timingSafeEqual(given, hash));
}

const EXPORT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

/**
 * GET /api/boards/:id/export.(md|csv|json) and /api/boards/:id/checkin.ics, for the facilitator
 * key or the read-only key (Authorization: Bearer …, never in the URL). Anything else: 401/404.
 */
async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ApiContext,
  boardId: string,
  kind: keyof typeof EXPORT_TYPES,
) {
  // From the open room, or else from the store: a download opens no room and claims no board
  // (with several servers the board may be another one's).
  const room = await ctx.rooms.readBoard(boardId);
  if (!room) return sendJson(res, 404, { error: 'not_found', message: 'No such board.' });
  if (!isAuthorised(req, [room.row.facilitatorKeyHash, room.row.readerKeyHash])) {
    return sendJson(res, 401, {
      error: 'unauthorized',
      message: 'Send the facilitator key or the read-only key as a Bearer token.',
    });
  }
  const board = room.board;
  const slug =
    board.meta.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'agreement';
  let body: string;
  if (kind === 'ics') {
    // A reader's calendar file links to the read-only page, without its key (calendars are shared
    // and synced; the browser that opened the read-only link keeps the key) and never to joining:
    // the read-only link must not lead to taking part. The facilitator's carries the join link.
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const isReader = isSecretOf(bearer, room.row.readerKeyHash);
    if (board.meta.checkInDate === null) return sendJson(res, 404, { error: 'not_found', message: 'No check-in date is set.' });
    body = exportCheckInIcs({
      boardId,
      title: board.meta.title,
      checkInDate: board.meta.checkInDate,
      link: isReader ? `${ctx.baseUrl}/r/${boardId}` : `${ctx.baseUrl}/j/${room.row.joinCode}`,
      now: new Date(),
    });
  } else if (kind === 'md') body = exportBoardMarkdown(board);
  else if (kind === 'csv') body = exportBoardCsv(board);
  else body = exportBoardJson(board, new Date());
  res.writeHead(200, {
    'content-type': EXPORT_TYPES[kind],
    'content-disposition': `attachment; filename="${slug}-v${board.meta.version}.${kind === 'ics' ? 'ics' : kind}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** Handles /api/* and /healthz. Returns false when the path is not an API path. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/healthz') {
    sendJson(res, 200, { ok: true, ...ctx.health() });
    return true;
  }
  if (!url.pathname.startsWith('/api/')) return false;
  if (url.pathname === '/api/boards' && req.method === 'POST') {
    const read = await readJson(req, res, MAX_API_BODY_BYTES);
    if (!read) return true;
    const created = await createBoardFromRequest(ctx.store, read.body, ctx.baseUrl);
    if (typeof created === 'string') sendJson(res, 400, { error: 'invalid_request', message: created });
    else sendJson(res, 201, created);
    return true;
  }
  if (url.pathname === '/api/boards/import' && req.method === 'POST') {
    const read = await readJson(req, res, MAX_IMPORT_BYTES);
    if (!read) return true;
    const data = parseBoardExport(read.body);
    if (isInvalid(data)) sendJson(res, 400, { error: 'invalid_request', message: `${data.path} ${data.message}.` });
    else sendJson(res, 201, await importBoard(ctx.store, data, ctx.baseUrl));
    return true;
  }
  const exported = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/(?:export\.(md|csv|json)|checkin\.(ics))$/.exec(url.pathname);
  if (exported && req.method === 'GET') {
    await handleExport(req, res, ctx, exported[1] as string, (exported[2] ?? exported[3]) as keyof typeof EXPORT_TYPES);
    return true;
  }
  const join = /^\/api\/join\/([A-Za-z0-9-]{1,16})$/.exec(url.pathname);
  if (join && req.method === 'GET') {
    const boardId = await ctx.store.findBoardIdByJoinCode(normaliseJoinCode(join[1] as string));
    // The row, without opening a room (another node may own the board).
    const stored = boardId ? await ctx.rooms.readBoard(boardId) : null;
    // The join token proves the code was known: a new participant shows it in AUTH (server/auth.ts).
    if (boardId && stored) sendJson(res, 200, { boardId, joinToken: joinTokenFor(stored.row) });
    else sendJson(res, 404, { error: 'not_found', message: 'No workshop has this code. Check the code and try again.' });
    return true;
  }
  sendJson(res, 404, { error: 'not_found', message: 'Unknown API path.' });
  return true;
}
