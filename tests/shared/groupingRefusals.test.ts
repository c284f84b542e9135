import { describe, expect, it } from 'vitest';
import { type Command, type CommandOf, parseCommand } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import type { DocChange } from '../../shared/domain/changes';
import type { ErrorCode } from '../../shared/domain/errors';
import type { Actor } from '../../shared/domain/state';
import { MAX_NOTES_PER_MOVE } from '../../shared/limits';
import { PHASES } from '../../shared/phases';
import type { Proposal } from '../../shared/records/Proposal';
import type { VoteRound } from '../../shared/records/VoteRound';
import {
  AGREEMENT1,
  ALICE,
  accept,
  afterChanges,
  BOB,
  FACILITATOR,
  FACILITATOR_WITHOUT_ID,
  groupingViolations,
  READER,
  refusal,
  step,
  testContext,
  themedState,
  withMeta,
} from './helpers';

function moveNotes(noteIds: string[], themeId: string | null, beforeNoteId: string | null = null): CommandOf<'moveNotes'> {
  return { type: 'moveNotes', noteIds, themeId, beforeNoteId };
}

function createTheme(fields: Partial<CommandOf<'createTheme'>>): CommandOf<'createTheme'> {
  return { type: 'createTheme', themeId: 'tNew', promptId: 'prompt1', name: 'New', noteIds: [], beforeThemeId: null, ...fields };
}

/** Refusals in themedState() (prompt1: tA [n1 n2], tB [n3], n4…n6 ungrouped; prompt2: tW [w1], w2…w4). */
const REFUSALS: [string, ErrorCode, Command][] = [
  ['createTheme in an unknown prompt', 'not_found', createTheme({ promptId: 'nope' })],
  ['createTheme with a taken id', 'conflict', createTheme({ themeId: 'tB' })],
  ['createTheme with the id of a theme of another prompt', 'conflict', createTheme({ themeId: 'tW' })],
  ['createTheme with a note of another prompt', 'conflict', createTheme({ noteIds: ['w2'] })],
  ['createTheme with notes of two prompts', 'conflict', createTheme({ noteIds: ['n4', 'w2'] })],
  ['createTheme with an unknown note', 'not_found', createTheme({ noteIds: ['n4', 'ghost'] })],
  ['createTheme with a note listed twice', 'invalid_command', createTheme({ noteIds: ['n4', 'n5', 'n4'] })],
  ['createTheme before an unknown theme', 'not_found', createTheme({ beforeThemeId: 'nope' })],
  ['createTheme before a theme of another prompt', 'not_found', createTheme({ beforeThemeId: 'tW' })],
  ['renameTheme of an unknown theme', 'not_found', { type: 'renameTheme', themeId: 'nope', name: 'X' }],
  ['deleteTheme of an unknown theme', 'not_found', { type: 'deleteTheme', themeId: 'nope' }],
  ['moveNotes of an unknown note', 'not_found', moveNotes(['ghost'], 'tA')],
  ['moveNotes of a known and an unknown note', 'not_found', moveNotes(['n4', 'ghost'], null)],
  ['moveNotes into an unknown theme', 'not_found', moveNotes(['n4'], 'nope')],
  ['moveNotes into a theme of another prompt', 'conflict', moveNotes(['n4'], 'tW')],
  ['moveNotes of notes of two prompts', 'conflict', moveNotes(['n4', 'w2'], null)],
  ['moveNotes of notes of two prompts into a theme', 'conflict', moveNotes(['w2', 'n4'], 'tW')],
  ['moveNotes with a note listed twice', 'invalid_command', moveNotes(['n4', 'n4'], 'tA')],
  ['moveNotes before an unknown note', 'not_found', moveNotes(['n4'], 'tA', 'ghost')],
  ['moveNotes before a note in another theme', 'not_found', moveNotes(['n4'], 'tA', 'n3')],
  ['moveNotes into a theme before an ungrouped note', 'not_found', moveNotes(['n4'], 'tA', 'n5')],
  ['moveNotes out of a theme before a grouped note', 'not_found', moveNotes(['n1'], null, 'n2')],
  ['moveNotes before a note of another prompt', 'not_found', moveNotes(['n4'], null, 'w2')],
  ['moveNotes before one of the moved notes', 'invalid_command', moveNotes(['n4', 'n5'], null, 'n5')],
  ['moveNotes of no note at all (the domain answers, not only parseCommand)', 'invalid_command', moveNotes([], 'tA')],
  ['mergeThemes of a theme with itself', 'invalid_command', { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tA' }],
  ['mergeThemes across prompts', 'conflict', { type: 'mergeThemes', sourceThemeId: 'tW', targetThemeId: 'tA' }],
  ['mergeThemes of an unknown source', 'not_found', { type: 'mergeThemes', sourceThemeId: 'nope', targetThemeId: 'tA' }],
  ['mergeThemes into an unknown target', 'not_found', { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'nope' }],
  ['moveTheme of an unknown theme', 'not_found', { type: 'moveTheme', themeId: 'nope', beforeThemeId: null }],
  ['moveTheme before itself', 'invalid_command', { type: 'moveTheme', themeId: 'tA', beforeThemeId: 'tA' }],
  ['moveTheme before an unknown theme', 'not_found', { type: 'moveTheme', themeId: 'tA', beforeThemeId: 'nope' }],
  ['moveTheme before a theme of another prompt', 'not_found', { type: 'moveTheme', themeId: 'tA', beforeThemeId: 'tW' }],
];

describe('grouping refusals', () => {
  it.each(REFUSALS)('%s is refused as %s', (_label, error, command) => {
    const refused = applyCommand(themedState(), FACILITATOR, command, testContext());
    expect(refused).toMatchObject({ error, message: expect.stringMatching(/^[A-Z].*\.$/) });
  });

  it.each<[string, unknown, string, string]>([
    ['moveNotes with no note', moveNotes([], 'tA'), 'command.noteIds', 'must not be empty'],
    [
      `moveNotes with ${MAX_NOTES_PER_MOVE + 1} notes`,
      moveNotes(
        Array.from({ length: MAX_NOTES_PER_MOVE + 1 }, (_, i) => `n${i}`),
        null,
      ),
      'command.noteIds',
      `must have at most ${MAX_NOTES_PER_MOVE} items`,
    ],
    [
      `createTheme with ${MAX_NOTES_PER_MOVE + 1} notes`,
      createTheme({ noteIds: Array.from({ length: MAX_NOTES_PER_MOVE + 1 }, (_, i) => `n${i}`) }),
      'command.noteIds',
      `must have at most ${MAX_NOTES_PER_MOVE} items`,
    ],
    ['moveNotes with a note id that is no id', moveNotes(['n1', 'n/2'], null), 'command.noteIds[1]', 'must be an id'],
  ])('parseCommand refuses %s', (_label, value, path, message) => {
    expect(parseCommand(value)).toMatchObject({ invalid: true, path, message: expect.stringContaining(message) });
  });

  it(`moves a multi-selection of ${MAX_NOTES_PER_MOVE} notes, the most one move may carry`, () => {
    const noteIds = Array.from({ length: MAX_NOTES_PER_MOVE }, (_, i) => `n${i + 1}`);
    const command = parseCommand(moveNotes(noteIds, null));
    expect(command).toEqual(moveNotes(noteIds, null));
  });
});

/** One command of each group type, accepted by a facilitator in themedState() in the group phase. */
const GROUP_COMMANDS: Command[] = [
  createTheme({ noteIds: ['n4'] }),
  { type: 'renameTheme', themeId: 'tA', name: 'Timing' },
  { type: 'deleteTheme', themeId: 'tA' },
  moveNotes(['n4', 'n1'], 'tB', 'n3'),
  { type: 'mergeThemes', sourceThemeId: 'tB', targetThemeId: 'tA' },
  { type: 'moveTheme', themeId: 'tB', beforeThemeId: 'tA' },
];

describe.each(GROUP_COMMANDS.map((command) => [command.type, command] as const))('%s', (_type, command) => {
  it.each<[string, Actor]>([
    ['who takes part', FACILITATOR],
    ['without a participant id', FACILITATOR_WITHOUT_ID],
  ])('is accepted in the group phase from a facilitator %s', (_label, actor) => {
    expect(accept(themedState(), actor, command).doc.length).toBeGreaterThan(0);
  });

  it.each(PHASES.filter((phase) => phase !== 'group'))('is refused as wrong_phase in the %s phase', (phase) => {
    expect(refusal(withMeta(themedState(), { phase }), FACILITATOR, command)).toMatchObject({
      error: 'wrong_phase',
      message: `That cannot be done in the ${phase} phase.`,
    });
  });

  it.each<[string, Actor]>([
    ['a participant', ALICE],
    ['another participant', BOB],
    ['a reader', READER],
  ])('is forbidden for %s in every phase', (_label, actor) => {
    for (const phase of PHASES) {
      expect(refusal(withMeta(themedState(), { phase }), actor, command), phase).toMatchObject({
        error: 'forbidden',
        message: 'You are not allowed to do that on this board.',
      });
    }
  });
});

describe('themes across phases', () => {
  it('leaves no theme behind when its prompt is removed back in setup (no theme of a missing prompt)', () => {
    let state = step(themedState(), FACILITATOR, {
      type: 'createTheme',
      themeId: 'tEarly',
      promptId: 'prompt3',
      name: 'Prepared in advance',
      noteIds: [],
      beforeThemeId: null,
    });
    for (const phase of ['share', 'reflect', 'setup'] as const)
      state = step(state, FACILITATOR, { type: 'setPhase', phase, confirm: true });
    state = step(state, FACILITATOR, { type: 'removePrompt', promptId: 'prompt3' });
    expect(state.board.prompts.has('prompt3')).toBe(false);
    expect(groupingViolations(state.board)).toEqual([]);
    expect([...state.board.themes.keys()].sort()).toEqual(['tA', 'tB', 'tW']);
  });
});

describe('a theme that a decision or a vote names', () => {
  const PROPOSAL: Proposal = {
    id: 'p1',
    promptId: 'prompt1',
    themeId: 'tA',
    statement: 'We meet between 11 and 1.',
    rule: 'consent',
    quorumPercent: 0,
    thresholdPercent: 50,
    round: 1,
    previousProposalId: null,
    status: 'failed',
    respondentCount: 0,
    openedAt: 0,
    closedAt: 1,
    outcome: null,
    kind: 'adopt',
    targetAgreementId: null,
  };
  const ROUND: VoteRound = {
    id: 'r1',
    label: 'Run-off',
    status: 'closed',
    dotsPerPerson: 3,
    maxPerItem: 3,
    facilitatorVotes: false,
    itemIds: ['tA', 'n4'],
    voterCount: 0,
    openedAt: 0,
    closedAt: 1,
    tallies: { tA: 0, n4: 0 },
  };
  const NAMED_BY: [string, DocChange][] = [
    ['a consensus round', { type: 'putProposal', proposal: PROPOSAL }],
    ['an agreement', { type: 'putAgreement', item: { ...AGREEMENT1, promptId: 'prompt1', themeId: 'tA' } }],
    ['a run-off vote', { type: 'putVoteRound', round: ROUND }],
  ];
  const named = (change: DocChange) => afterChanges(themedState(), { doc: [change], private: [] });
  const STAYS = {
    error: 'conflict',
    message: 'A decision or a vote names this theme, so it stays: rename it, or merge another theme into it.',
    reason: 'themeOnRecord',
  };

  it.each(NAMED_BY)(
    'named by %s, it is neither deleted nor merged away, so the record keeps pointing at it',
    (_label, change) => {
      const state = named(change);
      expect(refusal(state, FACILITATOR, { type: 'deleteTheme', themeId: 'tA' })).toEqual(STAYS);
      expect(refusal(state, FACILITATOR, { type: 'mergeThemes', sourceThemeId: 'tA', targetThemeId: 'tB' })).toEqual(STAYS);
    },
  );

  it.each(NAMED_BY)('named by %s, it can still be renamed, emptied, and take in another theme', (_label, change) => {
    const state = named(change);
    accept(state, FACILITATOR, { type: 'renameTheme', themeId: 'tA', name: 'Timing' });
    accept(state, FACILITATOR, moveNotes(['n1', 'n2'], null));
    const merged = step(state, FACILITATOR, { type: 'mergeThemes', sourceThemeId: 'tB', targetThemeId: 'tA' });
    expect(merged.board.themes.has('tB')).toBe(false);
    expect(groupingViolations(merged.board)).toEqual([]);
  });

  it('a vote over every item names no theme: its themes can still be deleted', () => {
    const state = named({ type: 'putVoteRound', round: { ...ROUND, itemIds: null } });
    expect(step(state, FACILITATOR, { type: 'deleteTheme', themeId: 'tA' }).board.themes.has('tA')).toBe(false);
  });
});
