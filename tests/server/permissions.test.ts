import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMAND_TYPES } from '../../shared/commands';
import { COMMAND_RULES } from '../../shared/domain/applyCommand';
import { isFacilitator } from '../../shared/domain/permissions';
import { PHASES } from '../../shared/phases';
import { CLOSE_CODES, encodeAuth, MESSAGE_SYNC, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { frame, joinTokenOf, openRaw, seedBoard, type TestClient, useTestServer, waitFor, waitSynced } from './helpers';
import { SAMPLE_COMMANDS } from './sampleCommands';

const t = useTestServer();
const SAMPLES = SAMPLE_COMMANDS;

const FACILITATOR_ONLY = COMMAND_TYPES.filter((type) => COMMAND_RULES[type].isAllowed === isFacilitator);

function docHash(client: TestClient): string {
  return Buffer.from(Y.encodeStateAsUpdate(client.connection.doc)).toString('base64');
}

describe('permission matrix', () => {
  it(`refuses all ${FACILITATOR_ONLY.length} facilitator-only commands from a participant, in every phase, and changes nothing`, async () => {
    expect(FACILITATOR_ONLY.length).toBeGreaterThan(20);
    const { boardId, facilitatorKey } = await seedBoard(t.server, { phase: 'setup', notesPerPrompt: 2 });
    const facilitator = t.connect(boardId, { facilitatorKey });
    const participant = t.connect(boardId);
    await waitSynced(facilitator, participant);
    for (const phase of PHASES) {
      expect((await facilitator.send({ type: 'setPhase', phase, confirm: true })).ok).toBe(true);
      await waitFor(() => participant.board().meta.phase === phase);
      const before = docHash(facilitator);
      const results = await Promise.all(FACILITATOR_ONLY.map((type) => participant.send(SAMPLES[type])));
      expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(FACILITATOR_ONLY.map(() => 'forbidden'));
      expect((await facilitator.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
      expect(docHash(facilitator)).toBe(before);
    }
  });

  it('refuses raw Yjs updates from every role (4403), the facilitator included, leaving the document as it was', async () => {
    const { boardId, facilitatorKey } = await seedBoard(t.server, { phase: 'group', notesPerPrompt: 2 });
    const observer = t.connect(boardId, { facilitatorKey });
    await waitSynced(observer);
    const before = docHash(observer);
    const forged = new Y.Doc();
    forged.getMap('meta').set('phase', 'agreement');
    const update = Y.encodeStateAsUpdate(forged);
    const auths = [
      { facilitatorKey },
      { facilitatorKey, participantSecret: randomToken(16) },
      { participantSecret: randomToken(16), joinToken: joinTokenOf(boardId) },
    ];
    for (const auth of auths) {
      for (const subtype of [1, 2]) {
        const raw = await openRaw(t.server, boardId);
        raw.sendFrame(encodeAuth({ v: PROTOCOL_VERSION, ...auth }));
        await waitFor(() => raw.frames.length > 0);
        raw.sendFrame(
          frame(MESSAGE_SYNC, (e) => {
            encoding.writeVarUint(e, subtype);
            encoding.writeVarUint8Array(e, update);
          }),
        );
        expect((await raw.closed).code).toBe(CLOSE_CODES.FORBIDDEN_WRITE);
      }
    }
    expect((await observer.send({ type: 'focusPrompt', promptId: null })).ok).toBe(true);
    expect(docHash(observer)).toBe(before);
    expect(observer.board().meta.phase).toBe('group');
  });
});
