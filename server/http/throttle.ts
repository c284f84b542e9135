import { TokenBucket } from '../rateLimit';

/** A token-bucket rate: `burst` at once, then `perSecond` sustained. */
export interface Rate {
  readonly burst: number;
  readonly perSecond: number;
}

/**
 * Addresses a throttle tracks at once. Past it, new addresses share one bucket (so memory stays
 * bounded and nobody's record is dropped, which would hand them a fresh budget).
 */
export const MAX_THROTTLED_ADDRESSES = 100_000;

/** How often buckets that have refilled completely are forgotten, in milliseconds. */
const SWEEP_INTERVAL_MS = 60_000;

const OVERFLOW_KEY = '(overflow)';

/** What a throttle says to one request. */
export type ThrottleVerdict =
  | {
      readonly isAllowed: true;
      /** Gives the unit back: the request turned out not to count (e.g. a join code that was right). */
      refund(): void;
    }
  | {
      readonly isAllowed: false;
      /** Whose budget is spent: this address's, or the whole server's. */
      readonly scope: 'address' | 'server';
      /** When to try again, in whole seconds (for Retry-After). */
      readonly retryAfterSeconds: number;
    };

/**
 * A per-address budget with a server-wide one behind it. A request needs a unit of its address's
 * budget and one of the server's. While the server-wide budget is spent (many addresses at once),
 * an address with a clean record — its own budget full, nothing used lately — is still served from
 * its own budget alone: a flood from many addresses then slows itself down without locking out a
 * workshop that has done nothing wrong.
 */
export class AddressThrottle {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly server: TokenBucket;
  private sweptAt: number;

  constructor(
    private readonly perAddress: Rate,
    perServer: Rate,
    private readonly maxAddresses: number = MAX_THROTTLED_ADDRESSES,
    now: number = Date.now(),
  ) {
    this.server = new TokenBucket(perServer.perSecond, perServer.burst, now);
    this.sweptAt = now;
  }

  /** Takes one unit for `address` (an address key: see addressKey). */
  take(address: string, now: number = Date.now()): ThrottleVerdict {
    const own = this.bucketOf(address, now);
    const wasClean = own.isFull(now);
    if (!own.take(now)) return { isAllowed: false, scope: 'address', retryAfterSeconds: retryAfter(own, now) };
    if (this.server.take(now)) {
      return {
        isAllowed: true,
        refund: once(() => {
          own.give();
          this.server.give();
        }),
      };
    }
    if (wasClean) return { isAllowed: true, refund: once(() => own.give()) };
    own.give();
    return { isAllowed: false, scope: 'server', retryAfterSeconds: retryAfter(this.server, now) };
  }

  /** Addresses with a record (for tests and health). */
  get trackedAddresses(): number {
    return this.buckets.size;
  }

  private bucketOf(address: string, now: number): TokenBucket {
    if (now - this.sweptAt >= SWEEP_INTERVAL_MS) this.sweep(now);
    const known = this.buckets.get(address);
    if (known) return known;
    const key = this.buckets.size >= this.maxAddresses ? OVERFLOW_KEY : address;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.perAddress.perSecond, this.perAddress.burst, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** A full bucket is the same as no bucket: forget it. */
  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(key);
  }
}

function retryAfter(bucket: TokenBucket, now: number): number {
  return Math.max(1, Math.ceil(bucket.secondsUntilToken(now)));
}

function once(action: () => void): () => void {
  let isDone = false;
  return () => {
    if (isDone) return;
    isDone = true;
    action();
  };
}
