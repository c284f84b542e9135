import { describe, expect, it } from 'vitest';
import { OWNER_DEATH_POLL_MS, SilentOwners } from '../../server/cluster/silentOwners';

/** A promise with its resolve and reject, for claims that settle when the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve: () => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

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

  it('claims a board once while a claim of it is under way, and lets lookups wait for it to settle, won or lost', async () => {
    const silent = new SilentOwners(
      async () => [],
      () => {},
    );
    const claims = new Map<string, ReturnType<typeof deferred>>();
    const claim = (boardId: string) => {
      const d = deferred();
      claims.set(boardId, d);
      return d.promise;
    };
    silent.adopt(['board-1', 'board-2'], claim);
    const again: string[] = [];
    silent.adopt(['board-1'], (boardId) => {
      again.push(boardId);
      return Promise.resolve();
    });
    expect(again).toEqual([]);
    let settled = false;
    const waiting = silent.adoption('board-1').then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    // Another node won: the claim fails, and the waiting lookup goes on.
    claims.get('board-1')?.reject(new Error('Board is on another server'));
    await waiting;
    expect(settled).toBe(true);
    // Nothing under way: at once; and once settled, the board may be claimed again.
    await silent.adoption('board-3');
    silent.adopt(['board-1'], (boardId) => {
      again.push(boardId);
      return Promise.resolve();
    });
    expect(again).toEqual(['board-1']);
    claims.get('board-2')?.resolve();
    await silent.adoption('board-2');
  });
});
