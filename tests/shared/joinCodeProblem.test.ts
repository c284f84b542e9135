import { describe, expect, it } from 'vitest';
import { joinCodeProblem } from '../../client/src/api';

describe('joinCodeProblem: what the join form says before asking the server', () => {
  it.each([
    ['K7PQ-2M4X-H8RT', null],
    ['k7pq 2m4x h8rt', null],
    ['k7pq2m4xh8rt', null],
    // A board made before codes grew keeps its six-character code.
    ['K7PQ2M', null],
    ['', /Type the code/],
    ['K7PQ-2M4X', /12 letters and digits, like K7PQ-2M4X-H8RT\. You typed 8/],
    ['K7PQ-2M4X-H8RTX', /You typed 13/],
    ['K7PQ-2M4X-H8R0', /never contain 0, 1, I or O/],
    ['K7PQ-2M4X-H8RI', /never contain 0, 1, I or O/],
  ])('%j → %s', (typed, problem) => {
    const said = joinCodeProblem(typed);
    if (problem === null) expect(said).toBeNull();
    else expect(said).toMatch(problem);
  });
});
