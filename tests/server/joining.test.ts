import { describe, expect, it } from 'vitest';
import {
  NEW_SEATS_BURST_PER_ADDRESS,
  NEW_SEATS_BURST_PER_BOARD,
  NEW_SEATS_PER_MINUTE_PER_ADDRESS,
  NEW_SEATS_PER_MINUTE_PER_BOARD,
} from '../../shared/limits';
import { type AuthMessage, CLOSE_CODES, encodeAuth, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import {
  createBoard,
  fetchJoinToken,
  joinTokenOf,
  openRaw,
  privateMessages,
  type RawSocket,
  seedBoard,
  useTestServer,
  waitFor,
  waitSynced,
} from './helpers';

const t = useTestServer();

/** A raw socket that sends one AUTH (no helper defaults) from `address` (with TRUST_PROXY). */
async function authWith(boardId: string, auth: Omit<AuthMessage, 'v'>, address?: string): Promise<RawSocket> {
  const raw = await openRaw(t.server, boardId, address ? { 'x-forwarded-for': address } : {});
  raw.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, ...auth }));
  return raw;
}

/** Resolves with 'welcome' once the server welcomed the socket, or with the close code it was refused with. */
async function outcome(raw: RawSocket): Promise<'welcome' | number> {
  const welcomed = waitFor(() => raw.frames.length > 0, 5000, 'welcome').then(() => 'welcome' as const);
  return Promise.race([welcomed, raw.closed.then(({ code }) => code)]);
}

describe('who may become a participant', () => {
  it('refuses a reader who takes the board id of the read-only link and a fresh secret: no identity, no note', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    expect((await facilitator.send({ type: 'addPrompt', promptId: 'p1', text: 'Q?', kind: 'align', beforePromptId: null })).ok);
    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
    // All a reader holds: the read-only link, whose path names the board.
    const boardId = /\/r\/([^#]+)#/.exec(created.readerUrl)?.[1] as string;
    const reader = t.connect(boardId, { joinToken: null });
    await waitFor(() => reader.connection.status === 'closed', 5000, 'the refusal');
    expect(reader.connection.closeReason).toEqual({
      code: CLOSE_CODES.JOIN_REQUIRED,
      reason: 'Join with the workshop code first',
    });
    expect(privateMessages(reader)).toEqual([]);
    expect(await t.server.store.countParticipants(boardId)).toBe(1); // the facilitator's own seat only
    expect(facilitator.board().prompts.get('p1')?.contributorCount).toBe(0);
  });

  it('refuses a wrong join token, or another board’s, for a new secret', async () => {
    const created = await createBoard(t.server);
    const other = await createBoard(t.server);
    const otherToken = await fetchJoinToken(t.server, other.joinCode);
    for (const joinToken of [randomToken(32), otherToken]) {
      const raw = await authWith(created.boardId, { participantSecret: randomToken(16), joinToken });
      expect(await outcome(raw)).toBe(CLOSE_CODES.JOIN_REQUIRED);
    }
  });

  it('admits a new participant with the token /api/join gives for the code, then by secret alone', async () => {
    const created = await createBoard(t.server);
    const response = await fetch(`${t.server.url}/api/join/${created.joinCode.toLowerCase()}`);
    const body = (await response.json()) as { boardId: string; joinToken: string };
    expect(body.boardId).toBe(created.boardId);
    expect(body.joinToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.joinToken).not.toContain(created.joinCode);
    const secret = randomToken(16);
    const first = await authWith(created.boardId, { participantSecret: secret, joinToken: body.joinToken });
    expect(await outcome(first)).toBe('welcome');
    first.ws.close();
    // Coming back (a reload, a new socket) needs nothing but the secret: it proves they joined before.
    const again = await authWith(created.boardId, { participantSecret: secret });
    expect(await outcome(again)).toBe('welcome');
    again.ws.close();
    expect(await t.server.store.countParticipants(created.boardId)).toBe(1);
  });

  it('registers one seat for two tabs that open at once with the same new secret', async () => {
    const created = await createBoard(t.server);
    const joinToken = joinTokenOf(created.boardId) as string;
    const participantSecret = randomToken(16);
    const tabs = await Promise.all([0, 1].map(() => authWith(created.boardId, { participantSecret, joinToken })));
    expect(await Promise.all(tabs.map(outcome))).toEqual(['welcome', 'welcome']);
    for (const tab of tabs) tab.ws.close();
    expect(await t.server.store.countParticipants(created.boardId)).toBe(1);
  });

  it('lets a facilitator key take part without the join token', async () => {
    const created = await createBoard(t.server);
    const raw = await authWith(created.boardId, { participantSecret: randomToken(16), facilitatorKey: created.facilitatorKey });
    expect(await outcome(raw)).toBe('welcome');
    raw.ws.close();
  });

  it('still reads with the read-only key alone (no identity, no token needed)', async () => {
    const created = await createBoard(t.server);
    const raw = await authWith(created.boardId, { readerKey: created.readerKey });
    expect(await outcome(raw)).toBe('welcome');
    raw.ws.close();
    expect(await t.server.store.countParticipants(created.boardId)).toBe(0);
  });
});

describe('limits on new seats', () => {
  it(`admits ${NEW_SEATS_BURST_PER_ADDRESS} new seats from one address at once, then asks the next to come back (4529)`, async () => {
    await t.restart({ TRUST_PROXY: '1' });
    const { boardId, facilitatorKey } = await seedBoard(t.server);
    const joinToken = joinTokenOf(boardId) as string;
    const start = Date.now();
    const secrets = Array.from({ length: NEW_SEATS_BURST_PER_ADDRESS }, () => randomToken(16));
    const sockets = await Promise.all(
      secrets.map((participantSecret) => authWith(boardId, { participantSecret, joinToken }, '203.0.113.7')),
    );
    expect(new Set(await Promise.all(sockets.map(outcome)))).toEqual(new Set(['welcome']));
    // Then only the rate: what refilled meanwhile gets in, and then the address is told to wait.
    let refusal: 'welcome' | number = 'welcome';
    let extra = 0;
    while (refusal === 'welcome' && extra < 20) {
      const raw = await authWith(boardId, { participantSecret: randomToken(16), joinToken }, '203.0.113.7');
      refusal = await outcome(raw);
      if (refusal === 'welcome') {
        sockets.push(raw);
        extra += 1;
      }
    }
    expect(refusal).toBe(CLOSE_CODES.TOO_MANY_NEW_SEATS);
    expect(extra).toBeLessThanOrEqual(Math.ceil(((Date.now() - start) / 60_000) * NEW_SEATS_PER_MINUTE_PER_ADDRESS));
    // Not a refusal of the people: another address joins, someone who joined comes back, a facilitator takes part.
    const neighbour = await authWith(boardId, { participantSecret: randomToken(16), joinToken }, '198.51.100.4');
    expect(await outcome(neighbour)).toBe('welcome');
    const back = await authWith(boardId, { participantSecret: secrets[0] }, '203.0.113.7');
    expect(await outcome(back)).toBe('welcome');
    const facilitator = await authWith(boardId, { participantSecret: randomToken(16), facilitatorKey }, '203.0.113.7');
    expect(await outcome(facilitator)).toBe('welcome');
    // A second later the address has one more seat (the retry of y-websocket gets in).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const retried = await authWith(boardId, { participantSecret: randomToken(16), joinToken }, '203.0.113.7');
    expect(await outcome(retried)).toBe('welcome');
    for (const raw of [...sockets, neighbour, back, facilitator, retried]) raw.ws.close();
  });

  it(`admits ${NEW_SEATS_BURST_PER_BOARD} new seats on one board at once from many addresses, then only its rate (4529)`, async () => {
    await t.restart({ TRUST_PROXY: '1' });
    const { boardId } = await seedBoard(t.server);
    const joinToken = joinTokenOf(boardId) as string;
    const sockets: RawSocket[] = [];
    const start = Date.now();
    let admitted = 0;
    let refusal: number | null = null;
    // Twenty addresses at a time (none over its own burst), until the board says no.
    for (let batch = 0; refusal === null && batch < 15; batch++) {
      const raws = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          authWith(boardId, { participantSecret: randomToken(16), joinToken }, `10.0.${batch}.${i}`),
        ),
      );
      sockets.push(...raws);
      for (const result of await Promise.all(raws.map(outcome))) {
        if (result === 'welcome') admitted += 1;
        else refusal = result;
      }
    }
    const refill = Math.ceil(((Date.now() - start) / 60_000) * NEW_SEATS_PER_MINUTE_PER_BOARD);
    expect(refusal).toBe(CLOSE_CODES.TOO_MANY_NEW_SEATS);
    expect(admitted).toBeGreaterThanOrEqual(NEW_SEATS_BURST_PER_BOARD);
    expect(admitted).toBeLessThanOrEqual(NEW_SEATS_BURST_PER_BOARD + refill);
    for (const raw of sockets) raw.ws.close();
  });
});
