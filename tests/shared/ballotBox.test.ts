import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { BallotBox } from '../../shared/domain/BallotBox';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import { isDomainError } from '../../shared/domain/errors';
import { privateSlice } from '../../shared/domain/privateSlice';
import { applyOwnedPrivateChanges, applyPrivateChanges, ownPrivateState } from '../../shared/domain/privateState';
import type { Actor, DomainState } from '../../shared/domain/state';
import { seededRandom } from '../../shared/random';
import { expectIndexMatchesRecount } from './ballotIndex';
import { ALICE, afterChanges, BOB, CAROL, FACILITATOR, testContext, votingState, withMeta } from './helpers';

const PEOPLE = ['alice', 'bob', 'carol'];
const VOTERS: readonly Actor[] = [ALICE, BOB, CAROL];
/** theme3 … theme6 are on prompt1 (align); `nope` is nothing. */
const ITEMS = ['theme3', 'theme4', 'theme5', 'theme6', 'nope'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function start(): DomainState {
  const state = afterChanges(withMeta(votingState(), { phase: 'vote' }), {
    doc: ['theme4', 'theme5', 'theme6'].map((id, i) => ({
      type: 'putTheme' as const,
      theme: { id, promptId: 'prompt1', name: `Theme ${id}`, order: `a${i + 1}` },
    })),
    private: [],
  });
  return state;
}

function randomCommand(random: () => number, state: DomainState, rounds: string[]): { actor: Actor; command: Command } {
  const open = [...state.board.voteRounds.values()].find((r) => r.status === 'open');
  const roll = random();
  if (open && roll < 0.55)
    return { actor: pick(random, VOTERS), command: { type: 'placeDot', roundId: open.id, itemId: pick(random, ITEMS) } };
  if (open && roll < 0.85)
    return { actor: pick(random, VOTERS), command: { type: 'removeDot', roundId: open.id, itemId: pick(random, ITEMS) } };
  if (open && roll < 0.92)
    return { actor: FACILITATOR, command: { type: 'closeVoteRound', roundId: open.id, confirmSmallCount: true } };
  if (roll < 0.96)
    return {
      actor: FACILITATOR,
      command: { type: 'removeSeat', seatId: pick(random, ['seat-alice', 'seat-bob', 'seat-carol']) },
    };
  const dotsPerPerson = 1 + Math.floor(random() * 5);
  const roundId = `round${rounds.length + 1}`;
  rounds.push(roundId);
  return {
    actor: FACILITATOR,
    command: {
      type: 'openVoteRound',
      roundId,
      label: roundId,
      dotsPerPerson,
      maxPerItem: 1 + Math.floor(random() * dotsPerPerson),
      facilitatorVotes: false,
      itemIds: random() < 0.3 ? ['theme3', 'theme5'] : null,
    },
  };
}

describe('BallotBox: the per-person index of the ballots', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'equals a recount after every step of random dots, removals, closes and removed seats (seed %i), in place as on the server and copied as in a browser',
    (seed) => {
      const random = seededRandom(seed);
      const rounds = ['round1'];
      let copied = start();
      // The server's way (CommandPipeline): one owned copy, changed in place.
      const owned = ownPrivateState(copied);
      let server: DomainState = { ...copied, ...owned };
      for (let n = 0; n < 300; n++) {
        const { actor, command } = randomCommand(random, server, rounds);
        const ctx = testContext(seed * 1000 + n);
        const changes = applyCommand(server, actor, command, ctx);
        expect(applyCommand(copied, actor, command, ctx), `${command.type}: same answer both ways`).toEqual(changes);
        if (isDomainError(changes)) continue;
        if (command.type === 'closeVoteRound') {
          const tallies = changes.doc.flatMap((c) => (c.type === 'patchVoteRound' ? Object.values(c.fields.tallies ?? {}) : []));
          const placed = PEOPLE.reduce((sum, p) => sum + (server.ballots as BallotBox).usedBy(command.roundId, p), 0);
          expect(tallies.reduce((a, b) => a + b, 0)).toBe(placed);
        }
        applyOwnedPrivateChanges(owned, changes.private);
        server = { ...server, board: applyDocChangesToBoard(server.board, changes.doc) };
        copied = applyPrivateChanges({ ...copied, board: applyDocChangesToBoard(copied.board, changes.doc) }, changes.private);
        expectIndexMatchesRecount(server.ballots, PEOPLE, rounds, server.board);
        expectIndexMatchesRecount(copied.ballots, PEOPLE, rounds, copied.board);
        expect(new Map(server.ballots)).toEqual(new Map(copied.ballots));
        for (const p of PEOPLE) expect(privateSlice(server, p)).toEqual(privateSlice(copied, p));
      }
    },
  );

  it('builds the same index from plain ballots (a browser’s, from its slice) and ignores keys that are not ballot keys', () => {
    const plain = new Map([
      ['r1/alice/i1', 2],
      ['r1/alice/i2', 1],
      ['r1/bob/i1', 1],
      ['r2/alice/i3', 1],
      ['not-a-key', 4],
    ]);
    const box = BallotBox.of(plain);
    expect(box.usedBy('r1', 'alice')).toBe(3);
    expect(new Map(box.dotsOf('r1', 'bob'))).toEqual(new Map([['i1', 1]]));
    expect([...box.roundsOf('alice')]).toEqual(['r1', 'r2']);
    expect(box.size).toBe(4);
    expect(BallotBox.of(box)).toBe(box);
    expectIndexMatchesRecount(box, ['alice', 'bob'], ['r1', 'r2']);
  });

  it('forgets a person with no dots left, and a round once cleared (the symmetric case of placing)', () => {
    const box = new BallotBox();
    box.set('r1', 'alice', 'i1', 1);
    box.set('r2', 'alice', 'i1', 1);
    box.set('r1', 'alice', 'i1', 0);
    expect([...box.roundsOf('alice')]).toEqual(['r2']);
    box.clearRound('r2');
    expect([...box.roundsOf('alice')]).toEqual([]);
    expect(box.size).toBe(0);
    box.set('r3', 'bob', 'i1', 0);
    expect(box.size).toBe(0);
    expect([...box.roundsOf('bob')]).toEqual([]);
  });
});
