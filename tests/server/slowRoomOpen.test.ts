import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { MemoryStore } from '../../server/store/MemoryStore';
import { AUTH_TIMEOUT_MS, ROOM_OPEN_TIMEOUT_MS } from '../../shared/limits';
import { CLOSE_CODES, encodeAuth, PROTOCOL_VERSION } from '../../shared/protocol';
import { createBoard, openRaw, waitFor } from './helpers';

/** A store whose loads take `delayMs` (a database restarting, a board claimed after a failover); Infinity never finishes. */
class SlowStore extends MemoryStore {
  delayMs = 0;
  override async loadBoard(boardId: string) {
    const delay = this.delayMs;
    if (delay === Number.POSITIVE_INFINITY) return new Promise<never>(() => {});
    await new Promise((resolve) => setTimeout(resolve, delay));
    return super.loadBoard(boardId);
  }
}

describe('a board that is slow to open after AUTH arrived', () => {
  const store = new SlowStore();
  let server: RunningServer & { wsUrl: string };
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'accord-slow-open-'));
    const running = await startServer(configFromEnv({ PORT: '0', DATA_DIR: dataDir }), store);
    server = { ...running, wsUrl: `${running.url.replace('http', 'ws')}/ws` };
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts opening the board as a connection is let in, before its AUTH comes', async () => {
    const created = await createBoard(server);
    store.delayMs = 300;
    const startedAt = performance.now();
    const early = await openRaw(server, created.boardId);
    expect(server.rooms.isOpen(created.boardId)).toBe(false);
    await waitFor(() => server.rooms.isOpen(created.boardId), 3000, 'the room to open without an AUTH');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(300);
    // The AUTH that follows finds the room open: the document comes without another load.
    store.delayMs = Number.POSITIVE_INFINITY;
    early.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, facilitatorKey: created.facilitatorKey }));
    await waitFor(() => early.frames.length > 0, 3000, 'the document');
    early.ws.close();
    store.delayMs = 0;
  });

  it(
    `admits a connection whose AUTH came in time though opening took longer than AUTH_TIMEOUT_MS; closes with 4500 (retry) past ROOM_OPEN_TIMEOUT_MS`,
    async () => {
      const slow = await createBoard(server);
      const stuck = await createBoard(server);
      // Each board is loaded once, by its first connection: set the delay before each connects.
      store.delayMs = AUTH_TIMEOUT_MS + 1_000;
      const late = await openRaw(server, slow.boardId);
      late.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, facilitatorKey: slow.facilitatorKey }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      store.delayMs = Number.POSITIVE_INFINITY;
      const never = await openRaw(server, stuck.boardId);
      const sentAt = performance.now();
      never.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, facilitatorKey: stuck.facilitatorKey }));

      const closedNever = await never.closed;
      expect(closedNever.code).toBe(CLOSE_CODES.GOING_AWAY);
      expect(performance.now() - sentAt).toBeGreaterThanOrEqual(ROOM_OPEN_TIMEOUT_MS - 100);
      // The slow board opened meanwhile and its connection is a member: it got the document, no close.
      expect(late.frames.length).toBeGreaterThan(0);
      expect(late.ws.readyState).toBe(late.ws.OPEN);
      late.ws.close();
    },
    ROOM_OPEN_TIMEOUT_MS + 10_000,
  );
});
