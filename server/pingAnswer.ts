import * as decoding from 'lib0/decoding';
import { MAX_PINGS_PER_WINDOW, PING_ANSWER_INTERVAL_MS, PINGS_WINDOW_MS } from '../shared/limits';
import { encodeJsonMessage, MESSAGE_PING, MESSAGE_PRIVATE } from '../shared/protocol';
import { BadFrameError } from './badInput';
import { WindowCounter } from './rateLimit';

/** What became of a frame offered to `PingAnswer.take`. */
export type PingVerdict =
  /** Not a PING: the connection handles it as usual. */
  | 'not_ping'
  /** A PING, answered (or not, when one was answered within PING_ANSWER_INTERVAL_MS). */
  | 'handled'
  /** More PINGs than MAX_PINGS_PER_WINDOW: the connection closes with 4429. */
  | 'too_many';

/**
 * Answers a connection's PING frames with the server's clock, as a PRIVATE `time`: the client's
 * silence watchdog learns that this server (and every pipe on the way to it) is alive. Answered
 * by the connection itself, before and while its board opens too, so that a slow open is not
 * mistaken for a dead server. The answers are rate-limited; a flood closes the connection.
 */
export class PingAnswer {
  private readonly pings = new WindowCounter(PINGS_WINDOW_MS);
  private lastAnswerAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly send: (frame: Uint8Array) => void) {}

  /** Throws BadFrameError for a PING with a body. */
  take(frame: Uint8Array, now: number = Date.now()): PingVerdict {
    const decoder = decoding.createDecoder(frame);
    let type: number;
    try {
      type = decoding.readVarUint(decoder);
    } catch {
      return 'not_ping';
    }
    if (type !== MESSAGE_PING) return 'not_ping';
    if (decoding.hasContent(decoder)) throw new BadFrameError('trailing_bytes');
    if (this.pings.add(now) > MAX_PINGS_PER_WINDOW) return 'too_many';
    if (now - this.lastAnswerAt >= PING_ANSWER_INTERVAL_MS) {
      this.lastAnswerAt = now;
      this.send(encodeJsonMessage(MESSAGE_PRIVATE, { type: 'time', serverNow: now }));
    }
    return 'handled';
  }
}
