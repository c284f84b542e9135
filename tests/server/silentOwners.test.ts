import { describe, expect, it } from 'vitest';
import { OWNER_DEATH_POLL_MS, SilentOwners } from '../../server/cluster/silentOwners';

const node = (nodeId: string) => ({ nodeId, internalUrl: `http://${nodeId}`, expiresAt: 0 });

describe("an entry node's silent owners", () => {
  it('watches a lease with one query per poll however many clients wait, and tells when it ended', async () => {
    let live = [node('a'), node('b')];
    let queries = 0;
    const ended: string[] = [];
    const silent = new SilentOwners(
      async () => {
        queries += 1;
        return live;
      },
      (nodeId) => ended.push(nodeId),
    );
    const watches = Array.from({ length: 20 }, () => silent.watch('b', 5_000));
    await new Promise((resolve) => setTimeout(resolve, OWNER_DEATH_POLL_MS * 2 + 50));
    expect(queries).toBeLessThanOrEqual(4);
    live = [node('a')];
    expect(new Set(await Promise.all(watches))).toEqual(new Set(['ended']));
    expect(ended).toEqual(['b']);
    expect(await silent.watch('a', OWNER_DEATH_POLL_MS)).toBe('timeout');
  });

  it('counts held clients per board and forgets a board once its last one is released', () => {
    const silent = new SilentOwners(
      async () => [],
      () => {},
    );
    const first = silent.hold('b', 'board-1');
    const second = silent.hold('b', 'board-1');
    silent.hold('b', 'board-2');
    expect([...silent.heldBoards('b')].sort()).toEqual(['board-1', 'board-2']);
    first();
    first();
    expect([...silent.heldBoards('b')].sort()).toEqual(['board-1', 'board-2']);
    second();
    expect([...silent.heldBoards('b')]).toEqual(['board-2']);
    expect([...silent.heldBoards('c')]).toEqual([]);
  });
});
