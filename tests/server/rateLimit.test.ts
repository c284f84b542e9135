import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BUDGET_LIMITS, RateLimitRegistry, TokenBucket } from '../../server/rateLimit';
import { COLD_SYNC_CACHE_MS, ReadOnlySync } from '../../server/room/ReadOnlySync';
import { ANSWER_BURST_BYTES, ANSWER_BYTES_PER_SECOND, SYNC_REQUEST_BURST, SYNC_REQUESTS_PER_MINUTE } from '../../shared/limits';

const T0 = 1_000_000;

describe('TokenBucket', () => {
  it('goes into debt with spend and admits nothing until the refill has paid it back', () => {
    const bucket = new TokenBucket(ANSWER_BYTES_PER_SECOND, ANSWER_BURST_BYTES, T0);
    expect(bucket.hasCredit(T0)).toBe(true);
    // One answer bigger than the whole burst is still sent, once.
    bucket.spend(ANSWER_BURST_BYTES + 2 * ANSWER_BYTES_PER_SECOND, T0);
    expect(bucket.hasCredit(T0)).toBe(false);
    expect(bucket.hasCredit(T0 + 1999)).toBe(false);
    expect(bucket.hasCredit(T0 + 2001)).toBe(true);
    expect(bucket.isFull(T0 + 2001)).toBe(false);
    expect(bucket.isFull(T0 + 2000 + (ANSWER_BURST_BYTES / ANSWER_BYTES_PER_SECOND) * 1000)).toBe(true);
  });
});

describe('RateLimitRegistry', () => {
  const take = (budget: { take(kind: 'syncRequest', now: number): boolean }, n: number, now = T0) =>
    Array.from({ length: n }, () => budget.take('syncRequest', now)).filter(Boolean).length;

  it('shares one budget between the connections of one person, and keeps it across reconnects', () => {
    const registry = new RateLimitRegistry(10);
    const first = registry.forConnection('10.0.0.1', 'board', 'alice');
    expect(take(first, SYNC_REQUEST_BURST)).toBe(SYNC_REQUEST_BURST);
    const reconnected = registry.forConnection('10.0.0.1', 'board', 'alice');
    expect(take(reconnected, 1)).toBe(0);
    // The same participant id on another board, and another person, are someone else.
    expect(take(registry.forConnection('10.0.0.1', 'other-board', 'alice'), 1)).toBe(1);
    expect(take(registry.forConnection('10.0.0.1', 'board', 'bob'), 1)).toBe(1);
  });

  it('gives each connection of a shared link its own budget, bounded by the address’s', () => {
    const registry = new RateLimitRegistry(2);
    let admitted = 0;
    for (let i = 0; i < 10; i++) admitted += take(registry.forConnection('10.0.0.2', 'board', null), SYNC_REQUEST_BURST);
    expect(admitted).toBe(2 * SYNC_REQUEST_BURST);
    // Another address is not affected.
    expect(take(registry.forConnection('10.0.0.3', 'board', null), SYNC_REQUEST_BURST)).toBe(SYNC_REQUEST_BURST);
  });

  it('takes nothing from any budget when one of them is empty', () => {
    const registry = new RateLimitRegistry(1);
    expect(take(registry.forConnection('10.0.0.4', 'board', 'carol'), SYNC_REQUEST_BURST)).toBe(SYNC_REQUEST_BURST);
    // The address is empty now; dave is refused, and his own budget stays full.
    const dave = registry.forConnection('10.0.0.4', 'board', 'dave');
    expect(take(dave, 1)).toBe(0);
    expect(take(registry.forConnection('10.0.0.5', 'board', 'dave'), SYNC_REQUEST_BURST)).toBe(SYNC_REQUEST_BURST);
  });

  it('forgets budgets only once they are full again, so forgetting grants nothing', () => {
    const registry = new RateLimitRegistry(1);
    const live = registry.forConnection('10.0.0.6', 'board', 'erin');
    expect(take(live, SYNC_REQUEST_BURST)).toBe(SYNC_REQUEST_BURST);
    expect(registry.size).toBe(2);
    registry.prune(T0 + 30_000);
    // Still refilling (one request per 10 s): kept.
    expect(registry.size).toBe(2);
    const refilled = T0 + ((SYNC_REQUEST_BURST * 60) / SYNC_REQUESTS_PER_MINUTE) * 1000;
    const slowest = Math.max(...Object.values(BUDGET_LIMITS).map((limit) => (limit.burst / limit.ratePerSecond) * 1000));
    registry.prune(refilled + slowest);
    expect(registry.size).toBe(0);
    // The live connection and a new one share the budget recreated after the prune.
    const later = refilled + slowest;
    expect(take(live, SYNC_REQUEST_BURST, later)).toBe(SYNC_REQUEST_BURST);
    expect(take(registry.forConnection('10.0.0.6', 'board', 'erin'), 1, later)).toBe(0);
  });
});

describe('ReadOnlySync', () => {
  it('answers every state vector that holds nothing of the document with the one cached whole-document frame', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'x'.repeat(1000));
    const sync = new ReadOnlySync(doc);
    const cold = sync.step2Frame(new Map());
    expect(sync.step2Frame(new Map([[doc.clientID + 1, 7]]))).toBe(cold);
    expect(sync.step2Frame(new Map([[doc.clientID, 0]]))).toBe(cold);
    // A client that holds part of the document gets only the rest.
    expect(sync.step2Frame(new Map([[doc.clientID, 1]])).length).toBeLessThan(cold.length);
  });

  it('keeps that frame COLD_SYNC_CACHE_MS after the last cold join asked for it, and forgets it when the document changes', () => {
    vi.useFakeTimers();
    try {
      const doc = new Y.Doc();
      doc.getMap('meta').set('title', 'x'.repeat(1000));
      const sync = new ReadOnlySync(doc);
      const cold = sync.step2Frame(new Map());
      vi.advanceTimersByTime(COLD_SYNC_CACHE_MS - 1);
      // Asked again: the same frame, kept for another COLD_SYNC_CACHE_MS.
      expect(sync.step2Frame(new Map())).toBe(cold);
      vi.advanceTimersByTime(COLD_SYNC_CACHE_MS - 1);
      expect(sync.hasColdSyncFrame).toBe(true);
      vi.advanceTimersByTime(1);
      // An idle room holds the document once, not its encoded copy too.
      expect(sync.hasColdSyncFrame).toBe(false);
      expect(sync.step2Frame(new Map())).not.toBe(cold);
      doc.getMap('meta').set('title', 'y');
      expect(sync.hasColdSyncFrame).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
