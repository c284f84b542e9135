import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalOf } from '../../shared/domain/refusals';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { randomId } from '../../shared/random';
import { createBoardFromRequest, storeImportedBoard } from '../boardCreation';
import { log } from '../log';
import type { BoardStore } from '../store/BoardStore';
import { MAX_API_BODY_BYTES } from './apiLimits';
import type { ImportRunner } from './importRunner';
import { readBody, readJson, refuseAfterBody, refuseBody, sendJson } from './respond';
import type { AddressThrottle, ThrottleVerdict } from './throttle';

/** What creating or importing a board needs from the server. */
export interface BoardRequestContext {
  readonly store: BoardStore;
  readonly baseUrl: string;
  readonly address: string;
  readonly boards: AddressThrottle;
  readonly imports: ImportRunner;
}

/**
 * Takes one board from the address's budget. When it is spent, answers 429 itself — after the
 * body (at most `maxBytes`) has arrived and been thrown away — and returns null.
 */
async function admitBoard(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: BoardRequestContext,
  maxBytes: number,
): Promise<Extract<ThrottleVerdict, { isAllowed: true }> | null> {
  const verdict = ctx.boards.take(ctx.address);
  if (verdict.isAllowed) return verdict;
  log('warn', 'board.throttled', { scope: verdict.scope });
  const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
  const reason = verdict.scope === 'address' ? 'boardsFromNetwork' : 'boardsOnServer';
  await refuseAfterBody(req, res, maxBytes, 429, refusalOf('rate_limited', reason, { minutes }), {
    'retry-after': String(verdict.retryAfterSeconds),
  });
  return null;
}

/** POST /api/boards: a board from a template. */
export async function handleCreateBoard(req: IncomingMessage, res: ServerResponse, ctx: BoardRequestContext): Promise<void> {
  if (!(await admitBoard(req, res, ctx, MAX_API_BODY_BYTES))) return;
  const read = await readJson(req, res, MAX_API_BODY_BYTES);
  if (!read) return;
  const created = await createBoardFromRequest(ctx.store, read.body, ctx.baseUrl);
  if ('error' in created) sendJson(res, 400, created);
  else sendJson(res, 201, created);
}

const BUSY = refusalOf('busy', 'importBusy');

/**
 * POST /api/boards/import: a board from a JSON export of at most MAX_IMPORT_BYTES. The body is
 * parsed, validated and turned into a document in the import worker; only storing it happens here.
 */
export async function handleImportBoard(req: IncomingMessage, res: ServerResponse, ctx: BoardRequestContext): Promise<void> {
  const admitted = await admitBoard(req, res, ctx, MAX_IMPORT_BYTES);
  if (!admitted) return;
  if (ctx.imports.isBusy) {
    // Not the client's doing: the board it did not get is not counted.
    admitted.refund();
    return refuseAfterBody(req, res, MAX_IMPORT_BYTES, 503, BUSY, { 'retry-after': '5' });
  }
  const body = await readBody(req, MAX_IMPORT_BYTES).catch(() => null);
  if (body === null) return refuseBody(res, MAX_IMPORT_BYTES);
  const boardId = randomId();
  const built = await ctx.imports.build(body, boardId, Date.now());
  if (built === 'busy') {
    admitted.refund();
    return sendJson(res, 503, BUSY, { 'retry-after': '5' });
  }
  if (built === 'timeout' || built === 'failed') {
    return sendJson(res, 503, refusalOf('busy', 'importTimedOut'));
  }
  if ('refusal' in built) return sendJson(res, 400, built.refusal);
  sendJson(res, 201, await storeImportedBoard(ctx.store, boardId, built.update, built.notes, ctx.baseUrl));
}
