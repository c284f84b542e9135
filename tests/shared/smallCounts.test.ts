import { describe, expect, it } from 'vitest';
import type { DomainState } from '../../shared/domain/state';
import { MIN_PEOPLE_TO_PUBLISH_RESULTS } from '../../shared/limits';
import {
  ALICE,
  accept,
  BOB,
  CAROL,
  contextAt,
  FACILITATOR,
  refusal,
  step,
  TEST_SETTINGS,
  withMeta,
  workshopState,
} from './helpers';

const VOTERS = [ALICE, BOB, CAROL];

/** workshopState() in the vote phase with an open round `r1` in which the first `count` of alice, bob and carol put a dot on theme3. */
function votedBy(count: number): DomainState {
  let state = step(withMeta(workshopState(), { phase: 'vote' }), FACILITATOR, {
    type: 'openVoteRound',
    roundId: 'r1',
    label: 'Round 1',
    dotsPerPerson: 3,
    maxPerItem: 3,
    facilitatorVotes: false,
    itemIds: null,
  });
  for (const voter of VOTERS.slice(0, count)) state = step(state, voter, { type: 'placeDot', roundId: 'r1', itemId: 'theme3' });
  return state;
}

/** workshopState() in the decide phase with an open round `p1` that the first `count` of alice, bob and carol answered. */
function answeredBy(count: number): DomainState {
  let state = step(withMeta(workshopState(), { phase: 'decide' }), FACILITATOR, {
    type: 'openProposal',
    proposalId: 'p1',
    promptId: 'prompt1',
    themeId: 'theme3',
    statement: 'We meet between 11 and 1.',
    rule: 'consent',
    quorumPercent: 0,
    thresholdPercent: 50,
    previousProposalId: null,
  });
  for (const person of VOTERS.slice(0, count)) {
    state = step(state, person, {
      type: 'respond',
      proposalId: 'p1',
      response: 'block',
      reason: `Reason of ${person.participantId}`,
    });
  }
  return state;
}

const named = (state: DomainState) => withMeta(state, { settings: { ...TEST_SETTINGS, isAnonymous: false } });

describe('closing a vote with few voters', () => {
  it('publishes from at least MIN_PEOPLE_TO_PUBLISH_RESULTS people, as the issue asks (3)', () => {
    expect(MIN_PEOPLE_TO_PUBLISH_RESULTS).toBe(3);
  });

  it.each([
    [1, 'Only 1 person has voted: the results would show exactly where they put their dots.'],
    [2, 'Only 2 people have voted: each of them could work out from the results where the other put their dots.'],
  ])('with %i voter(s): refused with too_few_people, then closed with confirmSmallCount', (count, message) => {
    const state = votedBy(count);
    expect(state.board.voteRounds.get('r1')?.voterCount).toBe(count);
    expect(refusal(state, FACILITATOR, { type: 'closeVoteRound', roundId: 'r1' })).toMatchObject({
      error: 'too_few_people',
      message,
    });
    expect(refusal(state, FACILITATOR, { type: 'closeVoteRound', roundId: 'r1', confirmSmallCount: false }).error).toBe(
      'too_few_people',
    );
    const closed = step(state, FACILITATOR, { type: 'closeVoteRound', roundId: 'r1', confirmSmallCount: true });
    expect(closed.board.voteRounds.get('r1')).toMatchObject({ status: 'closed', tallies: { theme3: count } });
    expect(closed.ballots.size).toBe(0);
  });

  it.each([0, 3])('with %i voters: closed without asking', (count) => {
    const closed = step(votedBy(count), FACILITATOR, { type: 'closeVoteRound', roundId: 'r1' });
    expect(closed.board.voteRounds.get('r1')).toMatchObject({ status: 'closed', tallies: { theme3: count } });
  });

  it('does not ask on a board that shows names', () => {
    const closed = step(named(votedBy(1)), FACILITATOR, { type: 'closeVoteRound', roundId: 'r1' });
    expect(closed.board.voteRounds.get('r1')?.status).toBe('closed');
  });

  it('counts voters from the public count, so a browser that sees only its own dots decides as the server does', () => {
    const server = votedBy(3);
    const browser = { ...server, ballots: new Map() };
    expect(accept(browser, FACILITATOR, { type: 'closeVoteRound', roundId: 'r1' }).doc).toHaveLength(1);
    const fewer = votedBy(2);
    expect(refusal({ ...fewer, ballots: new Map() }, FACILITATOR, { type: 'closeVoteRound', roundId: 'r1' }).error).toBe(
      'too_few_people',
    );
  });

  it('asks again when a voter takes her last dot back and leaves two', () => {
    const state = step(votedBy(3), CAROL, { type: 'removeDot', roundId: 'r1', itemId: 'theme3' });
    expect(refusal(state, FACILITATOR, { type: 'closeVoteRound', roundId: 'r1' }).error).toBe('too_few_people');
  });
});

describe('closing a consensus round with few respondents', () => {
  it.each([
    [1, 'Only 1 person has answered: the result would show their answer, and their reason if they gave one.'],
    [2, 'Only 2 people have answered: each of them could tell from the result what the other answered.'],
  ])('with %i respondent(s): refused with too_few_people, then closed with confirmSmallCount', (count, message) => {
    const state = answeredBy(count);
    expect(refusal(state, FACILITATOR, { type: 'closeProposal', proposalId: 'p1' })).toMatchObject({
      error: 'too_few_people',
      message,
    });
    const closed = step(state, FACILITATOR, { type: 'closeProposal', proposalId: 'p1', confirmSmallCount: true }, contextAt(1));
    expect(closed.board.proposals.get('p1')?.outcome?.counts.block).toBe(count);
    expect(closed.board.proposals.get('p1')?.outcome?.reasons).toHaveLength(count);
    expect(closed.responses.size).toBe(0);
  });

  it.each([0, 3])('with %i respondents: closed without asking', (count) => {
    const closed = step(answeredBy(count), FACILITATOR, { type: 'closeProposal', proposalId: 'p1' }, contextAt(1));
    expect(closed.board.proposals.get('p1')?.status).toBe('failed');
  });

  it('does not ask on a board that shows names', () => {
    const closed = step(named(answeredBy(2)), FACILITATOR, { type: 'closeProposal', proposalId: 'p1' }, contextAt(1));
    expect(closed.board.proposals.get('p1')?.status).toBe('failed');
  });

  it('counts respondents from the public count, as a browser sees it', () => {
    const server = answeredBy(3);
    expect(accept({ ...server, responses: new Map() }, FACILITATOR, { type: 'closeProposal', proposalId: 'p1' }).doc.length).toBe(
      1,
    );
  });
});
