import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { sortedPrompts } from '../../shared/domain/state';
import { REACTION_BURST } from '../../shared/limits';
import { decodeJsonBody, MESSAGE_PRIVATE, MESSAGE_RESULT, MESSAGE_SYNC, type PrivateMessage } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import {
  connectClient,
  createBoard,
  framesContain,
  lastSlice,
  privateMessages,
  type TestClient,
  useTestServer,
  waitFor,
  waitSynced,
} from './helpers';

const t = useTestServer();

function participantIdOf(client: TestClient): string {
  const welcome = privateMessages(client).find((m) => m.type === 'welcome') as Extract<PrivateMessage, { type: 'welcome' }>;
  return welcome.participantId as string;
}

/** The private messages among `frames`, decoded. */
function privateIn(frames: readonly Buffer[]): PrivateMessage[] {
  return frames
    .filter((f) => f[0] === MESSAGE_PRIVATE)
    .map((f) => {
      const decoder = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarUint(decoder);
      return decodeJsonBody(decoder) as PrivateMessage;
    });
}

/** A board in share with every prompt revealed, a facilitator and four people. */
async function revealedBoard() {
  const created = await createBoard(t.server);
  const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  const people = [0, 1, 2, 3].map(() => t.connect(created.boardId));
  await waitSynced(facilitator, ...people);
  const prompt = sortedPrompts(facilitator.board())[0]!;
  expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
  for (const [i, person] of people.entries()) {
    const posted = await person.send({ type: 'postDraft', draftId: `d${i}`, promptId: prompt.id, text: `note ${i}`, tag: null });
    expect(posted.ok).toBe(true);
  }
  return { created, facilitator, people, prompt };
}

describe('marks: done and reactions', () => {
  it('counts "done" per prompt for everyone, and tells only the marker that it was them', async () => {
    const { created, facilitator, people, prompt } = await revealedBoard();
    const [alice, bob] = people as [TestClient, TestClient];
    expect((await alice.send({ type: 'markDone', targetId: prompt.id, isDone: true })).ok).toBe(true);
    expect((await bob.send({ type: 'markDone', targetId: prompt.id, isDone: true })).ok).toBe(true);
    // A replay of the same state changes nothing.
    expect((await bob.send({ type: 'markDone', targetId: prompt.id, isDone: true })).ok).toBe(true);
    const done = (c: TestClient) => c.board().prompts.get(prompt.id)?.markCounts?.done ?? 0;
    await waitFor(() => [facilitator, ...people].every((c) => done(c) === 2), 5000, 'two done');
    expect(lastSlice(alice)?.marks).toEqual({ [prompt.id]: ['done'] });
    expect(lastSlice(people[2]!)?.marks).toEqual({});
    expect((await alice.send({ type: 'markDone', targetId: prompt.id, isDone: false })).ok).toBe(true);
    await waitFor(() => done(facilitator) === 1, 5000, 'one done');
    // A reader cannot mark.
    const reader = t.connect(created.boardId, { readerKey: created.readerKey, participantSecret: null });
    await waitSynced(reader);
    expect(await reader.send({ type: 'markDone', targetId: prompt.id, isDone: true })).toMatchObject({ error: 'forbidden' });
  });

  it('sends the other clients the same bytes whoever reacts: a count, no id, no private message', async () => {
    const { facilitator, people, prompt } = await revealedBoard();
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    expect((await facilitator.send({ type: 'reveal', promptId: prompt.id })).ok).toBe(true);
    await waitFor(() => people.every((p) => p.board().notes.size === 4), 5000, 'reveal');
    const note = [...facilitator.board().notes.values()][0]!;
    const [alice, bob, carol] = people as [TestClient, TestClient, TestClient];
    const heart = (c: TestClient) => c.board().notes.get(note.id)?.markCounts?.heart ?? 0;
    const observers = [facilitator, carol];
    /** What each observer received while `actor` set its reaction (and the server's answer came). */
    const during = async (actor: TestClient, expected: number) => {
      const from = observers.map((o) => o.frames.length);
      expect((await actor.send({ type: 'react', noteId: note.id, reaction: 'heart', isOn: true })).ok).toBe(true);
      await waitFor(() => observers.every((o) => heart(o) === expected), 5000, 'the count');
      return observers.map((o, i) => o.frames.slice(from[i]));
    };
    const afterAlice = await during(alice, 1);
    const afterBob = await during(bob, 2);
    for (const [i, observer] of observers.entries()) {
      for (const frames of [afterAlice[i]!, afterBob[i]!]) {
        // Only the document update: no private slice for someone else's reaction, no result (the
        // clock and the facilitators' list of seats, which follows presence, may come at any time).
        expect(privateIn(frames).filter((m) => m.type !== 'time' && m.type !== 'seats')).toEqual([]);
        expect(frames.filter((f) => f[0] === MESSAGE_SYNC)).toHaveLength(1);
        for (const person of [alice, bob]) {
          expect(framesContain(frames, participantIdOf(person))).toBe(false);
          expect(framesContain(frames, person.secret!)).toBe(false);
        }
      }
      void observer;
    }
    // Every observer gets the very same update: nothing in it is addressed to anyone.
    const update = (frames: Buffer[]) => frames.find((f) => f[0] === MESSAGE_SYNC)!;
    expect(update(afterAlice[0]!).equals(update(afterAlice[1]!))).toBe(true);
    expect(lastSlice(alice)?.marks).toEqual({ [note.id]: ['heart'] });
    expect(lastSlice(bob)?.marks).toEqual({ [note.id]: ['heart'] });
  });

  it('charges reactions to their own budget, per person', async () => {
    const { facilitator, people, prompt } = await revealedBoard();
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    await facilitator.send({ type: 'reveal', promptId: prompt.id });
    await waitFor(() => people[0]!.board().notes.size === 4, 5000, 'reveal');
    const note = [...people[0]!.board().notes.values()][0]!;
    const extra = 6;
    const refusals = () => people[0]!.frames.filter((f) => f[0] === MESSAGE_RESULT && f.includes('rate_limited')).length;
    const answers = () => people[0]!.frames.filter((f) => f[0] === MESSAGE_RESULT).length;
    for (let i = 0; i < REACTION_BURST + extra; i++) {
      void people[0]!.send({ type: 'react', noteId: note.id, reaction: 'idea', isOn: i % 2 === 0 });
    }
    // At most one token comes back while they are sent; the command budget (40) is not reached.
    await waitFor(() => answers() >= REACTION_BURST + extra, 5000, 'every answer');
    expect(refusals()).toBeGreaterThanOrEqual(extra - 1);
    expect(refusals()).toBeLessThanOrEqual(extra);
    // Another person's budget is whole.
    expect((await people[1]!.send({ type: 'react', noteId: note.id, reaction: 'idea', isOn: true })).ok).toBe(true);
  });

  it('forgets who said they were done voting when the round closes; the count stays', async () => {
    const { facilitator, people, prompt } = await revealedBoard();
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    await facilitator.send({ type: 'reveal', promptId: prompt.id });
    await facilitator.send({ type: 'setPhase', phase: 'group' });
    await facilitator.send({ type: 'setPhase', phase: 'vote' });
    const round = { type: 'openVoteRound', roundId: 'r1', label: 'R', dotsPerPerson: 2, maxPerItem: 1 } as const;
    expect((await facilitator.send({ ...round, facilitatorVotes: false, itemIds: null })).ok).toBe(true);
    expect((await people[0]!.send({ type: 'markDone', targetId: 'r1', isDone: true })).ok).toBe(true);
    // A prompt is no target in vote.
    expect(await people[1]!.send({ type: 'markDone', targetId: prompt.id, isDone: true })).toMatchObject({ error: 'not_found' });
    expect(lastSlice(people[0]!)?.marks).toEqual({ r1: ['done'] });
    expect((await facilitator.send({ type: 'closeVoteRound', roundId: 'r1', confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => Object.keys(lastSlice(people[0]!)?.marks ?? { r1: 1 }).length === 0, 5000, 'marks cleared');
    expect(facilitator.board().voteRounds.get('r1')?.markCounts).toEqual({ done: 1 });
    const db = new Database(path.join(t.server.dataDir, 'accord.sqlite'), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM marks WHERE target_id = 'r1'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('grouping by participants', () => {
  it('is refused until the facilitator allows it, then goes through the same commands and rules', async () => {
    const { facilitator, people, prompt } = await revealedBoard();
    await facilitator.send({ type: 'setPhase', phase: 'share' });
    await facilitator.send({ type: 'reveal', promptId: prompt.id });
    await facilitator.send({ type: 'setPhase', phase: 'group' });
    const alice = people[0]!;
    await waitFor(() => alice.board().notes.size === 4, 5000, 'reveal');
    const [n1, n2] = [...alice.board().notes.keys()] as [string, string];
    const create = { type: 'createTheme', themeId: 'th1', promptId: prompt.id, name: 'Ours', beforeThemeId: null } as const;
    expect(await alice.send({ ...create, noteIds: [n1] })).toMatchObject({ error: 'forbidden' });
    expect((await facilitator.send({ type: 'updateSettings', participantsGroup: true })).ok).toBe(true);
    expect((await alice.send({ ...create, noteIds: [n1] })).ok).toBe(true);
    expect((await alice.send({ type: 'moveNotes', noteIds: [n2], themeId: 'th1', beforeNoteId: null })).ok).toBe(true);
    // The same rules: a theme of another prompt, or a name too long, is refused as for a facilitator.
    expect(await alice.send({ ...create, themeId: 'th2', name: 'x'.repeat(81), noteIds: [] })).toMatchObject({
      error: 'invalid_command',
    });
    // Renaming and deleting stay with facilitators.
    expect(await alice.send({ type: 'renameTheme', themeId: 'th1', name: 'Mine' })).toMatchObject({ error: 'forbidden' });
    await waitFor(() => facilitator.board().notes.get(n2)?.themeId === 'th1', 5000, 'the move');
    expect((await facilitator.send({ type: 'updateSettings', participantsGroup: false })).ok).toBe(true);
    expect(await alice.send({ type: 'moveNotes', noteIds: [n2], themeId: null, beforeNoteId: null })).toMatchObject({
      error: 'forbidden',
    });
  });
});

describe('marks across a restart', () => {
  let server: RunningServer | null = null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-marks-'));
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps who reacted on the server, so a reaction can be taken back after a restart', async () => {
    const start = async () => {
      server = await startServer(configFromEnv({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
      return { url: server.url, wsUrl: `${server.url.replace('http', 'ws')}/ws` };
    };
    let address = await start();
    const created = await createBoard(address);
    const secrets = [0, 1, 2].map(() => randomToken(16));
    const connectAll = () => {
      const f = connectClient(address, created.boardId, { facilitatorKey: created.facilitatorKey });
      const ps = secrets.map((participantSecret) => connectClient(address, created.boardId, { participantSecret }));
      clients.push(f, ...ps);
      return { f, ps };
    };
    let { f, ps } = connectAll();
    await waitSynced(f, ...ps);
    const prompt = sortedPrompts(f.board())[0]!;
    await f.send({ type: 'setPhase', phase: 'reflect' });
    for (const [i, p] of ps.entries())
      await p.send({ type: 'postDraft', draftId: `d${i}`, promptId: prompt.id, text: `n${i}`, tag: null });
    await f.send({ type: 'setPhase', phase: 'share' });
    await f.send({ type: 'reveal', promptId: prompt.id, confirmSmallCount: true });
    await waitFor(() => ps[0]!.board().notes.size === 3, 5000, 'reveal');
    const noteId = [...ps[0]!.board().notes.keys()][0]!;
    expect((await ps[0]!.send({ type: 'react', noteId, reaction: 'plusOne', isOn: true })).ok).toBe(true);
    expect((await ps[1]!.send({ type: 'react', noteId, reaction: 'plusOne', isOn: true })).ok).toBe(true);
    for (const c of clients.splice(0)) c.close();
    await server!.close();

    address = await start();
    ({ f, ps } = connectAll());
    await waitSynced(f, ...ps);
    await waitFor(() => lastSlice(ps[0]!) !== undefined, 5000, 'slice');
    expect(lastSlice(ps[0]!)?.marks).toEqual({ [noteId]: ['plusOne'] });
    expect(lastSlice(ps[2]!)?.marks).toEqual({});
    expect(f.board().notes.get(noteId)?.markCounts).toEqual({ plusOne: 2 });
    expect((await ps[0]!.send({ type: 'react', noteId, reaction: 'plusOne', isOn: false })).ok).toBe(true);
    // Taking back a reaction one never gave changes nothing.
    expect((await ps[2]!.send({ type: 'react', noteId, reaction: 'plusOne', isOn: false })).ok).toBe(true);
    await waitFor(() => f.board().notes.get(noteId)?.markCounts?.plusOne === 1, 5000, 'one left');
  });
});
