import { expect } from 'vitest';
import { BallotBox } from '../../shared/domain/BallotBox';
import type { BoardState } from '../../shared/domain/state';

/** One person's dots in one round, recounted from the flat ballots: `${participantId} ${roundId}` → item → dots. */
function recount(ballots: ReadonlyMap<string, number>): Map<string, Map<string, number>> {
  const people = new Map<string, Map<string, number>>();
  for (const [key, count] of ballots) {
    const [roundId, participantId, itemId] = key.split('/') as [string, string, string];
    const mine = people.get(`${participantId} ${roundId}`) ?? new Map<string, number>();
    mine.set(itemId, count);
    people.set(`${participantId} ${roundId}`, mine);
  }
  return people;
}

/**
 * Fails unless the box's index equals a recount of its ballots for every person and round the
 * test knows of (none more, none fewer, no ballot of 0), and every open round of `board` keeps
 * its budget: nobody over their dots or over the per-item cap, and `voterCount` = people with a dot.
 */
export function expectIndexMatchesRecount(
  ballots: ReadonlyMap<string, number>,
  people: readonly string[],
  rounds: readonly string[],
  board?: BoardState,
): void {
  expect(ballots).toBeInstanceOf(BallotBox);
  const box = ballots as BallotBox;
  const counted = recount(box);
  for (const participantId of people) {
    const roundsInIndex = [...box.roundsOf(participantId)].sort();
    const roundsCounted = rounds.filter((r) => counted.has(`${participantId} ${r}`)).sort();
    expect(roundsInIndex, `rounds of ${participantId}`).toEqual(roundsCounted);
    for (const roundId of rounds) {
      const mine = counted.get(`${participantId} ${roundId}`) ?? new Map<string, number>();
      expect(new Map(box.dotsOf(roundId, participantId)), `dots of ${participantId} in ${roundId}`).toEqual(mine);
      const used = [...mine.values()].reduce((a, b) => a + b, 0);
      expect(box.usedBy(roundId, participantId), `used by ${participantId} in ${roundId}`).toBe(used);
      expect([...mine.values()].every((n) => n > 0)).toBe(true);
    }
  }
  if (!board) return;
  for (const round of board.voteRounds.values()) {
    if (round.status !== 'open') continue;
    let voters = 0;
    for (const participantId of people) {
      const used = box.usedBy(round.id, participantId);
      if (used > 0) voters += 1;
      expect(used, `${participantId} within the budget of ${round.id}`).toBeLessThanOrEqual(round.dotsPerPerson);
      for (const count of box.dotsOf(round.id, participantId).values()) expect(count).toBeLessThanOrEqual(round.maxPerItem);
    }
    expect(round.voterCount, `voterCount of ${round.id}`).toBe(voters);
  }
}
