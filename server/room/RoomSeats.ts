import {
  NEW_SEATS_BURST_PER_ADDRESS,
  NEW_SEATS_BURST_PER_BOARD,
  NEW_SEATS_PER_MINUTE_PER_ADDRESS,
  NEW_SEATS_PER_MINUTE_PER_BOARD,
} from '../../shared/limits';
import type { SeatView } from '../../shared/protocol';
import { randomId } from '../../shared/random';
import { TokenBucket } from '../rateLimit';

/** What actor resolution asks of a board before it registers a new seat. */
export interface SeatGate {
  /** The participant id of a seat this board has, by the hash (hex) of its secret; undefined when unknown here. */
  knownSeat(secretHashHex: string): string | undefined;
  /** Takes one new seat from the address's and the board's allowance; false when either is spent. */
  mayOpenSeat(address: string, now?: number): boolean;
  /** A seat was registered (or found in storage) under the hash of its secret. */
  opened(secretHashHex: string, participantId: string, isNew: boolean): void;
  /**
   * Runs `task` once for concurrent callers with the same key: two tabs of one browser that open
   * at once with a new secret register one seat and spend one allowance, not two.
   */
  once<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** Address buckets untouched this long are full again and can be forgotten (burst / rate). */
const ADDRESS_REFILL_MS = (NEW_SEATS_BURST_PER_ADDRESS / NEW_SEATS_PER_MINUTE_PER_ADDRESS) * 60_000;

/**
 * The seats of one open board: how many there are, how fast new ones may appear, and the handles
 * facilitators use to remove one. A handle is random and lives as long as the room: it names a
 * seat in the facilitators' list and in `removeSeat`, and nowhere else.
 */
export class RoomSeats implements SeatGate {
  private readonly boardBucket = new TokenBucket(NEW_SEATS_PER_MINUTE_PER_BOARD / 60, NEW_SEATS_BURST_PER_BOARD);
  private readonly addressBuckets = new Map<string, { bucket: TokenBucket; lastAt: number }>();
  private readonly handles = new Map<string, string>();
  private readonly participants = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Secret hash (hex) → participant id of the board's seats, read when the room opened and kept up to date. */
  private readonly bySecret: Map<string, string>;
  private count: number;

  constructor(seats: ReadonlyMap<string, string> = new Map()) {
    this.bySecret = new Map(seats);
    this.count = this.bySecret.size;
  }

  knownSeat(secretHashHex: string): string | undefined {
    return this.bySecret.get(secretHashHex);
  }

  /** Seats the board has now. */
  get total(): number {
    return this.count;
  }

  mayOpenSeat(address: string, now: number = Date.now()): boolean {
    this.forgetIdleAddresses(now);
    let entry = this.addressBuckets.get(address);
    if (!entry) {
      entry = { bucket: new TokenBucket(NEW_SEATS_PER_MINUTE_PER_ADDRESS / 60, NEW_SEATS_BURST_PER_ADDRESS, now), lastAt: now };
      this.addressBuckets.set(address, entry);
    }
    entry.lastAt = now;
    // The address first: one flooding address must not spend the board's allowance for everyone.
    return entry.bucket.take(now) && this.boardBucket.take(now);
  }

  opened(secretHashHex: string, participantId: string, isNew: boolean): void {
    if (this.removed.has(participantId)) return;
    this.bySecret.set(secretHashHex, participantId);
    if (isNew) this.count += 1;
  }

  once<T>(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** The handle of a seat (made on first sight). */
  handleOf(participantId: string): string {
    let handle = this.handles.get(participantId);
    if (handle === undefined) {
      handle = randomId();
      this.handles.set(participantId, handle);
      this.participants.set(handle, participantId);
    }
    return handle;
  }

  /** Handle → participant id of every seat with a handle that is still there, except `except` (facilitators' own seats). */
  handleMap(except: ReadonlySet<string>): Map<string, string> {
    const map = new Map<string, string>();
    for (const [handle, participantId] of this.participants) if (!except.has(participantId)) map.set(handle, participantId);
    return map;
  }

  /** Marks a seat removed (as soon as its removal is applied: commands queued behind it are refused). */
  remove(participantId: string): void {
    if (this.removed.has(participantId)) return;
    this.removed.add(participantId);
    this.count = Math.max(0, this.count - 1);
    for (const [secret, id] of this.bySecret) if (id === participantId) this.bySecret.delete(secret);
    const handle = this.handles.get(participantId);
    if (handle !== undefined) this.participants.delete(handle);
    this.handles.delete(participantId);
  }

  isRemoved(participantId: string): boolean {
    return this.removed.has(participantId);
  }

  /** The facilitators' view: connected seats in the order of their random handles (never by when they joined). */
  view(
    connected: ReadonlyMap<string, readonly number[]>,
    facilitatorSeats: ReadonlySet<string>,
  ): { total: number; connected: SeatView[] } {
    const seats = [...connected].map(([participantId, clientIds]) => ({
      seatId: this.handleOf(participantId),
      clientIds: [...clientIds].sort((a, b) => a - b),
      isFacilitator: facilitatorSeats.has(participantId),
    }));
    seats.sort((a, b) => (a.seatId < b.seatId ? -1 : 1));
    return { total: this.count, connected: seats };
  }

  private forgetIdleAddresses(now: number): void {
    if (this.addressBuckets.size < 1000) return;
    for (const [address, entry] of this.addressBuckets)
      if (now - entry.lastAt > ADDRESS_REFILL_MS) this.addressBuckets.delete(address);
  }
}
