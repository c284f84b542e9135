import type { Actor, BoardState } from './state';

/** The actor drives the workshop. */
export function isFacilitator(actor: Actor): boolean {
  return actor.role === 'facilitator';
}

/** The actor may write notes: every participant, and the facilitator when the board lets them take part. */
export function canWriteNotes(actor: Actor, board: BoardState): boolean {
  if (actor.participantId === null) return false;
  if (actor.role === 'participant') return true;
  return actor.role === 'facilitator' && board.meta.settings.facilitatorParticipates;
}
