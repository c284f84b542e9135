import type { ClientRequest } from 'node:http';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { decodeJsonBody, MESSAGE_COMMAND, MESSAGE_PRIVATE, MESSAGE_RESULT } from '../../../shared/protocol';
import type { Balancer } from './cluster';
import type { ProxiedConnection } from './tcpProxy';

/** One WebSocket connection a test client opened (each reconnect is a new one). */
export interface ConnectionRecord {
  readonly id: number;
  readonly boardId: string;
  /** The simulated person or tab that owns it. */
  readonly socketKey: string;
  readonly createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  closeCode: number | null;
  /** The balancer's record of this TCP connection (which node took it, its WebSocket key). */
  readonly entry: ProxiedConnection | undefined;
  /** Why the handshake failed (e.g. "Unexpected server response: 502"), when it did. */
  error: string | null;
}

/** A command frame as it left a connection. */
export interface Transmission {
  readonly connId: number;
  readonly commandId: string;
  readonly at: number;
}

/** A result frame as it arrived on a connection (replayed answers and rate-limit refusals too). */
export interface Received {
  readonly connId: number;
  readonly boardId: string;
  readonly commandId: string;
  readonly ok: boolean;
  readonly error: string | null;
  readonly at: number;
}

/**
 * Everything the test clients saw, frame by frame, with times from performance.now(): every
 * connection with its route and close code, every command frame sent, every result received.
 */
export class ClientLog {
  readonly connections: ConnectionRecord[] = [];
  readonly transmissions: Transmission[] = [];
  readonly results: Received[] = [];
  /** Participant id of each socket key, from its welcome message. */
  readonly participantIds = new Map<string, string>();
  /** Private messages as received, for the socket keys in `keepPrivateOf` only (the vote test reads the slices). */
  readonly privateJson: { socketKey: string; at: number; json: string }[] = [];
  readonly keepPrivateOf = new Set<string>();
  private nextId = 0;

  connection(id: number): ConnectionRecord | undefined {
    return this.connections[id - 1];
  }

  /**
   * A `ws` WebSocket class for BoardConnection's polyfill option: each instance is one connection
   * through `balancer`, recorded here.
   */
  socketClass(boardId: string, socketKey: string, balancer: Balancer): typeof globalThis.WebSocket {
    const log = this;
    class RecordedWebSocket extends WebSocket {
      readonly record: ConnectionRecord;
      constructor(url: string | URL, protocols?: string | string[]) {
        // A zero mask: ws then skips drawing random bytes and XOR-ing every frame. Masking guards a
        // browser's traffic against cache poisoning by proxies; here it only cost the clients' thread.
        super(url, protocols, { perMessageDeflate: false, generateMask: () => {} });
        // The balancer (on the network thread) records each connection's WebSocket key: the route is
        // found by it, once the balancer's records have come back (ThreadedNetwork.flush).
        const request = (this as unknown as { _req?: ClientRequest })._req;
        const wsKey = String(request?.getHeader('sec-websocket-key') ?? '');
        const record: ConnectionRecord = {
          id: ++log.nextId,
          boardId,
          socketKey,
          createdAt: performance.now(),
          openedAt: null,
          closedAt: null,
          closeCode: null,
          get entry() {
            return wsKey ? balancer.proxy.byWsKey(wsKey) : undefined;
          },
          error: null,
        };
        this.record = record;
        log.connections.push(record);
        this.on('open', () => {
          record.openedAt = performance.now();
        });
        this.on('close', (code: number) => {
          record.closedAt = performance.now();
          record.closeCode = code;
        });
        this.on('error', (error: Error) => {
          record.error ??= error.message;
        });
        // y-websocket sets binaryType 'arraybuffer': frames come as ArrayBuffer.
        this.on('message', (data: ArrayBuffer | Buffer) => log.onFrame(record, new Uint8Array(data)));
      }

      override send(data: unknown, ...rest: unknown[]): void {
        if (data instanceof Uint8Array && data[0] === MESSAGE_COMMAND) {
          const body = decodeFrame(data) as { id?: unknown } | null;
          if (body && typeof body.id === 'string') {
            log.transmissions.push({ connId: this.record.id, commandId: body.id, at: performance.now() });
          }
        }
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    return RecordedWebSocket as unknown as typeof globalThis.WebSocket;
  }

  private onFrame(record: ConnectionRecord, data: Uint8Array): void {
    const type = data[0];
    if (type !== MESSAGE_RESULT && type !== MESSAGE_PRIVATE) return;
    const body = decodeFrame(data) as Record<string, unknown> | null;
    if (!body) return;
    const at = performance.now();
    if (type === MESSAGE_RESULT && typeof body.id === 'string') {
      this.results.push({
        connId: record.id,
        boardId: record.boardId,
        commandId: body.id,
        ok: body.ok === true,
        error: typeof body.error === 'string' ? body.error : null,
        at,
      });
      return;
    }
    if (body.type === 'welcome' && typeof body.participantId === 'string')
      this.participantIds.set(record.socketKey, body.participantId);
    if (body.type !== 'time' && this.keepPrivateOf.has(record.socketKey))
      this.privateJson.push({ socketKey: record.socketKey, at, json: JSON.stringify(body) });
  }
}

function decodeFrame(bytes: Uint8Array): unknown {
  try {
    const decoder = decoding.createDecoder(new Uint8Array(bytes));
    decoding.readVarUint(decoder);
    return decodeJsonBody(decoder);
  } catch {
    return null;
  }
}
