import { setTimeout as sleep } from 'node:timers/promises';
import type { BoardState } from '../shared/domain/state';
import { HEARTBEAT_INTERVAL_MS } from '../shared/limits';
import { CLOSE_CODES } from '../shared/protocol';
import { randomId } from '../shared/random';
import { type BoardOwnership, LocalOwnership, type OwnershipLoss } from './cluster/BoardOwnership';
import { log } from './log';
import { readStoredBoard } from './room/loadRoomState';
import { Room } from './room/Room';
import type { BoardRow, BoardStore } from './store/BoardStore';

/** How long an empty room stays in memory before it is closed, in milliseconds. */
export const ROOM_IDLE_MS = 60_000;

/** How long a shutdown waits for one room's queued commands to commit, in milliseconds. */
export const DRAIN_ROOM_TIMEOUT_MS = 10_000;

/**
 * A draining cluster node hands its rooms over one after another, this many milliseconds apart:
 * the successors then let in one board's clients at a time instead of every board's at once (which
 * kept the rolling test's successors saturated for seconds: hand-off p99 2.3 s with every room at
 * once, 0.4–1.1 s spaced). A room is served here as usual until its turn.
 */
export const DRAIN_ROOM_SPACING_MS = 100;
/** … and in at most this long in all, in milliseconds: a node with many rooms spaces them closer. */
export const DRAIN_SPREAD_MAX_MS = 5_000;

/** The time between two rooms' turns in a drain of `rooms` rooms asked to be `spacingMs` apart. */
export function drainSpacingMs(spacingMs: number, rooms: number): number {
  return Math.max(0, Math.min(spacingMs, DRAIN_SPREAD_MAX_MS / Math.max(1, rooms - 1)));
}

/** A room that cannot be opened here now; the connection closes with `code` (45xx: the client retries). */
export class RoomUnavailableError extends Error {
  override readonly name = 'RoomUnavailableError';
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Opens rooms on demand (once per board, even under concurrent joins) and closes idle ones. A room
 * is opened only after the ownership claim says this node owns the board, and its claim is given
 * up when it closes; rooms whose ownership is lost close at once, so they stop acknowledging.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room | null>>();
  /** Releases in flight, so that a board is claimed again only after its last release. */
  private readonly releasing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly heartbeat: NodeJS.Timeout;
  private isDraining = false;

  constructor(
    private readonly store: BoardStore,
    private readonly compactAfterUpdates: number,
    readonly ownership: BoardOwnership = new LocalOwnership(randomId()),
  ) {
    this.heartbeat = setInterval(() => {
      for (const room of this.rooms.values()) room.heartbeat();
    }, HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
    ownership.onLost = (loss) => this.onOwnershipLost(loss);
  }

  /**
   * The open room of a board, opening it from storage if this node owns it or can claim it; null
   * when the board does not exist. Rejects with RoomUnavailableError when another node owns it or
   * this node is shutting down.
   */
  async get(boardId: string): Promise<Room | null> {
    const open = this.rooms.get(boardId);
    if (open && !open.closed) return open;
    if (this.isDraining) throw new RoomUnavailableError(CLOSE_CODES.DRAINING, 'Server shutting down');
    let pending = this.opening.get(boardId);
    if (!pending) {
      pending = this.open(boardId);
      this.opening.set(boardId, pending);
      pending.finally(() => this.opening.delete(boardId)).catch(() => {});
    }
    return pending;
  }

  /**
   * Starts opening a board's room for a connection just let in, before its AUTH comes (a round trip
   * later, and after a failover or a hand-off, at the back of a busy client's queue): the claim and
   * the load run meanwhile. The connection's own `get` then finds the room open, or opening, and
   * reports the outcome; a room nobody joins closes after ROOM_IDLE_MS.
   */
  prepare(boardId: string): void {
    if (this.isDraining || this.isOpen(boardId)) return;
    this.get(boardId).catch(() => {});
  }

  /**
   * Settles once the opening of the board's room under way here (its claim and load) has, won or
   * lost; at once when none is. A router asks this before it looks the owner up: meanwhile the
   * claim is not in PostgreSQL yet, and a client served here on that lookup would be closed with
   * 4501 if another node's claim won.
   */
  async settled(boardId: string): Promise<void> {
    await this.opening.get(boardId)?.catch(() => {});
  }

  /** True when the board's room is open here. */
  isOpen(boardId: string): boolean {
    return this.rooms.get(boardId)?.closed === false;
  }

  get draining(): boolean {
    return this.isDraining;
  }

  private async open(boardId: string): Promise<Room | null> {
    await this.releasing.get(boardId);
    const startedAt = performance.now();
    const placement = await this.ownership.claim(boardId);
    const claimedAt = performance.now();
    if (placement.type === 'remote') throw new RoomUnavailableError(CLOSE_CODES.BOARD_MOVED, 'Board is on another server');
    if (placement.type === 'noBoard') return null;
    let room: Room | null;
    try {
      room = await Room.open(this.store, boardId, this.compactAfterUpdates);
    } catch (error) {
      this.release(boardId);
      throw error;
    }
    if (!room) {
      this.release(boardId);
      return null;
    }
    // The claim may have been lost (or a shutdown begun) while the board loaded.
    if (this.isDraining || !this.ownership.isHeld(boardId)) {
      room.close(CLOSE_CODES.BOARD_MOVED, 'Board moved');
      this.release(boardId);
      throw new RoomUnavailableError(this.isDraining ? CLOSE_CODES.DRAINING : CLOSE_CODES.BOARD_MOVED, 'Board moved');
    }
    this.rooms.set(boardId, room);
    room.onClose = () => {
      if (this.rooms.get(boardId) === room) this.rooms.delete(boardId);
      this.touch(boardId);
      if (this.ownership.isHeld(boardId)) this.release(boardId);
      log('info', 'room.closed', { boardId });
    };
    // How long the claim and the load took: a slow hand-off shows where its time went.
    const claimMs = Math.round(claimedAt - startedAt);
    log('info', 'room.opened', { boardId, claimMs, loadMs: Math.round(performance.now() - claimedAt) });
    // Closes after ROOM_IDLE_MS unless someone joins (a room opened for a refused AUTH must not stay).
    this.released(room);
    return room;
  }

  /** Gives up the claim on a board after everything before has been given up. */
  private release(boardId: string): void {
    const previous = this.releasing.get(boardId) ?? Promise.resolve();
    const next: Promise<void> = previous
      .then(() => this.ownership.release(boardId))
      .catch((error: Error) => log('warn', 'board.release_failed', { boardId, message: error.message }))
      .finally(() => {
        if (this.releasing.get(boardId) === next) this.releasing.delete(boardId);
      });
    this.releasing.set(boardId, next);
  }

  private onOwnershipLost(loss: OwnershipLoss): void {
    log('warn', 'rooms.ownership_lost', { reason: loss.reason, rooms: this.rooms.size });
    for (const room of [...this.rooms.values()]) room.close(CLOSE_CODES.LEASE_LOST, 'Server lost its lease');
  }

  /**
   * The board's row and public state for a download: from the open room when there is one, else
   * read from the store (without opening a room or claiming the board, which may be another node's).
   */
  async readBoard(boardId: string): Promise<{ row: BoardRow; board: BoardState } | null> {
    const open = this.rooms.get(boardId);
    if (open && !open.closed) return { row: open.row, board: open.board };
    return readStoredBoard(this.store, boardId);
  }

  /** Call when a member joined: cancels a pending idle close. */
  touch(boardId: string): void {
    const timer = this.idleTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(boardId);
  }

  /** Call when a member left: closes the room after ROOM_IDLE_MS if it is still empty. */
  released(room: Room): void {
    if (room.members.size > 0 || room.closed) return;
    this.touch(room.id);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.id);
      if (room.members.size === 0) room.close();
    }, ROOM_IDLE_MS);
    timer.unref();
    this.idleTimers.set(room.id, timer);
  }

  get openRooms(): number {
    return this.rooms.size;
  }

  /**
   * Shutdown without losing anything: no new rooms; each room stops taking commands, commits and
   * answers the queued ones, hands its board to a live successor (or to nobody, when there is
   * none: any node may claim it at once), then closes its connections with `code` so that they
   * reconnect. With `spacingMs` (a cluster node: DRAIN_ROOM_SPACING_MS) the rooms take their turn
   * that far apart, within DRAIN_SPREAD_MAX_MS in all. Ends with the ownership's `stop`.
   */
  async drain(code: number, spacingMs = 0): Promise<void> {
    this.isDraining = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled([...this.opening.values()]);
    const rooms = [...this.rooms.values()];
    const spacing = drainSpacingMs(spacingMs, rooms.length);
    const drains: Promise<void>[] = [];
    for (const [i, room] of rooms.entries()) {
      if (i > 0 && spacing > 0) await sleep(spacing);
      // A room whose last member left while it waited closed by itself, and let its board go.
      if (this.rooms.get(room.id) === room) drains.push(this.drainRoom(room, code));
    }
    await Promise.all(drains);
    await Promise.allSettled([...this.releasing.values()]);
    await this.ownership.stop();
  }

  private async drainRoom(room: Room, code: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DRAIN_ROOM_TIMEOUT_MS);
    });
    const startedAt = performance.now();
    const outcome = await Promise.race([room.drain(), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') log('warn', 'room.drain_timeout', { boardId: room.id });
    const drainedAt = performance.now();
    if (this.ownership.isHeld(room.id)) {
      await this.ownership.handOver(room.id).then(
        (successor) =>
          log('info', 'board.handed_over', {
            boardId: room.id,
            to: successor,
            drainMs: Math.round(drainedAt - startedAt),
            handOverMs: Math.round(performance.now() - drainedAt),
          }),
        (error: Error) => log('warn', 'board.release_failed', { boardId: room.id, message: error.message }),
      );
    }
    room.close(code, 'Server shutting down');
  }

  /** Closes every room at once (tests, and the end of a shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const room of [...this.rooms.values()]) room.close();
    this.rooms.clear();
  }
}
