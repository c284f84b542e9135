import {
  ANSWER_BURST_BYTES,
  ANSWER_BYTES_PER_SECOND,
  AWARENESS_QUERIES_PER_MINUTE,
  AWARENESS_QUERY_BURST,
  AWARENESS_UPDATES_PER_SECOND,
  COMMAND_BURST,
  COMMANDS_PER_SECOND,
  REACTION_BURST,
  REACTIONS_PER_MINUTE,
  SYNC_ECHO_BURST,
  SYNC_ECHOES_PER_MINUTE,
  SYNC_REQUEST_BURST,
  SYNC_REQUESTS_PER_MINUTE,
} from '../shared/limits';

/**
 * A token bucket: `ratePerSecond` sustained, `burst` at once. Tokens may go below zero through
 * `spend` (a cost known only after the fact, like the size of an answer): the debt is paid back
 * by the refill before anything is admitted again.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number = Date.now(),
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number = Date.now()): boolean {
    if (!this.has(1, now)) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when at least `tokens` are there now. */
  has(tokens: number, now: number = Date.now()): boolean {
    this.refill(now);
    return this.tokens >= tokens;
  }

  /** True when the bucket is not in debt (anything above zero). */
  hasCredit(now: number = Date.now()): boolean {
    this.refill(now);
    return this.tokens > 0;
  }

  /** Takes `cost` tokens even if that leaves the bucket in debt. */
  spend(cost: number, now: number = Date.now()): void {
    this.refill(now);
    this.tokens -= cost;
  }

  /** True when the bucket is full again: forgetting it would grant nothing. */
  isFull(now: number = Date.now()): boolean {
    return this.has(this.burst, now);
  }

  /** Puts back one token taken for something that turned out not to count. */
  give(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** Seconds until the next token (0 when one is there). */
  secondsUntilToken(now: number = Date.now()): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.ratePerSecond;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = Math.max(now, this.updatedAt);
  }
}

/** Counts events in a sliding window of fixed length (used for refusals before a disconnect). */
export class WindowCounter {
  private stamps: number[] = [];

  constructor(private readonly windowMs: number) {}

  /** Records one event and returns how many fall in the window. */
  add(now: number = Date.now()): number {
    this.stamps.push(now);
    while (this.stamps.length > 0 && (this.stamps[0] as number) <= now - this.windowMs) this.stamps.shift();
    return this.stamps.length;
  }
}

/**
 * What each client message is charged to, with its limits for one person (shared/limits.ts). Every
 * message type has a bucket; the answers the server sends back to the asker alone (sync step 2,
 * every presence state) are also charged by their size.
 */
export const BUDGET_LIMITS = {
  /** Commands: refused with `rate_limited` when empty. */
  command: { ratePerSecond: COMMANDS_PER_SECOND, burst: COMMAND_BURST },
  /** Reactions, charged on top of `command`: refused with `rate_limited` when empty. */
  reaction: { ratePerSecond: REACTIONS_PER_MINUTE / 60, burst: REACTION_BURST },
  /** Sync step 1 (asks for part of the document): close 4429 when empty. */
  syncRequest: { ratePerSecond: SYNC_REQUESTS_PER_MINUTE / 60, burst: SYNC_REQUEST_BURST },
  /** Sync step 2 and updates (checked against the document): close 4429 when empty. */
  syncEcho: { ratePerSecond: SYNC_ECHOES_PER_MINUTE / 60, burst: SYNC_ECHO_BURST },
  /** Awareness updates (broadcast to the room): dropped when empty. */
  awarenessUpdate: { ratePerSecond: AWARENESS_UPDATES_PER_SECOND, burst: AWARENESS_UPDATES_PER_SECOND },
  /** Presence queries (answered with every state): close 4429 when empty. */
  awarenessQuery: { ratePerSecond: AWARENESS_QUERIES_PER_MINUTE / 60, burst: AWARENESS_QUERY_BURST },
  /** Bytes of answers: a request is refused (4429) while this is in debt. */
  answerBytes: { ratePerSecond: ANSWER_BYTES_PER_SECOND, burst: ANSWER_BURST_BYTES },
} as const;

/** A kind of cost a connection is charged for. */
export type BudgetKind = keyof typeof BUDGET_LIMITS;

const KINDS = Object.keys(BUDGET_LIMITS) as BudgetKind[];

/** One bucket per kind, all `scale` times the limits of one person. */
class Budget {
  private readonly buckets: Record<BudgetKind, TokenBucket>;

  constructor(scale: number, now: number) {
    this.buckets = Object.fromEntries(
      KINDS.map((kind) => [
        kind,
        new TokenBucket(BUDGET_LIMITS[kind].ratePerSecond * scale, BUDGET_LIMITS[kind].burst * scale, now),
      ]),
    ) as Record<BudgetKind, TokenBucket>;
  }

  bucket(kind: BudgetKind): TokenBucket {
    return this.buckets[kind];
  }

  isFull(now: number): boolean {
    return KINDS.every((kind) => this.buckets[kind].isFull(now));
  }
}

/** How often the registry forgets budgets that are full again, in milliseconds. */
export const RATE_LIMIT_PRUNE_INTERVAL_MS = 60_000;

/**
 * The server's budgets, kept across connections so that a reconnect grants no fresh burst: one
 * per person on a board (participant id), and one per client address, `addressScale` times a
 * person's (the people of a workshop behind one NAT share an address). Holders of a shared link
 * (readers, facilitators without a participant identity) cannot be told apart, so each of their
 * connections has its own budget, bounded by the address's. A budget that is full again is
 * forgotten: recreating it later grants exactly what it held.
 */
export class RateLimitRegistry {
  private readonly budgets = new Map<string, Budget>();
  private prunedAt = Date.now();

  constructor(private readonly addressScale: number) {}

  /** The budgets of a connection from `address`, once it is known who it is. */
  forConnection(address: string, boardId: string, participantId: string | null): ConnectionBudget {
    const own = participantId === null ? new Budget(1, Date.now()) : `person ${boardId} ${participantId}`;
    return new ConnectionBudget(this, [own, `address ${address}`]);
  }

  /** Budgets held now (tests check that idle ones are forgotten). */
  get size(): number {
    return this.budgets.size;
  }

  /** The budget under `key`, created full when missing. */
  budget(key: string, now: number): Budget {
    if (now - this.prunedAt >= RATE_LIMIT_PRUNE_INTERVAL_MS) this.prune(now);
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new Budget(key.startsWith('address ') ? this.addressScale : 1, now);
      this.budgets.set(key, budget);
    }
    return budget;
  }

  /** Forgets every budget that is full again. */
  prune(now: number = Date.now()): void {
    this.prunedAt = now;
    for (const [key, budget] of this.budgets) if (budget.isFull(now)) this.budgets.delete(key);
  }
}

/**
 * What one connection draws from: its person's budget (or its own) and its address's. A message
 * passes only if every one of them allows it, and is then charged to all. Budgets are looked up by
 * key on every charge, so one forgotten while full is recreated, never left split in two.
 */
export class ConnectionBudget {
  constructor(
    private readonly registry: RateLimitRegistry,
    private readonly sources: readonly (Budget | string)[],
  ) {}

  /** Takes one token of `kind` from every budget; false (and nothing taken) when one is empty. */
  take(kind: BudgetKind, now: number = Date.now()): boolean {
    const buckets = this.buckets(kind, now);
    if (!buckets.every((bucket) => bucket.has(1, now))) return false;
    for (const bucket of buckets) bucket.take(now);
    return true;
  }

  /** True when no budget of `kind` is in debt (an answer may be sent, then charged with `spend`). */
  hasCredit(kind: BudgetKind, now: number = Date.now()): boolean {
    return this.buckets(kind, now).every((bucket) => bucket.hasCredit(now));
  }

  /** Charges `cost` of `kind` to every budget, into debt if need be. */
  spend(kind: BudgetKind, cost: number, now: number = Date.now()): void {
    for (const bucket of this.buckets(kind, now)) bucket.spend(cost, now);
  }

  private buckets(kind: BudgetKind, now: number): TokenBucket[] {
    return this.sources.map((source) => (typeof source === 'string' ? this.registry.budget(source, now) : source).bucket(kind));
  }
}
