import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sortedPrompts } from '../../shared/domain/state';
import { seededRandom } from '../../shared/random';
import { freePort, kill, sleep, spawnServer } from './childServer';
import { connectClient, createBoard, type TestClient, waitFor, waitSynced } from './helpers';

const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-durability-'));
let child: ChildProcess | null = null;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  if (child) await kill(child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability across SIGKILL', () => {
  it('keeps every acknowledged note exactly once and the same document history', async () => {
    const random = seededRandom(20261123);
    const port = await freePort();
    const server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` };
    child = await spawnServer(port, dataDir);
    const created = await createBoard(server);
    const facilitator = connectClient(server, created.boardId, { facilitatorKey: created.facilitatorKey });
    const participants = [0, 1, 2].map(() => connectClient(server, created.boardId));
    clients.push(facilitator, ...participants);
    await waitSynced(facilitator, ...participants);
    const prompts = sortedPrompts(facilitator.board());
    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);

    const acknowledged: string[] = [];
    let isPosting = true;
    const posting = participants.map(async (participant, p) => {
      for (let i = 0; isPosting; i++) {
        const text = `p${p}-note-${i}`;
        const promptId = prompts[i % prompts.length]!.id;
        const result = await participant.send({ type: 'postDraft', draftId: `p${p}n${i}`, promptId, text, tag: null });
        if (result.ok) acknowledged.push(text);
        await sleep(60 + Math.floor(random() * 60));
      }
    });

    for (let kills = 0; kills < 2; kills++) {
      await sleep(300 + Math.floor(random() * 400));
      await kill(child);
      await sleep(100);
      child = await spawnServer(port, dataDir);
    }
    await sleep(400);
    isPosting = false;
    await Promise.all(posting);
    await waitFor(() => participants.every((p) => p.connection.pending.length === 0), 10_000, 'outboxes to drain');
    expect(acknowledged.length).toBeGreaterThan(10);

    await waitSynced(facilitator);
    expect((await facilitator.send({ type: 'setPhase', phase: 'share' })).ok).toBe(true);
    // Three writers spread over the prompts: some prompts may need the facilitator's confirmation to reveal.
    expect((await facilitator.send({ type: 'reveal', promptId: null, confirmSmallCount: true })).ok).toBe(true);
    await waitFor(() => facilitator.board().notes.size >= acknowledged.length, 10_000, 'all notes revealed');

    const texts = [...facilitator.board().notes.values()].map((n) => n.text).sort();
    expect(texts).toEqual([...acknowledged].sort());
    // The facilitator's replica predates both kills: had the server rebuilt the document, it would now hold every prompt twice.
    expect(facilitator.board().prompts.size).toBe(prompts.length);
    const late = connectClient(server, created.boardId);
    clients.push(late);
    await waitSynced(late);
    await waitFor(() => late.board().notes.size === acknowledged.length);
    expect(Y.encodeStateVector(late.connection.doc)).toEqual(Y.encodeStateVector(facilitator.connection.doc));
    expect(late.board().prompts.size).toBe(prompts.length);
  }, 60_000);

  it('keeps a lock acknowledged just before a SIGKILL', async () => {
    const port = await freePort();
    const server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` };
    if (child) await kill(child);
    child = await spawnServer(port, dataDir);
    const created = await createBoard(server);
    const facilitator = connectClient(server, created.boardId, { facilitatorKey: created.facilitatorKey });
    const people = [0, 1, 2].map(() => connectClient(server, created.boardId));
    clients.push(facilitator, ...people);
    await waitSynced(facilitator, ...people);
    const promptId = sortedPrompts(facilitator.board())[0]!.id;
    for (const phase of ['reflect', 'share', 'group', 'vote', 'decide'] as const) {
      expect((await facilitator.send({ type: 'setPhase', phase })).ok).toBe(true);
    }
    const statement = 'We keep meetings between 11 and 1.';
    const opened = await facilitator.send({
      type: 'openProposal',
      proposalId: 'lock-me',
      promptId,
      themeId: null,
      statement,
      rule: 'consent',
      quorumPercent: 0,
      thresholdPercent: 50,
      previousProposalId: null,
    });
    expect(opened.ok).toBe(true);
    for (const person of people)
      expect((await person.send({ type: 'respond', proposalId: 'lock-me', response: 'agree', reason: null })).ok).toBe(true);
    expect((await facilitator.send({ type: 'closeProposal', proposalId: 'lock-me' })).ok).toBe(true);
    await kill(child);
    child = await spawnServer(port, dataDir);
    const reader = connectClient(server, created.boardId);
    clients.push(reader);
    await waitSynced(reader);
    const items = [...reader.board().agreements.values()];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ statement, status: 'locked', proposalId: 'lock-me' });
    expect(reader.board().proposals.get('lock-me')?.status).toBe('passed');
  }, 60_000);
});
