import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../shared/domain/state';
import { type AuthMessage, CLOSE_CODES } from '../shared/protocol';
import { randomId } from '../shared/random';
import { log } from './log';
import type { BoardRow, BoardStore } from './store/BoardStore';

/** SHA-256 of a secret. Secrets are ≥128 random bits, so a fast hash is enough. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** True when `secret` hashes to `hash` (compared in constant time). */
export function isSecretOf(secret: string, hash: Buffer | null): boolean {
  return hash !== null && timingSafeEqual(hashSecret(secret), hash);
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
}

/** Tells a refusal from an actor. */
export function isAuthRefusal(value: Actor | AuthRefusal): value is AuthRefusal {
  return 'code' in value;
}

/**
 * Works out the role and participant identity an AUTH proves. A reader key gives a reader and
 * nothing more (even with a participant secret beside it); a facilitator key gives a facilitator,
 * who takes part only with a participant secret; a participant secret alone gives a participant,
 * registered on first sight while the board has room.
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
  let participantId = await ctx.store.findParticipant(row.id, secretHash);
  if (participantId === null) {
    participantId = randomId();
    const added = await ctx.store.addParticipant(row.id, participantId, secretHash, ctx.maxParticipantsPerBoard, Date.now());
    if (!added) return { code: CLOSE_CODES.BOARD_FULL, reason: 'This board is full' };
  }
  return { role, participantId };
}
