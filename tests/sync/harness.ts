import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { Room } from '../../server/room/Room';
import type { RoomMember } from '../../server/room/RoomMember';
import { MemoryStore } from '../../server/store/MemoryStore';
import { applyDocChanges, readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import type { DocChange } from '../../shared/domain/changes';
import { createBoard } from '../../shared/domain/createBoard';
import type { Actor, BoardState } from '../../shared/domain/state';
import { sortedPrompts } from '../../shared/domain/state';
import { keysBetween } from '../../shared/fractionalIndex';
import { MESSAGE_SYNC } from '../../shared/protocol';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';

/**
 * An in-memory sync harness (after tldraw's TestSocketPair and yjs' testHelper): one real Room on
 * a MemoryStore, and clients whose frames wait in per-client queues until the test delivers them,
 * in whatever order it chooses, and whose connections the test can cut at any moment.
 */

/** A connection whose frames wait in a queue instead of travelling. */
class QueuedMember implements RoomMember {
  readonly awarenessClientIds = new Set<number>();
  readonly inbox: Uint8Array[] = [];
  isOpen = true;
  constructor(
    readonly actor: Actor,
    readonly actorKey: string,
  ) {}
  send(frame: Uint8Array): void {
    if (this.isOpen) this.inbox.push(frame);
  }
  close(): void {
    this.isOpen = false;
  }
}

/** A read-only replica, like a browser's: it applies what the server sends and never writes. */
export class SimClient {
  readonly doc = new Y.Doc();
  member: QueuedMember | null = null;
  private commandCount = 0;

  constructor(
    readonly name: string,
    readonly actor: Actor,
  ) {}

  get isConnected(): boolean {
    return this.member !== null;
  }

  get queued(): number {
    return this.member?.inbox.length ?? 0;
  }

  /** Opens a connection: the room's welcome and sync step 1 are queued; the client sends its own step 1 at once. */
  connect(room: Room): void {
    this.member = new QueuedMember(this.actor, this.actor.participantId ?? this.actor.role);
    room.join(this.member);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
    room.handleSync(this.member, decoding.createDecoder(encoding.toUint8Array(encoder)));
  }

  /** Cuts the connection: frames still queued are lost, like bytes in flight. */
  disconnect(room: Room): void {
    if (!this.member) return;
    room.leave(this.member);
    this.member = null;
  }

  /** Delivers the oldest queued frame (order per connection is kept, as TCP keeps it). */
  deliverOne(room: Room): boolean {
    const frame = this.member?.inbox.shift();
    if (!frame || !this.member) return false;
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return true;
    const reply = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server');
    if (type === syncProtocol.messageYjsSyncStep1) {
      // Our step 2: everything the server lacks, which for a read-only replica is nothing new.
      room.handleSync(this.member, decoding.createDecoder(encoding.toUint8Array(reply).subarray(0)));
    }
    return true;
  }

  /** Sends a command (computed from this client's possibly stale view). */
  send(room: Room, command: Command): void {
    if (!this.member) return;
    room.enqueue(this.member, { id: `${this.name}-${++this.commandCount}`, command });
  }

  board(): BoardState | null {
    return readBoard(this.doc);
  }
}

/** A board in the group phase with `notesPerPrompt` revealed notes in each prompt, stored in a fresh MemoryStore. */
export async function seededRoom(
  boardId: string,
  notesPerPrompt: number,
  newId: () => string,
): Promise<{ store: MemoryStore; room: Room }> {
  const store = new MemoryStore();
  const doc = new Y.Doc();
  applyDocChanges(doc, createBoard({ boardId, template: WORKING_AGREEMENT_QUESTIONNAIRE, now: 0, newId }), 'seed');
  const notes: DocChange[] = [];
  for (const prompt of sortedPrompts(readBoard(doc)!)) {
    keysBetween(null, null, notesPerPrompt).forEach((order, i) => {
      notes.push({
        type: 'putNote',
        note: {
          id: newId(),
          promptId: prompt.id,
          text: `note ${i}`,
          tag: i % 3 === 0 ? 'need' : null,
          themeId: null,
          order,
          author: null,
        },
      });
    });
    notes.push({ type: 'patchPrompt', id: prompt.id, fields: { isRevealed: true } });
  }
  notes.push({ type: 'setMeta', fields: { phase: 'group' } });
  applyDocChanges(doc, notes, 'seed');
  await store.createBoard(
    {
      id: boardId,
      joinCode: boardId.slice(0, 6).toUpperCase(),
      facilitatorKeyHash: Buffer.alloc(32),
      readerKeyHash: null,
      createdAt: 0,
    },
    Y.encodeStateAsUpdate(doc),
  );
  const room = await Room.open(store, boardId, 25);
  if (!room) throw new Error('room did not open');
  return { store, room };
}

/** The board as plain sorted JSON, for comparing replicas. */
export function boardJson(board: BoardState | null): string {
  if (!board) return 'null';
  const sorted = (map: ReadonlyMap<string, unknown>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({
    meta: board.meta,
    prompts: sorted(board.prompts),
    notes: sorted(board.notes),
    themes: sorted(board.themes),
  });
}
