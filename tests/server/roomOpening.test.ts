import { describe, expect, it } from 'vitest';
import { LocalOwnership, type Placement } from '../../server/cluster/BoardOwnership';
import { RoomManager, RoomUnavailableError } from '../../server/RoomManager';
import { MemoryStore } from '../../server/store/MemoryStore';

/** Ownership whose claims settle when the test says so (another node may win them). */
class HeldClaims extends LocalOwnership {
  readonly claims = new Map<string, (placement: Placement) => void>();
  override claim(boardId: string): Promise<Placement> {
    return new Promise((resolve) => this.claims.set(boardId, resolve));
  }
}

describe("a node's room openings", () => {
  it('claims a board once while an opening is under way, and lets lookups wait for it to settle, won or lost', async () => {
    const ownership = new HeldClaims('node-a');
    const rooms = new RoomManager(new MemoryStore(), 100, ownership);
    const first = rooms.get('board-1');
    const second = rooms.get('board-1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ownership.claims.size).toBe(1);
    let isSettled = false;
    const waiting = rooms.settled('board-1').then(() => {
      isSettled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isSettled).toBe(false);
    // Another node won: the opening fails, and the waiting lookup goes on.
    ownership.claims.get('board-1')?.({ type: 'remote', nodeId: 'node-b', internalUrl: 'http://node-b' });
    await expect(first).rejects.toBeInstanceOf(RoomUnavailableError);
    await expect(second).rejects.toBeInstanceOf(RoomUnavailableError);
    await waiting;
    expect(isSettled).toBe(true);
    // Nothing under way: at once; and once settled, the board may be claimed again.
    await rooms.settled('board-3');
    ownership.claims.clear();
    void rooms.get('board-1').catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ownership.claims.has('board-1')).toBe(true);
    ownership.claims.get('board-1')?.({ type: 'noBoard' });
    await rooms.settled('board-1');
  });
});
