import { ballotKey } from './state';

const NO_DOTS: ReadonlyMap<string, number> = new Map();

/** One person's dots in one round: per item, and how many in all. */
interface VoterDots {
  used: number;
  readonly items: Map<string, number>;
}

/**
 * The ballots of a board ({@link DomainState.ballots}: `ballotKey` → dots) with an index kept
 * beside them: participant → round → that person's dots per item and their total. A dot's check
 * and a private slice read one person's few entries (at most `MAX_DOTS_PER_PERSON` items) instead
 * of every ballot of the board, so a vote storm costs the same per dot with 10 voters or 500.
 * Only its own methods change it, and each keeps the index equal to a recount of the ballots.
 */
export class BallotBox implements ReadonlyMap<string, number> {
  private readonly counts = new Map<string, number>();
  private readonly voters = new Map<string, Map<string, VoterDots>>();

  /** A box holding a copy of `ballots` (keys from `ballotKey`). */
  static copyOf(ballots: ReadonlyMap<string, number>): BallotBox {
    const box = new BallotBox();
    for (const [key, count] of ballots) {
      const [roundId, participantId, itemId] = key.split('/');
      if (roundId === undefined || participantId === undefined || itemId === undefined) continue;
      box.set(roundId, participantId, itemId, count);
    }
    return box;
  }

  /** `ballots` itself when it is a box (the server's), else an indexed copy (a browser's few ballots). */
  static of(ballots: ReadonlyMap<string, number>): BallotBox {
    return ballots instanceof BallotBox ? ballots : BallotBox.copyOf(ballots);
  }

  /** Sets one person's dots on one item; 0 deletes the ballot. */
  set(roundId: string, participantId: string, itemId: string, count: number): void {
    const key = ballotKey(roundId, participantId, itemId);
    const before = this.counts.get(key) ?? 0;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
    let rounds = this.voters.get(participantId);
    let dots = rounds?.get(roundId);
    if (dots === undefined) {
      if (count <= 0) return;
      dots = { used: 0, items: new Map() };
      rounds ??= new Map();
      rounds.set(roundId, dots);
      this.voters.set(participantId, rounds);
    }
    dots.used += Math.max(0, count) - before;
    if (count > 0) dots.items.set(itemId, count);
    else dots.items.delete(itemId);
    if (dots.items.size > 0) return;
    rounds?.delete(roundId);
    if (rounds?.size === 0) this.voters.delete(participantId);
  }

  /** Deletes every ballot of a round (it closed: only its tallies remain). */
  clearRound(roundId: string): void {
    for (const [participantId, rounds] of this.voters) {
      const dots = rounds.get(roundId);
      if (dots === undefined) continue;
      for (const itemId of dots.items.keys()) this.counts.delete(ballotKey(roundId, participantId, itemId));
      rounds.delete(roundId);
      if (rounds.size === 0) this.voters.delete(participantId);
    }
  }

  /** Deletes every ballot of one person (their seat was removed). */
  removeVoter(participantId: string): void {
    for (const [roundId, dots] of this.voters.get(participantId) ?? []) {
      for (const itemId of dots.items.keys()) this.counts.delete(ballotKey(roundId, participantId, itemId));
    }
    this.voters.delete(participantId);
  }

  /** One person's dots in one round, per item (live: read it, do not keep it). */
  dotsOf(roundId: string, participantId: string): ReadonlyMap<string, number> {
    return this.voters.get(participantId)?.get(roundId)?.items ?? NO_DOTS;
  }

  /** How many dots one person has placed in one round. */
  usedBy(roundId: string, participantId: string): number {
    return this.voters.get(participantId)?.get(roundId)?.used ?? 0;
  }

  /** The rounds one person has dots in. */
  roundsOf(participantId: string): IterableIterator<string> {
    return (this.voters.get(participantId) ?? new Map<string, VoterDots>()).keys();
  }

  get size(): number {
    return this.counts.size;
  }

  get(key: string): number | undefined {
    return this.counts.get(key);
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.counts) callback.call(thisArg, value, key, this);
  }

  entries() {
    return this.counts.entries();
  }

  keys() {
    return this.counts.keys();
  }

  values() {
    return this.counts.values();
  }

  [Symbol.iterator]() {
    return this.counts[Symbol.iterator]();
  }
}
