import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { NO_CHANGES } from '../../shared/domain/changes';
import { quorumBase } from '../../shared/domain/consensusCommands';
import { privateSlice } from '../../shared/domain/privateSlice';
import { applyPrivateChanges } from '../../shared/domain/privateState';
import type { Actor, DomainState } from '../../shared/domain/state';
import {
  ALICE,
  accept,
  afterChanges,
  BOB,
  CAROL,
  decidingState,
  FACILITATOR,
  refusal,
  step,
  testContext,
  votingState,
  withMeta,
} from './helpers';

const REMOVE_ALICE: Command = { type: 'removeSeat', seatId: 'seat-alice' };

/** decidingState() in the vote phase with votingState()'s open round too: alice voted and answered. */
function votedAndAnswered(): DomainState {
  const voting = votingState();
  const deciding = decidingState();
  const round = voting.board.voteRounds.get('round1')!;
  return afterChanges(withMeta(deciding, { phase: 'vote' }), {
    doc: [{ type: 'putVoteRound', round }],
    private: [{ type: 'setBallot', roundId: 'round1', participantId: 'alice', itemId: 'theme3', count: 1 }],
  });
}

describe('removeSeat', () => {
  it.each([
    [
      'voted in an open round',
      () => withMeta(votingState(), { phase: 'vote' }),
      [{ type: 'patchVoteRound', id: 'round1', fields: { voterCount: 0 } }],
    ],
    [
      'answered an open proposal',
      () => withMeta(decidingState(), { phase: 'decide' }),
      [{ type: 'patchProposal', id: 'proposal1', fields: { respondentCount: 0 } }],
    ],
    [
      'did both',
      votedAndAnswered,
      [
        { type: 'patchVoteRound', id: 'round1', fields: { voterCount: 0 } },
        { type: 'patchProposal', id: 'proposal1', fields: { respondentCount: 0 } },
      ],
    ],
  ])('withdraws a seat that %s, and lowers exactly those counts', (_label, state, doc) => {
    expect(accept(state(), FACILITATOR, REMOVE_ALICE, testContext())).toEqual({
      doc,
      private: [{ type: 'removeSeat', participantId: 'alice' }],
    });
  });

  it('changes no count for a seat that has not voted or answered (the symmetric case: bob beside alice)', () => {
    const state = votedAndAnswered();
    expect(accept(state, FACILITATOR, { type: 'removeSeat', seatId: 'seat-bob' }, testContext())).toEqual({
      doc: [],
      private: [{ type: 'removeSeat', participantId: 'bob' }],
    });
  });

  it('deletes only that seat’s dots and responses, leaving everyone else’s', () => {
    let state = votedAndAnswered();
    state = step(state, BOB, { type: 'placeDot', roundId: 'round1', itemId: 'theme3' });
    state = afterChanges(state, {
      doc: [],
      private: [{ type: 'setResponse', proposalId: 'proposal1', participantId: 'bob', response: 'block', reason: 'No.' }],
    });
    const after = applyPrivateChanges(state, [{ type: 'removeSeat', participantId: 'alice' }]);
    expect(privateSlice(after, 'alice')).toMatchObject({ dots: {}, responses: {} });
    expect(privateSlice(after, 'bob')).toMatchObject({
      dots: { round1: { theme3: 1 } },
      responses: { proposal1: { response: 'block', reason: 'No.' } },
    });
    // Notes are not touched: drafts and counts of notes stay as they were.
    expect(after.drafts).toEqual(state.drafts);
    expect(after.posted).toEqual(state.posted);
  });

  it.each<[string, Actor]>([
    ['a participant', ALICE],
    ['another participant', CAROL],
  ])('is forbidden for %s', (_label, actor) => {
    expect(refusal(votingState(), actor, REMOVE_ALICE, testContext()).error).toBe('forbidden');
  });

  it('answers not_found for a handle the server did not give, and leaves the decision to the server in a browser', () => {
    expect(refusal(votingState(), FACILITATOR, { type: 'removeSeat', seatId: 'seat-nobody' }, testContext()).error).toBe(
      'not_found',
    );
    const { seats: _seats, ...browser } = testContext();
    expect(accept(votingState(), FACILITATOR, REMOVE_ALICE, browser)).toEqual(NO_CHANGES);
  });

  it('is accepted when the workshop is closed (no round can be open then)', () => {
    const closed = withMeta(votingState(), { phase: 'agreement', isClosed: true });
    expect(accept(closed, FACILITATOR, REMOVE_ALICE, testContext()).private).toEqual([
      { type: 'removeSeat', participantId: 'alice' },
    ]);
  });
});

describe('quorumBase', () => {
  // decidingState(): alice answered proposal1.
  it.each<[string, number, readonly string[]]>([
    ['everyone present, alice among them', 3, ['alice', 'bob', 'carol']],
    ['alice answered and left', 3, ['bob', 'carol']],
    ['nobody present but alice’s answer', 1, []],
    ['only alice present', 1, ['alice']],
  ])('%s: a base of %i', (_label, expected, present) => {
    expect(quorumBase(decidingState(), 'proposal1', new Set(present))).toBe(expected);
  });

  it('counts the respondents of that round only, not of another', () => {
    const state = afterChanges(decidingState(), {
      doc: [],
      private: [{ type: 'setResponse', proposalId: 'other', participantId: 'dan', response: 'agree', reason: null }],
    });
    expect(quorumBase(state, 'proposal1', new Set(['bob']))).toBe(2);
    expect(quorumBase(state, 'other', new Set(['bob']))).toBe(2);
  });

  it('decides a round with the idle left out: all who take part agreed, so it passes', () => {
    const state = withMeta(decidingState(), { phase: 'decide' });
    const consensus = afterChanges(state, {
      doc: [{ type: 'patchProposal', id: 'proposal1', fields: { quorumPercent: 100 } }],
      private: [{ type: 'setResponse', proposalId: 'proposal1', participantId: 'bob', response: 'agree', reason: null }],
    });
    // Few people on purpose: the small-count confirmation is not what this table tests.
    const close: Command = { type: 'closeProposal', proposalId: 'proposal1', confirmSmallCount: true };
    // carol is connected but idle (not present): she is not in the base.
    const changes = accept(consensus, FACILITATOR, close, { ...testContext(), present: new Set(['bob']) });
    expect(changes.doc[0]).toMatchObject({ fields: { status: 'passed', outcome: { presentCount: 2, isQuorumMet: true } } });
    // The same round with carol present and silent does not pass: her place in the base is real.
    const withCarol = accept(consensus, FACILITATOR, close, { ...testContext(), present: new Set(['bob', 'carol']) });
    expect(withCarol.doc[0]).toMatchObject({ fields: { status: 'failed', outcome: { presentCount: 3, isQuorumMet: false } } });
  });
});
