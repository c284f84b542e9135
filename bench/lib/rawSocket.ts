import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { constants, inflateRawSync } from 'node:zlib';

/**
 * The smallest WebSocket client that can stand in for a participant: a TCP socket, the HTTP
 * upgrade, and a frame parser that keeps small messages whole (results, private messages,
 * handshakes) and only counts the bytes of large ones (document updates it never applies). It
 * answers pings and close frames. permessage-deflate is offered only when asked (`offerDeflate`,
 * as a browser does); a compressed message is then inflated whole when small, or only its first
 * bytes when large (the server compresses each message on its own: no context takeover).
 * `ws` would assemble every 270 KiB update in a fresh buffer for each of hundreds of sockets;
 * on a two-core machine that copying would be the load generator's bottleneck, not the server's.
 */

/** Payloads up to this size are delivered whole; larger ones as their first bytes and a length. */
const WHOLE_PAYLOAD_BYTES = 64 * 1024;
const PREFIX_BYTES = 8;
/** Of a large compressed payload, this many bytes are kept: enough to inflate its first bytes. */
const COMPRESSED_PREFIX_BYTES = 2048;
/** What RFC 7692 strips from the end of each compressed message. */
const DEFLATE_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

const OPCODE_CONTINUATION = 0x0;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

export interface RawMessage {
  /** The whole payload, or its first bytes when `length` is larger than WHOLE_PAYLOAD_BYTES (inflated when compressed). */
  readonly data: Buffer;
  /** Bytes of the payload on the wire (compressed, when it was). */
  readonly length: number;
}

export interface RawSocketHandlers {
  onOpen(): void;
  onMessage(message: RawMessage): void;
  onClose(code: number): void;
}

/** A client frame: FIN, opcode, masked with a zero key (servers require the mask bit, not a secret key). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.writeUInt32BE(0, header);
  frame.set(payload, header + 4);
  return frame;
}

export class RawWebSocket {
  private readonly socket: Socket;
  private isOpen = false;
  private isClosed = false;
  private pending: Buffer = Buffer.alloc(0);
  /** The frame being received: its opcode, bytes still to come, and what is kept of it. */
  private frame: {
    opcode: number;
    isCompressed: boolean;
    remaining: number;
    length: number;
    kept: Buffer[];
    keptBytes: number;
    keep: number;
  } | null = null;

  constructor(
    url: string,
    private readonly handlers: RawSocketHandlers,
    offerDeflate = false,
  ) {
    const { hostname, port, pathname } = new URL(url);
    this.socket = connect({ host: hostname, port: Number(port), noDelay: true });
    this.socket.on('connect', () => {
      const key = randomBytes(16).toString('base64');
      this.socket.write(
        `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${offerDeflate ? 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n' : ''}\r\n`,
      );
    });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', () => this.finish(1006));
    this.socket.on('close', () => this.finish(1006));
  }

  send(payload: Uint8Array): void {
    if (this.isOpen && !this.isClosed) this.socket.write(clientFrame(0x2, payload));
  }

  close(): void {
    this.finish(1000);
    this.socket.destroy();
  }

  private finish(code: number): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.handlers.onClose(code);
  }

  private onData(chunk: Buffer): void {
    if (!this.isOpen) {
      this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.pending.subarray(0, end).toString('latin1');
      if (!/^HTTP\/1\.1 101 /.test(head)) {
        this.close();
        return;
      }
      this.isOpen = true;
      chunk = this.pending.subarray(end + 4);
      this.pending = Buffer.alloc(0);
      this.handlers.onOpen();
      if (chunk.length === 0) return;
    }
    this.parse(chunk);
  }

  private parse(chunk: Buffer): void {
    let data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = Buffer.alloc(0);
    while (data.length > 0 && !this.isClosed) {
      if (this.frame === null) {
        if (data.length < 2) break;
        const opcode = (data[0] as number) & 0x0f;
        const isCompressed = ((data[0] as number) & 0x40) !== 0;
        let length = (data[1] as number) & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (data.length < 4) break;
          length = data.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (data.length < 10) break;
          length = Number(data.readBigUInt64BE(2));
          offset = 10;
        }
        const keep = length <= WHOLE_PAYLOAD_BYTES ? length : isCompressed ? COMPRESSED_PREFIX_BYTES : PREFIX_BYTES;
        this.frame = { opcode, isCompressed, remaining: length, length, kept: [], keptBytes: 0, keep };
        data = data.subarray(offset);
        if (length > 0) continue;
      }
      const frame = this.frame;
      const take = Math.min(frame.remaining, data.length);
      if (frame.keptBytes < frame.keep) {
        const part = data.subarray(0, Math.min(take, frame.keep - frame.keptBytes));
        frame.kept.push(part);
        frame.keptBytes += part.length;
      }
      frame.remaining -= take;
      data = data.subarray(take);
      if (frame.remaining > 0) break;
      this.frame = null;
      const kept = frame.kept.length === 1 ? (frame.kept[0] as Buffer) : Buffer.concat(frame.kept);
      this.onFrame(frame.opcode, frame.isCompressed ? inflated(kept, frame.length === kept.length) : kept, frame.length);
    }
    if (data.length > 0) this.pending = Buffer.from(data);
  }

  private onFrame(opcode: number, data: Buffer, length: number): void {
    if (opcode === OPCODE_PING) this.socket.write(clientFrame(OPCODE_PONG, data));
    else if (opcode === OPCODE_CLOSE) {
      const code = data.length >= 2 ? data.readUInt16BE(0) : 1005;
      this.socket.write(clientFrame(OPCODE_CLOSE, data.subarray(0, 2)));
      this.finish(code);
      this.socket.end();
    } else if (opcode !== OPCODE_PONG && opcode !== OPCODE_CONTINUATION) this.handlers.onMessage({ data, length });
  }
}

/** A compressed payload inflated: whole, or as much as its first bytes give (Z_SYNC_FLUSH: no end is expected). */
function inflated(payload: Buffer, isWhole: boolean): Buffer {
  return inflateRawSync(isWhole ? Buffer.concat([payload, DEFLATE_TAIL]) : payload, { finishFlush: constants.Z_SYNC_FLUSH });
}
