import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import type { CommitBatch } from '../../server/store/BoardStore';
import { MemoryStore } from '../../server/store/MemoryStore';
import { connectClient, createBoard, waitSynced } from './helpers';

/** A store whose commits take a while, so that the commands sent meanwhile queue up into one batch. */
class SlowCommitStore extends MemoryStore {
  commits = 0;
  override async commit(boardId: string, commit: CommitBatch) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.commits += 1;
    return super.commit(boardId, commit);
  }
}

it('applies a batch of commands in one Yjs transaction: one update per commit, the same document', async () => {
  const store = new SlowCommitStore();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-batch-'));
  const running = await startServer(configFromEnv({ PORT: '0', DATA_DIR: dataDir }), store);
  const server = { ...running, wsUrl: `${running.url.replace('http', 'ws')}/ws` };
  const { boardId, facilitatorKey } = await createBoard(server);
  const facilitator = connectClient(server, boardId, { facilitatorKey });
  try {
    await waitSynced(facilitator);
    const room = await running.rooms.get(boardId);
    let updates = 0;
    room!.doc.on('update', () => {
      updates += 1;
    });
    const commitsBefore = store.commits;
    const titles = Array.from({ length: 12 }, (_, i) => `Title ${i}`);
    const results = await Promise.all(titles.map((title) => facilitator.send({ type: 'updateBoard', title })));
    for (const result of results) expect(result).toMatchObject({ ok: true });
    const commits = store.commits - commitsBefore;
    // Twelve commands went into fewer commits than twelve (they queued behind the slow one), and
    // each commit's batch changed the document in one transaction.
    expect(commits).toBeLessThan(titles.length);
    expect(updates).toBe(commits);
    // What was stored rebuilds the room's document.
    const stored = await store.loadBoard(boardId);
    const copy = new Y.Doc();
    if (stored?.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const update of stored?.updates ?? []) Y.applyUpdate(copy, update);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(room!.doc));
    expect(copy.getMap('meta').toJSON()).toEqual(room!.doc.getMap('meta').toJSON());
  } finally {
    facilitator.close();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
