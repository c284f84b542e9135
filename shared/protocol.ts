import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { CommandEnvelope } from './commands';
import type { ErrorCode } from './domain/errors';
import type { RefusalId, RefusalValues } from './domain/refusals';
import type { Role } from './domain/state';
import type { Draft } from './records/Draft';
import type { MarkKind } from './records/Mark';
import type { ResponseKind } from './records/Proposal';
import { type Invalid, isInvalid, object, string } from './validate';

/**
 * Wire protocol. Every WebSocket frame is binary: a varuint message type followed by its body.
 * Types 0 and 1 are the standard y-websocket sync and awareness messages; the others carry
 * Accord's own messages, each as one varuint8array holding UTF-8 JSON.
 *
 *   frame   = varuint(type) body
 *   0 sync       body = y-protocols sync message (step 1, step 2 or update)
 *   1 awareness  body = varuint8array(y-protocols awareness update)
 *   3 query      (client → server) asks for every awareness state; empty body
 *   10 AUTH      (client → server) first frame of a connection; JSON AuthMessage
 *   11 COMMAND   (client → server) JSON CommandEnvelope
 *   12 RESULT    (server → client) JSON CommandResult, answers one command id
 *   13 PRIVATE   (server → client) JSON PrivateMessage, only ever sent to its owner
 *   14 PING      (client → server) "are you there?" after a silence; empty body; answered with
 *                PRIVATE `time` (at most one answer per PING_ANSWER_INTERVAL_MS)
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
export const MESSAGE_AUTH = 10;
export const MESSAGE_COMMAND = 11;
export const MESSAGE_RESULT = 12;
export const MESSAGE_PRIVATE = 13;
export const MESSAGE_PING = 14;

/** Version of the Accord messages; AUTH carries it so that old clients can be refused clearly. */
export const PROTOCOL_VERSION = 1;

/**
 * Close codes. 4400–4499 are final (y-websocket does not reconnect); 4500–4599 are "try again".
 * 1009 (frame too big) is sent by `ws` itself for frames over MAX_CLIENT_FRAME_BYTES.
 */
export const CLOSE_CODES = {
  /** A frame could not be decoded, or a frame came before AUTH. */
  BAD_FRAME: 4400,
  /** AUTH was missing, late, malformed, or its secret was wrong. */
  UNAUTHORIZED: 4401,
  /** The client tried to write the board document (only the server writes it). */
  FORBIDDEN_WRITE: 4403,
  /** The board does not exist. */
  BOARD_NOT_FOUND: 4404,
  /** The client's protocol version is not supported. */
  UNSUPPORTED_VERSION: 4406,
  /** The facilitator removed this seat: its secret no longer works; join again with the code. */
  SEAT_REMOVED: 4410,
  /** The board has MAX_PARTICIPANTS_PER_BOARD participants already. */
  BOARD_FULL: 4413,
  /** A new participant needs proof of the join code (a join token from /api/join), or a facilitator key. */
  JOIN_REQUIRED: 4428,
  /** The connection kept sending commands (or sync requests) faster than allowed. */
  TOO_MANY_COMMANDS: 4429,
  /** The Origin header is not allowed. */
  ORIGIN_REFUSED: 4430,
  /** Too many connections from this address. */
  TOO_MANY_CONNECTIONS: 4431,
  /** The server is restarting or the board is being reloaded; reconnect. */
  GOING_AWAY: 4500,
  /**
   * Several servers share the boards (docs/scaling.md) and this one no longer owns this board, or
   * never did: another server took it over. Reconnect; the connection reaches the new owner.
   */
  BOARD_MOVED: 4501,
  /** This server lost its lease on the database and gave up all its boards for a moment; reconnect. */
  LEASE_LOST: 4502,
  /** This server is shutting down (SIGTERM) and handed the board over; reconnect, another server takes it. */
  DRAINING: 4503,
  /** The client read too slowly and its queue passed MAX_BUFFERED_BYTES; reconnect. */
  SLOW_CONSUMER: 4508,
  /** Too many new seats from this address or on this board just now (NEW_SEATS_*); reconnect a little later. */
  TOO_MANY_NEW_SEATS: 4529,
} as const;

/** The first frame of every connection. */
export interface AuthMessage {
  readonly v: number;
  /** The browser's random secret for this board (participants and facilitators who take part). */
  readonly participantSecret?: string;
  /** The facilitator key from the facilitator link. */
  readonly facilitatorKey?: string;
  /** The key from the read-only agreement link: the connection can read, never write. */
  readonly readerKey?: string;
  /**
   * Proof of the join code, from `GET /api/join/:code`. Needed only to register a new participant
   * (a secret the server has not seen) without a facilitator key.
   */
  readonly joinToken?: string;
}

/** A secret as sent in AUTH: 22–128 base64url characters (at least 128 bits). */
const secret = (value: unknown, path?: string) => {
  const result = string({ minChars: 22, maxChars: 128 })(value, path);
  if (isInvalid(result)) return result;
  return /^[A-Za-z0-9_-]+$/.test(result)
    ? result
    : ({ invalid: true, path: path ?? '', message: 'must be base64url' } as Invalid);
};

const authShape = object(
  {
    v: (value: unknown, path?: string) =>
      typeof value === 'number' ? value : ({ invalid: true, path: path ?? 'v', message: 'must be a number' } as Invalid),
    participantSecret: secret,
    facilitatorKey: secret,
    readerKey: secret,
    joinToken: secret,
  },
  ['participantSecret', 'facilitatorKey', 'readerKey', 'joinToken'],
);

/** Validates an AUTH message. */
export function parseAuth(value: unknown): AuthMessage | Invalid {
  return authShape(value);
}

/**
 * The server's answer to one command. A refusal says why in English (`message`) and names that
 * sentence (`reason`, with the `values` it shows: shared/domain/refusals.ts), so a client can say
 * it in its person's language; a server older than `reason` sends `message` alone.
 */
export type CommandResult =
  | { readonly id: string; readonly ok: true }
  | {
      readonly id: string;
      readonly ok: false;
      readonly error: ErrorCode;
      readonly message: string;
      readonly reason?: RefusalId;
      readonly values?: RefusalValues;
    };

/** Private messages: only the connection (or the person) they concern ever receives them. */
export type PrivateMessage =
  | {
      readonly type: 'welcome';
      readonly role: Role;
      /** The connection's own participant id (null for readers and facilitators who do not take part). */
      readonly participantId: string | null;
      /** Server clock, milliseconds since the epoch, for timers. */
      readonly serverNow: number;
      /** The board's join code, for facilitators only (co-facilitators need it to invite people). */
      readonly joinCode?: string;
    }
  | {
      readonly type: 'slice';
      /** My notes that are not revealed yet (drafts, and held notes of revealed prompts). */
      readonly drafts: readonly Omit<Draft, 'authorId'>[];
      /** How many notes I have written per prompt id (drafts and revealed). */
      readonly posted: Readonly<Record<string, number>>;
      /** My dots in open rounds: round id → item id → count. */
      readonly dots: Readonly<Record<string, Readonly<Record<string, number>>>>;
      /** My responses to open proposals: proposal id → response and reason. */
      readonly responses: Readonly<Record<string, { readonly response: ResponseKind; readonly reason: string | null }>>;
      /** My marks: prompt, round or note id → the kinds I marked it with (done, reactions). */
      readonly marks: Readonly<Record<string, readonly MarkKind[]>>;
    }
  /** Sent every HEARTBEAT_INTERVAL_MS: keeps idle sockets alive and lets clients correct clock skew. */
  | { readonly type: 'time'; readonly serverNow: number }
  /**
   * To facilitators only, whenever it changes: how many seats (participant identities) the board
   * has, and the participants connected now, each under a handle that means nothing outside this
   * message (for `removeSeat`) with the awareness client ids its connections show presence under
   * (names stay in presence: the client reads them there). Nothing in it links a seat to a note,
   * a dot or a response.
   */
  | { readonly type: 'seats'; readonly total: number; readonly connected: readonly SeatView[] };

/** One connected seat, as facilitators see it. */
export interface SeatView {
  readonly seatId: string;
  /** Awareness client ids of the seat's connections that show presence now (empty: connected, not shown as here). */
  readonly clientIds: readonly number[];
  /** A facilitator's own seat (they connected with the facilitator key): counted, never removed. */
  readonly isFacilitator: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Encodes one of Accord's JSON messages as a frame. */
export function encodeJsonMessage(type: number, body: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, new TextEncoder().encode(JSON.stringify(body)));
  return encoding.toUint8Array(encoder);
}

/**
 * Decodes the JSON body of one of Accord's messages. Throws on truncated frames, invalid UTF-8
 * or invalid JSON; callers treat a throw as a malformed frame.
 */
export function decodeJsonBody(decoder: decoding.Decoder): unknown {
  const bytes = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message body');
  return JSON.parse(utf8.decode(bytes));
}

/** Encodes a command frame. */
export function encodeCommand(envelope: CommandEnvelope): Uint8Array {
  return encodeJsonMessage(MESSAGE_COMMAND, envelope);
}

/** The PING frame: its type and nothing else. */
export function encodePing(): Uint8Array {
  return Uint8Array.of(MESSAGE_PING);
}

/** Encodes an AUTH frame. */
export function encodeAuth(auth: AuthMessage): Uint8Array {
  return encodeJsonMessage(MESSAGE_AUTH, auth);
}
