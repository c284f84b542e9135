import type { PrivateMessage } from '../protocol';
import type { MarkKind } from '../records/Mark';
import type { ResponseKind } from '../records/Proposal';
import { BallotBox } from './BallotBox';
import type { DomainState } from './state';

/** The part of the private slice message that holds state. */
export type SliceContent = Omit<Extract<PrivateMessage, { type: 'slice' }>, 'type'>;

/**
 * One person's private slice: their unrevealed notes (without the author field, which is them),
 * their note counts, their dots in open rounds, their responses to open proposals and their marks.
 */
export function privateSlice(state: DomainState, participantId: string): SliceContent {
  const drafts = [...state.drafts.values()]
    .filter((d) => d.authorId === participantId)
    .map(({ authorId: _authorId, ...draft }) => draft);
  const posted: Record<string, number> = {};
  const mine = `${participantId}/`;
  for (const [key, count] of state.posted) if (key.startsWith(mine)) posted[key.slice(mine.length)] = count;
  // A slice goes out after each dot: read the person's own ballots from the index, not every ballot.
  const ballots = BallotBox.of(state.ballots);
  const dots: Record<string, Record<string, number>> = {};
  for (const roundId of ballots.roundsOf(participantId)) {
    dots[roundId] = Object.fromEntries(ballots.dotsOf(roundId, participantId));
  }
  const responses: Record<string, { response: ResponseKind; reason: string | null }> = {};
  for (const [key, answer] of state.responses) {
    const [proposalId, who] = key.split('/');
    if (who === participantId && proposalId !== undefined) responses[proposalId] = answer;
  }
  const marks: Record<string, MarkKind[]> = {};
  for (const key of state.marks) {
    const [targetId, who, kind] = key.split('/');
    if (who !== participantId || targetId === undefined || kind === undefined) continue;
    marks[targetId] = [...(marks[targetId] ?? []), kind as MarkKind];
  }
  return { drafts, posted, dots, responses, marks };
}
