import { constants, deflateRawSync } from 'node:zlib';
import { DEFLATE_LEVEL, DEFLATE_MEM_LEVEL, DEFLATE_WINDOW_BITS } from '../perMessageDeflate';

/**
 * A message the room sends unchanged to many members (a document update, a presence change). It is
 * the message's bytes, so anything that takes a frame takes it; a connection that can write raw
 * bytes sends `wire` instead: the WebSocket frame (RFC 6455 §5.2, server to client, unmasked,
 * binary, final) built once for every member rather than once per member.
 */
export class SharedFrame extends Uint8Array {
  private wireBytes: Buffer | null = null;
  private deflatedWireBytes: Buffer | null = null;

  /** Wraps `bytes` without copying them. */
  static wrap(bytes: Uint8Array): SharedFrame {
    return new SharedFrame(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Header + payload in one buffer: one write per member, no per-member header or gather list. */
  get wire(): Buffer {
    this.wireBytes ??= frameBinaryMessage(this, false);
    return this.wireBytes;
  }

  /**
   * The frame compressed as permessage-deflate (RFC 7692) with the server's settings, once for
   * every member that negotiated it: with no context takeover each message is compressed on its
   * own, so the bytes are the same for all of them (`ws` would compress it again for each one).
   */
  get deflatedWire(): Buffer {
    this.deflatedWireBytes ??= frameBinaryMessage(deflateMessage(this), true);
    return this.deflatedWireBytes;
  }
}

/** The trailer a sync flush ends with, which RFC 7692 §7.2.1 removes from each message. */
const SYNC_FLUSH_TRAILER_BYTES = 4;

function deflateMessage(payload: Uint8Array): Buffer {
  const deflated = deflateRawSync(payload, {
    level: DEFLATE_LEVEL,
    memLevel: DEFLATE_MEM_LEVEL,
    windowBits: DEFLATE_WINDOW_BITS,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  return deflated.subarray(0, deflated.length - SYNC_FLUSH_TRAILER_BYTES);
}

/** Opcode 2 (binary) with FIN: the first header byte of a whole binary message. */
const FIN_BINARY = 0x82;
/** RSV1: the message is compressed (permessage-deflate). */
const RSV1_COMPRESSED = 0x40;
/** Payload lengths up to 125 fit in the second byte; 126 means a 16-bit length follows, 127 a 64-bit one. */
const MAX_SHORT_LENGTH = 125;
const MAX_16_BIT_LENGTH = 0xffff;

function frameBinaryMessage(payload: Uint8Array, isCompressed: boolean): Buffer {
  const length = payload.byteLength;
  const headerBytes = length <= MAX_SHORT_LENGTH ? 2 : length <= MAX_16_BIT_LENGTH ? 4 : 10;
  const wire = Buffer.allocUnsafe(headerBytes + length);
  wire[0] = isCompressed ? FIN_BINARY | RSV1_COMPRESSED : FIN_BINARY;
  if (headerBytes === 2) {
    wire[1] = length;
  } else if (headerBytes === 4) {
    wire[1] = 126;
    wire.writeUInt16BE(length, 2);
  } else {
    wire[1] = 127;
    wire.writeUInt32BE(0, 2);
    wire.writeUInt32BE(length, 6);
  }
  wire.set(payload, headerBytes);
  return wire;
}
