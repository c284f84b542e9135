import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandOf, type CommandType } from '../../shared/commands';
import { applyCommand, isAllowedInPhase } from '../../shared/domain/applyCommand';
import { isDomainError } from '../../shared/domain/errors';
import type { Actor } from '../../shared/domain/state';
import { itemsInForce } from '../../shared/domain/versionCommands';
import { compareVersions } from '../../shared/domain/versionDiff';
import { PHASES } from '../../shared/phases';
import type { AgreementItem } from '../../shared/records/AgreementItem';
import type { VersionItem } from '../../shared/records/VersionRecord';
import {
  ALICE,
  ALL_AGREE,
  BOB,
  closedState,
  contextAt,
  FACILITATOR,
  READER,
  refusal,
  runRound,
  Session,
  testContext,
  withMeta,
} from './helpers';

const DAY_MS = 86_400_000;
/** Monday 11 March 2024, 10:00 UTC: the group agrees its norms. */
const MARCH = 1_710_151_200_000;
/** When the facilitator closes version 1. */
const CLOSED_AT = MARCH + 5 * DAY_MS;
/** Three months later: the group revisits its agreement. */
const JUNE = MARCH + 92 * DAY_MS;

const SMARTIE = { owner: 'Sam', measure: 'No meeting outside 11–1 for a month', deadline: '2024-06-30', equityCheck: '' };

/** The decision record every round of runRound() with ALL_AGREE leaves. */
const AGREED = { rule: 'consent', round: 1, counts: { agree: 2, canLive: 0, block: 0 } } as const;

/**
 * A workshop in the agreement phase with every round closed: prompt1 (align, theme `tTime`
 * "Time") has `pA-agreed` (day 1, in the theme, with SMARTIE fields) and `pC-agreed` (day 2, no
 * theme); prompt3 (align) has `pB-agreed`, decided first (day 0), and `pD-agreed` (day 3), since
 * unlocked.
 */
function agreedWorkshop(): Session {
  const session = new Session(3);
  session.commit({
    doc: [
      { type: 'setMeta', fields: { phase: 'decide' } },
      { type: 'putTheme', theme: { id: 'tTime', promptId: 'prompt1', name: 'Time', order: 'a0' } },
    ],
    private: [],
  });
  const agree = { responses: ALL_AGREE };
  runRound(session, { proposalId: 'pB', promptId: 'prompt3', statement: 'We answer emails within 48 hours.', ...agree }, MARCH);
  runRound(
    session,
    { proposalId: 'pA', promptId: 'prompt1', themeId: 'tTime', statement: 'We meet between 11 and 1.', ...agree },
    MARCH + DAY_MS,
  );
  runRound(
    session,
    { proposalId: 'pC', promptId: 'prompt1', statement: 'We keep Fridays free of meetings.', ...agree },
    MARCH + 2 * DAY_MS,
  );
  runRound(
    session,
    { proposalId: 'pD', promptId: 'prompt3', statement: 'Weekend messages wait until Monday.', ...agree },
    MARCH + 3 * DAY_MS,
  );
  session.run(FACILITATOR, { type: 'setSmartie', agreementId: 'pA-agreed', smartie: SMARTIE });
  session.run(
    FACILITATOR,
    { type: 'unlockAgreement', agreementId: 'pD-agreed', reason: 'Some of us work weekends now.' },
    contextAt(MARCH + 4 * DAY_MS),
  );
  session.run(FACILITATOR, { type: 'setPhase', phase: 'agreement' });
  return session;
}

/** agreedWorkshop() closed as version 1 and reopened in June: the revisit phase of version 2. */
function revisiting(): Session {
  const session = agreedWorkshop();
  session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(CLOSED_AT));
  session.run(FACILITATOR, { type: 'reopenWorkshop' }, contextAt(JUNE - DAY_MS));
  return session;
}

/** The items of version 1 of agreedWorkshop(): prompt1's items by decision time, then prompt3's; pD (unlocked) is out. */
const V1_ITEMS: VersionItem[] = [
  {
    lineageId: 'pA-agreed',
    agreementId: 'pA-agreed',
    promptId: 'prompt1',
    promptText: 'Question 1?',
    themeName: 'Time',
    statement: 'We meet between 11 and 1.',
    ...AGREED,
    decidedAt: MARCH + DAY_MS,
    smartie: SMARTIE,
  },
  {
    lineageId: 'pC-agreed',
    agreementId: 'pC-agreed',
    promptId: 'prompt1',
    promptText: 'Question 1?',
    themeName: null,
    statement: 'We keep Fridays free of meetings.',
    ...AGREED,
    decidedAt: MARCH + 2 * DAY_MS,
    smartie: null,
  },
  {
    lineageId: 'pB-agreed',
    agreementId: 'pB-agreed',
    promptId: 'prompt3',
    promptText: 'Question 3?',
    themeName: null,
    statement: 'We answer emails within 48 hours.',
    ...AGREED,
    decidedAt: MARCH,
    smartie: null,
  },
];

describe('closing the workshop', () => {
  it('records the agreement in force as version 1: locked items in board order, prompt and theme as they read then', () => {
    const session = agreedWorkshop();
    session.commit({
      doc: [{ type: 'setMeta', fields: { timer: { endsAt: CLOSED_AT + 60_000, durationMs: 60_000 } } }],
      private: [],
    });
    session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(CLOSED_AT));
    const { board } = session.state;
    expect([...board.versions.values()]).toEqual([
      { id: 'v1', number: 1, closedAt: CLOSED_AT, title: 'Test board', items: V1_ITEMS },
    ]);
    expect(board.meta).toMatchObject({ version: 1, isClosed: true, timer: null, phase: 'agreement' });
    // The record passes the document's validators: every client reads the same version.
    expect(session.read()).toEqual(board);
  });

  it('keeps a closed version as it was when prompts and themes are renamed later', () => {
    const session = revisiting();
    session.run(FACILITATOR, { type: 'updatePrompt', promptId: 'prompt1', text: 'When do we meet?' });
    session.commit({ doc: [{ type: 'patchTheme', id: 'tTime', fields: { name: 'Meeting hours' } }], private: [] });
    expect(session.state.board.versions.get('v1')?.items).toEqual(V1_ITEMS);
    expect(itemsInForce(session.state.board)[0]).toMatchObject({ promptText: 'When do we meet?', themeName: 'Meeting hours' });
    expect(session.read().versions.get('v1')?.items).toEqual(V1_ITEMS);
  });

  it('places items by the order of their prompts, not by when they were decided', () => {
    const session = agreedWorkshop();
    session.commit({ doc: [{ type: 'patchPrompt', id: 'prompt3', fields: { order: 'Zz' } }], private: [] });
    expect(itemsInForce(session.state.board).map((i) => i.agreementId)).toEqual(['pB-agreed', 'pA-agreed', 'pC-agreed']);
  });

  it.each([
    [
      'a vote round',
      {
        type: 'putVoteRound',
        round: {
          id: 'vote1',
          label: 'Round 1',
          status: 'open',
          dotsPerPerson: 3,
          maxPerItem: 2,
          facilitatorVotes: false,
          itemIds: null,
          voterCount: 0,
          openedAt: MARCH,
          closedAt: null,
          tallies: null,
        },
      },
    ],
    [
      'a consensus round',
      {
        type: 'putProposal',
        proposal: {
          id: 'pOpen',
          promptId: 'prompt1',
          themeId: null,
          statement: 'We start at 9.',
          rule: 'consent',
          quorumPercent: 0,
          thresholdPercent: 50,
          round: 1,
          previousProposalId: null,
          status: 'open',
          respondentCount: 0,
          openedAt: MARCH,
          closedAt: null,
          outcome: null,
          kind: 'adopt',
          targetAgreementId: null,
        },
      },
    ],
  ] as const)('is refused while %s is open, so nothing is decided after the version is fixed', (_label, change) => {
    const session = agreedWorkshop();
    session.commit({ doc: [change], private: [] });
    expect(refusal(session.state, FACILITATOR, { type: 'closeWorkshop' })).toMatchObject({
      error: 'conflict',
      message: 'Close the open vote or consensus round first.',
    });
  });

  it('records an empty version when nothing was agreed', () => {
    const session = new Session(2);
    session.commit({ doc: [{ type: 'setMeta', fields: { phase: 'agreement' } }], private: [] });
    session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(CLOSED_AT));
    expect(session.read().versions.get('v1')).toEqual({
      id: 'v1',
      number: 1,
      closedAt: CLOSED_AT,
      title: 'Test board',
      items: [],
    });
  });
});

/** What a closed workshop still accepts, written out independently of applyCommand.ts. */
const ALLOWED_WHEN_CLOSED: readonly CommandType[] = [
  'reopenWorkshop',
  'setCheckIn',
  'focusPrompt',
  'updateSettings',
  'startTimer',
  'addTime',
  'stopTimer',
  'removeSeat',
  'renameBoard',
];

/** A well-formed command of every type (the guard comes before anything looks the ids up). */
const ANY_COMMAND: { [T in CommandType]: CommandOf<T> } = {
  updateBoard: { type: 'updateBoard', title: 'Renamed' },
  renameBoard: { type: 'renameBoard', title: 'Renamed' },
  updateSettings: { type: 'updateSettings', showRoster: false },
  addPrompt: { type: 'addPrompt', promptId: 'prompt9', text: 'New?', kind: 'align', beforePromptId: null },
  updatePrompt: { type: 'updatePrompt', promptId: 'prompt1', text: 'Reworded?' },
  removePrompt: { type: 'removePrompt', promptId: 'prompt2' },
  movePrompt: { type: 'movePrompt', promptId: 'prompt3', beforePromptId: 'prompt1' },
  setPhase: { type: 'setPhase', phase: 'revisit', confirm: true },
  focusPrompt: { type: 'focusPrompt', promptId: 'prompt1' },
  reveal: { type: 'reveal', promptId: null },
  releaseHeld: { type: 'releaseHeld', promptId: 'prompt2' },
  postDraft: { type: 'postDraft', draftId: 'late', promptId: 'prompt1', text: 'Too late?', tag: null },
  editDraft: { type: 'editDraft', draftId: 'd-alice', text: 'Edited' },
  deleteDraft: { type: 'deleteDraft', draftId: 'd-alice' },
  createTheme: { type: 'createTheme', themeId: 'tNew', promptId: 'prompt2', name: 'New', noteIds: [], beforeThemeId: null },
  renameTheme: { type: 'renameTheme', themeId: 'theme1', name: 'Renamed' },
  deleteTheme: { type: 'deleteTheme', themeId: 'theme1' },
  moveNotes: { type: 'moveNotes', noteIds: ['note1'], themeId: 'theme1', beforeNoteId: null },
  mergeThemes: { type: 'mergeThemes', sourceThemeId: 'theme2', targetThemeId: 'theme1' },
  moveTheme: { type: 'moveTheme', themeId: 'theme2', beforeThemeId: null },
  startTimer: { type: 'startTimer', durationMs: 60_000 },
  addTime: { type: 'addTime', ms: 60_000 },
  stopTimer: { type: 'stopTimer' },
  openVoteRound: {
    type: 'openVoteRound',
    roundId: 'vote9',
    label: 'Again',
    dotsPerPerson: 3,
    maxPerItem: 1,
    facilitatorVotes: false,
    itemIds: null,
  },
  closeVoteRound: { type: 'closeVoteRound', roundId: 'vote9' },
  placeDot: { type: 'placeDot', roundId: 'vote9', itemId: 'theme3' },
  removeDot: { type: 'removeDot', roundId: 'vote9', itemId: 'theme3' },
  openProposal: {
    type: 'openProposal',
    proposalId: 'p9',
    promptId: 'prompt3',
    themeId: null,
    statement: 'Changed after the fact.',
    rule: 'consent',
    quorumPercent: 0,
    thresholdPercent: 50,
    previousProposalId: null,
    kind: 'retire',
    targetAgreementId: 'agreement1',
  },
  respond: { type: 'respond', proposalId: 'p9', response: 'agree', reason: null },
  closeProposal: { type: 'closeProposal', proposalId: 'p9' },
  unlockAgreement: { type: 'unlockAgreement', agreementId: 'agreement1', reason: 'Changed our minds.' },
  setSmartie: { type: 'setSmartie', agreementId: 'agreement1', smartie: SMARTIE },
  closeWorkshop: { type: 'closeWorkshop' },
  reopenWorkshop: { type: 'reopenWorkshop' },
  setCheckIn: { type: 'setCheckIn', date: '2024-09-01' },
  removeSeat: { type: 'removeSeat', seatId: 'seat-alice' },
  restoreGrouping: { type: 'restoreGrouping', expected: [], theme: null, moves: [], removeThemeId: 'theme1' },
  restoreNotes: {
    type: 'restoreNotes',
    notes: [{ id: 'note9', promptId: 'prompt1', text: 'Back', tag: null, themeId: null, order: 'a0', author: null }],
  },
  deleteNotes: { type: 'deleteNotes', noteIds: ['note1'] },
  markDone: { type: 'markDone', targetId: 'prompt1', isDone: true },
  react: { type: 'react', noteId: 'note1', reaction: 'plusOne', isOn: true },
};

/** Who may send each command (the guard is checked after permission). */
const SENDER: Partial<Record<CommandType, Actor>> = {
  postDraft: ALICE,
  editDraft: ALICE,
  deleteDraft: ALICE,
  placeDot: ALICE,
  removeDot: ALICE,
  respond: ALICE,
  markDone: ALICE,
  react: ALICE,
};

describe('the closed guard', () => {
  it.each(COMMAND_TYPES)('%s on a closed workshop, in every phase: refused unless a closed workshop allows it', (type) => {
    for (const phase of PHASES) {
      // A timer runs again (closing stopped it), so that addTime has one to extend.
      const state = withMeta(closedState(), { phase, timer: { endsAt: 1_700_000_060_000, durationMs: 60_000 } });
      const result = applyCommand(state, SENDER[type] ?? FACILITATOR, ANY_COMMAND[type], testContext());
      if (!ALLOWED_WHEN_CLOSED.includes(type)) {
        expect(result, phase).toMatchObject({
          error: 'conflict',
          message: 'The workshop is closed: version 1 is final. Reopen it to make changes.',
        });
      } else if (!isAllowedInPhase(type, phase)) {
        expect(result, phase).toMatchObject({ error: 'wrong_phase', message: `That cannot be done in the ${phase} phase.` });
      } else {
        expect(isDomainError(result), phase).toBe(false);
      }
    }
  });

  it('checks permission first: a reader or a participant is forbidden, not told the workshop is closed', () => {
    for (const type of ALLOWED_WHEN_CLOSED) {
      expect(refusal(closedState(), READER, ANY_COMMAND[type]).error).toBe('forbidden');
      expect(refusal(closedState(), ALICE, ANY_COMMAND[type]).error).toBe('forbidden');
    }
  });

  it('names the version that is final', () => {
    const session = revisiting();
    session.run(FACILITATOR, { type: 'setPhase', phase: 'agreement' });
    session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(JUNE));
    expect(refusal(session.state, FACILITATOR, ANY_COMMAND.addPrompt).message).toBe(
      'The workshop is closed: version 2 is final. Reopen it to make changes.',
    );
  });
});

describe('reopening', () => {
  it('starts version 2 in the revisit phase; version 1 and the items decided in it stay as they were', () => {
    const session = agreedWorkshop();
    session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(CLOSED_AT));
    const closed = session.state.board;
    session.run(FACILITATOR, { type: 'reopenWorkshop' }, contextAt(JUNE));
    const { board } = session.state;
    expect(board.meta).toMatchObject({ version: 2, isClosed: false, phase: 'revisit' });
    expect(board.versions).toEqual(closed.versions);
    expect(board.agreements).toEqual(closed.agreements);
    expect([...board.agreements.values()].map((a) => a.version)).toEqual([1, 1, 1, 1]);
    expect(session.read()).toEqual(board);
  });

  it('leaves no prompt in the spotlight: version 1’s spotlight does not carry into version 2', () => {
    const session = agreedWorkshop();
    const promptId = [...session.state.board.prompts.keys()][0] ?? '';
    session.run(FACILITATOR, { type: 'focusPrompt', promptId }, contextAt(CLOSED_AT));
    session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(CLOSED_AT));
    expect(session.state.board.meta.focusPromptId).toBe(promptId);
    session.run(FACILITATOR, { type: 'reopenWorkshop' }, contextAt(JUNE));
    expect(session.state.board.meta.focusPromptId).toBeNull();
    expect(session.read().meta.focusPromptId).toBeNull();
  });

  it('is refused on an open workshop', () => {
    expect(refusal(agreedWorkshop().state, FACILITATOR, { type: 'reopenWorkshop' })).toMatchObject({
      error: 'conflict',
      message: 'The workshop is open already.',
    });
  });

  it('lets the facilitator edit prompts in revisit and start a new reflection for new items', () => {
    const session = revisiting();
    session.run(FACILITATOR, {
      type: 'addPrompt',
      promptId: 'prompt4',
      text: 'What is new?',
      kind: 'align',
      beforePromptId: null,
    });
    session.run(FACILITATOR, { type: 'setPhase', phase: 'reflect' });
    session.run(ALICE, { type: 'postDraft', draftId: 'new1', promptId: 'prompt4', text: 'More remote days', tag: 'need' });
    expect(session.state.board.meta.phase).toBe('reflect');
    expect(session.state.board.prompts.get('prompt4')).toMatchObject({ pendingCount: 1, isRevealed: false });
  });

  it('runs the whole revisit: amend one item, retire one, add one, close version 2, compare the two', () => {
    const session = revisiting();
    runRound(
      session,
      {
        proposalId: 'pE',
        promptId: 'prompt1',
        themeId: 'tTime',
        statement: 'We meet between 10 and 2.',
        kind: 'amend',
        targetAgreementId: 'pA-agreed',
        responses: ALL_AGREE,
      },
      JUNE,
    );
    runRound(
      session,
      {
        proposalId: 'pR',
        promptId: 'prompt3',
        statement: 'Retire',
        kind: 'retire',
        targetAgreementId: 'pB-agreed',
        responses: ALL_AGREE,
      },
      JUNE + 60 * 60_000,
    );
    runRound(
      session,
      { proposalId: 'pF', promptId: 'prompt3', statement: 'We reply to urgent messages the same day.', responses: ALL_AGREE },
      JUNE + 2 * 60 * 60_000,
    );
    session.run(FACILITATOR, { type: 'setPhase', phase: 'agreement' });
    session.run(FACILITATOR, { type: 'closeWorkshop' }, contextAt(JUNE + DAY_MS));
    const { versions } = session.read();
    expect([...versions.keys()].sort()).toEqual(['v1', 'v2']);
    const v1 = versions.get('v1')!;
    const v2 = versions.get('v2')!;
    expect(v1.items).toEqual(V1_ITEMS);
    expect(v2).toMatchObject({ number: 2, closedAt: JUNE + DAY_MS });
    expect(v2.items.map((i) => [i.lineageId, i.agreementId, i.statement])).toEqual([
      ['pC-agreed', 'pC-agreed', 'We keep Fridays free of meetings.'],
      ['pA-agreed', 'pE-agreed', 'We meet between 10 and 2.'],
      ['pF-agreed', 'pF-agreed', 'We reply to urgent messages the same day.'],
    ]);
    const diff = compareVersions(v1.items, v2.items);
    expect(diff.added.map((i) => i.agreementId)).toEqual(['pF-agreed']);
    expect(diff.amended.map(({ before, after }) => [before.statement, after.statement])).toEqual([
      ['We meet between 11 and 1.', 'We meet between 10 and 2.'],
    ]);
    expect(diff.retired.map((i) => i.agreementId)).toEqual(['pB-agreed']);
    expect(diff.unchanged.map((i) => i.agreementId)).toEqual(['pC-agreed']);
  });
});

describe('amend and retire rounds', () => {
  const amendA = {
    proposalId: 'pE',
    promptId: 'prompt1',
    themeId: 'tTime',
    statement: 'We meet between 10 and 2.',
    kind: 'amend',
    targetAgreementId: 'pA-agreed',
  } as const;
  const retireB = {
    proposalId: 'pR',
    promptId: 'prompt3',
    statement: 'Retire',
    kind: 'retire',
    targetAgreementId: 'pB-agreed',
  } as const;

  it('a passed amendment replaces the item: same lineage, the current version, its SMARTIE fields carried over', () => {
    const session = revisiting();
    const before = session.state.board.agreements.get('pA-agreed')!;
    runRound(session, { ...amendA, responses: ALL_AGREE }, JUNE);
    const { board } = session.state;
    expect(board.agreements.get('pA-agreed')).toEqual({ ...before, status: 'replaced', endedAt: JUNE });
    const amended: AgreementItem = {
      id: 'pE-agreed',
      promptId: 'prompt1',
      themeId: 'tTime',
      statement: 'We meet between 10 and 2.',
      proposalId: 'pE',
      ...AGREED,
      decidedAt: JUNE,
      status: 'locked',
      unlockReason: null,
      unlockedAt: null,
      lineageId: 'pA-agreed',
      version: 2,
      endedAt: null,
      smartie: SMARTIE,
    };
    expect(board.agreements.get('pE-agreed')).toEqual(amended);
    expect(board.proposals.get('pE')).toMatchObject({ status: 'passed', kind: 'amend', targetAgreementId: 'pA-agreed' });
    expect(session.read()).toEqual(board);
  });

  it('an amendment of an amendment keeps the first lineage', () => {
    const session = revisiting();
    runRound(session, { ...amendA, responses: ALL_AGREE }, JUNE);
    runRound(
      session,
      {
        ...amendA,
        proposalId: 'pE2',
        statement: 'We meet between 10 and 1.',
        targetAgreementId: 'pE-agreed',
        responses: ALL_AGREE,
      },
      JUNE + DAY_MS,
    );
    expect(session.state.board.agreements.get('pE-agreed')).toMatchObject({ status: 'replaced', endedAt: JUNE + DAY_MS });
    expect(session.state.board.agreements.get('pE2-agreed')).toMatchObject({ lineageId: 'pA-agreed', status: 'locked' });
  });

  it('a passed retirement retires the item and adds none', () => {
    const session = revisiting();
    const before = session.state.board.agreements;
    runRound(session, { ...retireB, responses: ALL_AGREE }, JUNE);
    const after = session.state.board.agreements;
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get('pB-agreed')).toEqual({ ...before.get('pB-agreed'), status: 'retired', endedAt: JUNE });
    expect(itemsInForce(session.state.board).map((i) => i.agreementId)).toEqual(['pA-agreed', 'pC-agreed']);
  });

  it.each([
    ['an amendment', amendA],
    ['a retirement', retireB],
  ])('%s that fails changes no agreement, and its round keeps the reasons', (_label, round) => {
    const session = revisiting();
    const before = session.state.board.agreements;
    runRound(
      session,
      {
        ...round,
        responses: [
          [ALICE, 'agree', null],
          [BOB, 'block', 'My school run is at 10.'],
        ],
      },
      JUNE,
    );
    expect(session.state.board.agreements).toEqual(before);
    expect(session.state.board.proposals.get(round.proposalId)).toMatchObject({
      status: 'failed',
      outcome: { counts: { agree: 1, canLive: 0, block: 1 }, reasons: [{ response: 'block', text: 'My school run is at 10.' }] },
    });
  });

  it('a failed amendment can be revised in a second round on the same item', () => {
    const session = revisiting();
    runRound(session, { ...amendA, responses: [[BOB, 'block', 'My school run is at 10.']] }, JUNE);
    runRound(
      session,
      { ...amendA, proposalId: 'pE2', statement: 'We meet between 11 and 2.', previousProposalId: 'pE', responses: ALL_AGREE },
      JUNE + 60_000 * 30,
    );
    expect(session.state.board.agreements.get('pE2-agreed')).toMatchObject({
      lineageId: 'pA-agreed',
      round: 2,
      version: 2,
      statement: 'We meet between 11 and 2.',
    });
    expect(session.state.board.agreements.get('pA-agreed')?.status).toBe('replaced');
  });

  /** openProposal with the fields of `round`, the rest as in amendA. */
  const open = (round: Partial<CommandOf<'openProposal'>>): CommandOf<'openProposal'> => ({
    type: 'openProposal',
    proposalId: 'pX',
    promptId: 'prompt1',
    themeId: null,
    statement: 'Something else.',
    rule: 'consent',
    quorumPercent: 0,
    thresholdPercent: 50,
    previousProposalId: null,
    kind: 'amend',
    targetAgreementId: 'pA-agreed',
    ...round,
  });

  it.each<[string, Partial<CommandOf<'openProposal'>>, string, string]>([
    ['a target that does not exist', { targetAgreementId: 'nope' }, 'not_found', 'That agreement does not exist.'],
    [
      'an unlocked target',
      { promptId: 'prompt3', targetAgreementId: 'pD-agreed' },
      'conflict',
      'Only an agreement in force can be amended or retired.',
    ],
    [
      'a target of another prompt',
      { promptId: 'prompt1', targetAgreementId: 'pB-agreed' },
      'conflict',
      'The proposal must be about the agreement’s own prompt.',
    ],
    [
      'a new item that names a target',
      { kind: 'adopt', targetAgreementId: 'pA-agreed' },
      'invalid_command',
      'An amendment or a retirement names the agreement it is about; a new item names none.',
    ],
    [
      'an amendment without a target',
      { kind: 'amend', targetAgreementId: null },
      'invalid_command',
      'An amendment or a retirement names the agreement it is about; a new item names none.',
    ],
    [
      'a retirement without a target',
      { kind: 'retire', targetAgreementId: null },
      'invalid_command',
      'An amendment or a retirement names the agreement it is about; a new item names none.',
    ],
    [
      'an amendment left out (adopt is the default) on a theme already agreed',
      { themeId: 'tTime', kind: undefined, targetAgreementId: undefined },
      'conflict',
      'This theme already has a locked agreement. Amend or unlock it instead.',
    ],
  ])('refuses %s', (_label, fields, error, message) => {
    const command = open(fields);
    expect(refusal(revisiting().state, FACILITATOR, command)).toMatchObject({ error, message });
  });

  describe('a revision keeps the kind and the agreement of the round it revises', () => {
    const BLOCKED: [typeof ALICE, 'block', string][] = [[BOB, 'block', 'My school run is at 10.']];
    /** revisiting() with three failed rounds on prompt1 / prompt3: `fAmend` (amend pA, theme tTime), `fRetire` (retire pB), `fAdopt` (a new item, no theme). */
    const failedRounds = (): Session => {
      const session = revisiting();
      runRound(session, { ...amendA, proposalId: 'fAmend', responses: BLOCKED }, JUNE);
      runRound(session, { ...retireB, proposalId: 'fRetire', responses: BLOCKED }, JUNE);
      runRound(session, { proposalId: 'fAdopt', promptId: 'prompt1', statement: 'We stop at 5.', responses: BLOCKED }, JUNE);
      return session;
    };
    const REFUSED = {
      error: 'conflict',
      message: 'A revision must be of the same kind, about the same agreement, as the round it revises.',
      reason: 'revisionSameKind',
    };
    const revise = (previousProposalId: string, fields: Partial<CommandOf<'openProposal'>>) =>
      open({ proposalId: 'pRev', previousProposalId, ...fields });

    it.each<[string, boolean, string, Partial<CommandOf<'openProposal'>>]>([
      ['a failed amendment, as an amendment of the same item', true, 'fAmend', { themeId: 'tTime' }],
      ['a failed amendment, as a retirement of the same item', false, 'fAmend', { themeId: 'tTime', kind: 'retire' }],
      [
        'a failed amendment, as an amendment of another item',
        false,
        'fAmend',
        { themeId: 'tTime', targetAgreementId: 'pC-agreed' },
      ],
      ['a failed amendment, as a new item', false, 'fAmend', { themeId: 'tTime', kind: 'adopt', targetAgreementId: null }],
      [
        'a failed retirement, as a retirement of the same item',
        true,
        'fRetire',
        { promptId: 'prompt3', kind: 'retire', targetAgreementId: 'pB-agreed' },
      ],
      [
        'a failed retirement, as an amendment of the same item',
        false,
        'fRetire',
        { promptId: 'prompt3', targetAgreementId: 'pB-agreed' },
      ],
      ['a failed retirement, as a new item', false, 'fRetire', { promptId: 'prompt3', kind: 'adopt', targetAgreementId: null }],
      // The symmetric case: a new item stays a new item.
      ['a failed new item, as a new item', true, 'fAdopt', { kind: 'adopt', targetAgreementId: null }],
      ['a failed new item, as an amendment', false, 'fAdopt', {}],
      ['a failed new item, as a retirement', false, 'fAdopt', { kind: 'retire' }],
    ])('revising %s: accepted = %s', (_label, isAccepted, previous, fields) => {
      const session = failedRounds();
      const command = revise(previous, fields);
      if (isAccepted) {
        session.run(FACILITATOR, command);
        expect(session.state.board.proposals.get('pRev')).toMatchObject({
          round: 2,
          previousProposalId: previous,
          status: 'open',
        });
      } else expect(refusal(session.state, FACILITATOR, command)).toEqual(REFUSED);
    });
  });

  it('refuses an amendment or retirement of an item that was replaced already', () => {
    const session = revisiting();
    runRound(session, { ...amendA, responses: ALL_AGREE }, JUNE);
    for (const kind of ['amend', 'retire'] as const) {
      expect(refusal(session.state, FACILITATOR, open({ kind }))).toMatchObject({
        error: 'conflict',
        message: 'Only an agreement in force can be amended or retired.',
      });
    }
  });

  it('refuses a second round on an item while one is open, whatever its kind', () => {
    const session = revisiting();
    session.run(FACILITATOR, open({ proposalId: 'pOpen', kind: 'retire' }));
    for (const kind of ['amend', 'retire'] as const) {
      expect(refusal(session.state, FACILITATOR, open({ kind }))).toMatchObject({
        error: 'conflict',
        message: 'This agreement already has an open round.',
      });
    }
    // Another item is still free.
    session.run(FACILITATOR, open({ proposalId: 'pOther', targetAgreementId: 'pC-agreed' }));
  });

  it('allows amending an item of a theme that already has a locked agreement', () => {
    const session = revisiting();
    session.run(FACILITATOR, open({ themeId: 'tTime' }));
    expect(session.state.board.proposals.get('pX')).toMatchObject({ kind: 'amend', themeId: 'tTime', status: 'open' });
  });

  it('counts an amendment decided in the decide phase of a revisit loop as part of the version being worked on', () => {
    const session = revisiting();
    session.commit({ doc: [{ type: 'setMeta', fields: { phase: 'decide' } }], private: [] });
    runRound(session, { ...amendA, responses: ALL_AGREE }, JUNE);
    expect(session.state.board.agreements.get('pE-agreed')?.version).toBe(2);
  });
});

describe('check-in date and SMARTIE fields', () => {
  it('sets and clears the check-in date, also on a closed workshop', () => {
    const state = closedState();
    const set = applyCommand(state, FACILITATOR, { type: 'setCheckIn', date: '2024-06-12' }, testContext());
    expect(set).toEqual({ doc: [{ type: 'setMeta', fields: { checkInDate: '2024-06-12' } }], private: [] });
    expect(applyCommand(state, FACILITATOR, { type: 'setCheckIn', date: null }, testContext())).toEqual({
      doc: [{ type: 'setMeta', fields: { checkInDate: null } }],
      private: [],
    });
  });

  it('sets SMARTIE fields only on an item in force', () => {
    const session = revisiting();
    session.run(FACILITATOR, { type: 'setSmartie', agreementId: 'pC-agreed', smartie: SMARTIE });
    session.run(FACILITATOR, { type: 'setSmartie', agreementId: 'pA-agreed', smartie: null });
    expect(session.read().agreements.get('pC-agreed')?.smartie).toEqual(SMARTIE);
    expect(session.read().agreements.get('pA-agreed')?.smartie).toBeNull();
    expect(refusal(session.state, FACILITATOR, { type: 'setSmartie', agreementId: 'pD-agreed', smartie: SMARTIE })).toMatchObject(
      {
        error: 'conflict',
        message: 'Only an agreement in force has action details.',
      },
    );
    expect(refusal(session.state, FACILITATOR, { type: 'setSmartie', agreementId: 'nope', smartie: SMARTIE })).toMatchObject({
      error: 'not_found',
      message: 'That agreement does not exist.',
    });
  });
});
