import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeAwarenessUpdate } from '../../server/awarenessFilter';
import { CLOSE_CODES, encodeAuth, MESSAGE_AWARENESS, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import type { TestClient } from './helpers';
import { createBoard, frame, framesContain, joinTokenOf, openRaw, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

function statesSeenBy(client: TestClient) {
  return [...client.connection.provider.awareness.getStates().entries()].filter(([id]) => id !== client.connection.doc.clientID);
}

describe('presence (awareness) is filtered by role', () => {
  it('keeps only a display name and the server-given role for participants; facilitators may add a cursor', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    const alice = t.connect(created.boardId);
    const bob = t.connect(created.boardId);
    await waitSynced(facilitator, alice, bob);
    // A modified client claims to be a facilitator, publishes a cursor, a typing flag and junk.
    alice.connection.provider.awareness.setLocalState({
      user: { name: '  Alice  ', role: 'facilitator', secret: alice.secret },
      cursor: { x: 10, y: 20 },
      isTyping: true,
      draftText: 'my private draft',
    });
    facilitator.connection.provider.awareness.setLocalState({ user: { name: 'Fran' }, cursor: { x: 1.234, y: 2 } });
    await waitFor(() => statesSeenBy(bob).length === 2, 5000, 'presence at bob');
    const seen = new Map(statesSeenBy(bob));
    expect(seen.get(alice.connection.doc.clientID)).toEqual({ user: { name: 'Alice', role: 'participant' } });
    expect(seen.get(facilitator.connection.doc.clientID)).toEqual({
      user: { name: 'Fran', role: 'facilitator' },
      cursor: { x: 1.2, y: 2 },
    });
    expect(framesContain(bob.frames, 'my private draft')).toBe(false);
    expect(framesContain(bob.frames, alice.secret!)).toBe(false);
  });

  it('hides display names from everyone when the roster is off', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    const alice = t.connect(created.boardId);
    await waitSynced(facilitator, alice);
    expect((await facilitator.send({ type: 'updateSettings', showRoster: false })).ok).toBe(true);
    alice.connection.provider.awareness.setLocalState({ user: { name: 'Alice Liddell' } });
    await waitFor(() => statesSeenBy(facilitator).length === 1, 5000, 'presence');
    expect(statesSeenBy(facilitator)[0]?.[1]).toEqual({ user: { name: '', role: 'participant' } });
    expect(framesContain(facilitator.frames, 'Alice Liddell')).toBe(false);
  });
});

describe('turning the roster off', () => {
  it('removes names already shown, without waiting for people to publish again', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    const alice = t.connect(created.boardId);
    await waitSynced(facilitator, alice);
    alice.connection.provider.awareness.setLocalState({ user: { name: 'Alice Liddell' } });
    await waitFor(() => statesSeenBy(facilitator)[0]?.[1]?.user?.name === 'Alice Liddell', 5000, 'name shown');
    // Alice's client stops publishing (a modified client would never re-send).
    alice.connection.provider.awareness.off(
      'update',
      (alice.connection.provider as unknown as { _awarenessUpdateHandler: () => void })._awarenessUpdateHandler,
    );
    expect((await facilitator.send({ type: 'updateSettings', showRoster: false })).ok).toBe(true);
    await waitFor(() => statesSeenBy(facilitator)[0]?.[1]?.user?.name === '', 5000, 'name hidden');
  });
});

describe('WebSocket Origin policy', () => {
  it('by default accepts the server’s own origin and clients without one, and refuses other origins', async () => {
    const created = await createBoard(t.server);
    const host = new URL(t.server.url).host;
    for (const origin of [`http://${host}`, undefined]) {
      const ok = await openRaw(t.server, created.boardId, origin ? { Origin: origin } : {});
      ok.sendFrame(
        encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(created.boardId) }),
      );
      await waitFor(() => ok.frames.length > 0, 5000, 'welcome');
      ok.ws.close();
    }
    for (const origin of ['http://evil.test', 'null', `http://${host}.evil.test`]) {
      const refused = await openRaw(t.server, created.boardId, { Origin: origin });
      refused.sendFrame(
        encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(created.boardId) }),
      );
      expect((await refused.closed).code).toBe(CLOSE_CODES.ORIGIN_REFUSED);
      expect(refused.frames).toHaveLength(0);
    }
  });

  it('with ALLOWED_ORIGINS set, accepts exact matches only and refuses a missing Origin', async () => {
    await t.restart({ ALLOWED_ORIGINS: 'https://good.example' });
    const created = await createBoard(t.server);
    const ok = await openRaw(t.server, created.boardId, { Origin: 'https://good.example' });
    ok.sendFrame(
      encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(created.boardId) }),
    );
    await waitFor(() => ok.frames.length > 0, 5000, 'welcome');
    ok.ws.close();
    for (const headers of [
      {},
      { Origin: 'null' },
      { Origin: 'https://good.example.evil.test' },
      { Origin: 'http://good.example' },
    ]) {
      const refused = await openRaw(t.server, created.boardId, headers as Record<string, string>);
      expect((await refused.closed).code).toBe(CLOSE_CODES.ORIGIN_REFUSED);
    }
  });
});

describe('awareness updates that list many clients', () => {
  it('accepts an honest update that also forwards the removal of 40 other clients (y-protocols does this after timeouts)', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    const raw = await openRaw(t.server, created.boardId);
    raw.sendFrame(
      encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(created.boardId) }),
    );
    await waitFor(() => raw.frames.length > 0);
    const entries = [
      { clientId: 4242, clock: 1, state: { user: { name: 'Me' } } },
      ...Array.from({ length: 40 }, (_, i) => ({ clientId: 9000 + i, clock: 7, state: null })),
    ];
    raw.sendFrame(frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(entries))));
    await waitFor(() => facilitator.connection.provider.awareness.getStates().has(4242), 5000, 'presence');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });
});
