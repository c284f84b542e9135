import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportBoardJson } from '../../shared/exports/boardExport';
import { exportBoardCsv } from '../../shared/exports/csvExport';
import { exportCheckInIcs } from '../../shared/exports/icsExport';
import { exportBoardMarkdown } from '../../shared/exports/markdownExport';
import { hashSecret, isSecretOf } from '../auth';
import type { RoomManager } from '../RoomManager';
import type { BoardStore } from '../store/BoardStore';
import { sendJson } from './respond';

/** The files a board can be downloaded as, by extension. */
export const EXPORT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** True when the request carries `Authorization: Bearer <key>` matching one of the hashes. */
function isAuthorised(req: IncomingMessage, hashes: readonly (Buffer | null)[]): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{22,128})$/.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const given = hashSecret(match[1] as string);
  return hashes.some((hash) => hash !== null && timingSafeEqual(given, hash));
}

/**
 * GET /api/boards/:id/export.(md|csv|json) and /api/boards/:id/checkin.ics, for the facilitator
 * key or the read-only key (Authorization: Bearer …, never in the URL). Anything else: 401/404.
 * The key is checked against the board's row before the board is read: reading it loads the whole
 * document and its history, which nobody without a key may make the server do.
 */
export async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { readonly store: BoardStore; readonly rooms: RoomManager; readonly baseUrl: string },
  boardId: string,
  kind: keyof typeof EXPORT_TYPES,
): Promise<void> {
  const row = await ctx.store.findBoardRow(boardId);
  if (!row) return sendJson(res, 404, { error: 'not_found', message: 'No such board.' });
  if (!isAuthorised(req, [row.facilitatorKeyHash, row.readerKeyHash])) {
    return sendJson(res, 401, {
      error: 'unauthorized',
      message: 'Send the facilitator key or the read-only key as a Bearer token.',
    });
  }
  // From the open room, or else from the store: a download opens no room and claims no board
  // (with several servers the board may be another one's).
  const read = await ctx.rooms.readBoard(boardId);
  if (!read) return sendJson(res, 404, { error: 'not_found', message: 'No such board.' });
  const board = read.board;
  const slug =
    board.meta.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'agreement';
  let body: string;
  if (kind === 'ics') {
    if (board.meta.checkInDate === null) return sendJson(res, 404, { error: 'not_found', message: 'No check-in date is set.' });
    // A reader's calendar file links to the read-only page, without its key (calendars are shared
    // and synced; the browser that opened the read-only link keeps the key) and never to joining:
    // the read-only link must not lead to taking part. The facilitator's carries the join link.
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const isReader = isSecretOf(bearer, row.readerKeyHash);
    body = exportCheckInIcs({
      boardId,
      title: board.meta.title,
      checkInDate: board.meta.checkInDate,
      link: isReader ? `${ctx.baseUrl}/r/${boardId}` : `${ctx.baseUrl}/j/${row.joinCode}`,
      now: new Date(),
    });
  } else if (kind === 'md') body = exportBoardMarkdown(board);
  else if (kind === 'csv') body = exportBoardCsv(board);
  else body = exportBoardJson(board, new Date());
  res.writeHead(200, {
    'content-type': EXPORT_TYPES[kind],
    'content-disposition': `attachment; filename="${slug}-v${board.meta.version}.${kind}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}
