import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashSecret } from '../../server/auth';
import { COMMAND_TYPES } from '../../shared/commands';
import { COMMAND_BURST } from '../../shared/limits';
import { PHASES } from '../../shared/phases';
import {
  CLOSE_CODES,
  type CommandResult,
  decodeJsonBody,
  encodeAuth,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
} from '../../shared/protocol';
import { randomId, randomToken } from '../../shared/random';
import {
  createBoard,
  frame,
  openRaw,
  privateMessages,
  type RawSocket,
  seedBoard,
  type TestClient,
  useTestServer,
  waitFor,
  waitSynced,
} from './helpers';
import { SAMPLE_COMMANDS } from './sampleCommands';

const t = useTestServer();
const SAMPLES = SAMPLE_COMMANDS;

function docHash(client: TestClient): string {
  return Buffer.from(Y.encodeStateAsUpdate(client.connection.doc)).toString('base64');
}

/** The message types of every frame a client received, first byte as lib0 writes small varuints. */
const typesOf = (frames: readonly Buffer[]) => frames.map((f) => f[0]);

/** Opens a raw socket and sends AUTH with the given fields. */
async function rawWith(boardId: string, auth: Record<string, string>): Promise<RawSocket> {
  const raw = await openRaw(t.server, boardId);
  raw.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, ...auth }));
  return raw;
}

/** The results a raw socket received, in order. */
function resultsOf(raw: RawSocket): CommandResult[] {
  return raw.frames
    .filter((f) => f[0] === MESSAGE_RESULT)
    .map((f) => {
      const decoder = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarUint(decoder);
      return decodeJsonBody(decoder) as CommandResult;
    });
}

describe('a read-only connection', () => {
  it('receives the board, its role and no private slice, and nobody’s presence, now or later', async () => {
    const { boardId, facilitatorKey, readerKey } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 3 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    const alice = t.connect(boardId);
    await waitSynced(facilitator, alice);
    facilitator.connection.provider.awareness.setLocalState({ user: { name: 'Fran' }, cursor: { x: 1, y: 2 } });
    alice.connection.provider.awareness.setLocalState({ user: { name: 'Alice Liddell' } });
    await waitFor(() => facilitator.connection.provider.awareness.getStates().size === 2, 5000, 'presence');

    const reader = t.connect(boardId, { readerKey, participantSecret: null });
    await waitSynced(reader);
    expect(reader.board()).toEqual(facilitator.board());
    const messages = privateMessages(reader);
    expect(messages[0]).toMatchObject({ type: 'welcome', role: 'reader', participantId: null });
    expect(messages.some((m) => m.type === 'slice')).toBe(false);

    // Presence changes after the reader joined, and an explicit query, still show it nothing.
    facilitator.connection.provider.awareness.setLocalState({ user: { name: 'Fran' }, cursor: { x: 5, y: 6 } });
    alice.connection.provider.awareness.setLocalState({ user: { name: 'Alice L.' } });
    reader.connection.provider.awareness.setLocalState({ user: { name: 'Curious reader' } });
    const raw = await rawWith(boardId, { readerKey });
    await waitFor(() => raw.frames.length > 0, 5000, 'raw reader welcome');
    raw.sendFrame(frame(MESSAGE_QUERY_AWARENESS));
    expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
    await waitFor(
      () => alice.connection.provider.awareness.getStates().get(facilitator.connection.doc.clientID)?.cursor?.x === 5,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(typesOf(reader.frames)).not.toContain(MESSAGE_AWARENESS);
    expect(typesOf(raw.frames)).not.toContain(MESSAGE_AWARENESS);
    expect(Buffer.concat(reader.frames).includes('Alice')).toBe(false);
    // And the reader is not shown to anyone.
    expect(facilitator.connection.provider.awareness.getStates().has(reader.connection.doc.clientID)).toBe(false);
    expect(alice.connection.provider.awareness.getStates().has(reader.connection.doc.clientID)).toBe(false);
    // It still follows the board live.
    expect((await facilitator.send({ type: 'setCheckIn', date: '2027-03-31' })).ok).toBe(true);
    await waitFor(() => reader.board().meta.checkInDate === '2027-03-31', 5000, 'reader sees the check-in');
  });

  it('is a reader even when it also sends a participant secret: no identity, no slot, no notes', async () => {
    const { boardId, readerKey } = await seedBoard(t.server, { phase: 'reflect' });
    const secret = randomToken(16);
    const reader = t.connect(boardId, { readerKey, participantSecret: secret });
    await waitSynced(reader);
    expect(privateMessages(reader)[0]).toMatchObject({ type: 'welcome', role: 'reader', participantId: null });
    const result = await reader.send({
      type: 'postDraft',
      draftId: 'd1',
      promptId: reader.board().prompts.keys().next().value!,
      text: 'x',
      tag: null,
    });
    expect(result).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it(`refuses every one of the ${COMMAND_TYPES.length} command types as forbidden, in every phase, and changes nothing`, async () => {
    const { boardId, facilitatorKey, readerKey } = await seedBoard(t.server, { phase: 'setup', notesPerPrompt: 2 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    await waitSynced(facilitator);
    let reader = facilitator;
    for (const phase of PHASES) {
      expect((await facilitator.send({ type: 'setPhase', phase, confirm: true })).ok).toBe(true);
      // A fresh reader per phase, so that each phase's commands meet a full burst (COMMAND_BURST).
      reader = t.connect(boardId, { readerKey, participantSecret: null });
      await waitSynced(reader);
      await waitFor(() => reader.board().meta.phase === phase);
      const before = docHash(facilitator);
      const results = await Promise.all(COMMAND_TYPES.map((type) => reader.send(SAMPLES[type])));
      expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(COMMAND_TYPES.map(() => 'forbidden'));
      expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
      expect(docHash(facilitator)).toBe(before);
    }
    // Also on a closed workshop, where reopening is the one thing left to do.
    expect((await facilitator.send({ type: 'setPhase', phase: 'agreement' })).ok).toBe(true);
    expect((await facilitator.send({ type: 'closeWorkshop' })).ok).toBe(true);
    await waitFor(() => reader.board().meta.isClosed);
    expect(await reader.send({ type: 'reopenWorkshop' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await reader.send({ type: 'setCheckIn', date: null })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuses every command sent as raw frames, one result each, and keeps the connection', async () => {
    const { boardId, readerKey } = await seedBoard(t.server, { phase: 'decide' });
    const raw = await rawWith(boardId, { readerKey });
    await waitFor(() => raw.frames.length > 0, 5000, 'welcome');
    // In two halves, a second apart: more command types than one connection's burst (COMMAND_BURST).
    const halves = [COMMAND_TYPES.slice(0, COMMAND_BURST / 2), COMMAND_TYPES.slice(COMMAND_BURST / 2)];
    for (const [i, half] of halves.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const type of half) {
        raw.sendFrame(
          frame(MESSAGE_COMMAND, (e) =>
            encoding.writeVarUint8Array(
              e,
              new TextEncoder().encode(JSON.stringify({ id: `raw-${type}`, command: SAMPLES[type] })),
            ),
          ),
        );
      }
    }
    await waitFor(() => resultsOf(raw).length === COMMAND_TYPES.length, 5000, 'every result');
    expect(resultsOf(raw).map((r) => [r.id, r.ok ? 'ok' : r.error])).toEqual(
      COMMAND_TYPES.map((type) => [`raw-${type}`, 'forbidden']),
    );
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it('is closed with 4403 when it sends a Yjs update or a sync step 2 the server lacks, and the board stays as it was', async () => {
    const { boardId, facilitatorKey, readerKey } = await seedBoard(t.server, { phase: 'agreement', notesPerPrompt: 1 });
    const observer = t.connect(boardId, { facilitatorKey });
    await waitSynced(observer);
    const before = docHash(observer);
    const forged = new Y.Doc();
    forged.getMap('meta').set('isClosed', true);
    forged.getMap('agreements').set('forged', new Y.Map());
    for (const subtype of [1, 2]) {
      const raw = await rawWith(boardId, { readerKey });
      await waitFor(() => raw.frames.length > 0, 5000, 'welcome');
      raw.sendFrame(
        frame(MESSAGE_SYNC, (e) => {
          encoding.writeVarUint(e, subtype);
          encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(forged));
        }),
      );
      expect((await raw.closed).code).toBe(CLOSE_CODES.FORBIDDEN_WRITE);
    }
    expect((await observer.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
    expect(docHash(observer)).toBe(before);
  });

  it.each<[string, (keys: { readerKey: string; facilitatorKey: string; other: string }) => Record<string, string>]>([
    ['no key and no participant secret at all (there is no anonymous reader)', () => ({})],
    ['a wrong read-only key', () => ({ readerKey: randomToken(24) })],
    ['the read-only key of another board', ({ other }) => ({ readerKey: other })],
    ['the facilitator key given as a read-only key', ({ facilitatorKey }) => ({ readerKey: facilitatorKey })],
    ['the read-only key given as a facilitator key', ({ readerKey }) => ({ facilitatorKey: readerKey })],
    ['both a read-only and a facilitator key', ({ readerKey, facilitatorKey }) => ({ readerKey, facilitatorKey })],
  ])('is closed with 4401 for %s', async (_label, auth) => {
    const { boardId, facilitatorKey, readerKey } = await seedBoard(t.server);
    const { readerKey: other } = await seedBoard(t.server);
    const raw = await rawWith(boardId, auth({ readerKey, facilitatorKey, other }));
    expect((await raw.closed).code).toBe(CLOSE_CODES.UNAUTHORIZED);
    expect(typesOf(raw.frames)).not.toContain(MESSAGE_SYNC);
  });

  it('is closed with 4401 on a board that has no read-only key (created before read-only links)', async () => {
    const boardId = randomId();
    const created = await createBoard(t.server);
    const { update } = await (async () => {
      const loaded = await t.server.store.loadBoard(created.boardId);
      return { update: loaded!.updates[0]! };
    })();
    await t.server.store.createBoard(
      { id: boardId, joinCode: 'OLDBRD', facilitatorKeyHash: hashSecret(randomToken(24)), readerKeyHash: null, createdAt: 1 },
      update,
    );
    const raw = await rawWith(boardId, { readerKey: randomToken(24) });
    expect((await raw.closed).code).toBe(CLOSE_CODES.UNAUTHORIZED);
  });
});

describe('export downloads', () => {
  const FILES = ['export.md', 'export.csv', 'export.json'];

  function get(boardId: string, file: string, headers: Record<string, string> = {}, query = ''): Promise<Response> {
    return fetch(`${t.server.url}/api/boards/${boardId}/${file}${query}`, { headers });
  }

  it.each(FILES)('%s is served for the facilitator key and the read-only key', async (file) => {
    const created = await createBoard(t.server);
    for (const key of [created.facilitatorKey, created.readerKey]) {
      const response = await get(created.boardId, file, { authorization: `Bearer ${key}` });
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(0);
    }
  });

  it.each(FILES)('%s is refused (401) with no key, a wrong key, or another board’s key or participant secret', async (file) => {
    const created = await createBoard(t.server);
    const other = await createBoard(t.server);
    const secret = randomToken(16);
    const participant = t.connect(created.boardId, { participantSecret: secret });
    const otherSecret = randomToken(16);
    const otherParticipant = t.connect(other.boardId, { participantSecret: otherSecret });
    await waitSynced(participant, otherParticipant);
    const refused: Record<string, string>[] = [
      {},
      { authorization: '' },
      { authorization: 'Bearer' },
      { authorization: `Bearer ${randomToken(24)}` },
      { authorization: `Bearer ${otherSecret}` },
      { authorization: `Bearer ${other.facilitatorKey}` },
      { authorization: `Bearer ${other.readerKey}` },
      { authorization: `Basic ${Buffer.from(`reader:${created.readerKey}`).toString('base64')}` },
      { authorization: `Bearer ${created.readerKey} ${created.readerKey}` },
      { authorization: `Bearer ${created.readerKey.slice(0, -1)}` },
      { 'x-reader-key': created.readerKey },
      { cookie: `key=${created.readerKey}` },
    ];
    for (const headers of refused) {
      const response = await get(created.boardId, file, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(await response.json()).toMatchObject({
        error: 'unauthorized',
        message: 'Send the facilitator key, the read-only key or your participant secret as a Bearer token.',
      });
    }
    // This board's own participant gets nothing before the workshop is closed (participantExport.test.ts).
    const own = await get(created.boardId, file, { authorization: `Bearer ${secret}` });
    expect(own.status).toBe(403);
    expect((await own.json()).error).toBe(file === 'export.json' ? 'forbidden' : 'not_closed');
  });

  it.each(FILES)('%s never takes a key from the query string', async (file) => {
    const created = await createBoard(t.server);
    for (const key of [created.facilitatorKey, created.readerKey]) {
      for (const name of ['key', 'readerKey', 'facilitatorKey', 'access_token', 'token']) {
        const response = await get(created.boardId, file, {}, `?${name}=${key}`);
        expect(response.status, name).toBe(401);
      }
      // A correct header is still honoured when the query string carries junk.
      expect((await get(created.boardId, file, { authorization: `Bearer ${key}` }, '?key=nonsense')).status).toBe(200);
    }
  });

  it('opens no room for a download, refused or allowed: it reads the board from the store', async () => {
    const created = await createBoard(t.server);
    expect((await get(created.boardId, 'export.md')).status).toBe(401);
    expect(t.server.rooms.openRooms).toBe(0);
    expect((await get(created.boardId, 'export.md', { authorization: `Bearer ${created.readerKey}` })).status).toBe(200);
    expect(t.server.rooms.openRooms).toBe(0);
  });

  it('puts what the open room holds into a download', async () => {
    const created = await createBoard(t.server);
    const facilitator = t.connect(created.boardId, { facilitatorKey: created.facilitatorKey });
    await waitSynced(facilitator);
    expect(await facilitator.send({ type: 'updateBoard', title: 'Our canary agreement' })).toEqual(
      expect.objectContaining({ ok: true }),
    );
    expect(t.server.rooms.openRooms).toBe(1);
    const response = await get(created.boardId, 'export.md', { authorization: `Bearer ${created.readerKey}` });
    expect(await response.text()).toContain('Our canary agreement');
  });
});
