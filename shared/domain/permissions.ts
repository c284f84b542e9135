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

/**
 * The actor may sort revealed notes into themes (start a theme, move notes): facilitators, and
 * participants while the facilitator lets them (`participantsGroup`). Renaming, merging and
 * deleting themes stay with facilitators.
 */
export function mayGroup(actor: Actor, board: BoardState): boolean {
  if (actor.role === 'facilitator') return true;
  return actor.role === 'participant' && actor.participantId !== null && board.meta.settings.participantsGroup === true;
}
