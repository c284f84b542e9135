import { describe, expect, it } from 'vitest';
import { MAX_OWNER_HINTS, OWNER_HINT_TTL_MS, OwnerHints } from '../../server/cluster/OwnerHints';

function hintsAt(clock: { now: number }): OwnerHints {
  const hints = new OwnerHints('self', () => clock.now);
  hints.learnNode('node-b', 'http://10.0.0.2:8787');
  hints.learnNode('node-c', 'http://10.0.0.3:8787');
  return hints;
}

describe('owner hints of an entry node', () => {
  it('routes to the hinted node for OWNER_HINT_TTL_MS, with the URL PostgreSQL gave, then no more', () => {
    const clock = { now: 1_000 };
    const hints = hintsAt(clock);
    hints.moved('board-1', 'node-b');
    expect(hints.owner('board-1')).toEqual({ nodeId: 'node-b', internalUrl: 'http://10.0.0.2:8787' });
    clock.now += OWNER_HINT_TTL_MS - 1;
    expect(hints.owner('board-1')?.nodeId).toBe('node-b');
    clock.now += 1;
    expect(hints.owner('board-1')).toBeNull();
    expect(hints.size).toBe(0);
  });

  it('takes the newest hint, forgets a node reported down, and never hints this node itself', () => {
    const clock = { now: 0 };
    const hints = hintsAt(clock);
    hints.moved('board-1', 'node-b');
    hints.moved('board-1', 'node-c');
    expect(hints.owner('board-1')?.nodeId).toBe('node-c');
    hints.moved('board-2', 'node-c');
    hints.moved('board-3', 'node-b');
    hints.down('node-c');
    expect(hints.owner('board-1')).toBeNull();
    expect(hints.owner('board-2')).toBeNull();
    expect(hints.owner('board-3')?.nodeId).toBe('node-b');
    // This node claimed it: the hint of another owner is gone, and none of itself is kept.
    hints.moved('board-3', 'self');
    expect(hints.owner('board-3')).toBeNull();
  });

  it('gives no hint for a node whose address PostgreSQL has not told (a Redis message never supplies one)', () => {
    const hints = hintsAt({ now: 0 });
    hints.moved('board-1', 'node-unknown');
    expect(hints.owner('board-1')).toBeNull();
    hints.learnNode('node-unknown', 'http://10.0.0.9:8787');
    expect(hints.owner('board-1')?.internalUrl).toBe('http://10.0.0.9:8787');
  });

  it(`keeps at most MAX_OWNER_HINTS (${MAX_OWNER_HINTS}), dropping the oldest`, () => {
    const hints = hintsAt({ now: 0 });
    for (let i = 0; i <= MAX_OWNER_HINTS; i++) hints.moved(`board-${i}`, 'node-b');
    expect(hints.size).toBe(MAX_OWNER_HINTS);
    expect(hints.owner('board-0')).toBeNull();
    expect(hints.owner(`board-${MAX_OWNER_HINTS}`)?.nodeId).toBe('node-b');
  });
});
