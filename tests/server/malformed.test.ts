import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_AWARENESS_STATE_BYTES } from '../../shared/limits';
import {
  CLOSE_CODES,
  encodeAuth,
  encodeJsonMessage,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
} from '../../shared/protocol';
import { randomToken, seededRandom } from '../../shared/random';
import {
  frame,
  joinTokenOf,
  openRaw,
  type RawSocket,
  seedBoard,
  type TestClient,
  useTestServer,
  waitFor,
  waitSynced,
} from './helpers';

/** Frames of each kind per run; every one is a fresh connection for the kinds that close it. */
const FRAMES_PER_KIND = 200;

const t = useTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '1000' });

function bytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** A real update a facilitator's edit would produce, from another document. */
function foreignUpdate(random: () => number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', `forged ${Math.floor(random() * 1e6)}`);
  doc.getMap('notes').set('forged', new Y.Map());
  return Y.encodeStateAsUpdate(doc);
}

type Kind = {
  readonly name: string;
  readonly make: (random: () => number) => Uint8Array | string;
  /** Close codes the documentation promises for this kind. */
  readonly closes: readonly number[];
};

const sync = (subtype: number, payload: Uint8Array) =>
  frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, subtype);
    encoding.writeVarUint8Array(e, payload);
  });

const KINDS: readonly Kind[] = [
  { name: 'truncated varint', make: (r) => Uint8Array.of(0x80 | Math.floor(r() * 127), 0x80), closes: [CLOSE_CODES.BAD_FRAME] },
  {
    name: 'length 0xFFFFFFFF',
    make: (r) =>
      frame([MESSAGE_COMMAND, MESSAGE_AWARENESS, MESSAGE_SYNC][Math.floor(r() * 3)] as number, (e) =>
        encoding.writeVarUint(e, 0xffffffff),
      ),
    closes: [CLOSE_CODES.BAD_FRAME],
  },
  {
    name: 'unknown message type',
    make: (r) => frame(20 + Math.floor(r() * 200), (e) => encoding.writeUint8Array(e, bytes(r, 8))),
    closes: [CLOSE_CODES.BAD_FRAME],
  },
  // Random bytes may happen to decode as an update with structs: then it is a write (4403), else malformed (4400).
  {
    name: 'garbage sync step 2',
    make: (r) => sync(1, bytes(r, 1 + Math.floor(r() * 64))),
    closes: [CLOSE_CODES.BAD_FRAME, CLOSE_CODES.FORBIDDEN_WRITE],
  },
  {
    name: 'bit-flipped valid update',
    make: (r) => {
      const update = foreignUpdate(r);
      const i = Math.floor(r() * update.length);
      update[i] = (update[i] as number) ^ (1 << Math.floor(r() * 8));
      return sync(2, update);
    },
    closes: [CLOSE_CODES.BAD_FRAME, CLOSE_CODES.FORBIDDEN_WRITE],
  },
  { name: 'empty frame', make: () => new Uint8Array(0), closes: [CLOSE_CODES.BAD_FRAME] },
  { name: 'text frame', make: (r) => `{"id":"${Math.floor(r() * 1e9)}"}`, closes: [CLOSE_CODES.BAD_FRAME] },
  {
    name: 'invalid UTF-8 in a command',
    make: (r) =>
      frame(MESSAGE_COMMAND, (e) =>
        encoding.writeVarUint8Array(e, Uint8Array.of(0x7b, 0x22, 0xc3, 0x28 + Math.floor(r() * 8), 0x22, 0x7d)),
      ),
    closes: [CLOSE_CODES.BAD_FRAME],
  },
  {
    name: 'oversized awareness',
    make: (r) =>
      frame(MESSAGE_AWARENESS, (e) => {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, 1 + Math.floor(r() * 1e6));
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, JSON.stringify({ user: { name: 'x'.repeat(MAX_AWARENESS_STATE_BYTES + 1) } }));
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      }),
    closes: [CLOSE_CODES.BAD_FRAME],
  },
  { name: 'wrong document', make: (r) => sync(1, foreignUpdate(r)), closes: [CLOSE_CODES.FORBIDDEN_WRITE] },
];

/** Kinds that a well-formed connection answers with a refusal and stays open. */
const REFUSED: readonly { name: string; make: (random: () => number, i: number) => Uint8Array }[] = [
  {
    name: 'command of unknown type',
    make: (r, i) => encodeJsonMessage(MESSAGE_COMMAND, { id: `u${i}`, command: { type: `nope${Math.floor(r() * 100)}` } }),
  },
  {
    name: 'command with extra or missing fields',
    make: (r, i) =>
      encodeJsonMessage(
        MESSAGE_COMMAND,
        r() < 0.5
          ? { id: `x${i}`, command: { type: 'focusPrompt', promptId: null, extra: 1 } }
          : { id: `m${i}`, command: { type: 'postDraft', text: 'missing fields' } },
      ),
  },
];

async function authenticated(boardId: string, secret: string): Promise<RawSocket> {
  const raw = await openRaw(t.server, boardId);
  const welcomed = new Promise((resolve) => raw.ws.once('message', resolve));
  raw.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, participantSecret: secret, joinToken: joinTokenOf(boardId) }));
  await welcomed;
  return raw;
}

function docBytes(client: TestClient): string {
  return Buffer.from(Y.encodeStateAsUpdate(client.connection.doc)).toString('base64');
}

describe('malformed frames', () => {
  it(`closes with the documented code for each of ${KINDS.length} kinds × ${FRAMES_PER_KIND} frames, changes nothing, and honest clients carry on`, async () => {
    const { boardId, facilitatorKey, promptIds } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 3 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    const honest = t.connect(boardId);
    await waitSynced(facilitator, honest);
    const before = docBytes(facilitator);
    const secret = randomToken(16);
    const random = seededRandom(20261123);
    const seen = new Map<string, Map<number, number>>();
    for (const kind of KINDS) {
      const codes = new Map<number, number>();
      for (let i = 0; i < FRAMES_PER_KIND; i++) {
        const raw = await authenticated(boardId, secret);
        raw.sendFrame(kind.make(random));
        const { code } = await raw.closed;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      seen.set(kind.name, codes);
      for (const code of codes.keys()) expect(kind.closes, `${kind.name} closed with ${code}`).toContain(code);
      // Between kinds: an honest command still works for both honest clients.
      expect((await facilitator.send({ type: 'focusPrompt', promptId: promptIds[0]! })).ok).toBe(true);
      expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
    }
    await waitFor(() => docBytes(honest) === docBytes(facilitator), 5000, 'honest clients in step');
    // Only the facilitator's own focus commands touched the document; none of the garbage did.
    const board = facilitator.board();
    expect(board.meta.focusPromptId).toBeNull();
    expect(board.notes.size).toBe(3 * promptIds.length);
    expect(board.notes.has('forged')).toBe(false);
    expect(board.meta.title).not.toMatch(/forged/);
    expect(docBytes(facilitator)).not.toBe(before);
    expect(honest.connection.status).toBe('online');
  }, 120_000);

  it.each(REFUSED)('answers $name with invalid_command and keeps the connection', async ({ make }) => {
    const { boardId, facilitatorKey } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 1 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    await waitSynced(facilitator);
    const before = docBytes(facilitator);
    const random = seededRandom(5);
    let answered = 0;
    for (let round = 0; round < 10; round++) {
      // 20 per connection stays inside the burst allowance; ten connections make 200 frames.
      const raw = await authenticated(boardId, randomToken(16));
      for (let i = 0; i < 20; i++) raw.sendFrame(make(random, round * 20 + i));
      await waitFor(() => raw.frames.filter((f) => f[0] === MESSAGE_RESULT).length === 20, 5000, 'results');
      const results = raw.frames.filter((f) => f[0] === MESSAGE_RESULT).map((f) => f.toString('utf8'));
      for (const result of results) expect(result).toContain('"error":"invalid_command"');
      answered += results.length;
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      raw.ws.close();
    }
    expect(answered).toBe(200);
    expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
    expect(docBytes(facilitator)).toBe(before);
  });

  it('closes with 4401 when the first frame is anything but a valid AUTH', async () => {
    const { boardId } = await seedBoard(t.server);
    const random = seededRandom(9);
    for (let i = 0; i < 50; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const raw = await openRaw(t.server, boardId);
      raw.sendFrame(kind.make(random));
      const { code } = await raw.closed;
      // A text frame is refused before it is read; everything else fails as "not AUTH".
      expect([CLOSE_CODES.UNAUTHORIZED, CLOSE_CODES.BAD_FRAME]).toContain(code);
      expect(raw.frames).toHaveLength(0);
    }
  });
});
