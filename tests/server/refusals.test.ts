import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sortedPrompts } from '../../shared/domain/state';
import {
  COMMAND_BURST,
  MAX_CLIENT_FRAME_BYTES,
  MAX_NOTE_CHARS,
  MAX_NOTES_PER_PERSON_PER_PROMPT,
  MAX_REFUSED_COMMANDS_PER_WINDOW,
} from '../../shared/limits';
import {
  CLOSE_CODES,
  type CommandResult,
  decodeJsonBody,
  encodeAuth,
  encodeCommand,
  encodeJsonMessage,
  MESSAGE_AUTH,
  MESSAGE_COMMAND,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
} from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { createBoard, frame, joinTokenOf, openAuthenticated, openRaw, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

function results(frames: readonly Buffer[]): CommandResult[] {
  return frames
    .filter((f) => f[0] === MESSAGE_RESULT)
    .map((f) => {
      const decoder = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarUint(decoder);
      return decodeJsonBody(decoder) as CommandResult;
    });
}

async function facilitated() {
  const created = await createBoard(t.server);
  const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
  await waitSynced(facilitator);
  return { created, facilitator, prompts: sortedPrompts(facilitator.board()) };
}

describe('connection refusals', () => {
  it('closes with 4404 for an unknown board, 4401 for a wrong facilitator key or a first frame that is not AUTH', async () => {
    const { created } = await facilitated();
    const unknown = await openRaw(t.server, 'no-such-board');
    unknown.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16) }));
    expect((await unknown.closed).code).toBe(CLOSE_CODES.BOARD_NOT_FOUND);

    const wrongKey = await openRaw(t.server, created.boardId);
    wrongKey.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, facilitatorKey: randomToken(24) }));
    expect((await wrongKey.closed).code).toBe(CLOSE_CODES.UNAUTHORIZED);

    const noAuth = await openRaw(t.server, created.boardId);
    noAuth.sendFrame(frame(MESSAGE_SYNC, (e) => encoding.writeVarUint(e, 0)));
    expect((await noAuth.closed).code).toBe(CLOSE_CODES.UNAUTHORIZED);

    const shortSecret = await openRaw(t.server, created.boardId);
    shortSecret.sendFrame(encodeJsonMessage(MESSAGE_AUTH, { v: PROTOCOL_VERSION, participantSecret: 'short' }));
    expect((await shortSecret.closed).code).toBe(CLOSE_CODES.UNAUTHORIZED);

    const oldClient = await openRaw(t.server, created.boardId);
    oldClient.sendFrame(encodeAuth({ v: 999, participantSecret: randomToken(16) }));
    expect((await oldClient.closed).code).toBe(CLOSE_CODES.UNSUPPORTED_VERSION);
  });

  it('refuses a text frame and an unknown message type with 4400, and a frame over the limit with 1009', async () => {
    const { created } = await facilitated();
    const text = await openAuthenticated(t.server, created.boardId);
    text.sendFrame('hello');
    expect((await text.closed).code).toBe(CLOSE_CODES.BAD_FRAME);

    const unknownType = await openAuthenticated(t.server, created.boardId);
    unknownType.sendFrame(frame(99));
    expect((await unknownType.closed).code).toBe(CLOSE_CODES.BAD_FRAME);

    const big = await openAuthenticated(t.server, created.boardId);
    big.sendFrame(new Uint8Array(MAX_CLIENT_FRAME_BYTES + 1));
    expect((await big.closed).code).toBe(1009);
  });

  it('refuses a raw Yjs update from a participant with 4403 and changes nothing', async () => {
    const { created, facilitator } = await facilitated();
    const before = Y.encodeStateAsUpdate(facilitator.connection.doc);
    const forger = new Y.Doc();
    forger.getMap('meta').set('phase', 'agreement');
    const raw = await openAuthenticated(t.server, created.boardId);
    raw.sendFrame(
      frame(MESSAGE_SYNC, (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(forger));
      }),
    );
    expect((await raw.closed).code).toBe(CLOSE_CODES.FORBIDDEN_WRITE);
    await facilitator.send({ type: 'focusPrompt', promptId: null });
    expect(facilitator.board().meta.phase).toBe('setup');
    expect(Buffer.from(Y.encodeStateAsUpdate(facilitator.connection.doc)).equals(Buffer.from(before))).toBe(true);
  });

  it(`admits at most MAX_PARTICIPANTS_PER_BOARD people (configured to 3 here), and returning people always`, async () => {
    await t.restart({ MAX_PARTICIPANTS_PER_BOARD: '3' });
    const { created } = await facilitated();
    // The facilitator's own participant secret counts as one.
    const secrets = [randomToken(16), randomToken(16)];
    for (const secret of secrets) {
      const raw = await openAuthenticated(t.server, created.boardId, { participantSecret: secret });
      raw.ws.close();
    }
    const extra = await openRaw(t.server, created.boardId);
    extra.sendFrame(
      encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: joinTokenOf(created.boardId) }),
    );
    expect((await extra.closed).code).toBe(CLOSE_CODES.BOARD_FULL);
    const again = await openAuthenticated(t.server, created.boardId, { participantSecret: secrets[0] });
    expect(again.ws.readyState).toBe(again.ws.OPEN);
    again.ws.close();
  });

  it('caps connections per address (configured to 12 here) with 4431', async () => {
    await t.restart({ MAX_CONNECTIONS_PER_ADDRESS: '12' });
    const { created } = await facilitated();
    const sockets = [];
    for (let i = 0; i < 11; i++) sockets.push(await openRaw(t.server, created.boardId));
    const refused = await openRaw(t.server, created.boardId);
    expect((await refused.closed).code).toBe(CLOSE_CODES.TOO_MANY_CONNECTIONS);
    for (const socket of sockets) socket.ws.close();
  });
});

describe('command refusals', () => {
  it('answers invalid commands with invalid_command and enforces note length and notes per person', async () => {
    const { created, facilitator, prompts } = await facilitated();
    await facilitator.send({ type: 'setPhase', phase: 'reflect' });
    const alice = t.connect(created.boardId);
    await waitSynced(alice);
    const promptId = prompts[0]!.id;
    const tooLong = await alice.send({
      type: 'postDraft',
      draftId: 'x',
      promptId,
      text: 'a'.repeat(MAX_NOTE_CHARS + 1),
      tag: null,
    });
    expect(tooLong).toMatchObject({ ok: false, error: 'invalid_command' });
    const extraField = await alice.send({
      type: 'postDraft',
      draftId: 'x',
      promptId,
      text: 'ok',
      tag: null,
      author: 'me',
    } as never);
    expect(extraField).toMatchObject({ ok: false, error: 'invalid_command' });
    const participantReveal = await alice.send({ type: 'reveal', promptId: null });
    expect(participantReveal).toMatchObject({ ok: false, error: 'forbidden' });
    for (let i = 0; i < MAX_NOTES_PER_PERSON_PER_PROMPT; i++) {
      expect((await alice.send({ type: 'postDraft', draftId: `n${i}`, promptId, text: `n${i}`, tag: null })).ok).toBe(true);
    }
    const over = await alice.send({ type: 'postDraft', draftId: 'over', promptId, text: 'one too many', tag: null });
    expect(over).toMatchObject({ ok: false, error: 'limit_reached' });
  });

  it('rate-limits a flooding connection, then disconnects it with 4429, while others carry on', async () => {
    const { created, facilitator } = await facilitated();
    const flood = await openAuthenticated(t.server, created.boardId);
    const total = MAX_REFUSED_COMMANDS_PER_WINDOW + COMMAND_BURST + 20;
    for (let i = 0; i < total; i++) {
      flood.sendFrame(encodeCommand({ id: `f${i}`, command: { type: 'focusPrompt', promptId: null } }));
    }
    expect((await flood.closed).code).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
    const answered = results(flood.frames);
    expect(answered.filter((r) => !r.ok && r.error === 'rate_limited').length).toBeGreaterThan(0);
    expect(answered.filter((r) => r.ok).length).toBeLessThanOrEqual(COMMAND_BURST + 5);
    expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
  });

  it('throttles a client sending 1,000 commands/s and then disconnects it, while another client’s commands stay quick', async () => {
    const { created, facilitator } = await facilitated();
    const flood = await openAuthenticated(t.server, created.boardId);
    let isClosed = false;
    void flood.closed.then(() => {
      isClosed = true;
    });
    // 10 commands every 10 ms ≈ 1,000/s, for at most 5 s.
    let sent = 0;
    const ticker = setInterval(() => {
      for (let i = 0; i < 10 && !isClosed; i++) {
        flood.sendFrame(encodeCommand({ id: `s${sent++}`, command: { type: 'focusPrompt', promptId: null } }));
      }
    }, 10);
    const latencies: number[] = [];
    const deadline = Date.now() + 5000;
    while (!isClosed && Date.now() < deadline) {
      const started = performance.now();
      expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    clearInterval(ticker);
    expect((await flood.closed).code).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
    const refused = results(flood.frames).filter((r) => !r.ok && r.error === 'rate_limited');
    expect(refused.length).toBeGreaterThan(100);
    expect(refused[0]).toMatchObject({ message: expect.stringMatching(/too many/i) });
    latencies.sort((a, b) => a - b);
    // Generous on a shared two-core machine; a starved event loop would take seconds.
    expect(latencies[Math.floor(latencies.length * 0.95)]).toBeLessThan(500);
  });

  it('survives garbage commands: bad JSON, invalid UTF-8, wrong shapes', async () => {
    const { created, facilitator } = await facilitated();
    const bad = [
      frame(MESSAGE_COMMAND, (e) => encoding.writeVarUint8Array(e, Buffer.from('{not json'))),
      frame(MESSAGE_COMMAND, (e) => encoding.writeVarUint8Array(e, Uint8Array.of(0xff, 0xfe, 0x7b))),
      frame(MESSAGE_COMMAND, (e) => encoding.writeVarUint(e, 0xffffffff)),
    ];
    for (const bytes of bad) {
      const raw = await openAuthenticated(t.server, created.boardId);
      raw.sendFrame(bytes);
      expect((await raw.closed).code).toBe(CLOSE_CODES.BAD_FRAME);
    }
    const shapes = await openAuthenticated(t.server, created.boardId);
    shapes.sendFrame(encodeJsonMessage(MESSAGE_COMMAND, { id: 'a', command: { type: 'nope' } }));
    shapes.sendFrame(encodeJsonMessage(MESSAGE_COMMAND, { id: 'b' }));
    shapes.sendFrame(encodeJsonMessage(MESSAGE_COMMAND, [1, 2, 3]));
    await waitFor(() => results(shapes.frames).length === 3);
    expect(results(shapes.frames).map((r) => (r.ok ? 'ok' : r.error))).toEqual([
      'invalid_command',
      'invalid_command',
      'invalid_command',
    ]);
    expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
  });
});
