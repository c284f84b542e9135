import { describe, expect, it } from 'vitest';
import type { Room } from '../../server/room/Room';
import type { MemoryStore } from '../../server/store/MemoryStore';
import { BallotBox } from '../../shared/domain/BallotBox';
import { ballotKey } from '../../shared/domain/state';
import { votableItems } from '../../shared/domain/votingCommands';
import { seededRandom } from '../../shared/random';
import { expectIndexMatchesRecount } from '../shared/ballotIndex';
import { SimClient, seededRoom } from './harness';

const PEOPLE = ['pa', 'pb', 'pc'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The room's index equals a recount of its ballots, and both equal the rows in storage. */
async function expectConsistent(room: Room, store: MemoryStore, rounds: readonly string[]): Promise<void> {
  await room.idle();
  expectIndexMatchesRecount(room.state.ballots, PEOPLE, rounds, room.board);
  const stored = (await store.loadBoard(room.id))?.ballots ?? [];
  expect(new Map(stored.map((b) => [ballotKey(b.roundId, b.participantId, b.itemId), b.count]))).toEqual(
    new Map(room.state.ballots),
  );
}

async function runSeed(seed: number): Promise<void> {
  const random = seededRandom(seed);
  let ids = 0;
  const { store, room } = await seededRoom(`vote${seed}`, 3, () => `id${seed}x${++ids}`);
  const facilitator = new SimClient('fac', { role: 'facilitator', participantId: null });
  // pa has two tabs: the same person, two connections whose commands land in the same batches.
  const tabs = [
    new SimClient('pa1', { role: 'participant', participantId: 'pa' }),
    new SimClient('pa2', { role: 'participant', participantId: 'pa' }),
    new SimClient('pb', { role: 'participant', participantId: 'pb' }),
    new SimClient('pc', { role: 'participant', participantId: 'pc' }),
  ];
  for (const client of [facilitator, ...tabs]) client.connect(room);
  facilitator.send(room, { type: 'setPhase', phase: 'vote' });
  const items = [...votableItems(room.board), 'nothing'];
  const rounds: string[] = [];
  const open = () => {
    const roundId = `round${rounds.length + 1}`;
    rounds.push(roundId);
    const dotsPerPerson = 1 + Math.floor(random() * 5);
    facilitator.send(room, {
      type: 'openVoteRound',
      roundId,
      label: roundId,
      dotsPerPerson,
      maxPerItem: 1 + Math.floor(random() * dotsPerPerson),
      facilitatorVotes: false,
      itemIds: random() < 0.3 ? items.slice(0, 3) : null,
    });
  };
  open();
  for (let step = 0; step < 120; step++) {
    const roundId = rounds[rounds.length - 1] as string;
    const roll = random();
    if (roll < 0.5) pick(random, tabs).send(room, { type: 'placeDot', roundId, itemId: pick(random, items) });
    else if (roll < 0.75) pick(random, tabs).send(room, { type: 'removeDot', roundId, itemId: pick(random, items) });
    else if (roll < 0.93) await expectConsistent(room, store, rounds);
    else {
      facilitator.send(room, { type: 'closeVoteRound', roundId, confirmSmallCount: true });
      open();
    }
  }
  await expectConsistent(room, store, rounds);
  expect(room.state.ballots).toBeInstanceOf(BallotBox);
  room.close();
}

describe('the room’s ballot index under a stream of dots from two tabs of one person and others', () => {
  it('equals a recount and the stored ballots after every group commit, and nobody exceeds a budget (20 seeds)', async () => {
    for (let seed = 1; seed <= 20; seed++) await runSeed(seed);
  }, 60_000);
});
