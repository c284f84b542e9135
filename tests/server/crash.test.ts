import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { sortedPrompts } from '../../shared/domain/state';
import { seededRandom } from '../../shared/random';
import type { ResponseKind } from '../../shared/records/Proposal';
import { freePort, kill, sleep, spawnServer } from './childServer';
import { connectClient, createBoard, lastSlice, type TestClient, waitFor, waitSynced } from './helpers';

/** SIGKILLs per phase of the test (notes, dots, responses): 21 in all. */
const KILLS_PER_PHASE = 7;
const CLIENTS = 20;

const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-crash-'));
let child: ChildProcess | null = null;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  if (child) await kill(child);
  rmSync(dataDir, { recursive: true, force: true });
});

/** What each client was told succeeded, by operation kind. */
interface Acknowledged {
  drafts: Set<string>;
  dots: number;
  responses: Map<string, ResponseKind>;
}

describe('crash safety (a Jepsen-style set test)', () => {
  it(`keeps every acknowledged note, dot and response exactly once across ${KILLS_PER_PHASE * 3} SIGKILLs`, async () => {
    const random = seededRandom(424242);
    const port = await freePort();
    const server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` };
    child = await spawnServer(port, dataDir);
    const created = await createBoard(server);
    const facilitator = connectClient(server, created.boardId, { facilitatorKey: created.facilitatorKey });
    const people = Array.from({ length: CLIENTS }, () => connectClient(server, created.boardId));
    clients.push(facilitator, ...people);
    await waitSynced(facilitator, ...people);
    const prompts = sortedPrompts(facilitator.board());
    const acked = new Map<TestClient, Acknowledged>(people.map((p) => [p, { drafts: new Set(), dots: 0, responses: new Map() }]));
    let kills = 0;

    /** Runs `operate` in a loop on every client while the server is killed KILLS_PER_PHASE times. */
    async function underFire(operate: (person: TestClient, i: number, n: number) => Promise<void>, check: () => void) {
      let isRunning = true;
      let isPaused = false;
      const loops = people.map(async (person, i) => {
        for (let n = 0; isRunning; n++) {
          if (isPaused) {
            await sleep(20);
            continue;
          }
          await operate(person, i, n);
          await sleep(40 + Math.floor(random() * 80));
        }
      });
      for (let k = 0; k < KILLS_PER_PHASE; k++) {
        await sleep(150 + Math.floor(random() * 350));
        await kill(child!);
        kills += 1;
        child = await spawnServer(port, dataDir);
        // Every client reconnects and replays its queue; then every acknowledged operation must be there, once.
        isPaused = true;
        await waitFor(
          () => [facilitator, ...people].every((c) => c.connection.status === 'online' && c.connection.pending.length === 0),
          20_000,
          'replays',
        );
        await sleep(50);
        check();
        isPaused = false;
      }
      isRunning = false;
      await Promise.all(loops);
      await waitFor(() => people.every((c) => c.connection.pending.length === 0), 20_000, 'queues');
      check();
    }

    const send = (person: TestClient, command: Command) => person.send(command);

    // 1. Notes (private drafts).
    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
    await underFire(
      async (person, i, n) => {
        const draftId = `c${i}n${n}`;
        const result = await send(person, {
          type: 'postDraft',
          draftId,
          promptId: prompts[n % prompts.length]!.id,
          text: draftId,
          tag: null,
        });
        if (result.ok) acked.get(person)!.drafts.add(draftId);
      },
      () => {
        for (const person of people) {
          const slice = lastSlice(person)!;
          const ids = slice.drafts.map((d) => d.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.sort()).toEqual([...acked.get(person)!.drafts].sort());
          expect(Object.values(slice.posted).reduce((a, b) => a + b, 0)).toBe(acked.get(person)!.drafts.size);
        }
      },
    );

    // 2. Dots.
    for (const phase of ['share', 'group'] as const) expect((await facilitator.send({ type: 'setPhase', phase })).ok).toBe(true);
    // Random writers: a prompt few wrote to needs the facilitator's confirmation (not what this test is about).
    expect((await facilitator.send({ type: 'reveal', promptId: null, confirmSmallCount: true })).ok).toBe(true);
    expect((await facilitator.send({ type: 'setPhase', phase: 'vote' })).ok).toBe(true);
    const round = {
      type: 'openVoteRound',
      roundId: 'r1',
      label: 'R',
      dotsPerPerson: 20,
      maxPerItem: 20,
      facilitatorVotes: false,
      itemIds: null,
    } as const;
    expect((await facilitator.send(round)).ok).toBe(true);
    await waitFor(() => people.every((p) => p.board().voteRounds.has('r1')));
    const items = [...facilitator.board().notes.values()]
      .filter((n) => prompts.find((p) => p.id === n.promptId)?.kind === 'align')
      .map((n) => n.id);
    await underFire(
      async (person) => {
        const result = await send(person, {
          type: 'placeDot',
          roundId: 'r1',
          itemId: items[Math.floor(random() * items.length)]!,
        });
        if (result.ok) acked.get(person)!.dots += 1;
      },
      () => {
        for (const person of people) {
          const mine = Object.values(lastSlice(person)!.dots.r1 ?? {}).reduce((a, b) => a + b, 0);
          expect(mine).toBe(acked.get(person)!.dots);
          expect(mine).toBeLessThanOrEqual(20);
        }
      },
    );

    // 3. Responses (changeable until close: the last acknowledged one counts).
    expect((await facilitator.send({ type: 'closeVoteRound', roundId: 'r1' })).ok).toBe(true);
    expect((await facilitator.send({ type: 'setPhase', phase: 'decide' })).ok).toBe(true);
    const proposals = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const proposalId of proposals) {
      const opened = await facilitator.send({
        type: 'openProposal',
        proposalId,
        promptId: prompts.find((p) => p.kind === 'align')!.id,
        themeId: null,
        statement: `Statement ${proposalId}`,
        rule: 'consent',
        quorumPercent: 0,
        thresholdPercent: 50,
        previousProposalId: null,
      });
      expect(opened.ok).toBe(true);
    }
    const kinds: ResponseKind[] = ['agree', 'canLive', 'block'];
    await underFire(
      async (person) => {
        const proposalId = proposals[Math.floor(random() * proposals.length)]!;
        const response = kinds[Math.floor(random() * kinds.length)]!;
        const result = await send(person, {
          type: 'respond',
          proposalId,
          response,
          reason: response === 'block' ? 'a real barrier' : null,
        });
        if (result.ok) acked.get(person)!.responses.set(proposalId, response);
      },
      () => {
        for (const person of people) {
          const mine = Object.fromEntries(
            Object.entries(lastSlice(person)!.responses).map(([id, answer]) => [id, answer.response]),
          );
          expect(mine).toEqual(Object.fromEntries(acked.get(person)!.responses));
        }
      },
    );

    // Public counters agree with the private rows, after all those restarts.
    const board = facilitator.board();
    const respondents = proposals.map((id) => people.filter((p) => acked.get(p)!.responses.has(id)).length);
    expect(proposals.map((id) => board.proposals.get(id)!.respondentCount)).toEqual(respondents);
    expect(kills).toBe(KILLS_PER_PHASE * 3);
    const operations = people.reduce(
      (sum, p) => sum + acked.get(p)!.drafts.size + acked.get(p)!.dots + acked.get(p)!.responses.size,
      0,
    );
    expect(operations).toBeGreaterThan(200);
  }, 240_000);
});
