import { encodeJsonMessage, MESSAGE_PRIVATE, type PrivateMessage } from '../../shared/protocol';
import type { RoomAwareness } from './RoomAwareness';
import type { RoomMember } from './RoomMember';
import type { RoomSeats } from './RoomSeats';

/** Delay that gathers presence and seat changes into one `seats` message to facilitators, in milliseconds. */
export const SEATS_MESSAGE_DELAY_MS = 200;

/** Participant ids that a facilitator connection holds (a facilitator's seat is not removed from the list). */
export function facilitatorSeats(members: Iterable<RoomMember>): Set<string> {
  const ids = new Set<string>();
  for (const member of members) {
    if (member.actor.role === 'facilitator' && member.actor.participantId !== null) ids.add(member.actor.participantId);
  }
  return ids;
}

/**
 * A room's `seats` messages to its facilitators: who holds which seat and which of them are here.
 * Changes within SEATS_MESSAGE_DELAY_MS go out together, and only when the view changed.
 */
export class SeatsMessages {
  /** The last message sent (JSON), and the timer of the next one. */
  private last = '';
  private timer: NodeJS.Timeout | null = null;
  private isStopped = false;

  constructor(
    private readonly members: ReadonlySet<RoomMember>,
    private readonly seats: RoomSeats,
    private readonly presence: RoomAwareness,
  ) {}

  /** Sends facilitators the seats view soon; `evenIfUnchanged` when one of them has not had it yet. */
  schedule(evenIfUnchanged = false): void {
    if (evenIfUnchanged) this.last = '';
    if (this.timer !== null || this.isStopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, SEATS_MESSAGE_DELAY_MS);
  }

  stop(): void {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The seats view, to facilitators, when it changed. Names stay in presence; the view names its client ids. */
  private send(): void {
    const facilitators = [...this.members].filter((m) => m.actor.role === 'facilitator');
    if (facilitators.length === 0) return;
    const connected = new Map<string, number[]>();
    for (const member of this.members) {
      const id = member.actor.participantId;
      if (id === null || this.seats.isRemoved(id)) continue;
      connected.set(id, [...(connected.get(id) ?? []), ...this.presence.presenceOf(member)]);
    }
    const message: PrivateMessage = { type: 'seats', ...this.seats.view(connected, facilitatorSeats(this.members)) };
    const json = JSON.stringify(message);
    if (json === this.last) return;
    this.last = json;
    const frame = encodeJsonMessage(MESSAGE_PRIVATE, message);
    for (const member of facilitators) member.send(frame);
  }
}
