import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { Actor } from '../shared/domain/state';
import {
  AUTH_TIMEOUT_MS,
  MAX_FRAMES_BEFORE_AUTH,
  MAX_REFUSED_COMMANDS_PER_WINDOW,
  REFUSED_COMMANDS_WINDOW_MS,
  ROOM_OPEN_TIMEOUT_MS,
} from '../shared/limits';
import {
  type AuthMessage,
  CLOSE_CODES,
  decodeJsonBody,
  encodeJsonMessage,
  MESSAGE_AUTH,
  MESSAGE_RESULT,
  PROTOCOL_VERSION,
  parseAuth,
} from '../shared/protocol';
import { isInvalid } from '../shared/validate';
import { isAuthRefusal, resolveActor } from './auth';
import { BadFrameError, badInputKind } from './badInput';
import { type FrameAnswers, routeFrame } from './connectionFrames';
import type { AddressThrottle } from './http/throttle';
import { log } from './log';
import { PingAnswer } from './pingAnswer';
import { type RoomManager, RoomUnavailableError } from './RoomManager';
import { type ConnectionBudget, type RateLimitRegistry, WindowCounter } from './rateLimit';
import type { Room } from './room/Room';
import type { RoomMember } from './room/RoomMember';
import { SharedFrame } from './room/SharedFrame';
import type { BoardStore } from './store/BoardStore';
import { cork, uncork, writeShared } from './writeShared';

/** Per-server limits a connection enforces (from ServerConfig). */
export interface ConnectionLimits {
  readonly maxParticipantsPerBoard: number;
  readonly maxBufferedBytes: number;
}

/** The server-wide budgets, and the address this connection came from (AccordServer). */
export interface ConnectionRateLimits {
  readonly registry: RateLimitRegistry;
  readonly address: string;
  /** The budget of wrong join codes (server/http/joinLookup.ts): a wrong join token is charged to it too. */
  readonly wrongJoinCodes?: AddressThrottle;
}

/**
 * One WebSocket. Lifecycle: waiting for AUTH → member of a room → closed. Every frame is decoded
 * under a guard: a frame that cannot be decoded closes this connection only, never the process.
 */
export class Connection implements RoomMember {
  actor: Actor = { role: 'reader', participantId: null };
  actorKey = '';
  readonly awarenessClientIds = new Set<number>();
  private room: Room | null = null;
  private isAuthenticating = false;
  private pending: Uint8Array[] = [];
  /** Every message is charged here: its person's budget (across reconnects) and its address's. Set on the first frame after AUTH. */
  private budget: ConnectionBudget | null = null;
  private readonly refusals = new WindowCounter(REFUSED_COMMANDS_WINDOW_MS);
  /** The largest frame sent so far: the slow-consumer cap grows by it (a big board's document is one frame). */
  private largestFrameBytes = 0;
  private readonly authTimer: NodeJS.Timeout;
  private readonly pings = new PingAnswer((frame) => this.send(frame));
  /** What routing a frame may do to this connection besides the room's own sends. */
  private readonly frameAnswers: FrameAnswers = {
    member: this,
    answer: (frame) => {
      this.budget?.spend('answerBytes', frame.length);
      this.send(frame);
    },
    overBudget: (kind) => {
      log('warn', 'ws.over_budget', { boardId: this.boardId, kind });
      this.close(CLOSE_CODES.TOO_MANY_COMMANDS, 'Too many requests');
    },
    refused: (result, overRate) => {
      this.send(encodeJsonMessage(MESSAGE_RESULT, result));
      if (overRate && this.refusals.add() > MAX_REFUSED_COMMANDS_PER_WINDOW) {
        this.close(CLOSE_CODES.TOO_MANY_COMMANDS, 'Too many commands');
      }
    },
  };
  private isClosed = false;

  /** When the WebSocket opened here (the log's ws.joined says how long its AUTH took to come). */
  private readonly openedAt: number;

  constructor(
    private readonly ws: WebSocket,
    private readonly boardId: string,
    private readonly rooms: RoomManager,
    private readonly store: BoardStore,
    private readonly limits: ConnectionLimits,
    private readonly rateLimits: ConnectionRateLimits,
    private readonly onClosed: () => void,
  ) {
    this.openedAt = performance.now();
    this.authTimer = setTimeout(() => this.close(CLOSE_CODES.UNAUTHORIZED, 'No AUTH in time'), AUTH_TIMEOUT_MS);
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => this.onSocketClose());
    ws.on('error', (error) => {
      // `ws` error messages can quote the peer's bytes (a status code, an opcode); its codes cannot.
      const code = (error as NodeJS.ErrnoException).code;
      log('warn', 'ws.error', { boardId: this.boardId, kind: code?.startsWith('WS_ERR_') ? code : 'other' });
      this.close(CLOSE_CODES.BAD_FRAME, 'Socket error');
    });
  }

  send(frame: Uint8Array): void {
    if (this.isClosed || this.ws.readyState !== this.ws.OPEN) return;
    // The cap is the configured margin beyond the largest frame the server chose to send: a slow
    // client on a board whose document is bigger than the margin must be able to receive it once.
    this.largestFrameBytes = Math.max(this.largestFrameBytes, frame.length);
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes + this.largestFrameBytes) {
      log('warn', 'ws.slow_consumer', { boardId: this.boardId, buffered: this.ws.bufferedAmount });
      this.close(CLOSE_CODES.SLOW_CONSUMER, 'Too slow');
      return;
    }
    if (frame instanceof SharedFrame && writeShared(this.ws, frame)) return;
    this.ws.send(frame);
  }

  cork(): void {
    cork(this.ws);
  }

  uncork(): void {
    uncork(this.ws);
  }

  close(code: number, reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearTimeout(this.authTimer);
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2000).unref();
    this.detach();
  }

  private onSocketClose(): void {
    this.isClosed = true;
    clearTimeout(this.authTimer);
    this.detach();
  }

  private detach(): void {
    if (this.room) {
      this.room.leave(this);
      this.rooms.released(this.room);
      this.room = null;
    }
    this.onClosed();
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.isClosed) return;
    if (!isBinary) {
      this.close(CLOSE_CODES.BAD_FRAME, 'Binary frames only');
      return;
    }
    // A copy, not a view: `ws` hands out slices of a shared buffer, and a length prefix that lies
    // must make decoding fail at the frame's end instead of reading a neighbour's bytes.
    const frame = new Uint8Array(data);
    if ((this.room !== null || this.isAuthenticating) && this.answerPing(frame)) return;
    if (this.room === null) {
      if (this.isAuthenticating) {
        if (this.pending.length >= MAX_FRAMES_BEFORE_AUTH) this.close(CLOSE_CODES.BAD_FRAME, 'Too many frames before AUTH');
        else this.pending.push(frame);
        return;
      }
      void this.authenticate(frame);
      return;
    }
    this.handleFrame(this.room, frame);
  }

  /** True when `frame` was a PING (after AUTH; answered even while the board opens). */
  private answerPing(frame: Uint8Array): boolean {
    try {
      const verdict = this.pings.take(frame);
      if (verdict === 'too_many') this.close(CLOSE_CODES.TOO_MANY_COMMANDS, 'Too many pings');
      return verdict !== 'not_ping';
    } catch (error) {
      log('warn', 'ws.bad_frame', { boardId: this.boardId, kind: badInputKind(error) });
      this.close(CLOSE_CODES.BAD_FRAME, 'Malformed frame');
      return true;
    }
  }

  /** Routes a frame to the room (connectionFrames.ts); one that cannot be decoded closes this connection. */
  private handleFrame(room: Room, frame: Uint8Array): void {
    try {
      this.budget ??= this.rateLimits.registry.forConnection(this.rateLimits.address, this.boardId, this.actor.participantId);
      routeFrame(frame, room, this.budget, this.frameAnswers);
    } catch (error) {
      log('warn', 'ws.bad_frame', { boardId: this.boardId, kind: badInputKind(error) });
      this.close(CLOSE_CODES.BAD_FRAME, 'Malformed frame');
    }
  }

  private async authenticate(frame: Uint8Array): Promise<void> {
    this.isAuthenticating = true;
    // AUTH came in time; what follows (claiming and loading the board, which waits for the database
    // after a failover) is bounded separately, and ends in a close the client retries.
    clearTimeout(this.authTimer);
    const openTimer = setTimeout(() => {
      log('warn', 'ws.open_slow', { boardId: this.boardId });
      this.close(CLOSE_CODES.GOING_AWAY, 'The board is slow to open; try again');
    }, ROOM_OPEN_TIMEOUT_MS);
    try {
      await this.openRoom(frame);
    } finally {
      clearTimeout(openTimer);
      this.isAuthenticating = false;
    }
  }

  private async openRoom(frame: Uint8Array): Promise<void> {
    const authAt = performance.now();
    let auth: AuthMessage;
    try {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) throw new BadFrameError('not_auth');
      const parsed = parseAuth(decodeJsonBody(decoder));
      if (isInvalid(parsed)) throw new BadFrameError('invalid_auth');
      auth = parsed;
    } catch (error) {
      log('warn', 'ws.bad_auth', { boardId: this.boardId, kind: badInputKind(error) });
      this.close(CLOSE_CODES.UNAUTHORIZED, 'Send AUTH first');
      return;
    }
    if (auth.v !== PROTOCOL_VERSION) {
      this.close(CLOSE_CODES.UNSUPPORTED_VERSION, 'Please reload the page');
      return;
    }
    try {
      const room = await this.rooms.get(this.boardId);
      if (this.isClosed) return;
      if (!room) {
        this.close(CLOSE_CODES.BOARD_NOT_FOUND, 'No such board');
        return;
      }
      const actor = await resolveActor(auth, {
        store: this.store,
        row: room.row,
        maxParticipantsPerBoard: this.limits.maxParticipantsPerBoard,
        address: this.rateLimits.address,
        seats: room.seats,
        onWrongJoinToken: () => this.rateLimits.wrongJoinCodes?.take(this.rateLimits.address),
      });
      if (this.isClosed) return;
      if (isAuthRefusal(actor)) {
        this.close(actor.code, actor.reason);
        return;
      }
      // Removed while this AUTH was being checked: the secret was good a moment ago, not now.
      if (actor.participantId !== null && room.seats.isRemoved(actor.participantId)) {
        this.close(CLOSE_CODES.SEAT_REMOVED, 'The facilitator removed this seat');
        return;
      }
      this.actor = actor;
      this.actorKey = actor.participantId ?? actor.role;
      clearTimeout(this.authTimer);
      this.room = room;
      this.rooms.touch(room.id);
      room.join(this);
      log('info', 'ws.joined', {
        boardId: this.boardId,
        role: actor.role,
        authAfterOpenMs: Math.round(authAt - this.openedAt),
        afterAuthMs: Math.round(performance.now() - authAt),
      });
      const pending = this.pending.splice(0);
      for (const frame of pending) if (this.room) this.handleFrame(this.room, frame);
    } catch (error) {
      if (error instanceof RoomUnavailableError) {
        // Owned by another server, or this one is shutting down: the client reconnects (45xx).
        this.close(error.code, error.reason);
        return;
      }
      log('error', 'ws.auth_failed', { boardId: this.boardId, message: (error as Error).message });
      this.close(CLOSE_CODES.GOING_AWAY, 'Try again');
    }
  }
}
