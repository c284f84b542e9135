import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../shared/boardDoc';
import type { CommandEnvelope } from '../shared/commands';
import { applyCommand } from '../shared/domain/applyCommand';
import { applyDocChangesToBoard } from '../shared/domain/boardState';
import type { PrivateChange } from '../shared/domain/changes';
import { mayRespond } from '../shared/domain/consensusCommands';
import { isDomainError } from '../shared/domain/errors';
import { privateSlice } from '../shared/domain/privateSlice';
import { applyPrivateChanges } from '../shared/domain/privateState';
import { type Actor, ballotKey, type DomainContext, type DomainState, postedKey, responseKey } from '../shared/domain/state';
import { migrateBoardDoc } from '../shared/migrations';
import {
  CLOSE_CODES,
  type CommandResult,
  encodeJsonMessage,
  MESSAGE_AWARENESS,
  MESSAGE_PRIVATE,
  MESSAGE_RESULT,
  MESSAGE_SYNC,
  type PrivateMessage,
} from '../shared/protocol';
import { randomId } from '../shared/random';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, sanitizeAwarenessState } from './awarenessFilter';
import { log } from './log';
import { type AppliedCommand, appliedKey, type BoardRow, type BoardStore } from './store/BoardStore';

/** Origin of every server write to a board document. */
export const SERVER_ORIGIN = Symbol('accord-server');

/** A connection as the room sees it (implemented by Connection). */
export interface RoomMember {
  readonly actor: Actor;
  /** Who the member is for command de-duplication: participant id, or `facilitator`. */
  readonly actorKey: string;
  /** Awareness client ids this member publishes. */
  readonly awarenessClientIds: Set<number>;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Thrown for a frame that cannot be decoded; the connection closes with BAD_FRAME. */
export class BadFrameError extends Error {}

interface QueuedCommand {
  readonly member: RoomMember;
  readonly envelope: CommandEnvelope;
}

/**
 * One open board: its Yjs document (written only here, under SERVER_ORIGIN), its private state,
 * its connections and its awareness. Commands are queued and applied in group commits: all
 * commands that arrived together are applied, written in one storage transaction, and only then
 * answered and broadcast.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly members = new Set<RoomMember>();
  private state: DomainState;
  private queue: QueuedCommand[] = [];
  private flushing: Promise<void> | null = null;
  /** Work that must wait until no transaction is in flight (answers that read the document). */
  private afterCommit: (() => void)[] = [];
  private isCommitting = false;
  private updatesSinceSnapshot: number;
  private snapshotCache: Y.Snapshot | null = null;
  /** Sync step 2 for a client that has nothing, encoded once until the document changes (a workshop's start is a burst of those). */
  private coldSyncFrame: Uint8Array | null = null;
  private isClosed = false;

  private constructor(
    readonly row: BoardRow,
    private readonly store: BoardStore,
    doc: Y.Doc,
    state: DomainState,
    private lastSeq: number,
    updatesSinceSnapshot: number,
    private readonly compactAfterUpdates: number,
  ) {
    this.doc = doc;
    this.state = state;
    this.updatesSinceSnapshot = updatesSinceSnapshot;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server itself is not present on the board.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', () => {
      this.snapshotCache = null;
      this.coldSyncFrame = null;
    });
  }

  get id(): string {
    return this.row.id;
  }

  get board() {
    return this.state.board;
  }

  /** Opens a board from storage: snapshot plus updates, never rebuilt from scratch. */
  static async open(store: BoardStore, boardId: string, compactAfterUpdates: number): Promise<Room | null> {
    const stored = await store.loadBoard(boardId);
    if (!stored) return null;
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, SERVER_ORIGIN);
    for (const update of stored.updates) Y.applyUpdate(doc, update, SERVER_ORIGIN);
    let lastSeq = stored.lastSeq;
    const migrationUpdates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => migrationUpdates.push(update);
    doc.on('update', collect);
    const ran = migrateBoardDoc(doc, SERVER_ORIGIN);
    doc.off('update', collect);
    if (migrationUpdates.length > 0) {
      lastSeq += 1;
      await store.commit(boardId, {
        update: Y.mergeUpdates(migrationUpdates),
        seq: lastSeq,
        privateChanges: [],
        applied: [],
        now: Date.now(),
      });
      log('info', 'board.migrated', { boardId, migrations: ran.join(',') });
    }
    const board = readBoard(doc);
    if (!board) throw new Error(`Board ${boardId} has no valid document`);
    const posted = new Map(stored.posted.map((p) => [postedKey(p.participantId, p.promptId), p.count]));
    const state: DomainState = {
      board,
      drafts: new Map(stored.drafts.map((d) => [d.id, d])),
      posted,
      ballots: new Map(stored.ballots.map((b) => [ballotKey(b.roundId, b.participantId, b.itemId), b.count])),
      responses: new Map(
        stored.responses.map((r) => [responseKey(r.proposalId, r.participantId), { response: r.response, reason: r.reason }]),
      ),
    };
    return new Room(stored.row, store, doc, state, lastSeq, stored.updates.length, compactAfterUpdates);
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
    this.whenCommitted(() => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      member.send(encoding.toUint8Array(encoder));
      const states = this.awareness.getStates();
      // Readers see the agreement, not who is in the room.
      if (states.size > 0 && member.actor.role !== 'reader') {
        member.send(frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
      }
    });
  }

  /** Removes a connection and the presence it published. */
  leave(member: RoomMember): void {
    if (!this.members.delete(member)) return;
    const ids = [...member.awarenessClientIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * Handles a sync message. Step 1 gets the missing part of the document. Step 2 and updates are
   * never applied: clients are read-only replicas, and one whose update holds anything the server
   * does not already have is trying to write, and is refused.
   */
  handleSync(member: RoomMember, decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) throw new BadFrameError('trailing bytes after sync message');
    if (type === syncProtocol.messageYjsSyncStep1) {
      try {
        Y.decodeStateVector(payload);
      } catch {
        throw new BadFrameError('invalid state vector');
      }
      this.whenCommitted(() => member.send(this.syncStep2Frame(payload)));
      return;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      throw new BadFrameError('unknown sync message type');
    }
    if (!this.holdsUpdate(payload)) {
      log('warn', 'sync.write_refused', { boardId: this.id, role: member.actor.role });
      member.close(CLOSE_CODES.FORBIDDEN_WRITE, 'Only the server writes the board');
    }
  }

  /** The answer to a sync step 1: what `stateVector` lacks. */
  private syncStep2Frame(stateVector: Uint8Array): Uint8Array {
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
    if (isEmpty && this.coldSyncFrame) return this.coldSyncFrame;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    const frame = encoding.toUint8Array(encoder);
    if (isEmpty) this.coldSyncFrame = frame;
    return frame;
  }

  /** True when everything in `update` is already in the document (an honest client's step 2). */
  private holdsUpdate(update: Uint8Array): boolean {
    if (update.length === 2 && update[0] === 0 && update[1] === 0) return true;
    try {
      this.snapshotCache ??= Y.snapshot(this.doc);
      return Y.snapshotContainsUpdate(this.snapshotCache, update);
    } catch {
      throw new BadFrameError('invalid Yjs update');
    }
  }

  /** Applies a member's awareness update after rebuilding each state from allowed fields only. */
  handleAwareness(member: RoomMember, update: Uint8Array): void {
    let entries: ReturnType<typeof decodeAwarenessUpdate>;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch {
      throw new BadFrameError('invalid awareness update');
    }
    if (member.actor.role === 'reader') return;
    const accepted = [];
    for (const entry of entries) {
      if (!this.mayPublishAs(member, entry.clientId)) continue;
      member.awarenessClientIds.add(entry.clientId);
      const state =
        entry.state === null ? null : sanitizeAwarenessState(entry.state, member.actor.role, this.board.meta.settings.showRoster);
      accepted.push({ clientId: entry.clientId, clock: entry.clock, state });
    }
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), member);
  }

  /**
   * Rebuilds every published presence under the current settings (names hidden or shown again is
   * only a matter of what people publish next; hiding must not wait for that). Clocks are bumped so
   * that clients take the rebuilt states.
   */
  private resanitizeAwareness(): void {
    const entries = [];
    for (const member of this.members) {
      for (const clientId of member.awarenessClientIds) {
        const state = this.awareness.getStates().get(clientId);
        const meta = this.awareness.meta.get(clientId);
        if (!state || !meta) continue;
        const clean = sanitizeAwarenessState(state, member.actor.role, this.board.meta.settings.showRoster);
        entries.push({ clientId, clock: meta.clock + 1, state: clean });
      }
    }
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(entries), null);
  }

  /** A member publishes for one client id; another member may take it over only if it is the same person reconnecting. */
  private mayPublishAs(member: RoomMember, clientId: number): boolean {
    if (member.awarenessClientIds.has(clientId)) return true;
    if (member.awarenessClientIds.size >= 1) return false;
    for (const other of this.members) {
      if (other === member || !other.awarenessClientIds.has(clientId)) continue;
      if (other.actorKey !== member.actorKey) return false;
      other.awarenessClientIds.delete(clientId);
    }
    return clientId !== this.doc.clientID;
  }

  /** Answers a query for every awareness state. */
  sendAllAwareness(member: RoomMember): void {
    if (member.actor.role === 'reader') return;
    const clients = [...this.awareness.getStates().keys()];
    member.send(frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  private readonly onAwarenessUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }) => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const frame = frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const member of this.members) if (member.actor.role !== 'reader') member.send(frame);
  };

  /** Resolves when every queued command has been committed and answered. */
  async idle(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  /** Queues a command for the next group commit. */
  enqueue(member: RoomMember, envelope: CommandEnvelope): void {
    if (this.isClosed) return;
    this.queue.push({ member, envelope });
    if (this.flushing === null) this.flushing = this.flushLoop();
  }

  private async flushLoop(): Promise<void> {
    // Let every frame that already arrived join this batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0 && !this.isClosed) await this.flush(this.queue.splice(0));
    } catch (error) {
      this.fail(error);
    } finally {
      this.flushing = null;
    }
  }

  private async flush(batch: QueuedCommand[]): Promise<void> {
    const now = Date.now();
    const known = await this.store.findAppliedResults(
      this.id,
      batch.map((q) => ({ actorKey: q.member.actorKey, commandId: q.envelope.id })),
    );
    const ctx: DomainContext = { random: Math.random, newId: randomId, now, presentCount: this.presentCount() };
    const showRosterBefore = this.board.meta.settings.showRoster;
    const answers: { member: RoomMember; result: CommandResult }[] = [];
    const applied: AppliedCommand[] = [];
    const privateChanges: PrivateChange[] = [];
    const updates: Uint8Array[] = [];
    const affected = new Set<string>();
    const collect = (update: Uint8Array) => updates.push(update);
    this.isCommitting = true;
    this.doc.on('update', collect);
    try {
      for (const { member, envelope } of batch) {
        const key = appliedKey(member.actorKey, envelope.id);
        const previous = known.get(key);
        if (previous) {
          answers.push({ member, result: previous });
          continue;
        }
        let outcome: ReturnType<typeof applyCommand>;
        try {
          outcome = applyCommand(this.state, member.actor, envelope.command, ctx);
        } catch (error) {
          // A bug, not bad input: this command is refused (and not remembered, so a fixed server can apply a replay).
          log('error', 'command.failed', { boardId: this.id, type: envelope.command.type, message: (error as Error).message });
          answers.push({
            member,
            result: {
              id: envelope.id,
              ok: false,
              error: 'internal',
              message: 'Something went wrong on the server. Nothing was changed.',
            },
          });
          continue;
        }
        let result: CommandResult;
        if (isDomainError(outcome)) {
          result = { id: envelope.id, ok: false, error: outcome.error, message: outcome.message };
        } else {
          collectAffected(this.state, outcome.private, affected);
          applyDocChanges(this.doc, outcome.doc, SERVER_ORIGIN);
          const next = applyPrivateChanges(this.state, outcome.private);
          this.state = { ...next, board: applyDocChangesToBoard(next.board, outcome.doc) };
          privateChanges.push(...outcome.private);
          result = { id: envelope.id, ok: true };
        }
        known.set(key, result);
        applied.push({ actorKey: member.actorKey, result });
        answers.push({ member, result });
      }
    } finally {
      this.doc.off('update', collect);
    }
    const update = updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    try {
      await this.store.commit(this.id, { update, seq: this.lastSeq + 1, privateChanges, applied, now });
    } catch (error) {
      this.fail(error);
      return;
    }
    if (update !== null) {
      this.lastSeq += 1;
      this.updatesSinceSnapshot += 1;
    }
    this.isCommitting = false;
    // Committed: now, and only now, anyone may learn of it. The update and private slices go out
    // before the results, so that a client sees the effect by the time it hears "ok".
    if (update !== null) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const frame = encoding.toUint8Array(encoder);
      for (const member of this.members) member.send(frame);
    }
    for (const member of this.members) {
      if (member.actor.participantId !== null && affected.has(member.actor.participantId)) this.sendSlice(member);
    }
    for (const { member, result } of answers) member.send(encodeJsonMessage(MESSAGE_RESULT, result));
    if (showRosterBefore !== this.board.meta.settings.showRoster) this.resanitizeAwareness();
    this.runAfterCommit();
    if (this.updatesSinceSnapshot >= this.compactAfterUpdates) await this.compact();
  }

  /** Writes the whole document as one snapshot and drops the updates it covers. */
  async compact(): Promise<void> {
    const throughSeq = this.lastSeq;
    try {
      await this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), throughSeq);
      this.updatesSinceSnapshot = 0;
      log('debug', 'board.compacted', { boardId: this.id, throughSeq });
    } catch (error) {
      // The log is intact; compaction is retried after the next commits.
      log('error', 'board.compact_failed', { boardId: this.id, message: (error as Error).message });
    }
  }

  private whenCommitted(task: () => void): void {
    if (this.isCommitting) this.afterCommit.push(task);
    else task();
  }

  private runAfterCommit(): void {
    const tasks = this.afterCommit.splice(0);
    for (const task of tasks) task();
  }

  /**
   * A commit failed: the in-memory document is now ahead of storage. Nothing of it was sent, so
   * the room closes; clients reconnect to a room reloaded from storage and replay their queues.
   */
  private fail(error: unknown): void {
    log('error', 'board.commit_failed', { boardId: this.id, message: (error as Error).message });
    this.close(CLOSE_CODES.GOING_AWAY, 'Please reconnect');
  }

  /** Closes every connection and stops the room. */
  close(code: number = CLOSE_CODES.GOING_AWAY, reason = 'Server restarting'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.queue = [];
    this.afterCommit = [];
    for (const member of [...this.members]) member.close(code, reason);
    this.members.clear();
    this.awareness.destroy();
    this.onClose?.();
  }

  /** Called once when the room closes (the manager forgets it). */
  onClose: (() => void) | null = null;

  get closed(): boolean {
    return this.isClosed;
  }

  /** Sends a private message to one member. */
  sendPrivate(member: RoomMember, message: PrivateMessage): void {
    member.send(encodeJsonMessage(MESSAGE_PRIVATE, message));
  }

  /** Distinct people connected now who may respond to a proposal (the base of a quorum). */
  private presentCount(): number {
    const present = new Set<string>();
    for (const member of this.members) {
      if (member.actor.participantId !== null && mayRespond(member.actor, this.board)) present.add(member.actor.participantId);
    }
    return present.size;
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

function frameAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Participants whose private slice the changes touch. */
function collectAffected(before: DomainState, changes: readonly PrivateChange[], into: Set<string>): void {
  for (const change of changes) {
    switch (change.type) {
      case 'putDraft':
        into.add(change.draft.authorId);
        break;
      case 'deleteDraft': {
        const author = before.drafts.get(change.draftId)?.authorId;
        if (author) into.add(author);
        break;
      }
      case 'revealDrafts':
        for (const draftId of change.draftIds) {
          const author = before.drafts.get(draftId)?.authorId;
          if (author) into.add(author);
        }
        break;
      case 'countPosted':
      case 'setBallot':
      case 'setResponse':
        into.add(change.participantId);
        break;
      case 'clearBallots':
        for (const key of before.ballots.keys()) if (key.startsWith(`${change.roundId}/`)) into.add(key.split('/')[1] as string);
        break;
      case 'clearResponses':
        for (const key of before.responses.keys())
          if (key.startsWith(`${change.proposalId}/`)) into.add(key.split('/')[1] as string);
        break;
    }
  }
}
