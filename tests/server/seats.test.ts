import { describe, expect, it } from 'vitest';
import { sortedPrompts } from '../../shared/domain/state';
import { CLOSE_CODES, encodeAuth, PROTOCOL_VERSION, type PrivateMessage } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import {
  framesContain,
  joinTokenOf,
  lastSlice,
  openRaw,
  privateMessages,
  type RawSocket,
  seedBoard,
  type TestClient,
  useTestServer,
  waitFor,
  waitSynced,
} from './helpers';

const t = useTestServer();

type Seats = Extract<PrivateMessage, { type: 'seats' }>;

/** The seats view as the facilitator's page shows it: each seat with the name its presence carries. */
interface NamedSeats {
  readonly total: number;
  readonly connected: readonly { readonly seatId: string; readonly name: string }[];
}

/** The last `seats` message a client received. */
const lastSeats = (client: TestClient): Seats | undefined =>
  privateMessages(client)
    .filter((m): m is Seats => m.type === 'seats')
    .at(-1);

/** Joins the last seats message with the names in the facilitator's presence states. */
function namedSeats(facilitator: TestClient): NamedSeats | undefined {
  const seats = lastSeats(facilitator);
  if (!seats) return undefined;
  const states = facilitator.connection.provider.awareness.getStates();
  const nameOf = (clientId: number) => (states.get(clientId) as { user?: { name?: string } } | undefined)?.user?.name ?? '';
  return {
    total: seats.total,
    connected: seats.connected.map((seat) => ({ seatId: seat.seatId, name: seat.clientIds.map(nameOf).find((n) => n) ?? '' })),
  };
}

/** Waits until the facilitator's seats view satisfies `predicate`, and returns it. */
async function seatsWhen(facilitator: TestClient, predicate: (seats: NamedSeats) => boolean, what: string): Promise<NamedSeats> {
  await waitFor(
    () => {
      const seats = namedSeats(facilitator);
      return seats !== undefined && predicate(seats);
    },
    5000,
    what,
  );
  return namedSeats(facilitator) as NamedSeats;
}

/** A board in `phase` with revealed notes, a facilitator (not taking part) and named participants who show presence. */
async function boardWithPeople(phase: 'vote' | 'decide', names: readonly string[]) {
  const seeded = await seedBoard(t.server, { phase, notesPerPrompt: 2 });
  const facilitator = t.connect(seeded.boardId, { facilitatorKey: seeded.facilitatorKey, participantSecret: null });
  const people = names.map(() => t.connect(seeded.boardId));
  await waitSynced(facilitator, ...people);
  for (const [i, name] of names.entries()) people[i]?.connection.provider.awareness.setLocalState({ user: { name } });
  const alignPromptId = sortedPrompts(facilitator.board()).find((p) => p.kind === 'align')?.id as string;
  return { ...seeded, facilitator, people, alignPromptId };
}

/** An identity that joined with the code and says nothing more: no presence (an idle tab, a script). */
async function idleIdentity(boardId: string): Promise<RawSocket> {
  const raw = await openRaw(t.server, boardId);
  raw.sendFrame(
    encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) as string }),
  );
  await waitFor(() => raw.frames.length > 0, 5000, 'welcome');
  return raw;
}

describe('the facilitator’s view of seats', () => {
  it('counts the seats and lists who is connected by name, to facilitators only', async () => {
    const { facilitator, people } = await boardWithPeople('vote', ['Ann', 'Ben']);
    const seats = await seatsWhen(
      facilitator,
      (s) => s.connected.length === 2 && s.connected.every((c) => c.name !== ''),
      'names',
    );
    expect(seats.total).toBe(2);
    expect(seats.connected.map((c) => c.name).sort()).toEqual(['Ann', 'Ben']);
    // Names travel only in presence: the seats message carries handles and client ids.
    for (const name of ['Ann', 'Ben']) expect(JSON.stringify(lastSeats(facilitator))).not.toContain(name);
    for (const person of people) expect(privateMessages(person).some((m) => m.type === 'seats')).toBe(false);
    // A handle means nothing anywhere else: no participant ever receives one.
    for (const { seatId } of seats.connected)
      for (const person of people) expect(framesContain(person.frames, seatId)).toBe(false);
  });

  it('shows no names while the roster is hidden, and leaves out seats that left', async () => {
    const { facilitator, people } = await boardWithPeople('vote', ['Ann', 'Ben']);
    await seatsWhen(facilitator, (s) => s.connected.some((c) => c.name === 'Ann'), 'names first');
    expect((await facilitator.send({ type: 'updateSettings', showRoster: false })).ok).toBe(true);
    await seatsWhen(facilitator, (s) => s.connected.length === 2 && s.connected.every((c) => c.name === ''), 'names hidden');
    people[0]?.close();
    const seats = await seatsWhen(facilitator, (s) => s.connected.length === 1, 'one left');
    expect(seats.total).toBe(2);
  });
});

describe('removing a seat', () => {
  it('closes its sockets (4410), withdraws its open dots, frees the seat and voids its secret', async () => {
    const { boardId, facilitator, people } = await boardWithPeople('vote', ['Ann', 'Ben']);
    const [ann, ben] = people as [TestClient, TestClient];
    const itemId = [...facilitator.board().notes.values()].find(
      (n) => facilitator.board().prompts.get(n.promptId)?.kind === 'align',
    )?.id as string;
    expect(
      (
        await facilitator.send({
          type: 'openVoteRound',
          roundId: 'r1',
          label: 'Round 1',
          dotsPerPerson: 3,
          maxPerItem: 3,
          facilitatorVotes: false,
          itemIds: null,
        })
      ).ok,
    ).toBe(true);
    for (const person of [ann, ben]) expect((await person.send({ type: 'placeDot', roundId: 'r1', itemId })).ok).toBe(true);
    await waitFor(() => facilitator.board().voteRounds.get('r1')?.voterCount === 2, 5000, 'two voters');
    const seats = await seatsWhen(facilitator, (s) => s.connected.some((c) => c.name === 'Ben'), 'Ben listed');
    const benSeat = seats.connected.find((c) => c.name === 'Ben')?.seatId as string;
    const before = JSON.stringify({ ...facilitator.board(), voteRounds: null });

    expect(await facilitator.send({ type: 'removeSeat', seatId: benSeat })).toEqual(expect.objectContaining({ ok: true }));
    await waitFor(() => ben.connection.status === 'closed', 5000, 'Ben closed');
    expect(ben.connection.closeReason?.code).toBe(CLOSE_CODES.SEAT_REMOVED);
    // The seat counts no more, anywhere; nothing else on the board changed.
    await waitFor(() => facilitator.board().voteRounds.get('r1')?.voterCount === 1, 5000, 'one voter');
    expect(JSON.stringify({ ...facilitator.board(), voteRounds: null })).toBe(before);
    const after = await seatsWhen(facilitator, (s) => s.total === 1, 'one seat');
    expect(after.connected.map((c) => c.name)).toEqual(['Ann']);
    expect(await t.server.store.countParticipants(boardId)).toBe(1);
    expect(lastSlice(ann)?.dots).toEqual({ r1: { [itemId]: 1 } });
    // The tallies hold only the dots of people still taking part.
    expect((await facilitator.send({ type: 'closeVoteRound', roundId: 'r1', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => facilitator.board().voteRounds.get('r1')?.tallies !== null, 5000, 'tallies');
    expect(facilitator.board().voteRounds.get('r1')?.tallies?.[itemId]).toBe(1);
    // Ben's browser must join again with the code: its secret alone no longer opens the board.
    const again = t.connect(boardId, { participantSecret: ben.secret as string, joinToken: null });
    await waitFor(() => again.connection.status === 'closed', 5000, 'refused');
    expect(again.connection.closeReason?.code).toBe(CLOSE_CODES.JOIN_REQUIRED);
    // The same removal again, or a handle nobody was given: nothing to remove.
    expect(await facilitator.send({ type: 'removeSeat', seatId: benSeat })).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('withdraws its open response and does not count it in the quorum', async () => {
    const { facilitator, people, alignPromptId } = await boardWithPeople('decide', ['Ann', 'Ben', 'Cat']);
    const [ann, ben, cat] = people as [TestClient, TestClient, TestClient];
    const open = await facilitator.send({
      type: 'openProposal',
      proposalId: 'p1',
      promptId: alignPromptId,
      themeId: null,
      statement: 'We meet at 11.',
      rule: 'consensus',
      quorumPercent: 100,
      thresholdPercent: 50,
      previousProposalId: null,
    });
    expect(open.ok).toBe(true);
    expect((await ann.send({ type: 'respond', proposalId: 'p1', response: 'agree', reason: null })).ok).toBe(true);
    expect((await ben.send({ type: 'respond', proposalId: 'p1', response: 'block', reason: 'Not for me.' })).ok).toBe(true);
    await waitFor(() => facilitator.board().proposals.get('p1')?.respondentCount === 2, 5000, 'two answers');
    const seats = await seatsWhen(facilitator, (s) => s.connected.some((c) => c.name === 'Ben'), 'Ben listed');
    const benSeat = seats.connected.find((c) => c.name === 'Ben')?.seatId as string;
    expect((await facilitator.send({ type: 'removeSeat', seatId: benSeat })).ok).toBe(true);
    await waitFor(() => facilitator.board().proposals.get('p1')?.respondentCount === 1, 5000, 'one answer');
    expect((await cat.send({ type: 'respond', proposalId: 'p1', response: 'canLive', reason: null })).ok).toBe(true);
    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'p1', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => facilitator.board().proposals.get('p1')?.outcome != null, 5000, 'outcome');
    const { outcome } = facilitator.board().proposals.get('p1')!;
    expect(outcome).toMatchObject({ counts: { agree: 1, canLive: 1, block: 0 }, reasons: [], presentCount: 2, isPassed: true });
  });

  it('frees the seat: a full board has room again', async () => {
    await t.restart({ MAX_PARTICIPANTS_PER_BOARD: '2' });
    const { boardId, facilitator, people } = await boardWithPeople('vote', ['Ann', 'Ben']);
    const full = t.connect(boardId);
    await waitFor(() => full.connection.status === 'closed', 5000, 'board full');
    expect(full.connection.closeReason?.code).toBe(CLOSE_CODES.BOARD_FULL);
    const seats = await seatsWhen(facilitator, (s) => s.connected.some((c) => c.name === 'Ann'), 'Ann listed');
    const annSeat = seats.connected.find((c) => c.name === 'Ann')?.seatId as string;
    expect((await facilitator.send({ type: 'removeSeat', seatId: annSeat })).ok).toBe(true);
    await waitFor(() => people[0]?.connection.status === 'closed', 5000, 'Ann closed');
    const newcomer = t.connect(boardId);
    await waitSynced(newcomer);
    await seatsWhen(facilitator, (s) => s.total === 2 && s.connected.length === 2, 'two seats again');
  });

  it('is for facilitators only, and never reaches a facilitator’s own seat', async () => {
    const { boardId, facilitatorKey, facilitator, people } = await boardWithPeople('vote', ['Ann']);
    const seats = await seatsWhen(facilitator, (s) => s.connected.length === 1, 'Ann listed');
    const annSeat = seats.connected[0]?.seatId as string;
    expect(await people[0]!.send({ type: 'removeSeat', seatId: annSeat })).toMatchObject({ ok: false, error: 'forbidden' });
    // A co-facilitator who takes part has a seat too: it is listed as theirs, and cannot be removed.
    const cofacilitator = t.connect(boardId, { facilitatorKey });
    await waitSynced(cofacilitator);
    await seatsWhen(facilitator, (s) => s.total === 2 && s.connected.length === 2, 'two seats');
    const coSeat = lastSeats(facilitator)?.connected.find((c) => c.isFacilitator);
    expect(coSeat?.seatId).not.toBe(annSeat);
    expect(await facilitator.send({ type: 'removeSeat', seatId: coSeat?.seatId as string })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    expect(cofacilitator.connection.status).toBe('online');
  });
});

describe('who counts in a quorum', () => {
  it('leaves out identities that never say they are here and pages that withdrew their presence', async () => {
    const { boardId, facilitator, people, alignPromptId } = await boardWithPeople('decide', ['Ann', 'Ben', 'Cat']);
    // Two idle identities (scripts, forgotten tabs) and one page hidden for a while.
    const idle = [await idleIdentity(boardId), await idleIdentity(boardId)];
    const hidden = t.connect(boardId);
    await waitSynced(hidden);
    hidden.connection.provider.awareness.setLocalState(null);
    await facilitator.send({
      type: 'openProposal',
      proposalId: 'p1',
      promptId: alignPromptId,
      themeId: null,
      statement: 'We meet at 11.',
      rule: 'consensus',
      quorumPercent: 100,
      thresholdPercent: 50,
      previousProposalId: null,
    });
    for (const person of people) {
      expect((await person.send({ type: 'respond', proposalId: 'p1', response: 'agree', reason: null })).ok).toBe(true);
    }
    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'p1', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => facilitator.board().proposals.get('p1')?.outcome != null, 5000, 'outcome');
    expect(facilitator.board().proposals.get('p1')?.outcome).toMatchObject({
      presentCount: 3,
      isQuorumMet: true,
      isPassed: true,
    });
    for (const raw of idle) raw.ws.close();
  });

  it('keeps someone who answered and then left in the base', async () => {
    const { facilitator, people, alignPromptId } = await boardWithPeople('decide', ['Ann', 'Ben', 'Cat']);
    const [ann] = people as [TestClient, TestClient, TestClient];
    await facilitator.send({
      type: 'openProposal',
      proposalId: 'p1',
      promptId: alignPromptId,
      themeId: null,
      statement: 'We meet at 11.',
      rule: 'consensus',
      quorumPercent: 50,
      thresholdPercent: 50,
      previousProposalId: null,
    });
    expect((await ann.send({ type: 'respond', proposalId: 'p1', response: 'agree', reason: null })).ok).toBe(true);
    ann.close();
    await seatsWhen(facilitator, (s) => s.connected.length === 2, 'Ann gone');
    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'p1', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => facilitator.board().proposals.get('p1')?.outcome != null, 5000, 'outcome');
    // Ann, Ben and Cat: 1 of 3 answered, 2 were needed.
    expect(facilitator.board().proposals.get('p1')?.outcome).toMatchObject({
      presentCount: 3,
      isQuorumMet: false,
      isPassed: false,
    });
  });
});
