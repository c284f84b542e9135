import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../server/log';
import { sortedPrompts } from '../../shared/domain/state';
import { encodeJsonMessage, MESSAGE_COMMAND } from '../../shared/protocol';
import { connectClient, createBoard, openAuthenticated, startTestServer, type TestServer, waitSynced } from './helpers';

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
