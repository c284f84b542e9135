import { createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import { randomId } from '../../shared/random';
import { log } from '../log';

/**
 * How long a connection's entry in a Redis count lives without being refreshed, in milliseconds:
 * the count of a node that died without cleaning up is right again after this long.
 */
export const CONNECTION_COUNT_TTL_MS = 30_000;
/** How often a node refreshes its entries in the Redis counts, in milliseconds. */
export const CONNECTION_COUNT_REFRESH_MS = 10_000;

/** Counts open connections per client address against MAX_CONNECTIONS_PER_ADDRESS. */
export interface AddressCounter {
  /** Counts one more connection from `address` unless `max` are open; the release function, or null when refused. */
  acquire(address: string, max: number): Promise<(() => void) | null>;
  close(): void;
}

/** Counts the connections of this process only. */
export class LocalAddressCounter implements AddressCounter {
  private readonly open = new Map<string, number>();

  /** Connections from `address` on this node. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }

  async acquire(address: string, max: number): Promise<(() => void) | null> {
    return this.take(address, max);
  }

  /** The synchronous count behind `acquire`. */
  take(address: string, max: number): (() => void) | null {
    const open = this.count(address);
    if (open >= max) return null;
    this.open.set(address, open + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = this.count(address) - 1;
      if (left <= 0) this.open.delete(address);
      else this.open.set(address, left);
    };
  }

  close(): void {}
}

/**
 * Counts connections per address across every node through Redis: one sorted set per address
 * (keyed by an HMAC of it, so that Redis holds no address), one member per connection, scored by
 * when it expires. Each node refreshes its members; a dead node's expire. When Redis cannot
 * answer, the count of this node alone decides: slower to catch a flood, never a wrong refusal.
 */
export class RedisAddressCounter implements AddressCounter {
  private readonly local = new LocalAddressCounter();
  /** Members this node holds, by key. */
  private readonly held = new Map<string, Set<string>>();
  private readonly refresher: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly nodeId: string,
    private readonly secret: string,
  ) {
    this.refresher = setInterval(() => void this.refresh(), CONNECTION_COUNT_REFRESH_MS);
    this.refresher.unref();
  }

  private keyOf(address: string): string {
    return `${this.prefix}conn:${createHmac('sha256', this.secret).update(address).digest('base64url').slice(0, 22)}`;
  }

  async acquire(address: string, max: number): Promise<(() => void) | null> {
    const key = this.keyOf(address);
    // Random, so that a restarted node with the same id cannot collide with its old members.
    const member = `${this.nodeId}:${randomId()}`;
    const now = Date.now();
    let total: number | null = null;
    try {
      const replies = await this.redis
        .multi()
        .zremrangebyscore(key, '-inf', now)
        .zadd(key, now + CONNECTION_COUNT_TTL_MS, member)
        .zcard(key)
        .pexpire(key, CONNECTION_COUNT_TTL_MS)
        .exec();
      const card = replies?.[2];
      if (card && card[0] === null && typeof card[1] === 'number') total = card[1];
    } catch (error) {
      log('debug', 'redis.count_failed', { message: (error as Error).message });
    }
    if (total === null) {
      // Redis did not answer: this node's own count decides (the member is added at the next refresh).
      const release = this.local.take(address, max);
      if (release) this.hold(key, member);
      return release ? this.releaser(key, member, release) : null;
    }
    if (total > max) {
      this.redis.zrem(key, member).catch(() => {});
      return null;
    }
    // The local count may pass `max` when Redis says the cluster is under it: it is only a fallback.
    const release = this.local.take(address, Number.MAX_SAFE_INTEGER) as () => void;
    this.hold(key, member);
    return this.releaser(key, member, release);
  }

  private hold(key: string, member: string): void {
    const members = this.held.get(key) ?? new Set<string>();
    members.add(member);
    this.held.set(key, members);
  }

  private releaser(key: string, member: string, releaseLocal: () => void): () => void {
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      releaseLocal();
      const members = this.held.get(key);
      members?.delete(member);
      if (members?.size === 0) this.held.delete(key);
      // When this fails, the member expires within CONNECTION_COUNT_TTL_MS.
      this.redis.zrem(key, member).catch(() => {});
    };
  }

  /** Pushes every held member's expiry forward (and adds those counted while Redis was away). */
  private async refresh(): Promise<void> {
    if (this.held.size === 0) return;
    const expires = Date.now() + CONNECTION_COUNT_TTL_MS;
    const pipeline = this.redis.pipeline();
    for (const [key, members] of this.held) {
      for (const member of members) pipeline.zadd(key, expires, member);
      pipeline.pexpire(key, CONNECTION_COUNT_TTL_MS);
    }
    await pipeline.exec().catch(() => {});
  }

  close(): void {
    clearInterval(this.refresher);
  }
}
