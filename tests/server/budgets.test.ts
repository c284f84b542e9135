import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { AWARENESS_QUERY_BURST, COMMAND_BURST, SYNC_REQUEST_BURST } from '../../shared/limits';
import {
  CLOSE_CODES,
  type CommandResult,
  decodeJsonBody,
  encodeJsonMessage,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
} from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { frame, openAuthenticated, type RawSocket, seedBoard, useTestServer, waitFor, waitSynced } from './helpers';

/**
 * Every message type is charged to a budget that survives reconnects (issue 11, items 1, 2, 15):
 * the attacker is closed with the documented code, and a client on another board carries on.
 */
const t = useTestServer();

/** Sync step 2 frames (the server's answers to step 1) a socket received. */
const answers = (raw: RawSocket) => raw.frames.filter((f) => f[0] === MESSAGE_SYNC && f[1] === 1).length;

/** Resolves with the close code, or null if the socket is still open after `ms`. */
async function closedWithin(raw: RawSocket, ms = 3000): Promise<number | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
  return Promise.race([raw.closed.then((c) => c.code), timeout]);
}

function results(raw: RawSocket): CommandResult[] {
  return raw.frames
    .filter((f) => f[0] === MESSAGE_RESULT)
    .map((f) => {
      const decoder = decoding.createDecoder(new Uint8Array(f));
      decoding.readVarUint(decoder);
      return decodeJsonBody(decoder) as CommandResult;
    });
}

/** A quiet board with a facilitator whose commands must keep working during each attack. */
async function victim() {
  const { boardId, facilitatorKey, promptIds } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 1 });
  const facilitator = t.connect(boardId, { facilitatorKey });
  await waitSynced(facilitator);
  return {
    async stillWorks() {
      expect((await facilitator.send({ type: 'focusPrompt', promptId: promptIds[0]! })).ok).toBe(true);
      expect(facilitator.connection.status).toBe('online');
    },
  };
}

/** Sync step 1 with an empty state vector, spelled in several ways that all decode the same. */
const WHOLE_DOCUMENT_SPELLINGS: Record<string, Uint8Array> = {
  canonical: Uint8Array.of(MESSAGE_SYNC, 0, 1, 0),
  'subtype 0x80 0x00': Uint8Array.of(MESSAGE_SYNC, 0x80, 0x00, 1, 0),
  'type and subtype 0x80 0x00': Uint8Array.of(0x80, 0x00, 0x80, 0x00, 1, 0),
  'state vector naming a client that never wrote': frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Uint8Array.of(1, 0xb9, 0x60, 7));
  }),
};

describe('whole-document requests (item 1)', () => {
  it.each(Object.entries(WHOLE_DOCUMENT_SPELLINGS))(
    'counts every spelling of sync step 1 (%s): SYNC_REQUEST_BURST answers, then 4429',
    async (_name, request) => {
      const quiet = await victim();
      const { boardId } = await seedBoard(t.server, { notesPerPrompt: 50 });
      const raw = await openAuthenticated(t.server, boardId);
      for (let i = 0; i <= SYNC_REQUEST_BURST; i++) raw.sendFrame(request);
      expect(await closedWithin(raw)).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
      expect(answers(raw)).toBe(SYNC_REQUEST_BURST);
      await quiet.stillWorks();
    },
  );
});

describe('presence queries (item 2)', () => {
  it('answers AWARENESS_QUERY_BURST queries, then closes with 4429; other boards carry on', async () => {
    const quiet = await victim();
    const { boardId } = await seedBoard(t.server);
    const raw = await openAuthenticated(t.server, boardId);
    const before = raw.frames.length;
    for (let i = 0; i < 1000; i++) raw.sendFrame(frame(MESSAGE_QUERY_AWARENESS));
    expect(await closedWithin(raw)).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
    expect(raw.frames.slice(before).filter((f) => f[0] === MESSAGE_AWARENESS)).toHaveLength(AWARENESS_QUERY_BURST);
    await quiet.stillWorks();
  });

  it('closes a query with trailing bytes as malformed (4400)', async () => {
    const { boardId } = await seedBoard(t.server);
    const raw = await openAuthenticated(t.server, boardId);
    raw.sendFrame(Uint8Array.of(MESSAGE_QUERY_AWARENESS, 1, 2, 3));
    expect(await closedWithin(raw)).toBe(CLOSE_CODES.BAD_FRAME);
  });
});

describe('budgets across reconnects (item 15)', () => {
  it('grants no fresh burst of sync requests to the same person reconnecting', async () => {
    const { boardId } = await seedBoard(t.server, { notesPerPrompt: 5 });
    const participantSecret = randomToken(16);
    const first = await openAuthenticated(t.server, boardId, { participantSecret });
    for (let i = 0; i < SYNC_REQUEST_BURST; i++) first.sendFrame(WHOLE_DOCUMENT_SPELLINGS.canonical!);
    await waitFor(() => answers(first) === SYNC_REQUEST_BURST, 5000, 'answers');
    first.ws.close();
    await first.closed;
    const again = await openAuthenticated(t.server, boardId, { participantSecret });
    again.sendFrame(WHOLE_DOCUMENT_SPELLINGS.canonical!);
    expect(await closedWithin(again)).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
    // Someone else on the same board has their own budget.
    const other = await openAuthenticated(t.server, boardId);
    other.sendFrame(WHOLE_DOCUMENT_SPELLINGS.canonical!);
    await waitFor(() => answers(other) === 1, 5000, "another person's answer");
  });

  it('grants no fresh burst of commands to the same person reconnecting', async () => {
    const { boardId } = await seedBoard(t.server);
    const participantSecret = randomToken(16);
    const command = (i: number) => encodeJsonMessage(MESSAGE_COMMAND, { id: `c${i}`, command: { type: 'nope' } });
    const first = await openAuthenticated(t.server, boardId, { participantSecret });
    for (let i = 0; i < COMMAND_BURST; i++) first.sendFrame(command(i));
    await waitFor(() => results(first).length === COMMAND_BURST, 5000, 'results');
    expect(results(first).every((r) => !r.ok && r.error === 'invalid_command')).toBe(true);
    first.ws.close();
    await first.closed;
    // The bucket refills at COMMANDS_PER_SECOND while we reconnect: 20 more outrun it unless the reconnect takes a second.
    const again = await openAuthenticated(t.server, boardId, { participantSecret });
    for (let i = 0; i < 20; i++) again.sendFrame(command(100 + i));
    await waitFor(() => results(again).length === 20, 5000, 'results');
    expect(results(again).filter((r) => !r.ok && r.error === 'rate_limited').length).toBeGreaterThan(0);
  });

  it('bounds everyone behind one address: MAX_CONNECTIONS_PER_ADDRESS people’s budgets (2 here)', async () => {
    await t.restart({ MAX_CONNECTIONS_PER_ADDRESS: '2' });
    const { boardId } = await seedBoard(t.server, { notesPerPrompt: 5 });
    // Two people use up the address's sync requests; a third, new person from the address gets none.
    for (let person = 0; person < 2; person++) {
      const raw = await openAuthenticated(t.server, boardId);
      for (let i = 0; i < SYNC_REQUEST_BURST; i++) raw.sendFrame(WHOLE_DOCUMENT_SPELLINGS.canonical!);
      await waitFor(() => answers(raw) === SYNC_REQUEST_BURST, 5000, 'answers');
      raw.ws.close();
      await raw.closed;
    }
    const third = await openAuthenticated(t.server, boardId);
    third.sendFrame(WHOLE_DOCUMENT_SPELLINGS.canonical!);
    expect(await closedWithin(third)).toBe(CLOSE_CODES.TOO_MANY_COMMANDS);
  });
});
