import { describe, expect, it } from 'vitest';
import {
  type BoardItem,
  byStanding,
  overallRanking,
  type PromptRanking,
  rankItems,
  standings,
} from '../../client/src/components/decisions/decisionSelectors';
import type { VoteRound } from '../../shared/records/VoteRound';
import { workshopState } from './helpers';

const item = (id: string, promptId = 'p1'): BoardItem => ({
  id,
  promptId,
  theme: null,
  notes: [],
  name: id,
  themePosition: null,
});
const [A, B, C, D] = [item('a'), item('b'), item('c'), item('d')] as [BoardItem, BoardItem, BoardItem, BoardItem];

/** A closed round with these tallies, opened at `openedAt`. */
function round(id: string, openedAt: number, tallies: Record<string, number>): VoteRound {
  return { id, openedAt, status: 'closed', tallies, label: id } as unknown as VoteRound;
}

describe('vote results (issue #12)', () => {
  it('ranks only items that got dots; ties share a place', () => {
    const ranked = rankItems([A, B, C, D], { a: 0, b: 2, c: 5, d: 2 });
    expect(ranked.map((r) => [r.item.id, r.rank, r.isTied])).toEqual([
      ['c', 1, false],
      ['b', 2, true],
      ['d', 2, true],
    ]);
  });

  it('ranks across questions in one list', () => {
    const rankings: PromptRanking[] = [
      { prompt: { id: 'p1' } as PromptRanking['prompt'], ranked: rankItems([A, B], { a: 1, b: 4 }), unchosen: [] },
      {
        prompt: { id: 'p2' } as PromptRanking['prompt'],
        ranked: rankItems([item('x', 'p2'), item('y', 'p2')], { x: 3, y: 1 }),
        unchosen: [],
      },
    ];
    expect(overallRanking(rankings).map((r) => `${r.rank}${r.isTied ? '=' : ''} ${r.item.id}`)).toEqual([
      '1 b',
      '2 x',
      '3= a',
      '3= y',
    ]);
  });

  it('orders the decide list by votes: the latest round first, most dots first, unvoted items last in board order', () => {
    const board = workshopState().board;
    const rounds = new Map([
      ['r1', round('r1', 1, { a: 5, b: 1, c: 3, d: 0 })],
      ['r2', round('r2', 2, { b: 2, c: 4 })],
    ]);
    const standing = standings({ ...board, voteRounds: rounds });
    const unvoted = item('e');
    expect(byStanding([unvoted, A, B, C, D], standing).map((i) => i.id)).toEqual(['c', 'b', 'a', 'd', 'e']);
  });
});
