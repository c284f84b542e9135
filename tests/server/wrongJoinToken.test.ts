import { describe, expect, it } from 'vitest';
import { routeKind } from '../../server/AccordServer';
import { WRONG_JOIN_CODE_BURST_PER_ADDRESS } from '../../server/http/apiLimits';
import { CLOSE_CODES, encodeAuth, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { createBoard, openRaw, useTestServer } from './helpers';

describe('wrong join tokens', () => {
  const t = useTestServer();

  it('are charged to the same budget as wrong join codes, so guessing over the socket gains nothing', async () => {
    const created = await createBoard(t.server);
    for (let i = 0; i < WRONG_JOIN_CODE_BURST_PER_ADDRESS; i++) {
      const socket = await openRaw(t.server, created.boardId);
      socket.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: randomToken(16), joinToken: randomToken(32) }));
      expect((await socket.closed).code).toBe(CLOSE_CODES.JOIN_REQUIRED);
    }
    // The address's budget is spent: even the right code now gets the same 429 as a wrong one.
    const res = await fetch(`${t.server.url}/api/join/${created.joinCode}`);
    expect(res.status).toBe(429);
  });
});

describe('routeKind', () => {
  it.each([
    ['/healthz', 'healthz'],
    ['/api/boards', 'api.boards'],
    ['/api/boards/import', 'api.import'],
    ['/api/boards/abc/export.md', 'api.export'],
    ['/api/boards/abc/checkin.ics', 'api.export'],
    ['/api/join/SECRET-CODE', 'api.join'],
    ['/api/whatever/<script>', 'api.other'],
    ['/b/abc?x=1', 'static'],
  ])('names %s by its kind only (%s)', (url, kind) => {
    expect(routeKind(url)).toBe(kind);
  });
});
