import { describe, expect, it } from 'vitest';
import type { TestClient } from './helpers';
import { createBoard, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

/** Who else `client` sees here, by name. */
function namesSeenBy(client: TestClient): string[] {
  const { awareness } = client.connection.provider;
  return [...awareness.getStates().entries()]
    .filter(([id]) => id !== awareness.clientID)
    .map(([, state]) => (state as { user?: { name?: string } }).user?.name ?? '')
    .sort();
}

/**
 * Well under y-protocols' 15 s presence renewal: a person who comes back must be seen again at
 * once, not at their next renewal (found by the whole-workshop e2e: after a server restart the
 * phones counted 3 of 6 people here for up to 15 s).
 */
const BACK_WITHIN_MS = 3000;

describe('presence after a reconnect', () => {
  it('shows a person again at once when their connection drops and comes back', async () => {
    const created = await createBoard(t.server);
    const alice = t.connect(created.boardId);
    const bob = t.connect(created.boardId);
    await waitSynced(alice, bob);
    alice.connection.provider.awareness.setLocalState({ user: { name: 'Alice' } });
    bob.connection.provider.awareness.setLocalState({ user: { name: 'Bob' } });
    await waitFor(() => namesSeenBy(alice).join() === 'Bob' && namesSeenBy(bob).join() === 'Alice', 5000, 'presence');

    // Bob's socket drops (a network blip, a server restart); his browser reconnects by itself.
    bob.connection.provider.ws?.close();
    await waitFor(() => namesSeenBy(alice).length === 0, 5000, 'Bob gone at Alice');
    await waitSynced(bob);
    await waitFor(() => namesSeenBy(alice).join() === 'Bob', BACK_WITHIN_MS, 'Bob back at Alice');
    await waitFor(() => namesSeenBy(bob).join() === 'Alice', BACK_WITHIN_MS, 'Alice back at Bob');
    expect(namesSeenBy(alice)).toEqual(['Bob']);
  });
});
