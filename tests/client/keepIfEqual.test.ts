import { describe, expect, it } from 'vitest';
import { keepIfEqual } from '../../client/src/sync/keepIfEqual';

describe('keepIfEqual', () => {
  const drafts = [{ id: 'd1', promptId: 'p1', text: 'Late emails', tag: null }];
  const cases: { name: string; previous: unknown; next: unknown; isKept: boolean }[] = [
    { name: 'equal arrays of records', previous: drafts, next: drafts.map((d) => ({ ...d })), isKept: true },
    { name: 'a changed field', previous: drafts, next: [{ ...drafts[0], text: 'Early emails' }], isKept: false },
    { name: 'one more entry', previous: { r1: { i1: 1 } }, next: { r1: { i1: 1 }, r2: { i1: 1 } }, isKept: false },
    { name: 'equal nested records', previous: { r1: { i1: 2 } }, next: { r1: { i1: 2 } }, isKept: true },
    { name: 'empty and empty', previous: {}, next: {}, isKept: true },
  ];
  it.each(cases)('$name', ({ previous, next, isKept }) => {
    expect(keepIfEqual(previous, next)).toBe(isKept ? previous : next);
    // The symmetric case: which one is older does not change whether they are equal.
    expect(keepIfEqual(next, previous)).toBe(isKept ? next : previous);
  });
});
