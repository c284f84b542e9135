import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandOf, type CommandType, parseCommand } from '../../shared/commands';
import {
  MAX_DISPLAY_NAME_CHARS,
  MAX_NOTE_CHARS,
  MAX_PROMPT_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_SMARTIE_OWNER_CHARS,
  MAX_SMARTIE_TEXT_CHARS,
  MAX_TITLE_CHARS,
} from '../../shared/limits';
import { isInvalid } from '../../shared/validate';

/** A valid command of every type with every field present. */
const FULL: { [T in CommandType]: CommandOf<T> } = {
  updateBoard: { type: 'updateBoard', title: 'Our agreement', purpose: 'Trust.' },
  renameBoard: { type: 'renameBoard', title: 'Our agreement, version 2' },
  updateSettings: {
    type: 'updateSettings',
    facilitatorParticipates: false,
    showRoster: true,
    decisionRule: { rule: 'majority', quorumPercent: 50, thresholdPercent: 67 },
    participantsGroup: true,
  },
  addPrompt: { type: 'addPrompt', promptId: 'p1', text: 'What helps?', kind: 'align', beforePromptId: null },
  updatePrompt: { type: 'updatePrompt', promptId: 'p1', text: 'What helps you?', kind: 'awareness' },
  removePrompt: { type: 'removePrompt', promptId: 'p1' },
  movePrompt: { type: 'movePrompt', promptId: 'p1', beforePromptId: 'p2' },
  setPhase: { type: 'setPhase', phase: 'reflect', confirm: true },
  focusPrompt: { type: 'focusPrompt', promptId: 'p1' },
  reveal: { type: 'reveal', promptId: 'p1' },
  releaseHeld: { type: 'releaseHeld', promptId: 'p1' },
  postDraft: { type: 'postDraft', draftId: 'd1', promptId: 'p1', text: 'Mornings', tag: 'need', authorName: 'Alice' },
  editDraft: { type: 'editDraft', draftId: 'd1', text: 'Afternoons', tag: null },
  deleteDraft: { type: 'deleteDraft', draftId: 'd1' },
  createTheme: { type: 'createTheme', themeId: 't1', promptId: 'p1', name: 'Time', noteIds: ['n1', 'n2'], beforeThemeId: 't2' },
  renameTheme: { type: 'renameTheme', themeId: 't1', name: 'Timing' },
  deleteTheme: { type: 'deleteTheme', themeId: 't1' },
  moveNotes: { type: 'moveNotes', noteIds: ['n1'], themeId: 't1', beforeNoteId: 'n2' },
  mergeThemes: { type: 'mergeThemes', sourceThemeId: 't1', targetThemeId: 't2' },
  moveTheme: { type: 'moveTheme', themeId: 't1', beforeThemeId: 't2' },
  startTimer: { type: 'startTimer', durationMs: 60_000 },
  addTime: { type: 'addTime', ms: 30_000 },
  stopTimer: { type: 'stopTimer' },
  openVoteRound: {
    type: 'openVoteRound',
    roundId: 'r1',
    label: 'Run-off',
    dotsPerPerson: 3,
    maxPerItem: 1,
    facilitatorVotes: true,
    itemIds: ['t1', 'n1'],
  },
  closeVoteRound: { type: 'closeVoteRound', roundId: 'r1' },
  placeDot: { type: 'placeDot', roundId: 'r1', itemId: 't1' },
  removeDot: { type: 'removeDot', roundId: 'r1', itemId: 't1' },
  openProposal: {
    type: 'openProposal',
    proposalId: 'pr1',
    promptId: 'p1',
    themeId: 't1',
    statement: 'We meet between 11 and 1.',
    rule: 'majority',
    quorumPercent: 50,
    thresholdPercent: 66,
    previousProposalId: 'pr0',
    kind: 'amend',
    targetAgreementId: 'a1',
  },
  respond: { type: 'respond', proposalId: 'pr1', response: 'block', reason: 'I pick up my kids.' },
  closeProposal: { type: 'closeProposal', proposalId: 'pr1' },
  unlockAgreement: { type: 'unlockAgreement', agreementId: 'a1', reason: 'Hours changed.' },
  setSmartie: {
    type: 'setSmartie',
    agreementId: 'a1',
    smartie: { owner: 'Sam', measure: 'Replies within 48 hours', deadline: '2027-03-31', equityCheck: 'Part-timers too.' },
  },
  closeWorkshop: { type: 'closeWorkshop' },
  reopenWorkshop: { type: 'reopenWorkshop' },
  setCheckIn: { type: 'setCheckIn', date: '2027-03-31' },
  removeSeat: { type: 'removeSeat', seatId: 'seat1' },
  restoreGrouping: {
    type: 'restoreGrouping',
    expected: [{ noteId: 'n1', themeId: 't1' }],
    theme: { themeId: 't2', promptId: 'p1', name: 'Time', beforeThemeId: 't3' },
    moves: [{ noteIds: ['n1'], themeId: 't2', beforeNoteId: 'n2' }],
    removeThemeId: 't4',
  },
  restoreNotes: {
    type: 'restoreNotes',
    notes: [{ id: 'n1', promptId: 'p1', text: 'Back', tag: 'nice', themeId: 't1', order: 'a0', author: 'Sam' }],
  },
  deleteNotes: { type: 'deleteNotes', noteIds: ['n1', 'n2'] },
  markDone: { type: 'markDone', targetId: 'p1', isDone: false },
  react: { type: 'react', noteId: 'n1', reaction: 'heart', isOn: true },
};

/** Fields a command may leave out (docs/protocol.md); every other field is required. */
const OPTIONAL: Record<CommandType, readonly string[]> = {
  updateBoard: ['title', 'purpose'],
  renameBoard: [],
  updateSettings: ['facilitatorParticipates', 'showRoster', 'decisionRule', 'participantsGroup'],
  addPrompt: [],
  updatePrompt: ['text', 'kind'],
  removePrompt: [],
  movePrompt: [],
  setPhase: ['confirm'],
  focusPrompt: [],
  reveal: [],
  releaseHeld: [],
  postDraft: ['authorName'],
  editDraft: ['text', 'tag'],
  deleteDraft: [],
  createTheme: [],
  renameTheme: [],
  deleteTheme: [],
  moveNotes: [],
  mergeThemes: [],
  moveTheme: [],
  startTimer: [],
  addTime: [],
  stopTimer: [],
  openVoteRound: [],
  closeVoteRound: [],
  placeDot: [],
  removeDot: [],
  openProposal: ['kind', 'targetAgreementId'],
  respond: [],
  closeProposal: [],
  unlockAgreement: [],
  setSmartie: [],
  closeWorkshop: [],
  reopenWorkshop: [],
  setCheckIn: [],
  removeSeat: [],
  restoreGrouping: [],
  restoreNotes: [],
  deleteNotes: [],
  markDone: [],
  react: [],
};

/** Fields that accept null. */
const NULLABLE: Partial<Record<CommandType, readonly string[]>> = {
  addPrompt: ['beforePromptId'],
  movePrompt: ['beforePromptId'],
  focusPrompt: ['promptId'],
  reveal: ['promptId'],
  postDraft: ['tag', 'authorName'],
  editDraft: ['tag'],
  createTheme: ['beforeThemeId'],
  moveNotes: ['themeId', 'beforeNoteId'],
  moveTheme: ['beforeThemeId'],
  openVoteRound: ['itemIds'],
  openProposal: ['themeId', 'previousProposalId', 'targetAgreementId'],
  respond: ['reason'],
  setSmartie: ['smartie'],
  restoreGrouping: ['theme', 'removeThemeId'],
  setCheckIn: ['date'],
};

const FIELDS = COMMAND_TYPES.flatMap((type) =>
  Object.keys(FULL[type])
    .filter((field) => field !== 'type')
    .map((field) => [type, field] as const),
);

function without(value: object, field: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  delete copy[field];
  return copy;
}

describe('parseCommand', () => {
  it('has a full sample of every command type', () => {
    expect(Object.keys(FULL).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(COMMAND_TYPES)('accepts a full %s as it is', (type) => {
    expect(parseCommand(structuredClone(FULL[type]))).toEqual(FULL[type]);
  });

  it.each(COMMAND_TYPES)('refuses an extra field on %s', (type) => {
    expect(parseCommand({ ...FULL[type], authorId: 'someone' })).toEqual({
      invalid: true,
      path: 'command.authorId',
      message: 'is not an allowed field',
    });
  });

  it.each(FIELDS)('%s without %s: accepted only when the field is optional', (type, field) => {
    const result = parseCommand(without(FULL[type], field));
    if (OPTIONAL[type].includes(field)) expect(result).toEqual(without(FULL[type], field));
    else expect(result).toEqual({ invalid: true, path: `command.${field}`, message: 'is required' });
  });

  it.each(FIELDS)('%s with a wrong type of %s is refused at that path', (type, field) => {
    // An empty list is a valid value for list fields, so they get a list of a wrong item instead.
    const value = (FULL[type] as Record<string, unknown>)[field];
    const isList = Array.isArray(value);
    // An object field (SMARTIE) reports the first of its own fields that is wrong.
    const isObject = typeof value === 'object' && value !== null && !isList;
    const path = new RegExp(`^command\\.${field}(\\[0\\]${isObject ? '|\\.[a-zA-Z]+' : ''})?$`);
    for (const wrong of [{ nested: true }, isList ? [12.5] : [], 12.5]) {
      expect(parseCommand({ ...FULL[type], [field]: wrong })).toMatchObject({ invalid: true, path: expect.stringMatching(path) });
    }
    const withNull = parseCommand({ ...FULL[type], [field]: null });
    if (NULLABLE[type]?.includes(field)) expect(withNull).toEqual({ ...FULL[type], [field]: null });
    else expect(withNull).toMatchObject({ invalid: true, path: `command.${field}` });
  });

  it.each([
    ['an unknown type', { type: 'deleteBoard', boardId: 'b1' }],
    ['an inherited name as type', { type: 'toString' }],
    ['__proto__ as type', { type: '__proto__' }],
    ['constructor as type', { type: 'constructor' }],
    ['a type in another case', { type: 'PostDraft', draftId: 'd1', promptId: 'p1', text: 'x', tag: null }],
    ['no type', { draftId: 'd1' }],
    ['a numeric type', { type: 11 }],
  ])('refuses %s', (_label, value) => {
    expect(parseCommand(value)).toEqual({ invalid: true, path: 'command.type', message: 'is not a known command' });
  });

  it.each([null, undefined, 'postDraft', 42, [FULL.postDraft]])('refuses %j as not an object', (value) => {
    expect(parseCommand(value)).toEqual({ invalid: true, path: 'command', message: 'must be an object' });
  });

  it.each([
    ['an unknown phase', { type: 'setPhase', phase: 'celebrate' }, 'command.phase'],
    ['an unknown kind', { ...FULL.addPrompt, kind: 'vote' }, 'command.kind'],
    ['an unknown tag', { ...FULL.postDraft, tag: 'must' }, 'command.tag'],
    ['an id with a slash', { ...FULL.postDraft, promptId: 'p1/../p2' }, 'command.promptId'],
    ['an id of 65 characters', { ...FULL.deleteDraft, draftId: 'd'.repeat(65) }, 'command.draftId'],
    ['an empty id', { ...FULL.removePrompt, promptId: '' }, 'command.promptId'],
  ])('refuses %s', (_label, value, path) => {
    expect(parseCommand(value)).toMatchObject({ invalid: true, path });
  });
});

describe('text limits', () => {
  const TEXTS = [
    ['postDraft', 'text', MAX_NOTE_CHARS, 1],
    ['editDraft', 'text', MAX_NOTE_CHARS, 1],
    ['addPrompt', 'text', MAX_PROMPT_CHARS, 1],
    ['updatePrompt', 'text', MAX_PROMPT_CHARS, 1],
    ['updateBoard', 'title', MAX_TITLE_CHARS, 1],
    ['renameBoard', 'title', MAX_TITLE_CHARS, 1],
    ['updateBoard', 'purpose', MAX_PURPOSE_CHARS, 0],
    ['postDraft', 'authorName', MAX_DISPLAY_NAME_CHARS, 1],
  ] as const;

  it.each(TEXTS)('%s.%s: %i characters accepted, one more refused', (type, field, max) => {
    expect(parseCommand({ ...FULL[type], [field]: 'x'.repeat(max) })).toMatchObject({ [field]: 'x'.repeat(max) });
    expect(parseCommand({ ...FULL[type], [field]: 'x'.repeat(max + 1) })).toEqual({
      invalid: true,
      path: `command.${field}`,
      message: `must have at most ${max} characters`,
    });
  });

  it.each(TEXTS)('%s.%s is trimmed before its length is checked', (type, field, max) => {
    const result = parseCommand({ ...FULL[type], [field]: `\n  ${'x'.repeat(max)} \t` });
    expect(isInvalid(result)).toBe(false);
    expect(result).toMatchObject({ [field]: 'x'.repeat(max) });
  });

  it.each(TEXTS)('%s.%s made of spaces only is empty, refused unless it may be empty', (type, field, _max, min) => {
    const result = parseCommand({ ...FULL[type], [field]: '   ' });
    if (min === 0) expect(result).toMatchObject({ [field]: '' });
    else expect(result).toEqual({ invalid: true, path: `command.${field}`, message: 'must not be empty' });
  });
});

describe('SMARTIE fields and dates', () => {
  const smartie = FULL.setSmartie.smartie as NonNullable<CommandOf<'setSmartie'>['smartie']>;

  it.each([
    ['owner', MAX_SMARTIE_OWNER_CHARS],
    ['measure', MAX_SMARTIE_TEXT_CHARS],
    ['equityCheck', MAX_SMARTIE_TEXT_CHARS],
  ] as const)('smartie.%s: %i characters accepted, one more refused, empty allowed', (field, max) => {
    const withText = (text: string) => parseCommand({ ...FULL.setSmartie, smartie: { ...smartie, [field]: text } });
    expect(withText(` ${'x'.repeat(max)} `)).toEqual({ ...FULL.setSmartie, smartie: { ...smartie, [field]: 'x'.repeat(max) } });
    expect(withText('x'.repeat(max + 1))).toEqual({
      invalid: true,
      path: `command.smartie.${field}`,
      message: `must have at most ${max} characters`,
    });
    expect(withText('  ')).toEqual({ ...FULL.setSmartie, smartie: { ...smartie, [field]: '' } });
  });

  it('refuses SMARTIE fields with an extra field', () => {
    expect(parseCommand({ ...FULL.setSmartie, smartie: { ...smartie, author: 'alice' } })).toEqual({
      invalid: true,
      path: 'command.smartie.author',
      message: 'is not an allowed field',
    });
  });

  it.each([
    ['2028-02-29', null],
    ['2027-12-31', null],
    ['2027-02-29', 'is not a real date'],
    ['2027-13-01', 'is not a real date'],
    ['2027-04-31', 'is not a real date'],
    ['2027-3-1', 'must be a date like 2027-03-31'],
    [' 2027-03-31', 'must be a date like 2027-03-31'],
    ['2027-03-31T00:00:00Z', 'must be a date like 2027-03-31'],
    ['31/03/2027', 'must be a date like 2027-03-31'],
  ])('a check-in date or deadline %j: %s', (date, message) => {
    const checkIn = parseCommand({ type: 'setCheckIn', date });
    const deadline = parseCommand({ ...FULL.setSmartie, smartie: { ...smartie, deadline: date } });
    if (message === null) {
      expect(checkIn).toEqual({ type: 'setCheckIn', date });
      expect(deadline).toEqual({ ...FULL.setSmartie, smartie: { ...smartie, deadline: date } });
    } else {
      expect(checkIn).toEqual({ invalid: true, path: 'command.date', message });
      expect(deadline).toEqual({ invalid: true, path: 'command.smartie.deadline', message });
    }
  });

  it.each(['adopt', 'amend', 'retire'])('accepts the proposal kind %s and refuses others', (kind) => {
    expect(parseCommand({ ...FULL.openProposal, kind })).toEqual({ ...FULL.openProposal, kind });
    expect(parseCommand({ ...FULL.openProposal, kind: `${kind}s` })).toMatchObject({ invalid: true, path: 'command.kind' });
  });
});
