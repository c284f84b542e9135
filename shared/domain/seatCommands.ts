import type { CommandOf } from '../commands';
import { type Changes, type DocChange, NO_CHANGES } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { withdrawMarks } from './markCommands';
import type { DomainContext, DomainState } from './state';

/**
 * Removes a seat (a participant identity) the facilitator picked from the people connected now.
 * Its dots and responses in open rounds, and its marks and reactions, are withdrawn, and the counts of who has voted or
 * responded go down with them, so that only people who take part are counted. Its notes stay:
 * they are the group's material, revealed anonymously like every other note. The server closes
 * the seat's connections after the commit, and its secret no longer opens the board.
 */
export function removeSeat(state: DomainState, command: CommandOf<'removeSeat'>, ctx: DomainContext): Changes | DomainError {
  // A browser does not know which person a handle stands for: the server decides.
  if (ctx.seats === undefined) return NO_CHANGES;
  const participantId = ctx.seats.get(command.seatId);
  if (participantId === undefined) return refuse('not_found', 'personGone');
  const doc: DocChange[] = [];
  const votedIn = new Set<string>();
  for (const key of state.ballots.keys()) {
    const [roundId, who] = key.split('/');
    if (who === participantId && roundId !== undefined) votedIn.add(roundId);
  }
  for (const roundId of votedIn) {
    const round = state.board.voteRounds.get(roundId);
    if (round) doc.push({ type: 'patchVoteRound', id: roundId, fields: { voterCount: Math.max(0, round.voterCount - 1) } });
  }
  for (const key of state.responses.keys()) {
    const [proposalId, who] = key.split('/');
    const proposal = proposalId === undefined || who !== participantId ? undefined : state.board.proposals.get(proposalId);
    if (proposal) {
      doc.push({
        type: 'patchProposal',
        id: proposal.id,
        fields: { respondentCount: Math.max(0, proposal.respondentCount - 1) },
      });
    }
  }
  doc.push(...withdrawMarks(state, participantId));
  return { doc, private: [{ type: 'removeSeat', participantId }] };
}
