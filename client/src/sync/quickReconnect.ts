import type { WebsocketProvider } from 'y-websocket';
import { QUICK_RECONNECT_JITTER_MS, QUICK_RECONNECTS } from '../../../shared/limits';
import { CLOSE_CODES } from '../../../shared/protocol';

/** Close codes that mean "the board is served elsewhere now: come back at once". */
export const MOVED_CODES: ReadonlySet<number> = new Set([
  CLOSE_CODES.GOING_AWAY,
  CLOSE_CODES.BOARD_MOVED,
  CLOSE_CODES.LEASE_LOST,
  CLOSE_CODES.DRAINING,
]);

/** y-websocket's first step of backoff: it waits 2^n × this after the n-th close in a row. */
const BACKOFF_UNIT_MS = 100;

/**
 * Reconnects at once (after a little jitter, so that a room does not return in one burst) when
 * the server closed with one of MOVED_CODES, up to QUICK_RECONNECTS times until a connection is
 * welcomed (see shared/limits.ts). It sets the delay y-websocket is about to schedule, rather
 * than scheduling a second attempt beside it, so that there is only ever one attempt pending;
 * after a close that is not quick it puts y-websocket's count of closes back as it would be.
 */
export class QuickReconnect {
  private inARow = 0;
  /** Closes since the last synced connection: y-websocket's own count, which it doubles its delay by. */
  private closes = 0;
  /** Quick reconnects made so far. */
  made = 0;

  constructor(provider: WebsocketProvider) {
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) this.closes = 0;
    });
    // Emitted before y-websocket adds one to wsUnsuccessfulReconnects and schedules the attempt.
    provider.on('connection-close', (event) => {
      this.closes += 1;
      if (event && MOVED_CODES.has(event.code) && this.inARow < QUICK_RECONNECTS) {
        this.inARow += 1;
        this.made += 1;
        const delayMs = 1 + Math.random() * QUICK_RECONNECT_JITTER_MS;
        provider.wsUnsuccessfulReconnects = Math.log2(delayMs / BACKOFF_UNIT_MS) - 1;
      } else {
        provider.wsUnsuccessfulReconnects = this.closes - 1;
      }
    });
  }

  /** A connection was welcomed: the next "moved" close is answered at once again. */
  reset(): void {
    this.inARow = 0;
  }
}
