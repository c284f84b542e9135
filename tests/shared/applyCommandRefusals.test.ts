import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import type { ErrorCode } from '../../shared/domain/errors';
import type { Actor, DomainState } from '../../shared/domain/state';
import { MAX_NOTES_PER_PERSON_PER_PROMPT, MAX_PROMPTS_PER_BOARD } from '../../shared/limits';
import type { Phase } from '../../shared/phases';
import {
  ALICE,
  accept,
  BOB,
  FACILITATOR,
  newBoardState,
  post,
  refusal,
  step,
  testContext,
  withMeta,
  workshopState,
} from './helpers';

/** workshopState() after bob's held note was released: prompt2 has notes and nothing pending. */
function releasedState(): DomainState {
  return step(workshopState(), FACILITATOR, { type: 'releaseHeld', promptId: 'prompt2', confirmSmallCount: true });
}

type Row = [label: string, phase: Phase, actor: Actor, command: Command, error: ErrorCode, state?: () => DomainState];

const REFUSALS: Row[] = [
  [
    'updatePrompt of an unknown prompt',
    'setup',
    FACILITATOR,
    { type: 'updatePrompt', promptId: 'nope', text: 'X?' },
    'not_found',
  ],
  ['removePrompt of an unknown prompt', 'setup', FACILITATOR, { type: 'removePrompt', promptId: 'nope' }, 'not_found'],
  ['removePrompt of a prompt with drafts', 'setup', FACILITATOR, { type: 'removePrompt', promptId: 'prompt1' }, 'conflict'],
  [
    'removePrompt of a prompt with revealed notes and nothing pending',
    'setup',
    FACILITATOR,
    { type: 'removePrompt', promptId: 'prompt2' },
    'conflict',
    releasedState,
  ],
  [
    'movePrompt of an unknown prompt',
    'setup',
    FACILITATOR,
    { type: 'movePrompt', promptId: 'nope', beforePromptId: null },
    'not_found',
  ],
  [
    'movePrompt before an unknown prompt',
    'setup',
    FACILITATOR,
    { type: 'movePrompt', promptId: 'prompt1', beforePromptId: 'nope' },
    'not_found',
  ],
  [
    'movePrompt before itself',
    'setup',
    FACILITATOR,
    { type: 'movePrompt', promptId: 'prompt1', beforePromptId: 'prompt1' },
    'invalid_command',
  ],
  [
    'addPrompt with an existing id',
    'setup',
    FACILITATOR,
    { type: 'addPrompt', promptId: 'prompt1', text: 'Again?', kind: 'align', beforePromptId: null },
    'conflict',
  ],
  [
    'addPrompt before an unknown prompt',
    'setup',
    FACILITATOR,
    { type: 'addPrompt', promptId: 'prompt9', text: 'New?', kind: 'align', beforePromptId: 'nope' },
    'not_found',
  ],
  ['focusPrompt of an unknown prompt', 'group', FACILITATOR, { type: 'focusPrompt', promptId: 'nope' }, 'not_found'],
  ['reveal of an unknown prompt', 'share', FACILITATOR, { type: 'reveal', promptId: 'nope' }, 'not_found'],
  ['releaseHeld of an unknown prompt', 'share', FACILITATOR, { type: 'releaseHeld', promptId: 'nope' }, 'not_found'],
  ['releaseHeld of an unrevealed prompt', 'share', FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1' }, 'conflict'],
  ['setPhase two steps ahead', 'share', FACILITATOR, { type: 'setPhase', phase: 'vote', confirm: true }, 'wrong_phase'],
  [
    'postDraft to an unknown prompt',
    'reflect',
    ALICE,
    { type: 'postDraft', draftId: 'd-new', promptId: 'nope', text: 'Hi', tag: null },
    'not_found',
  ],
  [
    'postDraft reusing my own draft id',
    'reflect',
    ALICE,
    { type: 'postDraft', draftId: 'd-alice', promptId: 'prompt1', text: 'Hi', tag: null },
    'conflict',
  ],
  [
    "postDraft reusing someone else's draft id",
    'reflect',
    BOB,
    { type: 'postDraft', draftId: 'd-alice', promptId: 'prompt1', text: 'Hi', tag: null },
    'conflict',
  ],
  ['editDraft of an unknown draft', 'reflect', ALICE, { type: 'editDraft', draftId: 'nope', text: 'Hi' }, 'not_found'],
  ['deleteDraft of an unknown draft', 'reflect', ALICE, { type: 'deleteDraft', draftId: 'nope' }, 'not_found'],
  ['editDraft of a revealed note', 'share', ALICE, { type: 'editDraft', draftId: 'd-bob', text: 'Hi' }, 'not_found'],
];

describe('applyCommand refusals', () => {
  it.each(REFUSALS)('%s is refused as %s', (_label, phase, actor, command, error, makeState = workshopState) => {
    const state = withMeta(makeState(), { phase });
    const refused = refusal(state, actor, command);
    expect(refused.error).toBe(error);
    expect(refused.message).toMatch(/^[A-Z].*\.$/);
  });

  it('refuses a reused draft id with the same answer whoever owns it, so ids cannot be probed (symmetric case)', () => {
    const state = withMeta(workshopState(), { phase: 'reflect' });
    const command: Command = { type: 'postDraft', draftId: 'd-alice', promptId: 'prompt1', text: 'Hi', tag: null };
    const mine = refusal(state, ALICE, command);
    expect(mine).toMatchObject({ error: 'conflict', message: 'A note with this id already exists.' });
    expect(refusal(state, BOB, command)).toEqual(mine);
  });
});

describe('limit_reached', () => {
  it(`allows ${MAX_PROMPTS_PER_BOARD} prompts per board and refuses one more`, () => {
    let state = newBoardState({ prompts: MAX_PROMPTS_PER_BOARD - 1 });
    const add = (promptId: string): Command => ({
      type: 'addPrompt',
      promptId,
      text: 'More?',
      kind: 'align',
      beforePromptId: null,
    });
    state = step(state, FACILITATOR, add('last'));
    expect(state.board.prompts.size).toBe(MAX_PROMPTS_PER_BOARD);
    expect(refusal(state, FACILITATOR, add('one-too-many'))).toMatchObject({
      error: 'limit_reached',
      message: `A board can have at most ${MAX_PROMPTS_PER_BOARD} prompts.`,
    });
    state = step(state, FACILITATOR, { type: 'removePrompt', promptId: 'last' });
    expect(accept(state, FACILITATOR, add('again')).doc).toHaveLength(1);
  });

  function postMany(state: DomainState, actor: Actor, promptId: string, count: number, prefix: string): DomainState {
    let next = state;
    for (let i = 0; i < count; i++) next = post(next, actor, `${prefix}-${i}`, promptId);
    return next;
  }

  const overLimit: Command = { type: 'postDraft', draftId: 'one-too-many', promptId: 'prompt1', text: 'More', tag: null };
  const limitError = {
    error: 'limit_reached',
    message: `You can write at most ${MAX_NOTES_PER_PERSON_PER_PROMPT} notes for one prompt.`,
    reason: 'tooManyNotesPerPerson',
    values: { max: MAX_NOTES_PER_PERSON_PER_PROMPT },
  };

  it(`allows ${MAX_NOTES_PER_PERSON_PER_PROMPT} notes per person and prompt, per person and per prompt`, () => {
    let state = newBoardState({ phase: 'reflect' });
    state = postMany(state, ALICE, 'prompt1', MAX_NOTES_PER_PERSON_PER_PROMPT, 'a');
    expect(state.posted.get('alice/prompt1')).toBe(MAX_NOTES_PER_PERSON_PER_PROMPT);
    expect(refusal(state, ALICE, overLimit)).toEqual(limitError);
    // The limit is per person and per prompt.
    expect(accept(state, BOB, overLimit).private).toHaveLength(2);
    expect(accept(state, ALICE, { ...overLimit, promptId: 'prompt2' }).private).toHaveLength(2);
    // Deleting a draft gives the slot back.
    state = step(state, ALICE, { type: 'deleteDraft', draftId: 'a-0' });
    expect(accept(state, ALICE, overLimit).private).toHaveLength(2);
  });

  it('still counts notes once they are revealed, and held notes too', () => {
    let state = newBoardState({ phase: 'reflect' });
    state = postMany(state, ALICE, 'prompt1', MAX_NOTES_PER_PERSON_PER_PROMPT - 2, 'a');
    state = step(withMeta(state, { phase: 'share' }), FACILITATOR, {
      type: 'reveal',
      promptId: 'prompt1',
      confirmSmallCount: true,
    });
    expect(state.drafts.size).toBe(0);
    state = postMany(state, ALICE, 'prompt1', 2, 'held');
    expect(state.drafts.size).toBe(2);
    expect(refusal(state, ALICE, overLimit)).toEqual(limitError);
    state = step(state, FACILITATOR, { type: 'releaseHeld', promptId: 'prompt1', confirmSmallCount: true });
    expect(state.drafts.size).toBe(0);
    expect(state.board.notes.size).toBe(MAX_NOTES_PER_PERSON_PER_PROMPT);
    expect(refusal(state, ALICE, overLimit)).toEqual(limitError);
  });

  it('leaves the state untouched when refusing', () => {
    const state = withMeta(workshopState(), { phase: 'reflect' });
    const before = JSON.stringify([...state.drafts], null, 0) + JSON.stringify([...state.posted]);
    refusal(state, BOB, { type: 'deleteDraft', draftId: 'd-alice' }, testContext());
    expect(JSON.stringify([...state.drafts], null, 0) + JSON.stringify([...state.posted])).toBe(before);
    expect(state.drafts.get('d-alice')?.authorId).toBe('alice');
  });
});
