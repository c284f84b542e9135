import { MIN_PEOPLE_TO_PUBLISH_RESULTS } from '../limits';
import type { BoardState } from './state';

/**
 * True when publishing results from `peopleCount` people would show what each of them chose, so
 * the facilitator must confirm it (`confirmSmallCount`). Judged on the public counts
 * (`voterCount`, `respondentCount`), which the server keeps in the same commit as the ballots,
 * so a browser's optimistic run and the server agree. Nobody (0) publishes nothing about anyone;
 * a board that shows names (two people, partnering) promises no anonymity to lose.
 */
export function isSmallCount(board: BoardState, peopleCount: number): boolean {
  return board.meta.settings.isAnonymous && peopleCount > 0 && peopleCount < MIN_PEOPLE_TO_PUBLISH_RESULTS;
}
