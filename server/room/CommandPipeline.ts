import * as Y from 'yjs';
import { applyDocChanges } from '../../shared/boardDoc';
import type { CommandEnvelope } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import type { PrivateChange } from '../../shared/domain/changes';
import { isDomainError } from '../../shared/domain/errors';
import { applyOwnedPrivateChanges, holdsOwned, type OwnedPrivateState, ownPrivateState } from '../../shared/domain/privateState';
import { refusalOf } from '../../shared/domain/refusals';
import type { DomainContext, DomainState } from '../../shared/domain/state';
import type { CommandResult } from '../../shared/protocol';
import { cryptoRandom, randomId } from '../../shared/random';
import { log } from '../log';
import { type AppliedCommand, appliedKey, type BoardStore, FencedError } from '../store/BoardStore';
import { collectAffected } from './privateSlices';
import { type RoomMember, SERVER_ORIGIN } from './RoomMember';

interface QueuedCommand {
  readonly member: RoomMember;
  readonly envelope: CommandEnvelope;
}

/** What a committed batch tells the room to publish. */
export interface CommittedBatch {
  /** The batch's merged document update, or null when the document did not change. */
  readonly update: Uint8Array | null;
  /** Participants whose private slice changed. */
  readonly affected: ReadonlySet<string>;
  /** Seats removed by the batch: their connections are closed once it is published. */
  readonly removedSeats: ReadonlySet<string>;
  readonly answers: readonly { member: RoomMember; result: CommandResult }[];
}

/** The room as the pipeline needs it. */
export interface PipelineHost {
  readonly id: string;
  readonly doc: Y.Doc;
  state: DomainState;
  /** Participant ids of the people taking part now (with a round's respondents, the base of its quorum). */
  presentIds(): Set<string>;
  /** Seat handle → participant id of the seats facilitators may remove. */
  seatHandles(): Map<string, string>;
  /** A seat's removal was applied (not committed yet): from now on it counts nowhere and may send nothing. */
  seatRemoved(participantId: string): void;
  isSeatRemoved(participantId: string): boolean;
  /** Sends what a batch changed; called only after its transaction committed. */
  publish(batch: CommittedBatch): void;
  /** A commit failed: the in-memory document is ahead of storage. */
  fail(error: unknown): void;
}

/**
 * The command pipeline: queue → apply → commit → publish. Commands that arrive together are applied
 * one after another by the pure domain function, written in one storage transaction (the Yjs update
 * and the private rows together), and only then published: no one learns of an effect that could
 * still be lost.
 */
export class CommandPipeline {
  private queue: QueuedCommand[] = [];
  private flushing: Promise<void> | null = null;
  /** Work that must wait until no transaction is in flight (answers that read the document). */
  private afterCommit: (() => void)[] = [];
  private isCommitting = false;
  private isStopped = false;
  private updatesSinceSnapshot: number;
  private owned: OwnedPrivateState | null = null;

  constructor(
    private readonly host: PipelineHost,
    private readonly store: BoardStore,
    private lastSeq: number,
    updatesSinceSnapshot: number,
    private readonly compactAfterUpdates: number,
  ) {
    this.updatesSinceSnapshot = updatesSinceSnapshot;
  }

  /** Queues a command for the next group commit. */
  enqueue(member: RoomMember, envelope: CommandEnvelope): void {
    if (this.isStopped) return;
    this.queue.push({ member, envelope });
    if (this.flushing === null) this.flushing = this.flushLoop();
  }

  /** Resolves when every queued command has been committed and answered. */
  async idle(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  /** Runs `task` now, or right after the transaction in flight has committed and been published. */
  whenCommitted(task: () => void): void {
    if (this.isCommitting) this.afterCommit.push(task);
    else task();
  }

  /** Drops everything queued; nothing more is applied. */
  stop(): void {
    this.isStopped = true;
    this.queue = [];
    this.afterCommit = [];
  }

  private async flushLoop(): Promise<void> {
    // Let every frame that already arrived join this batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0 && !this.isStopped) await this.flush(this.queue.splice(0));
    } catch (error) {
      this.host.fail(error);
    } finally {
      this.flushing = null;
    }
  }

  private async flush(batch: QueuedCommand[]): Promise<void> {
    const host = this.host;
    const now = Date.now();
    const known = await this.store.findAppliedResults(
      host.id,
      batch.map((q) => ({ actorKey: q.member.actorKey, commandId: q.envelope.id })),
    );
    // Kept up to date within the batch: a seat removed by one command is gone for the next.
    const present = host.presentIds();
    const seats = host.seatHandles();
    const ctx: DomainContext = { random: cryptoRandom, newId: randomId, now, present, seats };
    const removedSeats = new Set<string>();
    const answers: { member: RoomMember; result: CommandResult }[] = [];
    const applied: AppliedCommand[] = [];
    const privateChanges: PrivateChange[] = [];
    const updates: Uint8Array[] = [];
    const affected = new Set<string>();
    const collect = (update: Uint8Array) => updates.push(update);
    this.isCommitting = true;
    host.doc.on('update', collect);
    try {
      // One Yjs transaction for the batch: one cleanup and one update, however many commands (a
      // takeover's replays arrive as bursts of dozens per board); each command's own transaction
      // nests in it.
      host.doc.transact(() => {
        for (const { member, envelope } of batch) {
          const key = appliedKey(member.actorKey, envelope.id);
          const previous = known.get(key);
          if (previous) {
            answers.push({ member, result: previous });
            continue;
          }
          const from = privateChanges.length;
          const { result, isBug } = this.apply(member, envelope, ctx, privateChanges, affected);
          for (const change of privateChanges.slice(from)) {
            if (change.type !== 'removeSeat' || removedSeats.has(change.participantId)) continue;
            removedSeats.add(change.participantId);
            present.delete(change.participantId);
            for (const [handle, id] of seats) if (id === change.participantId) seats.delete(handle);
            host.seatRemoved(change.participantId);
          }
          // A bug is not remembered, so that a fixed server can apply a replay.
          if (!isBug) {
            known.set(key, result);
            applied.push({ actorKey: member.actorKey, result });
          }
          answers.push({ member, result });
        }
      }, SERVER_ORIGIN);
    } finally {
      host.doc.off('update', collect);
    }
    const update = updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    try {
      await this.store.commit(host.id, { update, seq: this.lastSeq + 1, privateChanges, applied, now });
    } catch (error) {
      host.fail(error);
      return;
    }
    if (update !== null) {
      this.lastSeq += 1;
      this.updatesSinceSnapshot += 1;
    }
    this.isCommitting = false;
    // Committed: now, and only now, anyone may learn of it.
    host.publish({ update, affected, answers, removedSeats });
    const tasks = this.afterCommit.splice(0);
    for (const task of tasks) task();
    if (this.updatesSinceSnapshot >= this.compactAfterUpdates) await this.compact();
  }

  /** Applies one command to the document and the domain state; its result, and whether a bug refused it. */
  private apply(
    member: RoomMember,
    envelope: CommandEnvelope,
    ctx: DomainContext,
    privateChanges: PrivateChange[],
    affected: Set<string>,
  ): { result: CommandResult; isBug: boolean } {
    const host = this.host;
    const seatId = member.actor.participantId;
    if (seatId !== null && host.isSeatRemoved(seatId)) {
      return { result: { id: envelope.id, ok: false, ...refusalOf('forbidden', 'removedFromWorkshop') }, isBug: false };
    }
    let outcome: ReturnType<typeof applyCommand>;
    try {
      outcome = applyCommand(host.state, member.actor, envelope.command, ctx);
    } catch (error) {
      // A bug, not bad input: this command is refused without touching the board.
      log('error', 'command.failed', { boardId: host.id, type: envelope.command.type, message: (error as Error).message });
      return { result: { id: envelope.id, ok: false, ...refusalOf('internal', 'commandFailed') }, isBug: true };
    }
    if (isDomainError(outcome)) {
      const { error, message, reason, values } = outcome;
      return { result: { id: envelope.id, ok: false, error, message, reason, values }, isBug: false };
    }
    collectAffected(host.state, outcome.private, affected);
    applyDocChanges(host.doc, outcome.doc, SERVER_ORIGIN);
    applyOwnedPrivateChanges(this.ownedPrivateState(), outcome.private);
    host.state = { ...host.state, board: applyDocChangesToBoard(host.state.board, outcome.doc) };
    privateChanges.push(...outcome.private);
    return { result: { id: envelope.id, ok: true }, isBug: false };
  }

  /**
   * The room's private state as this pipeline's own, changed in place (a dot costs the same on any
   * board); copied once, and again only if something else replaced the room's maps.
   */
  private ownedPrivateState(): OwnedPrivateState {
    if (this.owned === null || !holdsOwned(this.host.state, this.owned)) {
      this.owned = ownPrivateState(this.host.state);
      this.host.state = { ...this.host.state, ...this.owned };
    }
    return this.owned;
  }

  /** True when the log holds updates after the last snapshot. */
  get hasUpdatesSinceSnapshot(): boolean {
    return this.updatesSinceSnapshot > 0;
  }

  /** Writes the whole document as one snapshot and drops the updates it covers. */
  async compact(): Promise<void> {
    const throughSeq = this.lastSeq;
    try {
      await this.store.compact(this.host.id, Y.encodeStateAsUpdate(this.host.doc), throughSeq);
      this.updatesSinceSnapshot = 0;
      log('debug', 'board.compacted', { boardId: this.host.id, throughSeq });
    } catch (error) {
      // Fenced: another node owns the board; this room must stop at once.
      if (error instanceof FencedError) return this.host.fail(error);
      // The log is intact; compaction is retried after the next commits.
      log('error', 'board.compact_failed', { boardId: this.host.id, message: (error as Error).message });
    }
  }
}
