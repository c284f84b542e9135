import { describe, expect, it } from 'vitest';
import { AddressThrottle } from '../../server/http/throttle';

/** A throttle of 3 per address (1 per second after) and 5 per server (1 per second after), at t = 0. */
function throttle(maxAddresses?: number) {
  return new AddressThrottle({ burst: 3, perSecond: 1 }, { burst: 5, perSecond: 1 }, maxAddresses, 0);
}
const allowed = (t: AddressThrottle, address: string, now = 0) => t.take(address, now).isAllowed;

describe('AddressThrottle', () => {
  it('allows the burst per address, then refuses that address until a unit refills, and says when to come back', () => {
    const t = throttle();
    expect([1, 2, 3].map(() => allowed(t, 'a'))).toEqual([true, true, true]);
    expect(t.take('a', 0)).toEqual({ isAllowed: false, scope: 'address', retryAfterSeconds: 1 });
    expect(allowed(t, 'b')).toBe(true);
    expect(allowed(t, 'a', 999)).toBe(false);
    expect(allowed(t, 'a', 1000)).toBe(true);
  });

  it('gives a unit back when the request turned out not to count, once only', () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) {
      const verdict = t.take('a', 0);
      expect(verdict.isAllowed).toBe(true);
      if (verdict.isAllowed) {
        verdict.refund();
        verdict.refund();
      }
    }
    expect([1, 2, 3].map(() => allowed(t, 'a'))).toEqual([true, true, true]);
    expect(allowed(t, 'a')).toBe(false);
  });

  it('refuses addresses that used their budget once the server’s is spent, but still serves a clean one from its own', () => {
    const t = throttle();
    expect([1, 2, 3].map(() => allowed(t, 'a'))).toEqual([true, true, true]);
    expect([1, 2].map(() => allowed(t, 'b'))).toEqual([true, true]);
    // The server's 5 are spent; b has a unit left but a record too.
    expect(t.take('b', 0)).toEqual({ isAllowed: false, scope: 'server', retryAfterSeconds: 1 });
    // c has done nothing: it gets one, from its own budget only …
    expect(allowed(t, 'c')).toBe(true);
    // … and then it has a record like the others.
    expect(t.take('c', 0)).toMatchObject({ isAllowed: false, scope: 'server' });
    // The server's budget refills for everyone.
    expect(allowed(t, 'b', 1000)).toBe(true);
  });

  it('keeps memory bounded: past maxAddresses, new addresses share one budget; refilled records are forgotten', () => {
    const t = throttle(2);
    expect(allowed(t, 'a')).toBe(true);
    expect(allowed(t, 'b')).toBe(true);
    // c and d are over the limit: they share one bucket of 3 (and the server has 3 units left).
    expect([allowed(t, 'c'), allowed(t, 'd'), allowed(t, 'c')]).toEqual([true, true, true]);
    expect(t.trackedAddresses).toBe(3);
    // A minute later every bucket is full again: the next take sweeps them all away first.
    expect(allowed(t, 'e', 60_000)).toBe(true);
    expect(t.trackedAddresses).toBe(1);
  });
});
