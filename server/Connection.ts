import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { parseCommandEnvelope } from '../shared/commands';
import type { Actor } from '../shared/domain/state';
import {
  AUTH_TIMEOUT_MS,
  AWARENESS_UPDATES_PER_SECOND,
  COMMAND_BURST,
  COMMANDS_PER_SECOND,
  MAX_REFUSED_COMMANDS_PER_WINDOW,
  REFUSED_COMMANDS_WINDOW_MS,
  SYNC_REQUEST_BURST,
  SYNC_REQUESTS_PER_MINUTE,
} from '../shared/limits';
import {
  type AuthMessage,
  CLOSE_CODES,
  decodeJsonBody,
  encodeJsonMessage,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
  parseAuth,
} from '../shared/protocol';
import { isInvalid } from '../shared/validate';
import { log } from './log';
import { isAuthRefusal, resolveActor } from './auth';
import type { Room } from './room/Room';
import { BadFrameError, type RoomMember } from './room/RoomMember';
import { type RoomManager, RoomUnavailableError } from './RoomManager';
import { TokenBucket, WindowCounter } from './rateLimit';
import type { BoardStore } from './store/BoardStore';

/** Per-server limits a connection enforces (from ServerConfig). */
export interface ConnectionLimits {
  readonly maxParticipantsPerBoard: number;
  readonly maxBufferedBytes: number;
}

/** Frames a connection may send before its AUTH is resolved; more is a protocol violation. */
const MAX_FRAMES_BEFORE_AUTH = 16;

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
  private readonly commandBucket = new TokenBucket(COMMANDS_PER_SECOND, COMMAND_BURST);
  private readonly awarenessBucket = new TokenBucket(AWARENESS_UPDATES_PER_SECOND, AWARENESS_UPDATES_PER_SECOND);
  private readonly refusals = new WindowCounter(REFUSED_COMMANDS_WINDOW_MS);
  private readonly syncBucket = new TokenBucket(SYNC_REQUESTS_PER_MINUTE / 60, SYNC_REQUEST_BURST);
  private readonly authTimer: NodeJS.Timeout;
  private isClosed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly boardId: string,
    private readonly rooms: RoomManager,
    private readonly store: BoardStore,
    private readonly limits: ConnectionLimits,
    private readonly onClosed: () => void,
  ) {
    this.authTimer = setTimeout(() => this.close(CLOSE_CODES.UNAUTHORIZED, 'No AUTH in time'), AUTH_TIMEOUT_MS);
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => this.onSocketClose());
    ws.on('error', (error) => {
      log('warn', 'ws.error', { boardId: this.boardId, message: error.message });
      this.close(CLOSE_CODES.BAD_FRAME, 'Socket error');
    });
  }

  send(frame: Uint8Array): void {
    if (this.isClosed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      log('warn', 'ws.slow_consumer', { boardId: this.boardId, buffered: this.ws.bufferedAmount });
      this.close(CLOSE_CODES.SLOW_CONSUMER, 'Too slow');
      return;
    }
    this.ws.send(frame);
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

  private handleFrame(room: Room, frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          // Each step 1 (subtype 0, the byte after the type) costs the server a document diff.
          if (frame[1] === 0 && !this.syncBucket.take()) {
            this.close(CLOSE_CODES.TOO_MANY_COMMANDS, 'Too many sync requests');
            return;
          }
          room.handleSync(this, decoder);
          break;
        case MESSAGE_AWARENESS: {
          const update = decoding.readVarUint8Array(decoder);
          if (decoding.hasContent(decoder)) throw new BadFrameError('trailing bytes');
          if (this.awarenessBucket.take()) room.handleAwareness(this, update);
          break;
        }
        case MESSAGE_QUERY_AWARENESS:
          room.sendAllAwareness(this);
          break;
        case MESSAGE_COMMAND:
          this.handleCommand(room, decodeJsonBody(decoder));
          break;
        default:
          throw new BadFrameError(`unknown message type ${type}`);
      }
    } catch (error) {
      log('warn', 'ws.bad_frame', { boardId: this.boardId, reason: (error as Error).message.slice(0, 80) });
      this.close(CLOSE_CODES.BAD_FRAME, 'Malformed frame');
    }
  }

  private handleCommand(room: Room, body: unknown): void {
    const id = typeof (body as { id?: unknown } | null)?.id === 'string' ? (body as { id: string }).id.slice(0, 64) : '';
    if (!this.commandBucket.take()) {
      this.sendResult({
        id,
        ok: false,
        error: 'rate_limited',
        message: 'Too many actions at once. Wait a moment and try again.',
      });
      if (this.refusals.add() > MAX_REFUSED_COMMANDS_PER_WINDOW) this.close(CLOSE_CODES.TOO_MANY_COMMANDS, 'Too many commands');
      return;
    }
    const envelope = parseCommandEnvelope(body);
    if (isInvalid(envelope)) {
      this.sendResult({ id, ok: false, error: 'invalid_command', message: `${envelope.path} ${envelope.message}.` });
      return;
    }
    room.enqueue(this, envelope);
  }

  private sendResult(result: { id: string; ok: false; error: string; message: string }): void {
    this.send(encodeJsonMessage(MESSAGE_RESULT, result));
  }

  private async authenticate(frame: Uint8Array): Promise<void> {
    this.isAuthenticating = true;
    let auth: AuthMessage;
    try {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) throw new Error('first frame is not AUTH');
      const parsed = parseAuth(decodeJsonBody(decoder));
      if (isInvalid(parsed)) throw new Error(`AUTH ${parsed.path} ${parsed.message}`);
      auth = parsed;
    } catch (error) {
      log('warn', 'ws.bad_auth', { boardId: this.boardId, reason: (error as Error).message.slice(0, 80) });
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
      });
      if (this.isClosed) return;
      if (isAuthRefusal(actor)) {
        this.close(actor.code, actor.reason);
        return;
      }
      this.actor = actor;
      this.actorKey = actor.participantId ?? actor.role;
      clearTimeout(this.authTimer);
      this.room = room;
      this.rooms.touch(room.id);
      room.join(this);
      log('info', 'ws.joined', { boardId: this.boardId, role: actor.role });
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
    } finally {
      this.isAuthenticating = false;
    }
  }
}
