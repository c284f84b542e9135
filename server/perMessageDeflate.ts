import type { PerMessageDeflateOptions } from 'ws';
import { DEFLATE_THRESHOLD_BYTES } from '../shared/limits';

/**
 * zlib level for the frames the server compresses: the fastest. On a board of 2,000 notes and
 * 20,000 moves (a 950 KiB document) level 1 makes 29 % of the bytes in about 7 ms of CPU per
 * cold join; level 6 makes 27 % in about 15 ms. The document is what is big, and it compresses well
 * at any level.
 */
export const DEFLATE_LEVEL = 1;

/**
 * LZ77 window (2^13 = 8 KiB) and hash memory level of the server's compressor. zlib keeps
 * `2^(windowBits + 2) + 2^(memLevel + 9)` bytes per compressing connection for as long as the
 * connection lives (ws resets it between messages, it does not free it): 48 KiB here instead of
 * the default 256 KiB, for 1 % more bytes. Without a compressed frame a connection holds none;
 * broadcasts and the cached cold-join document are compressed once for all connections (SharedFrame,
 * with these same settings), so only a frame `ws` compresses for one connection (a warm joiner's
 * large catch-up) gives that connection a compressor of its own.
 * A client that asks for a smaller window than this is refused the handshake by `ws`;
 * browsers and `ws` clients ask for none.
 */
export const DEFLATE_WINDOW_BITS = 13;
export const DEFLATE_MEM_LEVEL = 5;

/**
 * The server's permessage-deflate (RFC 7692) settings for `ws`. No context takeover either way:
 * every message is compressed on its own, so no connection keeps a dictionary between messages
 * (memory), and a compressed frame can be read without the ones before it.
 */
export const PER_MESSAGE_DEFLATE: PerMessageDeflateOptions = {
  threshold: DEFLATE_THRESHOLD_BYTES,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: DEFLATE_WINDOW_BITS,
  zlibDeflateOptions: { level: DEFLATE_LEVEL, memLevel: DEFLATE_MEM_LEVEL },
};
