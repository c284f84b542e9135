import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_KINDS } from '../../server/badInput';
import { setLogSink } from '../../server/log';
import { sortedPrompts } from '../../shared/domain/state';
import { encodeJsonMessage, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_COMMAND, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import {
  connectClient,
  createBoard,
  frame,
  openAuthenticated,
  openRaw,
  startTestServer,
  type TestServer,
  waitSynced,
} from './helpers';

const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  setLogSink((line) => lines.push(line), 'debug');
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  setLogSink(() => {}, 'silent');
});

describe('server log', () => {
  it('records events but never note text, display names, secrets or keys', async () => {
    const created = await createBoard(server);
    const facilitator = connectClient(server, created.boardId, { facilitatorKey: created.facilitatorKey });
    const alice = connectClient(server, created.boardId);
    await waitSynced(facilitator, alice);
    alice.connection.provider.awareness.setLocalState({ user: { name: 'Alice Displayname' } });
    const promptId = sortedPrompts(facilitator.board())[0]!.id;
    await facilitator.send({ type: 'setPhase', phase: 'reflect' });
    await alice.send({ type: 'postDraft', draftId: 'd1', promptId, text: 'LoggedTextCanary', tag: null });
    const bad = await openAuthenticated(server, created.boardId);
    bad.sendFrame(encodeJsonMessage(MESSAGE_COMMAND, { id: 'x', command: { type: 'postDraft', text: 'BadInputCanary' } }));
    bad.sendFrame(Buffer.from('TextFrameCanary'));
    await bad.closed;
    facilitator.close();
    alice.close();
    const log = lines.join('\n');
    expect(log).toContain('board.created');
    expect(log).toContain('ws.bad_frame');
    for (const secret of [
      'LoggedTextCanary',
      'BadInputCanary',
      'TextFrameCanary',
      'Alice Displayname',
      created.facilitatorKey,
      alice.secret!,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});

/** A frame whose body is `text` as it is, valid JSON or not. */
const raw = (type: number, text: string) => frame(type, (e) => encoding.writeVarUint8Array(e, Buffer.from(text, 'utf8')));

describe('malformed input in the log (issue 11, item 10)', () => {
  it('logs the kind of a malformed AUTH, command or awareness update, never a byte of it', async () => {
    const created = await createBoard(server);
    const from = lines.length;
    // V8's JSON.parse errors quote about ten characters around the bad token; an unknown AUTH
    // field's path is the client's own key. Each canary sits where those messages would show it.
    const badAuths = [
      raw(MESSAGE_AUTH, '{"v":1,"participantSecret":QzCanaryAuthJson}'),
      raw(MESSAGE_AUTH, `{"v":${PROTOCOL_VERSION},"participantSecret":"${randomToken(16)}","QzCanaryField":1}`),
      raw(MESSAGE_AUTH, 'QzCanaryStart'),
      raw(MESSAGE_COMMAND, '{"QzCanaryNotAuth":1}'),
    ];
    for (const bytes of badAuths) {
      const socket = await openRaw(server, created.boardId);
      socket.sendFrame(bytes);
      await socket.closed;
    }
    const badFrames = [
      raw(MESSAGE_COMMAND, '{"id":"x","command":QzCanaryCommand}'),
      raw(MESSAGE_COMMAND, 'QzCanaryBare'),
      frame(MESSAGE_AWARENESS, (e) => {
        const update = encoding.createEncoder();
        encoding.writeVarUint(update, 1);
        encoding.writeVarUint(update, 7);
        encoding.writeVarUint(update, 1);
        encoding.writeVarString(update, '{"user":QzCanaryAwareness}');
        encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
      }),
    ];
    for (const bytes of badFrames) {
      const socket = await openAuthenticated(server, created.boardId);
      socket.sendFrame(bytes);
      await socket.closed;
    }
    const logged = lines.slice(from);
    expect(logged.join('\n')).not.toContain('Canary');
    // Structurally: these events carry the board id and a kind from the fixed vocabulary, nothing else.
    const refusals = logged
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((e) => /^ws\.bad_/.test(e.event as string));
    expect(refusals.map((e) => e.event)).toEqual([...badAuths.map(() => 'ws.bad_auth'), ...badFrames.map(() => 'ws.bad_frame')]);
    for (const event of refusals) {
      expect(Object.keys(event).sort()).toEqual(['boardId', 'event', 'kind', 'level', 't']);
      expect(BAD_INPUT_KINDS).toContain(event.kind);
    }
    expect(refusals.map((e) => e.kind)).toEqual([
      'invalid_json',
      'invalid_auth',
      'invalid_json',
      'not_auth',
      'invalid_json',
      'invalid_json',
      'invalid_awareness',
    ]);
  });

  it('logs a broken WebSocket frame by the code of its error, not by the message that names its bytes', async () => {
    const created = await createBoard(server);
    const from = lines.length;
    const socket = await openAuthenticated(server, created.boardId);
    // FIN, opcode 3 (reserved), masked, empty: `ws` fails with "invalid opcode 3".
    (socket.ws as unknown as { _socket: { write(bytes: Buffer): void } })._socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0]));
    await socket.closed;
    const errors = lines
      .slice(from)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((e) => e.event === 'ws.error');
    expect(errors).toHaveLength(1);
    expect(Object.keys(errors[0]!).sort()).toEqual(['boardId', 'event', 'kind', 'level', 't']);
    expect(errors[0]!.kind).toBe('WS_ERR_INVALID_OPCODE');
  });
});
