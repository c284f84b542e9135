import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMAND_TYPES, type CommandOf, type CommandType } from '../../shared/commands';
import { COMMAND_RULES } from '../../shared/domain/applyCommand';
import { isFacilitator } from '../../shared/domain/permissions';
import { PHASES } from '../../shared/phases';
import { CLOSE_CODES, encodeAuth, MESSAGE_SYNC, PROTOCOL_VERSION } from '../../shared/protocol';
import { randomToken } from '../../shared/random';
import { frame, openRaw, seedBoard, type TestClient, useTestServer, waitFor, waitSynced } from './helpers';

const t = useTestServer();

/** A well-formed command of every type (ids need not exist: permission is checked before anything else). */
const SAMPLES: { [T in CommandType]: CommandOf<T> } = {
  updateBoard: { type: 'updateBoard', title: 'Taken over' },
  updateSettings: { type: 'updateSettings', showRoster: false },
  addPrompt: { type: 'addPrompt', promptId: 'px', text: 'Injected?', kind: 'align', beforePromptId: null },
  updatePrompt: { type: 'updatePrompt', promptId: 'px', text: 'Changed?' },
  removePrompt: { type: 'removePrompt', promptId: 'px' },
  movePrompt: { type: 'movePrompt', promptId: 'px', beforePromptId: null },
  setPhase: { type: 'setPhase', phase: 'agreement', confirm: true },
  focusPrompt: { type: 'focusPrompt', promptId: null },
  reveal: { type: 'reveal', promptId: null },
  releaseHeld: { type: 'releaseHeld', promptId: 'px' },
  postDraft: { type: 'postDraft', draftId: 'd', promptId: 'px', text: 'x', tag: null },
  editDraft: { type: 'editDraft', draftId: 'd', text: 'y' },
  deleteDraft: { type: 'deleteDraft', draftId: 'd' },
  createTheme: { type: 'createTheme', themeId: 'tx', promptId: 'px', name: 'T', noteIds: [], beforeThemeId: null },
  renameTheme: { type: 'renameTheme', themeId: 'tx', name: 'T2' },
  deleteTheme: { type: 'deleteTheme', themeId: 'tx' },
  moveNotes: { type: 'moveNotes', noteIds: ['nx'], themeId: null, beforeNoteId: null },
  mergeThemes: { type: 'mergeThemes', sourceThemeId: 'tx', targetThemeId: 'ty' },
  moveTheme: { type: 'moveTheme', themeId: 'tx', beforeThemeId: null },
  startTimer: { type: 'startTimer', durationMs: 60_000 },
  addTime: { type: 'addTime', ms: 60_000 },
  stopTimer: { type: 'stopTimer' },
  openVoteRound: {
    type: 'openVoteRound',
    roundId: 'r',
    label: 'R',
    dotsPerPerson: 5,
    maxPerItem: 3,
    facilitatorVotes: true,
    itemIds: null,
  },
  closeVoteRound: { type: 'closeVoteRound', roundId: 'r' },
  placeDot: { type: 'placeDot', roundId: 'r', itemId: 'nx' },
  removeDot: { type: 'removeDot', roundId: 'r', itemId: 'nx' },
  openProposal: {
    type: 'openProposal',
    proposalId: 'p',
    promptId: 'px',
    themeId: null,
    statement: 'S',
    rule: 'consent',
    quorumPercent: 0,
    thresholdPercent: 50,
    previousProposalId: null,
  },
  respond: { type: 'respond', proposalId: 'p', response: 'agree', reason: null },
  closeProposal: { type: 'closeProposal', proposalId: 'p' },
  unlockAgreement: { type: 'unlockAgreement', agreementId: 'a', reason: 'R' },
  setSmartie: { type: 'setSmartie', agreementId: 'a', smartie: null },
  closeWorkshop: { type: 'closeWorkshop' },
  reopenWorkshop: { type: 'reopenWorkshop' },
  setCheckIn: { type: 'setCheckIn', date: '2027-03-31' },
};

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
      { participantSecret: randomToken(16) },
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
