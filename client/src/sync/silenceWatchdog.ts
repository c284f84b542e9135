import type { WebsocketProvider } from 'y-websocket';
import {
  SILENCE_PING_AFTER_MS,
  SILENCE_TIMEOUT_MAX_MS,
  SILENCE_TIMEOUT_MS,
  SOCKET_OPEN_TIMEOUT_MS,
} from '../../../shared/limits';

/** How often the watchdog looks, in milliseconds (a browser may run it less often in a hidden tab). */
const WATCHDOG_TICK_MS = 500;
/** A dropped connection is opened again after a random delay up to this, so that a crowd does not return at once. */
const RECONNECT_JITTER_MS = 250;

/** Why the watchdog dropped a connection. */
export type DropReason = 'silent' | 'handshake';

/**
 * Notices a connection that has gone quiet and replaces it. A server that is paused (SIGSTOP, a
 * frozen VM), or a pipe to one, keeps its TCP connection open and sends nothing, and y-websocket
 * waits a fixed 30 s before it gives up. Here: after SILENCE_PING_AFTER_MS without a frame the
 * client sends a PING (the server answers with its clock); if nothing at all comes back within
 * the allowed silence (SILENCE_TIMEOUT_MS, doubling with each trip in a row up to
 * SILENCE_TIMEOUT_MAX_MS, so that a slow link still receives a large frame in the end), the
 * connection is dropped and opened again. A handshake not done in SOCKET_OPEN_TIMEOUT_MS is
 * dropped too. A connection is only ever dropped after an unanswered PING, never for silence
 * alone: a timer that a hidden tab runs late cannot cut a healthy connection.
 */
export class SilenceWatchdog {
  private readonly timer: ReturnType<typeof setInterval>;
  private watched: WebSocket | null = null;
  private watchedSince = 0;
  private pingSentAt: number | null = null;
  private tripsInARow = 0;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  /** Connections dropped so far, by reason. */
  readonly drops: Record<DropReason, number> = { silent: 0, handshake: 0 };

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly sendPing: () => void,
    private readonly onDrop: (reason: DropReason) => void = () => {},
  ) {
    this.timer = setInterval(() => this.check(Date.now()), WATCHDOG_TICK_MS);
  }

  /** The silence allowed before a drop now, in milliseconds. */
  get allowedSilenceMs(): number {
    return Math.min(SILENCE_TIMEOUT_MS * 2 ** this.tripsInARow, SILENCE_TIMEOUT_MAX_MS);
  }

  /** Stops a pending reopen (the app disconnected on purpose) . */
  cancel(): void {
    if (this.reopenTimer !== null) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
  }

  stop(): void {
    this.cancel();
    clearInterval(this.timer);
  }

  check(now: number): void {
    const ws = this.provider.ws;
    if (ws === null) {
      this.watched = null;
      return;
    }
    if (ws !== this.watched) {
      this.watched = ws;
      this.watchedSince = now;
      this.pingSentAt = null;
    }
    if (this.provider.wsconnecting) {
      if (now - this.watchedSince >= SOCKET_OPEN_TIMEOUT_MS) this.drop('handshake');
      return;
    }
    if (!this.provider.wsconnected) return;
    const lastHeard = Math.max(this.provider.wsLastMessageReceived, this.watchedSince);
    if (this.pingSentAt !== null && lastHeard >= this.pingSentAt) {
      // Something came after the PING: the server is there. In time: the link is healthy again.
      if (lastHeard - this.pingSentAt < SILENCE_TIMEOUT_MS - SILENCE_PING_AFTER_MS) this.tripsInARow = 0;
      this.pingSentAt = null;
    }
    if (this.pingSentAt !== null) {
      if (now - this.pingSentAt >= this.allowedSilenceMs - SILENCE_PING_AFTER_MS) this.drop('silent');
      return;
    }
    if (now - lastHeard >= SILENCE_PING_AFTER_MS) {
      this.pingSentAt = now;
      this.sendPing();
    }
  }

  private drop(reason: DropReason): void {
    this.drops[reason] += 1;
    this.tripsInARow += 1;
    this.watched = null;
    this.pingSentAt = null;
    this.provider.disconnect();
    this.onDrop(reason);
    this.cancel();
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      this.provider.connect();
    }, Math.random() * RECONNECT_JITTER_MS);
  }
}
