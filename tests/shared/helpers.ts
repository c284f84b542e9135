import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import type { Changes, DocChange } from '../../shared/domain/changes';
import { createBoard } from '../../shared/domain/createBoard';
import { type DomainError, isDomainError } from '../../shared/domain/errors';
import { applyPrivateChanges } from '../../shared/domain/privateState';
import type { Actor, BoardState, DomainContext, DomainState } from '../../shared/domain/state';
import type { Phase } from '../../shared/phases';
import { seededRandom } from '../../shared/random';
import type { BoardMeta } from '../../shared/records/BoardMeta';
import type { Template } from '../../shared/templates';

/** A facilitator who also takes part (writes notes) under participant id `fac`. */
export const FACILITATOR: Actor = { role: 'facilitator', participantId: 'fac' };
/** A facilitator connection with no participant identity. */
export const FACILITATOR_WITHOUT_ID: Actor = { role: 'facilitator', participantId: null };
export const ALICE: Actor = { role: 'participant', participantId: 'alice' };
export const BOB: Actor = { role: 'participant', participantId: 'bob' };
export const CAROL: Actor = { role: 'participant', participantId: 'carol' };
export const READER: Actor = { role: 'reader', participantId: null };

/** Deterministic ids: `prefix1`, `prefix2`, … */
export function idSequence(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A reproducible DomainContext: seeded randomness and ids `note1`, `note2`, … (or another prefix). */
export function testContext(seed = 1, idPrefix = 'note'): DomainContext {
  return { random: seededRandom(seed), newId: idSequence(idPrefix), now: 1_700_000_000_000 };
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
  const state: DomainState = { board, drafts: new Map(), posted: new Map() };
  return withMeta(state, {
    phase: options.phase ?? 'setup',
    settings: { facilitatorParticipates: options.facilitatorParticipates ?? true, showRoster: true },
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
 * prompt2 has two empty themes, `theme1` (Family) and `theme2` (Health); a one-minute timer runs.
 */
export function workshopState(): DomainState {
  let state = newBoardState();
  state = step(state, FACILITATOR, { type: 'setPhase', phase: 'reflect' });
  state = post(state, ALICE, 'd-alice', 'prompt1');
  state = post(state, BOB, 'd-bob', 'prompt2');
  state = step(state, FACILITATOR, { type: 'setPhase', phase: 'share' });
  state = step(state, FACILITATOR, { type: 'reveal', promptId: 'prompt2' }, testContext());
  state = post(state, BOB, 'd-bob-2', 'prompt2');
  return afterChanges(state, {
    doc: [
      { type: 'putTheme', theme: { id: 'theme1', promptId: 'prompt2', name: 'Family', order: 'a0' } },
      { type: 'putTheme', theme: { id: 'theme2', promptId: 'prompt2', name: 'Health', order: 'a1' } },
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
