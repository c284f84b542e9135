import type { WebSocket } from 'ws';
import { DEFLATE_THRESHOLD_BYTES } from '../shared/limits';
import { DEFLATE_WINDOW_BITS } from './perMessageDeflate';
import type { SharedFrame } from './room/SharedFrame';

/**
 * The parts of a `ws` 8 WebSocket that writing a pre-built frame needs. Its sender's `_state` is 0
 * (DEFAULT) when no message waits for compression, and `_queue` holds those that wait: a frame
 * written to the socket then goes out in order. `ws`'s own tests read these fields too; a `ws`
 * without them makes `writeShared` fall back to `ws.send` (tests/server/sharedFrame.test.ts fails).
 */
interface WsInternals {
  readonly _socket?: { write(data: Buffer): boolean; readonly writable: boolean; cork(): void; uncork(): void };
  readonly _sender?: { readonly _state?: unknown; readonly _queue?: readonly unknown[] };
  /** Negotiated extensions: permessage-deflate's `params` are what the handshake agreed (RFC 7692 §7.1). */
  readonly _extensions?: Record<string, { readonly params?: Record<string, unknown> } | undefined>;
}

/**
 * Writes a broadcast's pre-built WebSocket frame straight to `ws`'s socket (no per-member framing,
 * one write; compressed once for all members that negotiated permessage-deflate, when `ws` would
 * have compressed it), when nothing queued in `ws` could be overtaken. False when `ws.send` must
 * send it instead.
 */
export function writeShared(ws: WebSocket, frame: SharedFrame): boolean {
  const { _socket: socket, _sender: sender, _extensions: extensions } = ws as unknown as WsInternals;
  if (socket === undefined || !socket.writable || sender?._state !== 0 || sender._queue?.length !== 0) return false;
  if (frame.length < DEFLATE_THRESHOLD_BYTES || ws.extensions === '') {
    socket.write(frame.wire);
    return true;
  }
  // `ws` would compress it, with a window of the negotiated size: the shared compression may
  // stand in when that window holds the server's (a smaller one is refused at the handshake).
  const windowBits = extensions?.['permessage-deflate']?.params?.server_max_window_bits;
  if (windowBits !== undefined && (typeof windowBits !== 'number' || windowBits < DEFLATE_WINDOW_BITS)) return false;
  socket.write(frame.deflatedWire);
  return true;
}

/**
 * Holds `ws`'s writes until `uncork`: the frames one commit sends a member (its update, its slice,
 * its answer) then leave in one write (writev) instead of one system call each. `ws` corks each
 * frame's header and body itself; corks nest.
 */
export function cork(ws: WebSocket): void {
  (ws as unknown as WsInternals)._socket?.cork();
}

export function uncork(ws: WebSocket): void {
  (ws as unknown as WsInternals)._socket?.uncork();
}
