import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../shared/domain/state';
import { type AuthMessage, CLOSE_CODES } from '../shared/protocol';
import { randomId } from '../shared/random';
import { log } from './log';
import type { SeatGate } from './room/RoomSeats';
import type { BoardRow, BoardStore } from './store/BoardStore';

/** SHA-256 of a secret. Secrets are ≥128 random bits, so a fast hash is enough. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** True when `secret` hashes to `hash` (compared in constant time). */
export function isSecretOf(secret: string, hash: Buffer | null): boolean {
  return hash !== null && timingSafeEqual(hashSecret(secret), hash);
}

/**
 * The join token of a board: proof that its holder knew the join code, handed out by
 * `GET /api/join/:code` and needed to register a new participant. An HMAC of the board id and
 * join code keyed with the facilitator key's hash, which never leaves the server: it cannot be
 * made without the server, and it does not give the join code away. No state is kept: any process
 * that can read the board's row checks it, and a new join code would void it.
 */
export function joinTokenFor(row: Pick<BoardRow, 'id' | 'joinCode' | 'facilitatorKeyHash'>): string {
  return createHmac('sha256', row.facilitatorKeyHash)
    .update(`accord join token v1\n${row.id}\n${row.joinCode}`)
    .digest('base64url');
}

/** True when `token` is the board's join token (compared in constant time). */
export function isJoinTokenOf(token: string, row: Pick<BoardRow, 'id' | 'joinCode' | 'facilitatorKeyHash'>): boolean {
  return isSecretOf(token, hashSecret(joinTokenFor(row)));
}

/** Why an AUTH is refused: the close code and its reason. */
export interface AuthRefusal {
  readonly code: number;
  readonly reason: string;
}

/** What actor resolution needs beside the AUTH message. */
export interface ActorContext {
  readonly store: BoardStore;
  readonly row: BoardRow;
  readonly maxParticipantsPerBoard: number;
  /** The client's address (for the per-address limit on new seats). */
  readonly address: string;
  /** The board's allowance of new seats. */
  readonly seats: SeatGate;
  /** Called when a join token is wrong: it counts like a wrong join code from this address. */
  readonly onWrongJoinToken?: () => void;
}

/** Tells a refusal from an actor. */
export function isAuthRefusal(value: Actor | AuthRefusal): value is AuthRefusal {
  return 'code' in value;
}

/**
 * Works out the role and participant identity an AUTH proves. A reader key gives a reader and
 * nothing more (even with a participant secret beside it); a facilitator key gives a facilitator,
 * who takes part only with a participant secret; a participant secret the board knows gives that
 * participant back. A new participant needs proof of the join code (the join token) or a
 * facilitator key, and room on the board and in the new-seat allowances (NEW_SEATS_*): the board
 * id, which the read-only link shows, is never enough to take part.
 */
export async function resolveActor(auth: AuthMessage, ctx: ActorContext): Promise<Actor | AuthRefusal> {
  const { row } = ctx;
  if (auth.readerKey !== undefined) {
    if (auth.facilitatorKey !== undefined || !isSecretOf(auth.readerKey, row.readerKeyHash)) {
      log('warn', 'ws.bad_reader_key', { boardId: row.id });
      return { code: CLOSE_CODES.UNAUTHORIZED, reason: 'Wrong read-only link' };
    }
    return { role: 'reader', participantId: null };
  }
  let role: Actor['role'] = 'participant';
  if (auth.facilitatorKey !== undefined) {
    if (!isSecretOf(auth.facilitatorKey, row.facilitatorKeyHash)) {
      log('warn', 'ws.bad_facilitator_key', { boardId: row.id });
      return { code: CLOSE_CODES.UNAUTHORIZED, reason: 'Wrong facilitator link' };
    }
    role = 'facilitator';
  }
  if (auth.participantSecret === undefined) {
    if (role === 'facilitator') return { role, participantId: null };
    return { code: CLOSE_CODES.UNAUTHORIZED, reason: 'Missing participant secret' };
  }
  const secretHash = hashSecret(auth.participantSecret);
  const secretHex = secretHash.toString('hex');
  return ctx.seats.once(`${role}\n${secretHex}`, () => findOrRegister(auth, role, secretHash, secretHex, ctx));
}

async function findOrRegister(
  auth: AuthMessage,
  role: Actor['role'],
  secretHash: Buffer,
  secretHex: string,
  ctx: ActorContext,
): Promise<Actor | AuthRefusal> {
  const { row } = ctx;
  // The room read its seats when it opened; storage is asked only about a secret it does not know.
  const seen = ctx.seats.knownSeat(secretHex);
  if (seen !== undefined) return { role, participantId: seen };
  const known = await ctx.store.findParticipant(row.id, secretHash);
  if (known !== null) {
    ctx.seats.opened(secretHex, known, false);
    return { role, participantId: known };
  }
  // A facilitator key proves more than the join code; anyone else shows the join token.
  if (role === 'participant') {
    if (auth.joinToken === undefined || !isJoinTokenOf(auth.joinToken, row)) {
      log('warn', 'ws.join_required', { boardId: row.id, hasToken: auth.joinToken !== undefined });
      if (auth.joinToken !== undefined) ctx.onWrongJoinToken?.();
      return { code: CLOSE_CODES.JOIN_REQUIRED, reason: 'Join with the workshop code first' };
    }
    if (!ctx.seats.mayOpenSeat(ctx.address)) {
      log('warn', 'ws.too_many_new_seats', { boardId: row.id });
      return { code: CLOSE_CODES.TOO_MANY_NEW_SEATS, reason: 'Many people are joining: trying again' };
    }
  }
  const participantId = randomId();
  let added: boolean;
  try {
    added = await ctx.store.addParticipant(row.id, participantId, secretHash, ctx.maxParticipantsPerBoard, Date.now());
  } catch (error) {
    // The same secret registered a moment ago by a connection of the other role (a facilitator tab).
    const registered = await ctx.store.findParticipant(row.id, secretHash);
    if (registered === null) throw error;
    ctx.seats.opened(secretHex, registered, false);
    return { role, participantId: registered };
  }
  if (!added) return { code: CLOSE_CODES.BOARD_FULL, reason: 'This board is full' };
  ctx.seats.opened(secretHex, participantId, true);
  return { role, participantId };
}
