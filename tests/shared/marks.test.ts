import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { privateSlice } from '../../shared/domain/privateSlice';
import type { Actor, DomainState } from '../../shared/domain/state';
import {
  ALICE,
  accept,
  BOB,
  CAROL,
  FACILITATOR,
  FACILITATOR_WITHOUT_ID,
  READER,
  refusal,
  SEATS,
  step,
  testContext,
  votingState,
  withMeta,
  workshopState,
} from './helpers';

const heart = (isOn: boolean): Command => ({ type: 'react', noteId: 'note1', reaction: 'heart', isOn });
const group = (): DomainState => withMeta(workshopState(), { phase: 'group' });

describe('reactions', () => {
  it('counts one of each kind per person, taken back by its owner only, in the document as counts', () => {
    let state = group();
    state = step(state, ALICE, heart(true));
    state = step(state, BOB, heart(true));
    state = step(state, ALICE, { type: 'react', noteId: 'note1', reaction: 'idea', isOn: true });
    expect(state.board.notes.get('note1')?.markCounts).toEqual({ heart: 2, idea: 1 });
    // Again: nothing changes (a replay, a double tap).
    expect(accept(state, ALICE, heart(true))).toEqual({ doc: [], private: [] });
    // Taking back what one never gave changes nothing either.
    expect(accept(state, CAROL, heart(false))).toEqual({ doc: [], private: [] });
    state = step(state, ALICE, heart(false));
    state = step(state, ALICE, { type: 'react', noteId: 'note1', reaction: 'idea', isOn: false });
    // A kind nobody holds any more is absent, not 0.
    expect(state.board.notes.get('note1')?.markCounts).toEqual({ heart: 1 });
    expect(privateSlice(state, 'bob').marks).toEqual({ note1: ['heart'] });
    expect(privateSlice(state, 'alice').marks).toEqual({});
  });

  it.each<[string, Actor, Command, DomainState, string]>([
    ['a reader', READER, heart(true), group(), 'forbidden'],
    ['a facilitator without a seat', FACILITATOR_WITHOUT_ID, heart(true), group(), 'forbidden'],
    ['a note that is not shown', ALICE, { type: 'react', noteId: 'nope', reaction: 'heart', isOn: true }, group(), 'not_found'],
    ['before anything is shown', ALICE, heart(true), withMeta(workshopState(), { phase: 'reflect' }), 'wrong_phase'],
  ])('refuses %s', (_what, actor, command, state, error) => {
    expect(refusal(state, actor, command).error).toBe(error);
  });
});

describe('done marks', () => {
  it('counts people done with a prompt in reflect, and with the open round in vote', () => {
    let state = withMeta(votingState(), { phase: 'reflect' });
    state = step(state, ALICE, { type: 'markDone', targetId: 'prompt1', isDone: true });
    state = step(state, BOB, { type: 'markDone', targetId: 'prompt1', isDone: true });
    expect(state.board.prompts.get('prompt1')?.markCounts).toEqual({ done: 2 });
    // In reflect only prompts; in vote only the open round.
    expect(refusal(state, ALICE, { type: 'markDone', targetId: 'round1', isDone: true }).error).toBe('not_found');
    state = withMeta(state, { phase: 'vote' });
    expect(refusal(state, ALICE, { type: 'markDone', targetId: 'prompt1', isDone: true }).error).toBe('not_found');
    state = step(state, ALICE, { type: 'markDone', targetId: 'round1', isDone: true });
    expect(state.board.voteRounds.get('round1')?.markCounts).toEqual({ done: 1 });
    // Who said so is forgotten at close; the count stays.
    state = step(state, FACILITATOR, { type: 'closeVoteRound', roundId: 'round1', confirmSmallCount: true });
    expect(state.board.voteRounds.get('round1')?.markCounts).toEqual({ done: 1 });
    expect([...state.marks].filter((key) => key.startsWith('round1/'))).toEqual([]);
    expect(privateSlice(state, 'alice').marks).toEqual({ prompt1: ['done'] });
  });

  it('in vote, only people who may vote can say they are done', () => {
    const state = withMeta(votingState(), { phase: 'vote' });
    // The round has facilitatorVotes false.
    expect(refusal(state, FACILITATOR, { type: 'markDone', targetId: 'round1', isDone: true }).error).toBe('forbidden');
  });
});

describe('removing a seat', () => {
  it('withdraws its marks, one count change per record', () => {
    let state = group();
    state = step(state, ALICE, heart(true));
    state = step(state, ALICE, { type: 'react', noteId: 'note1', reaction: 'plusOne', isOn: true });
    state = step(state, BOB, heart(true));
    const changes = accept(state, FACILITATOR, { type: 'removeSeat', seatId: 'seat-alice' }, { ...testContext(), seats: SEATS });
    expect(changes.doc).toEqual([{ type: 'patchNote', id: 'note1', fields: { markCounts: { heart: 1 } } }]);
    state = step(state, FACILITATOR, { type: 'removeSeat', seatId: 'seat-alice' }, { ...testContext(), seats: SEATS });
    expect([...state.marks]).toEqual(['note1/bob/heart']);
  });
});

describe('grouping by participants', () => {
  const move: Command = { type: 'moveNotes', noteIds: ['note1'], themeId: 'theme1', beforeNoteId: null };
  it('is the facilitator’s alone until the board allows it', () => {
    expect(refusal(group(), ALICE, move).error).toBe('forbidden');
    const allowed = step(group(), FACILITATOR, { type: 'updateSettings', participantsGroup: true });
    expect(allowed.board.meta.settings.participantsGroup).toBe(true);
    expect(accept(allowed, ALICE, move).doc).toHaveLength(1);
    expect(refusal(allowed, READER, move).error).toBe('forbidden');
    expect(refusal(allowed, ALICE, { type: 'deleteTheme', themeId: 'theme1' }).error).toBe('forbidden');
    expect(refusal(allowed, ALICE, { type: 'mergeThemes', sourceThemeId: 'theme1', targetThemeId: 'theme2' }).error).toBe(
      'forbidden',
    );
  });
});
