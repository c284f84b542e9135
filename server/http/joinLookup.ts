import type { ServerResponse } from 'node:http';
import { refusalOf } from '../../shared/domain/refusals';
import { normaliseJoinCode } from '../../shared/random';
import { joinTokenFor } from '../auth';
import { log } from '../log';
import type { BoardStore } from '../store/BoardStore';
import { sendJson } from './respond';
import type { AddressThrottle } from './throttle';

/** What GET /api/join/:code answers for a code that opens a board. */
export interface JoinAnswer {
  readonly boardId: string;
  /** Proof that the code was known: a new participant shows it in AUTH (server/auth.ts). */
  readonly joinToken: string;
}

/**
 * GET /api/join/:code. Only wrong codes count against the address's and the server's budgets
 * (a whole workshop behind one NAT joins with the right one), but the budget is checked before
 * the code is looked up: once it is spent, right and wrong codes get the same 429, so a guesser
 * learns nothing more until it refills.
 */
export async function handleJoinLookup(
  res: ServerResponse,
  ctx: { readonly store: BoardStore; readonly address: string; readonly wrongJoinCodes: AddressThrottle },
  typed: string,
): Promise<void> {
  const verdict = ctx.wrongJoinCodes.take(ctx.address);
  if (!verdict.isAllowed) {
    log('warn', 'join.throttled', { scope: verdict.scope });
    const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
    const reason = verdict.scope === 'address' ? 'joinTooManyWrongCodes' : 'joinServerBusy';
    return sendJson(res, 429, refusalOf('rate_limited', reason, { minutes }), {
      'retry-after': String(verdict.retryAfterSeconds),
    });
  }
  const boardId = await ctx.store.findBoardIdByJoinCode(normaliseJoinCode(typed));
  // The row, without opening a room (another node may own the board).
  const row = boardId ? await ctx.store.findBoardRow(boardId) : null;
  if (!boardId || !row) {
    return sendJson(res, 404, refusalOf('not_found', 'joinCodeUnknown'));
  }
  verdict.refund();
  const answer: JoinAnswer = { boardId, joinToken: joinTokenFor(row) };
  sendJson(res, 200, answer);
}
