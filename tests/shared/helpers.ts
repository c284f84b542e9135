import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import type { Changes, DocChange } from '../../shared/domain/changes';
import { createBoard } from '../../shared/domain/createBoard';
import { type DomainError, isDomainError } from '../../shared/domain/errors';
import { notesInContainer, themesOfPrompt } from '../../shared/domain/groupCommands';
import { applyPrivateChanges } from '../../shared/domain/privateState';
import { type Actor, type BoardState, type DomainContext, type DomainState, emptyPrivateState } from '../../shared/domain/state';
import { isOrderKey, keysBetween, RESPACE_AT_KEY_CHARS } from '../../shared/fractionalIndex';
import type { Phase } from '../../shared/phases';
import { seededRandom } from '../../shared/random';
import type { AgreementItem } from '../../shared/records/AgreementItem';
import type { BoardMeta, BoardSettings } from '../../shared/records/BoardMeta';
import type { DecisionRule, ProposalKind, ResponseKind } from '../../shared/records/Proposal';
import type { Template } from '../../shared/templates';

/** A facilitator who also takes part (writes notes) under participant id `fac`. */
export const FACILITATOR: Actor = { role: 'facilitator', participantId: 'fac' };
/** A facilitator connection with no participant identity. */
export const FACILITATOR_WITHOUT_ID: Actor = { role: 'facilitator', participantId: null };
export const ALICE: Actor = { role: 'participant', participantId: 'alice' };
export const BOB: Actor = { role: 'participant', participantId: 'bob' };
export const CAROL: Actor = { role: 'participant', participantId: 'carol' };
export const READER: Actor = { role: 'reader', participantId: null };

/** The settings of a board made from testTemplate(): anonymous notes, no SMARTIE fields, the facilitator takes part. */
export const TEST_SETTINGS: BoardSettings = {
  facilitatorParticipates: true,
  showRoster: true,
  isAnonymous: true,
  usesSmartie: false,
};

/** Deterministic ids: `prefix1`, `prefix2`, … */
export function idSequence(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** The people taking part in a test context unless a test says otherwise (the facilitator is not counted). */
export const PRESENT: ReadonlySet<string> = new Set(['alice', 'bob', 'carol']);

/** Seat handles of a test context, as the server would give them to facilitators. */
export const SEATS: ReadonlyMap<string, string> = new Map([
  ['seat-alice', 'alice'],
  ['seat-bob', 'bob'],
  ['seat-carol', 'carol'],
]);

/** A reproducible DomainContext: seeded randomness and ids `note1`, `note2`, … (or another prefix). */
export function testContext(seed = 1, idPrefix = 'note'): DomainContext {
  return { random: seededRandom(seed), newId: idSequence(idPrefix), now: 1_700_000_000_000, present: PRESENT, seats: SEATS };
}

let contextCount = 0;

/**
 * The context of a command whose ids nobody asserts: the domain relies on `newId` never
 * repeating, so every call gets its own prefix (`c1-1`, `c2-1`, …).
 */
function anyContext(): DomainContext {
  return testContext(++contextCount, `c${contextCount}-`);
}

/** A template with `count` prompts `Question 1?`, …; odd ones are align, even ones awareness. */
export function testTemplate(count: number): Template {
  return {
    id: 'test-template',
    name: 'Test template',
    summary: 'For tests.',
    title: 'Test board',
    purpose: 'To test the domain.',
    prompts: Array.from({ length: count }, (_, i) => ({
      text: `Question ${i + 1}?`,
      kind: i % 2 === 0 ? ('align' as const) : ('awareness' as const),
    })),
    isAnonymous: true,
    usesSmartie: false,
  };
}

/** The document changes of a new board whose prompts have ids `prompt1`, `prompt2`, … */
export function newBoardChanges(promptCount = 3): DocChange[] {
  return createBoard({
    boardId: 'board1',
    template: testTemplate(promptCount),
    now: 1_700_000_000_000,
    newId: idSequence('prompt'),
  });
}

/** A fresh board read back from a real Y.Doc, in `phase`, with no drafts. */
export function newBoardState(options: { prompts?: number; phase?: Phase; facilitatorParticipates?: boolean } = {}): DomainState {
  const doc = new Y.Doc();
  applyDocChanges(doc, newBoardChanges(options.prompts ?? 3), 'test');
  const board = readBoard(doc);
  if (board === null) throw new Error('createBoard produced a board readBoard refuses');
  const state: DomainState = { board, ...emptyPrivateState() };
  return withMeta(state, {
    phase: options.phase ?? 'setup',
    settings: { ...TEST_SETTINGS, facilitatorParticipates: options.facilitatorParticipates ?? true },
  });
}

/** The state with some meta fields replaced (a shortcut that bypasses the phase table). */
export function withMeta(state: DomainState, fields: Partial<BoardMeta>): DomainState {
  return { ...state, board: applyDocChangesToBoard(state.board, [{ type: 'setMeta', fields }]) };
}

/** The state after `changes` were committed (public and private). */
export function afterChanges(state: DomainState, changes: Changes): DomainState {
  return applyPrivateChanges({ ...state, board: applyDocChangesToBoard(state.board, changes.doc) }, changes.private);
}

/** The changes of an accepted command; fails the test when it was refused. */
export function accept(state: DomainState, actor: Actor, command: Command, ctx = anyContext()): Changes {
  const result = applyCommand(state, actor, command, ctx);
  if (isDomainError(result)) throw new Error(`${command.type} refused: ${result.error} (${result.message})`);
  return result;
}

/** The refusal of a command; fails the test when it was accepted. */
export function refusal(state: DomainState, actor: Actor, command: Command, ctx = anyContext()): DomainError {
  const result = applyCommand(state, actor, command, ctx);
  if (!isDomainError(result)) throw new Error(`${command.type} was accepted: ${JSON.stringify(result)}`);
  return result;
}

/** Runs a command and returns the state after it. */
export function step(state: DomainState, actor: Actor, command: Command, ctx = anyContext()): DomainState {
  return afterChanges(state, accept(state, actor, command, ctx));
}

/** Posts a draft with a text derived from its id. */
export function post(state: DomainState, actor: Actor, draftId: string, promptId: string, ctx = anyContext()): DomainState {
  return step(state, actor, { type: 'postDraft', draftId, promptId, text: `Text of ${draftId}`, tag: null }, ctx);
}

/**
 * A workshop in the share phase: alice has a draft `d-alice` on prompt1 (unrevealed); prompt2 is
 * revealed with bob's first note (`note1`) and bob's later note `d-bob-2` held; prompt3 is empty.
 * prompt2 (awareness-only) has two empty themes, `theme1` (Family) and `theme2` (Health); prompt1
 * (align) has the empty theme `theme3` (Time), the only item that can be voted on; a one-minute timer runs.
 */
export function workshopState(): DomainState {
  let state = newBoardState();
  state = step(state, FACILITATOR, { type: 'setPhase', phase: 'reflect' });
  state = post(state, ALICE, 'd-alice', 'prompt1');
  state = post(state, BOB, 'd-bob', 'prompt2');
  state = step(state, FACILITATOR, { type: 'setPhase', phase: 'share' });
  // One author: revealing names her, which the facilitator confirms (see tests/shared/batchAnonymity.test.ts).
  state = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt2', confirmSmallCount: true }, testContext());
  state = post(state, BOB, 'd-bob-2', 'prompt2');
  return afterChanges(state, {
    doc: [
      { type: 'putTheme', theme: { id: 'theme1', promptId: 'prompt2', name: 'Family', order: 'a0' } },
      { type: 'putTheme', theme: { id: 'theme2', promptId: 'prompt2', name: 'Health', order: 'a1' } },
      { type: 'putTheme', theme: { id: 'theme3', promptId: 'prompt1', name: 'Time', order: 'a0' } },
      { type: 'setMeta', fields: { timer: { endsAt: 1_700_000_060_000, durationMs: 60_000 } } },
    ],
    private: [],
  });
}

/** Maps as sorted plain objects, so that equality does not depend on insertion order. */
export function plainBoard(board: BoardState) {
  const sorted = <T>(map: ReadonlyMap<string, T>) => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { meta: board.meta, prompts: sorted(board.prompts), notes: sorted(board.notes) };
}

/** Every map of the board, themes included, as sorted plain objects (see {@link plainBoard}). */
export function plainBoardWithThemes(board: BoardState) {
  const sorted = <T>(map: ReadonlyMap<string, T>) => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { ...plainBoard(board), themes: sorted(board.themes) };
}

/** Revealed notes of one prompt for {@link groupingState}: ids `${prefix}1`…`${prefix}${count}`, in that order. */
export interface NoteRun {
  readonly promptId: string;
  readonly prefix: string;
  readonly count: number;
}

/**
 * A board in the group phase with revealed, ungrouped notes and no themes: by default prompt1
 * (align) holds n1…n6 and prompt2 (awareness-only) holds w1…w4, each list in id order.
 */
export function groupingState(
  runs: readonly NoteRun[] = [
    { promptId: 'prompt1', prefix: 'n', count: 6 },
    { promptId: 'prompt2', prefix: 'w', count: 4 },
  ],
): DomainState {
  const state = withMeta(newBoardState(), { phase: 'group' });
  const doc: DocChange[] = [];
  for (const { promptId, prefix, count } of runs) {
    doc.push({ type: 'patchPrompt', id: promptId, fields: { isRevealed: true } });
    keysBetween(null, null, count).forEach((order, i) => {
      doc.push({
        type: 'putNote',
        note: {
          id: `${prefix}${i + 1}`,
          promptId,
          text: `Note ${prefix}${i + 1}`,
          tag: null,
          themeId: null,
          order,
          author: null,
        },
      });
    });
  }
  return afterChanges(state, { doc, private: [] });
}

/**
 * Where every note sits: the prompt's id maps to its ungrouped notes, each theme's id to its
 * notes, all in display order. Empty containers are listed too, so a deleted theme disappears.
 */
export function boardLayout(board: BoardState): Record<string, string[]> {
  const layout: Record<string, string[]> = {};
  for (const promptId of board.prompts.keys()) {
    layout[promptId] = notesInContainer(board, promptId, null).map((n) => n.id);
    for (const theme of themesOfPrompt(board, promptId)) {
      layout[theme.id] = notesInContainer(board, promptId, theme.id).map((n) => n.id);
    }
  }
  return layout;
}

/** The ids of a prompt's themes in display order. */
export function themeOrder(board: BoardState, promptId: string): string[] {
  return themesOfPrompt(board, promptId).map((t) => t.id);
}

/**
 * The grouping invariants, as a list of violations (empty when they all hold): every note sits
 * in one existing container of its own prompt, every theme belongs to an existing prompt, and
 * order keys are well-formed, at most RESPACE_AT_KEY_CHARS long and distinct within their list.
 */
export function groupingViolations(board: BoardState): string[] {
  const violations: string[] = [];
  const lists = new Map<string, string[]>();
  const addKey = (list: string, what: string, order: string) => {
    if (!isOrderKey(order)) violations.push(`${what} has a malformed key ${order}`);
    if (order.length > RESPACE_AT_KEY_CHARS) violations.push(`${what} has a key of ${order.length} characters`);
    const keys = lists.get(list) ?? [];
    if (keys.includes(order)) violations.push(`${what} shares its key ${order} in ${list}`);
    lists.set(list, [...keys, order]);
  };
  for (const theme of board.themes.values()) {
    if (!board.prompts.has(theme.promptId)) violations.push(`theme ${theme.id} belongs to a missing prompt`);
    addKey(`themes of ${theme.promptId}`, `theme ${theme.id}`, theme.order);
  }
  for (const note of board.notes.values()) {
    if (note.themeId !== null) {
      const theme = board.themes.get(note.themeId);
      if (!theme) violations.push(`note ${note.id} is in a missing theme ${note.themeId}`);
      else if (theme.promptId !== note.promptId) violations.push(`note ${note.id} is in theme ${theme.id} of another prompt`);
    }
    addKey(note.themeId ?? `ungrouped ${note.promptId}`, `note ${note.id}`, note.order);
  }
  return violations;
}

/**
 * groupingState() with three themes made by the facilitator: in prompt1 `tA` (Time: n1, n2) then
 * `tB` (Tools: n3), with n4…n6 ungrouped; in the awareness-only prompt2 `tW` (Energy: w1), with
 * w2…w4 ungrouped.
 */
export function themedState(): DomainState {
  let state = groupingState();
  for (const [themeId, promptId, name, noteIds] of [
    ['tA', 'prompt1', 'Time', ['n1', 'n2']],
    ['tB', 'prompt1', 'Tools', ['n3']],
    ['tW', 'prompt2', 'Energy', ['w1']],
  ] as const) {
    state = step(state, FACILITATOR, {
      type: 'createTheme',
      themeId,
      promptId,
      name,
      noteIds: [...noteIds],
      beforeThemeId: null,
    });
  }
  return state;
}

/** The layout of themedState(), to spread and override in expectations. */
export const THEMED_LAYOUT: Readonly<Record<string, readonly string[]>> = {
  prompt1: ['n4', 'n5', 'n6'],
  tA: ['n1', 'n2'],
  tB: ['n3'],
  prompt2: ['w2', 'w3', 'w4'],
  tW: ['w1'],
  prompt3: [],
};

/** workshopState() with an open dot-vote `round1` (5 dots, 3 per item) in which alice put one dot on theme3. */
export function votingState(): DomainState {
  const state = afterChanges(workshopState(), {
    doc: [
      {
        type: 'putVoteRound',
        round: {
          id: 'round1',
          label: 'Round 1',
          status: 'open',
          dotsPerPerson: 5,
          maxPerItem: 3,
          facilitatorVotes: false,
          itemIds: null,
          voterCount: 1,
          openedAt: 1_700_000_000_000,
          closedAt: null,
          tallies: null,
        },
      },
    ],
    private: [{ type: 'setBallot', roundId: 'round1', participantId: 'alice', itemId: 'theme3', count: 1 }],
  });
  return state;
}

/**
 * workshopState() with an open consensus round `proposal1` on theme3 (consensus, quorum 50%) to
 * which alice answered "agree", and a locked agreement `agreement1` from an earlier round.
 */
export function decidingState(): DomainState {
  return afterChanges(workshopState(), {
    doc: [
      {
        type: 'putProposal',
        proposal: {
          id: 'proposal1',
          promptId: 'prompt1',
          themeId: 'theme3',
          statement: 'We meet between 11 and 1.',
          rule: 'consensus',
          quorumPercent: 50,
          thresholdPercent: 50,
          round: 1,
          previousProposalId: null,
          status: 'open',
          respondentCount: 1,
          openedAt: 1_700_000_000_000,
          closedAt: null,
          outcome: null,
          kind: 'adopt',
          targetAgreementId: null,
        },
      },
      { type: 'putAgreement', item: AGREEMENT1 },
    ],
    private: [{ type: 'setResponse', proposalId: 'proposal1', participantId: 'alice', response: 'agree', reason: null }],
  });
}

/** The locked agreement `agreement1` of decidingState() and agreedState(), on prompt3 (align), decided by consent in an earlier round. */
export const AGREEMENT1: AgreementItem = {
  id: 'agreement1',
  promptId: 'prompt3',
  themeId: null,
  statement: 'We answer emails within 48 hours.',
  proposalId: 'proposal0',
  rule: 'consent',
  round: 1,
  counts: { agree: 2, canLive: 1, block: 0 },
  decidedAt: 1_699_000_000_000,
  status: 'locked',
  unlockReason: null,
  unlockedAt: null,
  lineageId: 'agreement1',
  version: 1,
  endedAt: null,
  smartie: null,
};

/** workshopState() with the locked agreement `agreement1` and no open round: ready to be closed. */
export function agreedState(): DomainState {
  return afterChanges(workshopState(), { doc: [{ type: 'putAgreement', item: AGREEMENT1 }], private: [] });
}

/** agreedState() closed in the agreement phase: version 1 recorded, the workshop final. */
export function closedState(): DomainState {
  const state = withMeta(agreedState(), { phase: 'agreement' });
  return step(state, FACILITATOR, { type: 'closeWorkshop' });
}

/** A context at a given time whose one fresh id is `id` (closeProposal asks for one, for the agreed item). */
export function contextAt(now: number, id = 'fresh', present: ReadonlySet<string> = PRESENT): DomainContext {
  return { random: seededRandom(7), newId: () => id, now, present, seats: SEATS };
}

/**
 * A board run command by command on a real Y.Doc as well as in memory, as the server does: the
 * document is what clients read back (validated), the state is what the domain sees next.
 */
export class Session {
  readonly doc = new Y.Doc();
  state: DomainState;

  /** A board of `board` prompts from testTemplate(), or the board the given changes create. */
  constructor(board: number | readonly DocChange[] = 3) {
    applyDocChanges(this.doc, typeof board === 'number' ? newBoardChanges(board) : board, 'server');
    this.state = { board: this.read(), ...emptyPrivateState() };
  }

  /** The board as a client reads it from the document. */
  read(): BoardState {
    const board = readBoard(this.doc);
    if (board === null) throw new Error('the document holds no readable board');
    return board;
  }

  /** Runs an accepted command (fails the test when refused). */
  run(actor: Actor, command: Command, ctx = anyContext()): Changes {
    return this.commit(accept(this.state, actor, command, ctx));
  }

  /** Commits changes the domain did not produce (a shortcut past earlier phases). */
  commit(changes: Changes): Changes {
    applyDocChanges(this.doc, changes.doc, 'server');
    this.state = afterChanges(this.state, changes);
    return changes;
  }
}

/** One consensus round, from opening to closing: who answers what, with which reason. */
export interface Round {
  readonly proposalId: string;
  readonly promptId: string;
  readonly themeId?: string | null;
  readonly statement: string;
  readonly kind?: ProposalKind;
  readonly targetAgreementId?: string | null;
  readonly previousProposalId?: string | null;
  /** consent with quorum 0 unless given. */
  readonly rule?: DecisionRule;
  readonly quorumPercent?: number;
  readonly thresholdPercent?: number;
  readonly responses: readonly (readonly [Actor, ResponseKind, string | null])[];
}

/**
 * Opens a round (by default under consent, quorum 0) a minute before `now`, records the responses and
 * closes it at `now`. A passed adopt or amend round locks the agreed item `${proposalId}-agreed`.
 */
export function runRound(session: Session, round: Round, now: number): void {
  session.run(
    FACILITATOR,
    {
      type: 'openProposal',
      proposalId: round.proposalId,
      promptId: round.promptId,
      themeId: round.themeId ?? null,
      statement: round.statement,
      rule: round.rule ?? 'consent',
      quorumPercent: round.quorumPercent ?? 0,
      thresholdPercent: round.thresholdPercent ?? 50,
      previousProposalId: round.previousProposalId ?? null,
      kind: round.kind ?? 'adopt',
      targetAgreementId: round.targetAgreementId ?? null,
    },
    contextAt(now - 60_000),
  );
  for (const [actor, response, reason] of round.responses) {
    session.run(actor, { type: 'respond', proposalId: round.proposalId, response, reason });
  }
  // Rounds of one or two people publish what each answered: the facilitator confirms it (smallCounts.test.ts).
  session.run(
    FACILITATOR,
    { type: 'closeProposal', proposalId: round.proposalId, confirmSmallCount: true },
    contextAt(now, `${round.proposalId}-agreed`),
  );
}

/** Everyone agrees. */
export const ALL_AGREE: Round['responses'] = [
  [ALICE, 'agree', null],
  [BOB, 'agree', null],
];
