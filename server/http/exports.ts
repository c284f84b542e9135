import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalOf } from '../../shared/domain/refusals';
import { exportBoardJson } from '../../shared/exports/boardExport';
import { exportBoardCsv } from '../../shared/exports/csvExport';
import { exportCheckInIcs } from '../../shared/exports/icsExport';
import { exportBoardMarkdown } from '../../shared/exports/markdownExport';
import { exportText } from '../../shared/i18n/content';
import { boardLanguage, CONTENT_LANGUAGES, type ContentLanguage, isContentLanguage } from '../../shared/i18n/contentLanguage';
import { hashSecret, isSecretOf } from '../auth';
import type { RoomManager } from '../RoomManager';
import type { BoardRow, BoardStore } from '../store/BoardStore';
import { sendJson } from './respond';

/** The files a board can be downloaded as, by extension. */
export const EXPORT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** Who a download is for: it decides what may be downloaded, and when. */
type Downloader = 'facilitator' | 'reader' | 'participant';

/** What a participant may download once the workshop is closed: the agreement, never the board's import file. */
const PARTICIPANT_EXPORTS: ReadonlySet<keyof typeof EXPORT_TYPES> = new Set(['md', 'csv']);

/**
 * Who `Authorization: Bearer <secret>` names: the facilitator key, the read-only key, or the
 * participant secret of a seat of this board (a removed seat's secret names nobody). Null otherwise.
 */
async function downloaderOf(req: IncomingMessage, row: BoardRow, store: BoardStore): Promise<Downloader | null> {
  const match = /^Bearer ([A-Za-z0-9_-]{22,128})$/.exec(req.headers.authorization ?? '');
  if (!match) return null;
  const secret = match[1] as string;
  if (isSecretOf(secret, row.facilitatorKeyHash)) return 'facilitator';
  if (isSecretOf(secret, row.readerKeyHash)) return 'reader';
  return (await store.findParticipant(row.id, hashSecret(secret))) !== null ? 'participant' : null;
}

/**
 * The language asked for with `?lang=` (one of CONTENT_LANGUAGES), undefined when none is, or
 * 'invalid'. A repeated `lang` is refused rather than guessed at.
 */
function requestedLanguage(req: IncomingMessage): ContentLanguage | undefined | 'invalid' {
  const values = new URL(req.url ?? '/', 'http://x').searchParams.getAll('lang');
  if (values.length === 0) return undefined;
  const [value] = values;
  return values.length === 1 && isContentLanguage(value) ? value : 'invalid';
}

/**
 * GET /api/boards/:id/export.(md|csv|json) and /api/boards/:id/checkin.ics, for the facilitator
 * key or the read-only key (Authorization: Bearer …, never in the URL); and the Markdown and CSV
 * for a participant's secret once the workshop is closed (403 before). Anything else: 401/403/404.
 * Words are in the board's content language, or in `?lang=` (400 when it is not one Accord writes).
 * The secret is checked against the board's row (and its seats) before the board is read: reading
 * it loads the whole document and its history, which nobody without a key may make the server do.
 */
export async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { readonly store: BoardStore; readonly rooms: RoomManager; readonly baseUrl: string },
  boardId: string,
  kind: keyof typeof EXPORT_TYPES,
): Promise<void> {
  const asked = requestedLanguage(req);
  if (asked === 'invalid') {
    return sendJson(res, 400, refusalOf('invalid_request', 'exportLanguageUnknown', { languages: CONTENT_LANGUAGES.join(', ') }));
  }
  const row = await ctx.store.findBoardRow(boardId);
  if (!row) return sendJson(res, 404, refusalOf('not_found', 'boardNotFound'));
  const downloader = await downloaderOf(req, row, ctx.store);
  if (downloader === null) {
    return sendJson(res, 401, refusalOf('unauthorized', 'exportNeedsKey'));
  }
  if (downloader === 'participant' && !PARTICIPANT_EXPORTS.has(kind)) {
    return sendJson(res, 403, refusalOf('forbidden', 'exportParticipantFormats'));
  }
  // From the open room, or else from the store: a download opens no room and claims no board
  // (with several servers the board may be another one's).
  const read = await ctx.rooms.readBoard(boardId);
  if (!read) return sendJson(res, 404, refusalOf('not_found', 'boardNotFound'));
  const board = read.board;
  const language = asked ?? boardLanguage(board.meta);
  if (downloader === 'participant' && !board.meta.isClosed) {
    return sendJson(res, 403, refusalOf('not_closed', 'exportNotClosed'));
  }
  const slug =
    board.meta.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'agreement';
  let body: string;
  if (kind === 'ics') {
    if (board.meta.checkInDate === null) return sendJson(res, 404, refusalOf('not_found', 'noCheckInDate'));
    // A reader's calendar file links to the read-only page, without its key (calendars are shared
    // and synced; the browser that opened the read-only link keeps the key) and never to joining:
    // the read-only link must not lead to taking part. The facilitator's carries the join link.
    const isReader = downloader === 'reader';
    body = exportCheckInIcs({
      boardId,
      title: board.meta.title,
      checkInDate: board.meta.checkInDate,
      link: isReader ? `${ctx.baseUrl}/r/${boardId}` : `${ctx.baseUrl}/j/${row.joinCode}`,
      now: new Date(),
      words: exportText(language),
      language,
    });
  } else if (kind === 'md') body = exportBoardMarkdown(board, language);
  else if (kind === 'csv') body = exportBoardCsv(board, language);
  else body = exportBoardJson(board, new Date());
  res.writeHead(200, {
    'content-type': EXPORT_TYPES[kind],
    'content-disposition': `attachment; filename="${slug}-v${board.meta.version}.${kind}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}
