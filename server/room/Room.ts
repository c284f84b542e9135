import type * as decoding from 'lib0/decoding';
import type * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CommandEnvelope } from '../../shared/commands';
import { mayRespond } from '../../shared/domain/consensusCommands';
import { privateSlice } from '../../shared/domain/privateSlice';
import type { DomainState } from '../../shared/domain/state';
import { CLOSE_CODES, encodeJsonMessage, MESSAGE_PRIVATE, MESSAGE_RESULT, type PrivateMessage } from '../../shared/protocol';
import type { AwarenessEntry } from '../awarenessFilter';
import { log } from '../log';
import { type BoardRow, type BoardStore, FencedError } from '../store/BoardStore';
import { CommandPipeline, type CommittedBatch, type PipelineHost } from './CommandPipeline';
import { loadRoomState } from './loadRoomState';
import { ReadOnlySync, type SyncRequest } from './ReadOnlySync';
import { RoomAwareness } from './RoomAwareness';
import { frameUpdate, type RoomMember } from './RoomMember';
import { RoomSeats } from './RoomSeats';
import { facilitatorSeats, SeatsMessages } from './SeatsMessages';
import { SharedFrame } from './SharedFrame';

/**
 * One open board: its Yjs document (written only by the command pipeline, under SERVER_ORIGIN),
 * its private state, its connections and its presence. The concerns live in their own files:
 * read-only sync (ReadOnlySync), presence (RoomAwareness), queue → apply → commit → publish
 * (CommandPipeline), loading (loadRoomState); this class joins them and owns the members.
 */
export class Room implements PipelineHost {
  readonly members = new Set<RoomMember>();
  readonly seats: RoomSeats;
  state: DomainState;
  private readonly sync: ReadOnlySync;
  private readonly presence: RoomAwareness;
  private readonly pipeline: CommandPipeline;
  /** The roster setting presence was last filtered with. */
  private isRosterShown: boolean;
  private isClosed = false;
  /** Shutting down: commands are no longer taken (their senders replay them to the next owner). */
  private isDraining = false;
  /** Called once when the room closes (the manager forgets it). */
  onClose: (() => void) | null = null;
  /** The `seats` messages to facilitators. */
  private readonly seatsMessages: SeatsMessages;

  private constructor(
    readonly row: BoardRow,
    readonly doc: Y.Doc,
    state: DomainState,
    store: BoardStore,
    lastSeq: number,
    updatesSinceSnapshot: number,
    compactAfterUpdates: number,
    participants: Map<string, string>,
  ) {
    this.state = state;
    this.seats = new RoomSeats(participants);
    this.isRosterShown = state.board.meta.settings.showRoster;
    this.sync = new ReadOnlySync(doc);
    this.presence = new RoomAwareness(doc, this.members, () => this.board.meta.settings.showRoster);
    this.pipeline = new CommandPipeline(this, store, lastSeq, updatesSinceSnapshot, compactAfterUpdates);
    this.seatsMessages = new SeatsMessages(this.members, this.seats, this.presence);
    this.presence.awareness.on('change', () => this.seatsMessages.schedule());
  }

  /** Opens a board from storage; null when it does not exist. */
  static async open(store: BoardStore, boardId: string, compactAfterUpdates: number): Promise<Room | null> {
    // The seats are read beside the board (another connection, the same moment): the claim came first.
    const [loaded, participants] = await Promise.all([loadRoomState(store, boardId), store.participantsOf(boardId)]);
    if (!loaded) return null;
    const { row, doc, state, lastSeq, updatesSinceSnapshot } = loaded;
    return new Room(row, doc, state, store, lastSeq, updatesSinceSnapshot, compactAfterUpdates, participants);
  }

  get id(): string {
    return this.row.id;
  }

  get board() {
    return this.state.board;
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Adds an authenticated connection: welcome, private slice, then the document handshake. */
  join(member: RoomMember): void {
    this.members.add(member);
    this.sendPrivate(member, {
      type: 'welcome',
      role: member.actor.role,
      participantId: member.actor.participantId,
      serverNow: Date.now(),
      ...(member.actor.role === 'facilitator' ? { joinCode: this.row.joinCode } : {}),
    });
    if (member.actor.participantId !== null) this.sendSlice(member);
    // A facilitator who joins is sent the view even if it did not change.
    this.seatsMessages.schedule(member.actor.role === 'facilitator');
    this.pipeline.whenCommitted(() => {
      member.send(this.sync.step1Frame());
      const presence = this.presence.initialFrame(member);
      if (presence) member.send(presence);
    });
  }

  /** Removes a connection and the presence it published. */
  leave(member: RoomMember): void {
    if (!this.members.delete(member)) return;
    this.presence.remove(member);
    this.seatsMessages.schedule();
  }

  /** Decodes a sync message (after its type); throws BadFrameError on bad bytes. */
  readSync(decoder: decoding.Decoder): SyncRequest {
    return this.sync.read(decoder);
  }

  /**
   * Handles a decoded sync message. Step 1 gets the missing part of the document, handed to
   * `answer` (by default sent to the member; Connection charges it to the member's budget first).
   * Step 2 and updates are never applied: clients are read-only replicas, and one whose update
   * holds anything the server does not already have is trying to write, and is refused.
   */
  answerSync(member: RoomMember, request: SyncRequest, answer: (frame: Uint8Array) => void = (f) => member.send(f)): void {
    if (request.type === 'step1') {
      this.pipeline.whenCommitted(() => answer(this.sync.step2Frame(request.stateVector)));
    } else if (request.type === 'write') {
      log('warn', 'sync.write_refused', { boardId: this.id, role: member.actor.role });
      member.close(CLOSE_CODES.FORBIDDEN_WRITE, 'Only the server writes the board');
    }
  }

  /** Decodes and answers a sync message in one go (tests and tools that need no budget). */
  handleSync(member: RoomMember, decoder: decoding.Decoder): void {
    this.answerSync(member, this.readSync(decoder));
  }

  /** Decodes an awareness update (its entries); throws BadFrameError on bad bytes or states over the limit. */
  readAwareness(update: Uint8Array): AwarenessEntry[] {
    return this.presence.read(update);
  }

  /** Applies a member's presence update (filtered for its role). */
  handleAwareness(member: RoomMember, entries: readonly AwarenessEntry[]): void {
    this.presence.handle(member, entries);
  }

  /** Every awareness state, as the answer to a member's query (null for readers). */
  allAwarenessFrame(member: RoomMember): Uint8Array | null {
    return this.presence.allFrame(member);
  }

  /** Queues a command for the next group commit. */
  enqueue(member: RoomMember, envelope: CommandEnvelope): void {
    if (!this.isClosed && !this.isDraining) this.pipeline.enqueue(member, envelope);
  }

  /**
   * Stops taking commands and resolves once the queued ones are committed and answered (shutdown),
   * and the log is compacted: the next owner then loads one snapshot rather than up to
   * COMPACT_AFTER_UPDATES updates. A command sent meanwhile gets no answer: it stays in its
   * sender's outbox and goes to the next owner.
   */
  async drain(): Promise<void> {
    this.isDraining = true;
    await this.pipeline.idle();
    if (this.pipeline.hasUpdatesSinceSnapshot) await this.pipeline.compact();
  }

  /** Resolves when every queued command has been committed and answered. */
  idle(): Promise<void> {
    return this.pipeline.idle();
  }

  /** Writes the whole document as one snapshot and drops the updates it covers. */
  compact(): Promise<void> {
    return this.pipeline.compact();
  }

  /**
   * The people taking part now: participant ids of members who may respond and show presence
   * (with a round's respondents, the base of its quorum). A connection that never says it is here,
   * or whose page has been hidden for a while, does not count; nor does a removed seat.
   */
  presentIds(): Set<string> {
    const present = new Set<string>();
    for (const member of this.members) {
      const id = member.actor.participantId;
      if (id === null || this.seats.isRemoved(id) || !mayRespond(member.actor, this.board)) continue;
      if (this.presence.presenceOf(member).length > 0) present.add(id);
    }
    return present;
  }

  /** Handles of the seats facilitators may remove: every seat with a handle, except facilitators' own. */
  seatHandles(): Map<string, string> {
    return this.seats.handleMap(facilitatorSeats(this.members));
  }

  /** A removal was applied: the seat counts nowhere from now on (its sockets close after the commit). */
  seatRemoved(participantId: string): void {
    this.seats.remove(participantId);
  }

  isSeatRemoved(participantId: string): boolean {
    return this.seats.isRemoved(participantId);
  }

  /**
   * Sends a committed batch. The update and private slices go out before the results, so that a
   * client sees the effect by the time it hears "ok".
   */
  publish({ update, affected, answers, removedSeats }: CommittedBatch): void {
    // Each member's frames of this batch (update, slice, answer) leave in one write.
    const corked = [...this.members];
    for (const member of corked) member.cork?.();
    try {
      if (update !== null) {
        const frame = SharedFrame.wrap(frameUpdate(update));
        for (const member of this.members) member.send(frame);
      }
      for (const member of this.members) {
        if (member.actor.participantId !== null && affected.has(member.actor.participantId)) this.sendSlice(member);
      }
      for (const { member, result } of answers) member.send(encodeJsonMessage(MESSAGE_RESULT, result));
    } finally {
      for (const member of corked) member.uncork?.();
    }
    if (removedSeats.size > 0) {
      for (const member of [...this.members]) {
        const id = member.actor.participantId;
        if (id !== null && removedSeats.has(id)) member.close(CLOSE_CODES.SEAT_REMOVED, 'The facilitator removed this seat');
      }
      this.seatsMessages.schedule();
    }
    if (this.isRosterShown !== this.board.meta.settings.showRoster) {
      this.isRosterShown = this.board.meta.settings.showRoster;
      this.presence.resanitize();
    }
  }

  /**
   * A commit failed: the in-memory document is now ahead of storage. Nothing of it was sent, so
   * the room closes; clients reconnect to a room reloaded from storage and replay their queues.
   */
  fail(error: unknown): void {
    if (error instanceof FencedError) {
      // Another node owns the board now (or this one lost its lease): nothing was written or sent.
      log('warn', 'board.fenced', { boardId: this.id });
      this.close(CLOSE_CODES.BOARD_MOVED, 'Board moved to another server');
      return;
    }
    log('error', 'board.commit_failed', { boardId: this.id, message: (error as Error).message });
    this.close(CLOSE_CODES.GOING_AWAY, 'Please reconnect');
  }

  /** Closes every connection and stops the room. */
  close(code: number = CLOSE_CODES.GOING_AWAY, reason = 'Server restarting'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.pipeline.stop();
    this.sync.forgetColdSyncFrame();
    this.seatsMessages.stop();
    for (const member of [...this.members]) member.close(code, reason);
    this.members.clear();
    this.presence.destroy();
    this.onClose?.();
  }

  /** Sends a private message to one member. */
  sendPrivate(member: RoomMember, message: PrivateMessage): void {
    member.send(encodeJsonMessage(MESSAGE_PRIVATE, message));
  }

  private sendSlice(member: RoomMember): void {
    const participantId = member.actor.participantId as string;
    this.sendPrivate(member, { type: 'slice', ...privateSlice(this.state, participantId) });
  }

  /** Sends the server clock to every member (keeps idle sockets alive; timers use it). */
  heartbeat(): void {
    for (const member of this.members) this.sendPrivate(member, { type: 'time', serverNow: Date.now() });
  }
}
