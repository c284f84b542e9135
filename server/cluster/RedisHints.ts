import { Redis } from 'ioredis';
import { log } from '../log';
import { RedisAddressCounter } from './AddressCounter';

/** A Redis command that takes longer than this fails, in milliseconds (and the caller falls back). */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** Longest wait between two reconnection attempts to Redis, in milliseconds. */
export const REDIS_MAX_RETRY_DELAY_MS = 2_000;

/**
 * What nodes tell each other through Redis. Hints only: a lost event makes a failover slower
 * (pipes wait for the next owner check), never wrong (PostgreSQL decides who owns what).
 */
export type ClusterEvent =
  /** `nodeId` now owns `boardId`: pipes of that board to any other node are stale. */
  | { readonly type: 'moved'; readonly boardId: string; readonly nodeId: string }
  /** `nodeId` is shutting down or lost its lease: every pipe to it is stale. */
  | { readonly type: 'down'; readonly nodeId: string }
  /** A draining node handed `boardId` to `nodeId`: pipes of it elsewhere are stale, and `nodeId` may load it now. */
  | { readonly type: 'handover'; readonly boardId: string; readonly nodeId: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses an event off the channel; null for anything else (Redis is not trusted with input either). */
export function parseClusterEvent(text: string): ClusterEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, boardId, nodeId } = value as Record<string, unknown>;
  if (typeof nodeId !== 'string' || !ID.test(nodeId)) return null;
  if (type === 'down') return { type, nodeId };
  if ((type === 'moved' || type === 'handover') && typeof boardId === 'string' && ID.test(boardId)) {
    return { type, boardId, nodeId };
  }
  return null;
}

/**
 * The optional Redis side of a cluster (REDIS_URL): a channel of moved / down events and the
 * per-address connection counts across nodes. Nothing private and nothing that must survive a
 * restart lives there: board and node ids in events, HMACs of addresses in counts. Redis being
 * down never stops a node: ioredis reconnects in the background, and every use has a fallback.
 */
export class RedisHints {
  readonly counter: RedisAddressCounter;
  private readonly channel: string;
  private isReady = false;
  private isDownLogged = false;

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    nodeId: string,
    secret: string,
    onEvent: (event: ClusterEvent) => void,
  ) {
    this.channel = `${prefix}events`;
    this.counter = new RedisAddressCounter(redis, prefix, nodeId, secret);
    redis.on('ready', () => {
      log('info', 'redis.ready', {});
      this.isReady = true;
      this.isDownLogged = false;
    });
    redis.on('error', (error: Error) => {
      // ioredis emits this at every failed reconnection: log the change, not each attempt.
      if (!this.isDownLogged) log('warn', 'redis.unavailable', { message: error.message });
      this.isDownLogged = true;
      this.isReady = false;
    });
    redis.on('end', () => {
      this.isReady = false;
    });
    subscriber.on('error', () => {});
    subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const event = parseClusterEvent(text);
      if (event === null) log('warn', 'redis.bad_event', {});
      else onEvent(event);
    });
    // Resubscribed by ioredis after every reconnection; the first attempt may wait for Redis.
    subscriber.subscribe(this.channel).catch((error: Error) => log('warn', 'redis.subscribe_failed', { message: error.message }));
  }

  /** Connects (in the background: a Redis that is down does not delay the start). */
  static start(options: {
    readonly url: string;
    readonly prefix: string;
    readonly nodeId: string;
    readonly secret: string;
    readonly onEvent: (event: ClusterEvent) => void;
  }): RedisHints {
    const common = {
      retryStrategy: (attempt: number) => Math.min(attempt * 200, REDIS_MAX_RETRY_DELAY_MS),
      maxRetriesPerRequest: 1,
    };
    // Commands fail at once while disconnected (the caller falls back) instead of queueing. Those
    // issued in one tick go out in one write (a hand-off's hundred connection counts and hints).
    const redis = new Redis(options.url, {
      ...common,
      enableOfflineQueue: false,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      enableAutoPipelining: true,
    });
    // The subscriber queues its SUBSCRIBE until Redis answers.
    const subscriber = new Redis(options.url, common);
    return new RedisHints(redis, subscriber, options.prefix, options.nodeId, options.secret, options.onEvent);
  }

  /** True while the command connection is up. */
  get ready(): boolean {
    return this.isReady;
  }

  /** Publishes an event; a failure is only logged (the event was a hint). */
  publish(event: ClusterEvent): void {
    this.redis.publish(this.channel, JSON.stringify(event)).catch((error: Error) => {
      log('debug', 'redis.publish_failed', { type: event.type, message: error.message });
    });
  }

  /** Waits (briefly) for queued publishes, then disconnects. */
  async close(): Promise<void> {
    this.counter.close();
    this.subscriber.disconnect();
    await Promise.race([this.redis.quit().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 500))]);
    this.redis.disconnect();
  }
}
