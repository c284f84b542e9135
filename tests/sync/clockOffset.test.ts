import { describe, expect, it } from 'vitest';
import { CLOCK_SAMPLE_WINDOW, ClockOffset } from '../../client/src/sync/clockOffset';

describe('the clock offset', () => {
  it('is 0 before any reading, then the server clock minus the local one', () => {
    const clock = new ClockOffset();
    expect(clock.ms).toBe(0);
    expect(clock.add(10_500, 10_000, true)).toBe(500);
  });

  it('is not pulled back by a reading that arrived late (a busy server or page)', () => {
    const clock = new ClockOffset();
    clock.add(10_500, 10_000, true);
    // Stamped at server 20_500 (local 20_000) but read 3 s later.
    expect(clock.add(20_500, 23_000)).toBe(500);
    // A reading that came quicker than all before it moves the estimate up.
    expect(clock.add(30_700, 30_000)).toBe(700);
  });

  it(`forgets readings older than the last CLOCK_SAMPLE_WINDOW (${CLOCK_SAMPLE_WINDOW}), so a clock that moved is followed`, () => {
    const clock = new ClockOffset();
    clock.add(5_000, 0, true);
    for (let i = 1; i < CLOCK_SAMPLE_WINDOW; i++) expect(clock.add(i * 1000 + 100, i * 1000)).toBe(5_000);
    expect(clock.add(99_100, 99_000)).toBe(100);
  });

  it('starts afresh on a welcome: a new connection may be served by another node with another clock', () => {
    const clock = new ClockOffset();
    clock.add(5_000, 0, true);
    expect(clock.add(1_000, 1_200, true)).toBe(-200);
  });
});
