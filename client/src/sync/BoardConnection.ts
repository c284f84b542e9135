import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Command, CommandEnvelope } from '../../../shared/commands';
import { COMMANDS_BEFORE_WELCOME, MAX_QUEUED_COMMANDS } from '../../../shared/limits';
import {
  CLOSE_CODES,
  type CommandResult,
  decodeJsonBody,
  encodeAuth,
  encodeCommand,
  encodePing,
  MESSAGE_PRIVATE,
  MESSAGE_RESULT,
  PROTOCOL_VERSION,
  type PrivateMessage,
} from '../../../shared/protocol';
import { randomId } from '../../../shared/random';
import type { MessageKey } from '../i18n/i18n';
import { ClockOffset } from './clockOffset';
import { QuickReconnect } from './quickReconnect';
import { SilenceWatchdog } from './silenceWatchdog';

/** What the connection indicator shows. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'closed';

/** Where the outbox survives a reload (localStorage in the browser, memory in tests). */
export interface OutboxStorage {
  load(): CommandEnvelope[];
  save(envelopes: readonly CommandEnvelope[]): void;
}

/** An outbox kept in memory only. */
export function memoryOutbox(): OutboxStorage {
  let saved: CommandEnvelope[] = [];
  return {
    load: () => saved,
    save: (list) => {
      saved = [...list];
    },
  };
}

/** Options of a board connection. */
export interface BoardConnectionOptions {
  /** ws:// or wss:// base, e.g. ws://localhost:8787/ws */
  readonly serverUrl: string;
  readonly boardId: string;
  readonly participantSecret?: string;
  readonly facilitatorKey?: string;
  /** The key of the read-only agreement link: the connection reads, never writes. */
  readonly readerKey?: string;
  /** Proof of the join code (from GET /api/join): needed once, when this browser's secret is new to the board. */
  readonly joinToken?: string;
  readonly outbox?: OutboxStorage;
  /** Node has no global WebSocket: pass `ws` here in tests. */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** Connect at once (default true). */
  readonly connect?: boolean;
  /** How a refusal reads to this person (the page passes i18n/refusalText.ts); default: the server's English. */
  readonly sayRefusal?: (refusal: Extract<CommandResult, { readonly ok: false }>) => string;
}

type Listener<T> = (value: T) => void;

/**
 * The client side of the protocol: a read-only Yjs replica kept in sync by y-websocket's
 * WebsocketProvider, an AUTH frame sent before anything else on every (re)connection, and an
 * outbox of commands. Commands wait in the outbox, survive reloads and outages, and are sent
 * (again) on each connection until the server answers them; the server applies each id once.
 * The first COMMANDS_BEFORE_WELCOME go right behind the AUTH, the rest after the welcome.
 */
export class BoardConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Replaces a connection that went silent (a paused server, a dead pipe): see silenceWatchdog.ts. */
  readonly watchdog: SilenceWatchdog;
  private outbox: CommandEnvelope[];
  private readonly storage: OutboxStorage;
  private readonly waiting = new Map<string, Listener<CommandResult>>();
  private readonly answers = new Map<string, Promise<CommandResult>>();
  private readonly listeners = {
    status: new Set<Listener<ConnectionStatus>>(),
    private: new Set<Listener<PrivateMessage>>(),
    result: new Set<Listener<CommandResult>>(),
    outbox: new Set<Listener<readonly CommandEnvelope[]>>(),
  };
  private isWelcomed = false;
  /** Commands sent on the current connection (behind its AUTH), not to be sent again at its welcome. */
  private sentOnConnection = new Set<string>();
  private hasBeenOnline = false;
  status: ConnectionStatus = 'connecting';
  /** Why the server closed the connection for good, when status is `closed`. */
  closeReason: { code: number; reason: string } | null = null;
  private readonly clock = new ClockOffset();
  /** Comes back at once when the server says the board moved (a hand-off between nodes). */
  readonly quickReconnect: QuickReconnect;
  /** Sent until the server has given this browser an identity; not needed after. */
  private joinToken: string | undefined;

  constructor(private readonly options: BoardConnectionOptions) {
    this.storage = options.outbox ?? memoryOutbox();
    this.joinToken = options.joinToken;
    this.outbox = this.storage.load().slice(0, MAX_QUEUED_COMMANDS);
    this.provider = new WebsocketProvider(options.serverUrl, options.boardId, this.doc, {
      connect: false,
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.watchdog = new SilenceWatchdog(this.provider, () => {
      const ws = this.provider.ws;
      if (ws && ws.readyState === 1) ws.send(encodePing());
    });
    this.quickReconnect = new QuickReconnect(this.provider);
    this.provider.messageHandlers[MESSAGE_RESULT] = (_encoder, decoder) =>
      this.onResult(decodeJsonBody(decoder) as CommandResult);
    this.provider.messageHandlers[MESSAGE_PRIVATE] = (_encoder, decoder) =>
      this.onPrivate(decodeJsonBody(decoder) as PrivateMessage);
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') {
        // y-websocket emits "connected" before it sends sync step 1: AUTH goes out first. The
        // server queues what follows until it has checked the AUTH, so the oldest waiting commands
        // need not wait for the welcome's round trip.
        this.sentOnConnection = new Set();
        this.provider.ws?.send(encodeAuth(this.authMessage()));
        for (const envelope of this.outbox.slice(0, COMMANDS_BEFORE_WELCOME)) this.transmit(envelope);
      } else if (status === 'disconnected') {
        this.isWelcomed = false;
        // y-websocket has just dropped the others' presence but keeps their clocks: the server's
        // first frame after the reconnect repeats those clocks and would be ignored, leaving the
        // others missing until their next renewal. Forgetting the clocks takes the frame as news.
        const { awareness } = this.provider;
        for (const clientId of [...awareness.meta.keys()]) {
          if (clientId !== awareness.clientID && !awareness.getStates().has(clientId)) awareness.meta.delete(clientId);
        }
        this.setStatus(this.isBrowserOffline() ? 'offline' : this.hasBeenOnline ? 'reconnecting' : 'connecting');
      }
    });
    this.provider.on('closed', (event) => {
      this.closeReason = event;
      this.setStatus('closed');
    });
    if (options.connect !== false) this.connect();
  }

  private authMessage() {
    return {
      v: PROTOCOL_VERSION,
      ...(this.options.participantSecret ? { participantSecret: this.options.participantSecret } : {}),
      ...(this.options.facilitatorKey ? { facilitatorKey: this.options.facilitatorKey } : {}),
      ...(this.options.readerKey ? { readerKey: this.options.readerKey } : {}),
      ...(this.joinToken && this.options.participantSecret ? { joinToken: this.joinToken } : {}),
    };
  }

  private isBrowserOffline(): boolean {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  connect(): void {
    this.provider.connect();
  }

  disconnect(): void {
    this.watchdog.cancel();
    this.provider.disconnect();
  }

  destroy(): void {
    this.watchdog.stop();
    this.provider.destroy();
    this.doc.destroy();
  }

  /** Commands not yet answered by the server, oldest first. */
  get pending(): readonly CommandEnvelope[] {
    return this.outbox;
  }

  get isSynced(): boolean {
    return this.provider.synced;
  }

  /**
   * Queues a command and sends it when online. Resolves with the server's result (which may be a
   * refusal). Throws at once when the outbox is full.
   */
  send(command: Command, id: string = randomId()): Promise<CommandResult> {
    if (this.outbox.length >= MAX_QUEUED_COMMANDS) {
      // A page's session refuses before this, in the reader's language (boardSession.ts `submit`);
      // this answer is for the connection's other users (tests, the bench).
      return Promise.resolve({
        id,
        ok: false,
        error: 'limit_reached',
        message: 'Too many actions are waiting. Reconnect first.',
      });
    }
    // The same id again (a double click) is the same command: wait for the one answer.
    const pending = this.answers.get(id);
    if (pending) return pending;
    const envelope: CommandEnvelope = { id, command };
    this.outbox = [...this.outbox, envelope];
    this.persistOutbox();
    const answered = new Promise<CommandResult>((resolve) => this.waiting.set(id, resolve));
    this.answers.set(id, answered);
    if (this.isWelcomed) this.transmit(envelope);
    return answered;
  }

  private transmit(envelope: CommandEnvelope): void {
    const ws = this.provider.ws;
    if (ws?.readyState !== 1) return;
    ws.send(encodeCommand(envelope));
    this.sentOnConnection.add(envelope.id);
  }

  private persistOutbox(): void {
    this.storage.save(this.outbox);
    for (const listener of this.listeners.outbox) listener(this.outbox);
  }

  private onResult(answer: CommandResult): void {
    // A refusal enters the client in the person's language; `reason` and `values` stay with it.
    const result: CommandResult = answer.ok
      ? answer
      : { ...answer, message: this.options.sayRefusal?.(answer) ?? answer.message };
    // A rate-limited command was not processed: it stays queued and goes again after the next welcome.
    if (!result.ok && result.error === 'rate_limited') {
      setTimeout(() => {
        const envelope = this.outbox.find((e) => e.id === result.id);
        if (envelope && this.isWelcomed) this.transmit(envelope);
      }, 1000);
      return;
    }
    if (this.outbox.some((e) => e.id === result.id)) {
      this.outbox = this.outbox.filter((e) => e.id !== result.id);
      this.persistOutbox();
    }
    this.waiting.get(result.id)?.(result);
    this.waiting.delete(result.id);
    this.answers.delete(result.id);
    for (const listener of this.listeners.result) listener(result);
  }

  private onPrivate(message: PrivateMessage): void {
    if (message.type === 'welcome' || message.type === 'time') {
      this.clock.add(message.serverNow, Date.now(), message.type === 'welcome');
    }
    if (message.type === 'welcome') {
      if (message.participantId !== null) this.joinToken = undefined;
      this.isWelcomed = true;
      this.quickReconnect.reset();
      // y-websocket re-sends my presence on reconnect with the clock it had, and peers that saw it
      // removed when I left ignore an equal clock: I would be missing from their "here" until my
      // next renewal (15 s). Setting it again gives it a newer clock, so it counts at once.
      const presence = this.provider.awareness.getLocalState();
      if (this.hasBeenOnline && presence !== null) this.provider.awareness.setLocalState({ ...presence });
      this.hasBeenOnline = true;
      this.setStatus('online');
      for (const envelope of this.outbox) if (!this.sentOnConnection.has(envelope.id)) this.transmit(envelope);
    }
    for (const listener of this.listeners.private) listener(message);
  }

  /** Server clock minus local clock, in milliseconds (from welcome, heartbeats and PING answers). */
  get clockOffsetMs(): number {
    return this.clock.ms;
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === 'closed' && status !== 'closed') return;
    this.status = status;
    for (const listener of this.listeners.status) listener(status);
  }

  on(event: 'status', listener: Listener<ConnectionStatus>): () => void;
  on(event: 'private', listener: Listener<PrivateMessage>): () => void;
  on(event: 'result', listener: Listener<CommandResult>): () => void;
  on(event: 'outbox', listener: Listener<readonly CommandEnvelope[]>): () => void;
  on(event: keyof BoardConnection['listeners'], listener: Listener<never>): () => void {
    const set = this.listeners[event] as Set<Listener<never>>;
    set.add(listener);
    return () => set.delete(listener);
  }
}

/** Close codes after which reconnecting cannot help, with the key of a sentence for people. */
export const FINAL_CLOSE_KEYS: Readonly<Record<number, MessageKey>> = {
  [CLOSE_CODES.BOARD_NOT_FOUND]: 'board.closed.notFound',
  [CLOSE_CODES.UNAUTHORIZED]: 'board.closed.unauthorized',
  [CLOSE_CODES.BOARD_FULL]: 'board.closed.full',
  [CLOSE_CODES.JOIN_REQUIRED]: 'board.closed.joinRequired',
  [CLOSE_CODES.SEAT_REMOVED]: 'board.closed.seatRemoved',
  [CLOSE_CODES.ORIGIN_REFUSED]: 'board.closed.originRefused',
  [CLOSE_CODES.TOO_MANY_CONNECTIONS]: 'board.closed.tooManyConnections',
  [CLOSE_CODES.UNSUPPORTED_VERSION]: 'board.closed.unsupportedVersion',
};
