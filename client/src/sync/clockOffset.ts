/** How many of the server's recent clock readings the offset is taken from. */
export const CLOCK_SAMPLE_WINDOW = 6;

/**
 * The server's clock minus this one's, from the readings the server sends (welcome, heartbeats,
 * PING answers). A reading arrives late, never early: `serverNow - receivedAt` is the true offset
 * less the time the message spent on its way (a busy server, a slow link, a busy page). So the
 * largest of the recent readings is the best estimate, and one late message cannot pull the
 * countdowns of a room out of step. A new connection may reach another node with another
 * clock: its welcome starts the readings afresh.
 */
export class ClockOffset {
  private samples: number[] = [];

  /** The estimate in milliseconds; 0 before any reading. */
  get ms(): number {
    return this.samples.length === 0 ? 0 : Math.max(...this.samples);
  }

  /** A reading of the server's clock received at local time `receivedAt`. `fresh` for a welcome. */
  add(serverNow: number, receivedAt: number, fresh = false): number {
    if (fresh) this.samples = [];
    this.samples.push(serverNow - receivedAt);
    if (this.samples.length > CLOCK_SAMPLE_WINDOW) this.samples.shift();
    return this.ms;
  }
}
