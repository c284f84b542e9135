import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../server/log';
import { SYNC_REQUEST_BURST } from '../../shared/limits';
import { CLOSE_CODES, encodeAuth, MESSAGE_SYNC, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { frame, joinTokenOf, openRaw, seedBoard, useTestServer, waitFor, waitSynced } from './helpers';

const MAX_BUFFERED = 256 * 1024;
const t = useTestServer({ MAX_BUFFERED_BYTES: String(MAX_BUFFERED) });
const lines: string[] = [];
beforeAll(() => setLogSink((line) => lines.push(line), 'warn'));
afterAll(() => setLogSink(() => {}, 'silent'));

/** Sync step 1 with an empty state vector: "send me the whole document". */
const wholeDocumentPlease = frame(MESSAGE_SYNC, (e) => {
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Uint8Array.of(0));
});

describe('a client that never reads', () => {
  it(`is disconnected once more than MAX_BUFFERED_BYTES wait for it, and the room carries on`, async () => {
    // About 1.4 MB of notes: a few whole-document answers overflow any socket buffer.
    const { boardId, facilitatorKey, promptIds } = await seedBoard(t.server, {
      phase: 'group',
      notesPerPrompt: 400,
      noteChars: 500,
    });
    const facilitator = t.connect(boardId, { facilitatorKey });
    await waitSynced(facilitator);
    // Without permessage-deflate: the server shares one compressed copy, so a client that offers it
    // gets a small fraction of these bytes.
    const slow = await openRaw(t.server, boardId, {}, { perMessageDeflate: false });
    // Stop reading: the kernel buffers fill, then the server's queue grows.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    slow.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
    for (let i = 0; i < SYNC_REQUEST_BURST; i++) slow.sendFrame(wholeDocumentPlease);
    // It never reads again, so it cannot even read the close frame: the server cuts it off, logs
    // why, and frees its queue. (Seen from the server: the paused client notices nothing.)
    const connections = async () =>
      ((await (await fetch(`${t.server.url}/healthz`)).json()) as { connections: number }).connections;
    const isCutOff = () => lines.some((line) => line.includes('"event":"ws.slow_consumer"'));
    const deadline = Date.now() + 15_000;
    while (!isCutOff() && Date.now() < deadline) {
      await facilitator.send({ type: 'focusPrompt', promptId: promptIds[Math.floor(Math.random() * promptIds.length)]! });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(isCutOff()).toBe(true);
    const until = Date.now() + 5000;
    while ((await connections()) !== 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await connections()).toBe(1);
    expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
    expect(facilitator.connection.status).toBe('online');
  }, 30_000);

  it('lets a slow client receive a document bigger than MAX_BUFFERED_BYTES (item 16): the cap is the margin beyond the largest frame sent', async () => {
    // About 3.5 MB of notes, more than ten times the margin configured here.
    const { boardId, facilitatorKey, promptIds } = await seedBoard(t.server, {
      phase: 'group',
      notesPerPrompt: 1000,
      noteChars: 500,
    });
    const facilitator = t.connect(boardId, { facilitatorKey });
    await waitSynced(facilitator);
    const logged = lines.length;
    const slow = await openRaw(t.server, boardId, {}, { perMessageDeflate: false });
    const socket = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    slow.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
    slow.sendFrame(wholeDocumentPlease);
    // While the document waits in the server's queue, the room moves on: small updates pile up behind it.
    const sent = 30;
    for (let i = 0; i < sent; i++) {
      expect((await facilitator.send({ type: 'focusPrompt', promptId: promptIds[i % promptIds.length]! })).ok).toBe(true);
    }
    socket.resume();
    const updates = () => slow.frames.filter((f) => f[0] === MESSAGE_SYNC && f[1] === 2).length;
    await waitFor(() => updates() === sent, 15_000, 'the slow client to catch up');
    expect(slow.frames.some((f) => f[0] === MESSAGE_SYNC && f[1] === 1 && f.length > MAX_BUFFERED)).toBe(true);
    expect(slow.ws.readyState).toBe(slow.ws.OPEN);
    expect(lines.slice(logged).some((line) => line.includes('"event":"ws.slow_consumer"'))).toBe(false);
    slow.ws.close();
  }, 30_000);

  it(`refuses more than SYNC_REQUEST_BURST whole-document requests in a row (4429)`, async () => {
    const { boardId } = await seedBoard(t.server, { notesPerPrompt: 1 });
    const raw = await openRaw(t.server, boardId);
    raw.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) }));
    await waitFor(() => raw.frames.length > 0);
    for (let i = 0; i <= SYNC_REQUEST_BURST; i++) raw.sendFrame(wholeDocumentPlease);
    expect((await raw.closed).code).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
  });
});
