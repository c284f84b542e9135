import * as Y from 'yjs';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { applyCommand } from '../../shared/domain/applyCommand';
import { applyDocChangesToBoard } from '../../shared/domain/boardState';
import { isDomainError } from '../../shared/domain/errors';
import { applyPrivateChanges } from '../../shared/domain/privateState';
import { type BoardState, type DomainState, emptyPrivateState } from '../../shared/domain/state';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { randomId } from '../../shared/random';
import type { Draft } from '../../shared/records/Draft';
import { type CommandTiming, LightClient, updateFrame } from './lightClient';

/** Something that sends note moves: Accord facilitators (commands) or a reference writer (Yjs updates). */
export interface MoveWriter {
  /** Sends one move; returns the send time (performance.now()). */
  move(noteId: string, themeId: string | null): number;
  /** Moves refused or failed so far. */
  readonly failures: number;
  close(): void;
}

/**
 * Accord facilitators sending `moveNotes`. The per-connection command rate (COMMANDS_PER_SECOND,
 * 20/s) is below the 30 moves/s of the budget, so the moves are spread over co-facilitator
 * sockets, round robin.
 */
export class AccordWriter implements MoveWriter {
  failures = 0;
  readonly timings: CommandTiming[] = [];
  private next = 0;
  private constructor(private readonly sockets: LightClient[]) {}

  static async open(wsBase: string, boardId: string, facilitatorKey: string, sockets: number): Promise<AccordWriter> {
    const clients = Array.from(
      { length: sockets },
      () => new LightClient({ url: `${wsBase}/${boardId}`, auth: { v: PROTOCOL_VERSION, facilitatorKey } }),
    );
    await Promise.all(clients.map((c) => c.opened.then(() => c.whenSynced())));
    return new AccordWriter(clients);
  }

  move(noteId: string, themeId: string | null): number {
    const socket = this.sockets[this.next++ % this.sockets.length] as LightClient;
    const sentAt = performance.now();
    void socket.command({ type: 'moveNotes', noteIds: [noteId], themeId, beforeNoteId: null }).then((timing) => {
      this.timings.push(timing);
      if (!timing.result.ok) this.failures += 1;
    });
    return sentAt;
  }

  command(command: Command): Promise<CommandTiming> {
    return (this.sockets[0] as LightClient).command(command);
  }

  async drain(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.sockets.some((s) => s.pendingCommands > 0) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}

const WRITER_ORIGIN = Symbol('bench-reference-writer');

/**
 * The reference side of a workload: one Yjs client that holds the same board and writes, for
 * each command, exactly the document changes Accord's domain makes for it (the same pure
 * function), so the reference server relays byte-for-byte equivalent updates.
 */
export class ReferenceWriter implements MoveWriter {
  failures = 0;
  readonly doc = new Y.Doc();
  private state: DomainState;
  private constructor(
    private readonly socket: LightClient,
    docState: Uint8Array,
    drafts: readonly Draft[],
  ) {
    Y.applyUpdate(this.doc, docState);
    const board = readBoard(this.doc);
    if (!board) throw new Error('reference writer: no board in the fixture');
    this.state = { board, ...emptyPrivateState(), drafts: new Map(drafts.map((d) => [d.id, d])) };
  }

  /**
   * Connects to a fresh room and uploads the fixture's document to it. `drafts` (private on
   * Accord) let the writer reveal the same notes.
   */
  static async open(wsBase: string, room: string, docState: Uint8Array, drafts: readonly Draft[] = []): Promise<ReferenceWriter> {
    const socket = new LightClient({ url: `${wsBase}/${room}` });
    await socket.opened;
    await socket.whenSynced();
    const writer = new ReferenceWriter(socket, docState, drafts);
    socket.sendRaw(updateFrame(docState));
    // The upload is one large frame: wait until the server holds it, or a client joining at once
    // could sync to an empty room first.
    for (let attempt = 0; ; attempt++) {
      const check = new LightClient({ url: `${wsBase}/${room}` });
      await check.opened;
      await check.whenSynced();
      const bytes = check.bytesReceived;
      check.close();
      if (bytes >= docState.length) break;
      if (attempt >= 50) throw new Error('reference writer: the server never held the uploaded board');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return writer;
  }

  get board(): BoardState {
    return this.state.board;
  }

  /** Applies `command` as the facilitator locally and sends the resulting update; returns the send time. */
  apply(command: Command): number {
    const outcome = applyCommand(this.state, { role: 'facilitator', participantId: null }, command, {
      random: Math.random,
      newId: randomId,
      now: Date.now(),
      present: new Set(),
    });
    if (isDomainError(outcome)) {
      this.failures += 1;
      return performance.now();
    }
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    const sentAt = performance.now();
    applyDocChanges(this.doc, outcome.doc, WRITER_ORIGIN);
    this.doc.off('update', collect);
    for (const update of updates) this.socket.sendRaw(updateFrame(update));
    this.state = {
      ...applyPrivateChanges(this.state, outcome.private),
      board: applyDocChangesToBoard(this.state.board, outcome.doc),
    };
    return sentAt;
  }

  move(noteId: string, themeId: string | null): number {
    return this.apply({ type: 'moveNotes', noteIds: [noteId], themeId, beforeNoteId: null });
  }

  close(): void {
    this.socket.close();
    this.doc.destroy();
  }
}

/** A pool of ungrouped notes of one prompt and a theme of that prompt to move them into and back. */
export interface MovePlan {
  readonly noteIds: readonly string[];
  readonly themeId: string;
}

export function planMoves(board: BoardState, poolSize: number): MovePlan {
  let best: MovePlan | null = null;
  for (const theme of board.themes.values()) {
    const free = [...board.notes.values()].filter((n) => n.promptId === theme.promptId && n.themeId === null).map((n) => n.id);
    if (!best || free.length > best.noteIds.length) best = { noteIds: free.slice(0, poolSize), themeId: theme.id };
  }
  if (!best || best.noteIds.length < 2) throw new Error('planMoves: the board has no theme with ungrouped notes');
  return best;
}

/** Move `i` of a plan: each pass over the pool moves every note in, the next pass moves them back out. */
export function planned(plan: MovePlan, i: number): { noteId: string; themeId: string | null } {
  const noteId = plan.noteIds[i % plan.noteIds.length] as string;
  const isIn = Math.floor(i / plan.noteIds.length) % 2 === 0;
  return { noteId, themeId: isIn ? plan.themeId : null };
}

/** Rounds a move count up to whole in-and-out cycles, so the board ends where it started. */
export function wholeCycles(plan: MovePlan, count: number): number {
  const cycle = plan.noteIds.length * 2;
  return Math.max(cycle, Math.ceil(count / cycle) * cycle);
}
