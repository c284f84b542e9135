import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { MemoryStore } from '../../server/store/MemoryStore';
import { MAX_PINGS_PER_WINDOW, PING_ANSWER_INTERVAL_MS } from '../../shared/limits';
import {
  CLOSE_CODES,
  decodeJsonBody,
  encodeAuth,
  encodePing,
  MESSAGE_PING,
  MESSAGE_PRIVATE,
  PROTOCOL_VERSION,
  type PrivateMessage,
} from '../../shared/protocol';
import { createBoard, frame, openAuthenticated, openRaw, useTestServer, waitFor } from './helpers';

function timeAnswers(frames: readonly Buffer[]): number {
  return frames.filter((f) => {
    if (f[0] !== MESSAGE_PRIVATE) return false;
    const decoder = decoding.createDecoder(new Uint8Array(f));
    decoding.readVarUint(decoder);
    return (decodeJsonBody(decoder) as PrivateMessage).type === 'time';
  }).length;
}

describe('PING (the client silence watchdog asks whether the server is there)', () => {
  const t = useTestServer();

  it(`is answered with the server's clock, at most once per PING_ANSWER_INTERVAL_MS (${PING_ANSWER_INTERVAL_MS} ms)`, async () => {
    const { boardId, facilitatorKey } = await createBoard(t.server);
    const raw = await openAuthenticated(t.server, boardId, { facilitatorKey });
    const before = timeAnswers(raw.frames);
    raw.sendFrame(encodePing());
    await waitFor(() => timeAnswers(raw.frames) === before + 1, 2_000, 'an answer');
    raw.sendFrame(encodePing());
    raw.sendFrame(encodePing());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(timeAnswers(raw.frames)).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, PING_ANSWER_INTERVAL_MS));
    raw.sendFrame(encodePing());
    await waitFor(() => timeAnswers(raw.frames) === before + 2, 2_000, 'a second answer');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it(`closes with 4429 beyond MAX_PINGS_PER_WINDOW (${MAX_PINGS_PER_WINDOW}), and with 4400 for a PING with a body`, async () => {
    const { boardId, facilitatorKey } = await createBoard(t.server);
    const flood = await openAuthenticated(t.server, boardId, { facilitatorKey });
    for (let i = 0; i <= MAX_PINGS_PER_WINDOW; i++) flood.sendFrame(encodePing());
    expect((await flood.closed).code).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);

    const padded = await openAuthenticated(t.server, boardId, { facilitatorKey });
    padded.sendFrame(frame(MESSAGE_PING, (encoder) => encoding.writeUint8(encoder, 0)));
    expect((await padded.closed).code).toBe(CLOSE_CODES.BAD_FRAME);
  });

  it('is not an AUTH: a PING as the first frame closes with 4401', async () => {
    const { boardId } = await createBoard(t.server);
    const raw = await openRaw(t.server, boardId);
    raw.sendFrame(encodePing());
    expect((await raw.closed).code).toBe(CLOSE_CODES.UNAUTHORIZED);
  });
});

/** A store whose loads take a while: a board opening after a failover, a database restarting. */
class SlowStore extends MemoryStore {
  delayMs = 0;
  override async loadBoard(boardId: string) {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return super.loadBoard(boardId);
  }
}

describe('PING while the board is still opening', () => {
  it('is answered by the connection itself: a slow open is not mistaken for a dead server', async () => {
    const store = new SlowStore();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-ping-'));
    const running = await startServer(configFromEnv({ PORT: '0', DATA_DIR: dataDir }), store);
    const server = { ...running, wsUrl: `${running.url.replace('http', 'ws')}/ws` };
    try {
      const { boardId, facilitatorKey } = await createBoard(server);
      store.delayMs = 3_000;
      const raw = await openRaw(server, boardId);
      raw.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, facilitatorKey }));
      raw.sendFrame(encodePing());
      await waitFor(() => timeAnswers(raw.frames) === 1, 1_000, 'an answer before the welcome');
      // Nothing else yet: the welcome comes once the board is open.
      expect(raw.frames).toHaveLength(1);
      await waitFor(() => raw.frames.length > 1, 5_000, 'the welcome');
      raw.ws.close();
    } finally {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
