import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { randomId } from '../../shared/random';
import { connectClient, createBoard, type TestClient, waitFor, waitSynced } from './helpers';

/** Half of an emoji (U+1F600 is D83D DE00): what a client that cut a string in the wrong place sends. */
const HALF_EMOJI = '\uD83D';
const BROKEN = `Coffee first ${HALF_EMOJI}, then talk`;
const REPAIRED = 'Coffee first \uFFFD, then talk';

/** `String.prototype.isWellFormed` (Node 20; not in this project's ES2023 lib types). */
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-wellformed-'));
const clients: TestClient[] = [];
let running: RunningServer | null = null;

async function start(): Promise<RunningServer & { wsUrl: string }> {
  running = await startServer(configFromEnv({ PORT: '0', DATA_DIR: dataDir }));
  return { ...running, wsUrl: `${running.url.replace('http', 'ws')}/ws` };
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await running?.close();
  running = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function exportJson(server: { url: string }, boardId: string, key: string): Promise<string> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/export.json`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  const data = JSON.parse(await response.text());
  data.exportedAt = null;
  return JSON.stringify(data);
}

describe('text with a lone surrogate', () => {
  it('is stored, shown and exported as U+FFFD from the start, so an export is the same before and after a restart', async () => {
    let server = await start();
    const created = await createBoard(server);
    const facilitator = connectClient(server, created.boardId, { facilitatorKey: created.facilitatorKey });
    const people = [0, 1, 2, 3].map(() => connectClient(server, created.boardId));
    clients.push(facilitator, ...people);
    await waitSynced(facilitator, ...people);
    const promptId = [...facilitator.board().prompts.values()][0]!.id;

    expect((await facilitator.send({ type: 'updateBoard', title: `Team ${HALF_EMOJI}` })).ok).toBe(true);
    expect((await facilitator.send({ type: 'setPhase', phase: 'reflect' })).ok).toBe(true);
    for (const [i, person] of people.entries()) {
      const text = i === 0 ? BROKEN : `Note ${i}`;
      expect((await person.send({ type: 'postDraft', draftId: randomId(), promptId, text, tag: null })).ok).toBe(true);
    }
    expect((await facilitator.send({ type: 'setPhase', phase: 'share' })).ok).toBe(true);
    expect((await facilitator.send({ type: 'reveal', promptId })).ok).toBe(true);
    const texts = (client: TestClient) => [...client.board().notes.values()].map((n) => n.text);
    await waitFor(() => people.every((p) => texts(p).includes(REPAIRED)), 5000, 'the repaired note on every client');
    expect(people[1]!.board().meta.title).toBe('Team \uFFFD');
    for (const client of [facilitator, ...people]) expect(texts(client).every(isWellFormed)).toBe(true);

    const before = await exportJson(server, created.boardId, created.facilitatorKey);
    expect(before).toContain(REPAIRED);
    expect(before).not.toMatch(/\\ud83d/i);

    for (const client of clients.splice(0)) client.close();
    await running?.close();
    server = await start();
    expect(await exportJson(server, created.boardId, created.facilitatorKey)).toBe(before);
  });
});
