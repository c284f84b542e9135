import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type AwarenessEntry, decodeAwarenessUpdate, encodeAwarenessUpdate, sanitizeAwarenessState } from '../awarenessFilter';
import { BadFrameError } from '../badInput';
import { frameAwareness, type RoomMember } from './RoomMember';
import { SharedFrame } from './SharedFrame';

/**
 * A board's presence. Every state a member publishes is rebuilt field by field for its role
 * (awarenessFilter.ts); readers neither see nor appear in it; a member speaks only for its own
 * client id.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;

  constructor(
    doc: Y.Doc,
    private readonly members: ReadonlySet<RoomMember>,
    private readonly showRoster: () => boolean,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server itself is not present on the board.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** Every state now, for a member who just joined (null when there is nothing to send or the member is a reader). */
  initialFrame(member: RoomMember): Uint8Array | null {
    const states = this.awareness.getStates();
    // Readers see the agreement, not who is in the room.
    if (states.size === 0 || member.actor.role === 'reader') return null;
    return frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
  }

  /** Decodes an awareness update; throws BadFrameError when it is malformed or a state is over MAX_AWARENESS_STATE_BYTES. */
  read(update: Uint8Array): AwarenessEntry[] {
    try {
      return decodeAwarenessUpdate(update);
    } catch {
      throw new BadFrameError('invalid_awareness');
    }
  }

  /** Applies a member's awareness entries after rebuilding each state from allowed fields only. */
  handle(member: RoomMember, entries: readonly AwarenessEntry[]): void {
    if (member.actor.role === 'reader') return;
    const accepted = [];
    for (const entry of entries) {
      if (!this.mayPublishAs(member, entry.clientId)) continue;
      member.awarenessClientIds.add(entry.clientId);
      const state = entry.state === null ? null : sanitizeAwarenessState(entry.state, member.actor.role, this.showRoster());
      accepted.push({ clientId: entry.clientId, clock: entry.clock, state });
    }
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), member);
  }

  /** Every state now, as the answer to a member's query (null for readers, who see no presence). */
  allFrame(member: RoomMember): Uint8Array | null {
    if (member.actor.role === 'reader') return null;
    const clients = [...this.awareness.getStates().keys()];
    return frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /**
   * The awareness client ids under which a member shows presence now: none when it has not said
   * it is here, withdrew its presence (a hidden page), or stopped renewing it (y-protocols drops a
   * state after 30 s without renewal).
   */
  presenceOf(member: RoomMember): number[] {
    const states = this.awareness.getStates();
    return [...member.awarenessClientIds].filter((clientId) => states.get(clientId) != null);
  }

  /** Removes the presence a member published (it left). */
  remove(member: RoomMember): void {
    const ids = [...member.awarenessClientIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * Rebuilds every published presence under the current settings (names hidden or shown again is
   * only a matter of what people publish next; hiding must not wait for that). Clocks are bumped so
   * that clients take the rebuilt states.
   */
  resanitize(): void {
    const entries = [];
    for (const member of this.members) {
      for (const clientId of member.awarenessClientIds) {
        const state = this.awareness.getStates().get(clientId);
        const meta = this.awareness.meta.get(clientId);
        if (!state || !meta) continue;
        const clean = sanitizeAwarenessState(state, member.actor.role, this.showRoster());
        entries.push({ clientId, clock: meta.clock + 1, state: clean });
      }
    }
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(entries), null);
  }

  destroy(): void {
    this.awareness.destroy();
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
    return clientId !== this.awareness.doc.clientID;
  }

  private readonly onUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }) => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const frame = SharedFrame.wrap(frameAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    for (const member of this.members) if (member.actor.role !== 'reader') member.send(frame);
  };
}
