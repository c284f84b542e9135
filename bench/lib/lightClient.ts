import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Command } from '../../shared/commands';
import {
  type AuthMessage,
  type CommandResult,
  encodeAuth,
  encodeCommand,
  MESSAGE_AWARENESS,
  MESSAGE_PRIVATE,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  type PrivateMessage,
} from '../../shared/protocol';
import { type RawMessage, RawWebSocket } from './rawSocket';

/**
 * A lightweight simulated participant: a raw WebSocket (rawSocket.ts) that authenticates
 * (Accord), does the y-websocket handshake minimally (sends sync step 1 with a given state
 * vector, answers the server's step 1 with an empty step 2) and then only reads frames. It never
 * decodes or applies document updates, so hundreds of them cost the load generator little; it
 * parses its own RESULT frames, and PRIVATE frames when asked to.
 */

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** An empty Yjs update (no structs, empty delete set): all a read-only replica has to say. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** An empty state vector: "I have nothing". */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

const EMPTY_STEP_2 = syncFrame(SYNC_STEP_2, EMPTY_UPDATE);
const utf8 = new TextDecoder();

function jsonBody(data: Buffer): unknown {
  // Result and private frames are small, so the raw socket always delivers them whole.
  const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  decoding.readVarUint(decoder);
  return JSON.parse(utf8.decode(decoding.readVarUint8Array(decoder)));
}

export interface CommandTiming {
  readonly result: CommandResult;
  /** Sent → result received, in milliseconds. */
  readonly ms: number;
}

export interface LightClientOptions {
  /** Full WebSocket URL (Accord: `ws://host/ws/<boardId>`, reference: `ws://host/<room>`). */
  readonly url: string;
  /** AUTH to send first (Accord); omit for the reference. */
  readonly auth?: AuthMessage;
  /** State vector for our sync step 1 (default empty: a cold join asks for everything). */
  readonly stateVector?: Uint8Array;
  /** Keep the latest private slice (parsed). */
  readonly keepSlices?: boolean;
  /** Called for each broadcast document update frame with its arrival time. */
  readonly onUpdate?: (at: number, bytes: number) => void;
  /** Offer permessage-deflate, as browsers do (default: no, so large frames cost the load generator nothing). */
  readonly offerDeflate?: boolean;
}

let nextClient = 0;

export class LightClient {
  private readonly ws: RawWebSocket;
  bytesReceived = 0;
  framesReceived = 0;
  updatesReceived = 0;
  /** Arrival time and size of the largest update frame since `resetLargest()`. */
  largestUpdate = { at: 0, bytes: 0 };
  openedAt = 0;
  /** When the server's answer to our step 1 arrived (the client would now hold the document). */
  syncedAt: number | null = null;
  welcomedAt: number | null = null;
  slice: Extract<PrivateMessage, { type: 'slice' }> | null = null;
  closeCode: number | null = null;
  private readonly pending = new Map<string, { sentAt: number; resolve: (timing: CommandTiming) => void }>();
  private readonly waiters: (() => void)[] = [];
  private readonly idPrefix = `b${(nextClient++).toString(36)}x`;
  private nextCommand = 0;
  readonly opened: Promise<void>;

  constructor(private readonly options: LightClientOptions) {
    let opened: () => void = () => {};
    let failed: (error: Error) => void = () => {};
    this.opened = new Promise((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // Callers await `opened`; a socket closed later must not count as an unhandled rejection.
    this.opened.catch(() => {});
    this.ws = new RawWebSocket(
      options.url,
      {
        onOpen: () => {
          this.openedAt = performance.now();
          if (options.auth) this.ws.send(encodeAuth(options.auth));
          this.ws.send(syncFrame(SYNC_STEP_1, options.stateVector ?? EMPTY_STATE_VECTOR));
          opened();
        },
        onMessage: (message) => this.onFrame(message),
        onClose: (code) => {
          this.closeCode = code;
          failed(new Error(`light client closed with ${code} before it opened`));
          this.notify();
        },
      },
      options.offerDeflate,
    );
  }

  private onFrame({ data, length }: RawMessage): void {
    this.bytesReceived += length;
    this.framesReceived += 1;
    const type = data[0];
    if (type === MESSAGE_SYNC) {
      const step = data[1];
      if (step === SYNC_UPDATE) {
        this.updatesReceived += 1;
        const at = performance.now();
        if (length > this.largestUpdate.bytes) this.largestUpdate = { at, bytes: length };
        this.options.onUpdate?.(at, length);
      } else if (step === SYNC_STEP_1) {
        this.ws.send(EMPTY_STEP_2);
      } else if (step === SYNC_STEP_2 && this.syncedAt === null) {
        this.syncedAt = performance.now();
        this.notify();
      }
    } else if (type === MESSAGE_RESULT) {
      const result = jsonBody(data) as CommandResult;
      const waiting = this.pending.get(result.id);
      if (waiting) {
        this.pending.delete(result.id);
        waiting.resolve({ result, ms: performance.now() - waiting.sentAt });
      }
    } else if (type === MESSAGE_PRIVATE) {
      if (this.welcomedAt === null) {
        this.welcomedAt = performance.now();
        this.notify();
      } else if (this.options.keepSlices) {
        const message = jsonBody(data) as PrivateMessage;
        if (message.type === 'slice') this.slice = message;
      }
    } else if (type !== MESSAGE_AWARENESS) {
      // Unknown frames are counted, nothing else.
    }
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once the document handshake is done (or the socket closed). */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    return this.waitFor(() => this.syncedAt !== null, timeoutMs, 'sync');
  }

  /** Resolves once the welcome arrived (Accord only). */
  whenWelcomed(timeoutMs = 30_000): Promise<void> {
    return this.waitFor(() => this.welcomedAt !== null, timeoutMs, 'welcome');
  }

  private waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`light client: no ${what} in ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (predicate()) {
          clearTimeout(timer);
          resolve();
        } else if (this.closeCode !== null) {
          clearTimeout(timer);
          reject(new Error(`light client closed with ${this.closeCode} before ${what}`));
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  /** Sends a command and resolves with its result and round-trip time. */
  command(command: Command, id = `${this.idPrefix}${(this.nextCommand++).toString(36)}`): Promise<CommandTiming> {
    return new Promise((resolve) => {
      this.pending.set(id, { sentAt: performance.now(), resolve });
      this.ws.send(encodeCommand({ id, command }));
    });
  }

  /** Sends raw bytes (a reference writer's update frame). */
  sendRaw(frame: Uint8Array): void {
    this.ws.send(frame);
  }

  resetLargest(): void {
    this.largestUpdate = { at: 0, bytes: 0 };
  }

  get pendingCommands(): number {
    return this.pending.size;
  }

  close(): void {
    this.ws.close();
  }
}

/** Builds a y-websocket sync update frame (what a writing client sends to the reference). */
export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_UPDATE, update);
}

/** Opens `count` clients, `batch` at a time, and waits until each is synced. */
export async function openLightClients(
  count: number,
  make: (i: number) => LightClientOptions,
  options: { batch?: number; afterEach?: (i: number) => Promise<void> | void } = {},
): Promise<LightClient[]> {
  const clients: LightClient[] = [];
  const batch = options.batch ?? 50;
  for (let start = 0; start < count; start += batch) {
    const group: LightClient[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const client = new LightClient(make(i));
      group.push(client);
      clients.push(client);
    }
    await Promise.all(group.map((c) => c.opened.then(() => c.whenSynced())));
    for (let i = start; i < Math.min(count, start + batch); i++) await options.afterEach?.(i);
  }
  return clients;
}

export function closeAll(clients: readonly { close(): void }[]): void {
  for (const client of clients) client.close();
}
