import { HEARTBEAT_INTERVAL_MS } from '../shared/limits';
import { log } from './log';
import { Room } from './room/Room';
import type { BoardStore } from './store/BoardStore';

/** How long an empty room stays in memory before it is closed, in milliseconds. */
export const ROOM_IDLE_MS = 60_000;

/** Opens rooms on demand (once per board, even under concurrent joins) and closes idle ones. */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room | null>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly store: BoardStore,
    private readonly compactAfterUpdates: number,
  ) {
    this.heartbeat = setInterval(() => {
      for (const room of this.rooms.values()) room.heartbeat();
    }, HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** The open room of a board, opening it from storage if needed; null when the board does not exist. */
  async get(boardId: string): Promise<Room | null> {
    const open = this.rooms.get(boardId);
    if (open && !open.closed) return open;
    let pending = this.opening.get(boardId);
    if (!pending) {
      pending = Room.open(this.store, boardId, this.compactAfterUpdates).then((room) => {
        if (room) {
          this.rooms.set(boardId, room);
          room.onClose = () => {
            if (this.rooms.get(boardId) === room) this.rooms.delete(boardId);
          };
          log('info', 'room.opened', { boardId });
        }
        return room;
      });
      this.opening.set(boardId, pending);
      pending.finally(() => this.opening.delete(boardId)).catch(() => {});
    }
    return pending;
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
      if (room.members.size === 0) {
        room.close();
        log('info', 'room.closed', { boardId: room.id });
      }
    }, ROOM_IDLE_MS);
    timer.unref();
    this.idleTimers.set(room.id, timer);
  }

  get openRooms(): number {
    return this.rooms.size;
  }

  /** Closes every room (server shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    for (const room of [...this.rooms.values()]) room.close();
    this.rooms.clear();
  }
}
