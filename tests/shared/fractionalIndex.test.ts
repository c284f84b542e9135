import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareByOrder, isOrderKey, keyBetween, keysBetween } from '../../shared/fractionalIndex';
import { seededRandom } from '../../shared/random';

/** Fails unless `key` is well-formed and strictly between its bounds. */
function expectBetween(key: string, before: string | null, after: string | null) {
  expect(isOrderKey(key), key).toBe(true);
  if (before !== null) expect(before < key, `${before} < ${key}`).toBe(true);
  if (after !== null) expect(key < after, `${key} < ${after}`).toBe(true);
}

describe('isOrderKey', () => {
  it.each([
    ['a0', true],
    ['a1', true],
    ['Zz', true],
    ['a0V', true],
    ['b00', true],
    ['', false],
    ['0', false],
    ['a', false],
    ['A', false],
    ['a00', false],
    ['a0V0', false],
    ['a-b', false],
    ['a ', false],
  ])('%j is well-formed: %s', (key, expected) => {
    expect(isOrderKey(key)).toBe(expected);
  });
});

describe('keyBetween', () => {
  it.each([
    [null, null, 'a0'],
    [null, 'a0', 'Zz'],
    ['a0', null, 'a1'],
    ['a0', 'a1', 'a0V'],
    ['a0', 'a0V', 'a0G'],
    ['Zz', 'a0', 'ZzV'],
    ['a1', 'a2', 'a1V'],
    ['a0V', null, 'a1'],
  ])('keyBetween(%j, %j) = %j', (before, after, expected) => {
    const key = keyBetween(before, after);
    expect(key).toBe(expected);
    expectBetween(key, before, after);
  });

  it.each([
    ['a1', 'a0'],
    ['a0', 'a0'],
    ['a0V', 'a0'],
    ['a0', 'Zz'],
  ])('throws when %j is not below %j', (before, after) => {
    expect(() => keyBetween(before, after)).toThrow(`keyBetween: ${before} is not below ${after}`);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'keeps every key strictly between its neighbours over 300 seeded insertions (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      const keys: string[] = [];
      for (let n = 0; n < 300; n++) {
        const index = Math.floor(random() * (keys.length + 1));
        const before = keys[index - 1] ?? null;
        const after = keys[index] ?? null;
        const key = keyBetween(before, after);
        expectBetween(key, before, after);
        keys.splice(index, 0, key);
      }
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(keys);
    },
  );

  const PATTERNS: [string, (keys: string[]) => number][] = [
    ['always first', () => 0],
    ['always last', (keys) => keys.length],
    ['always right after the first', (keys) => Math.min(1, keys.length)],
    ['always right before the last', (keys) => Math.max(0, keys.length - 1)],
  ];

  it.each(PATTERNS)('stays well-formed and ordered when inserting %s 200 times', (_label, pick) => {
    const keys: string[] = [];
    for (let n = 0; n < 200; n++) {
      const index = pick(keys);
      const key = keyBetween(keys[index - 1] ?? null, keys[index] ?? null);
      expectBetween(key, keys[index - 1] ?? null, keys[index] ?? null);
      keys.splice(index, 0, key);
    }
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('keysBetween', () => {
  it.each([
    [null, null],
    [null, 'a0'],
    ['a0', null],
    ['a0', 'a1'],
    ['a0V', 'a0W'],
  ])('gives 0..60 ascending well-formed keys between %j and %j', (before, after) => {
    for (const count of [0, 1, 2, 3, 7, 16, 60]) {
      const keys = keysBetween(before, after, count);
      expect(keys).toHaveLength(count);
      expect(new Set(keys).size).toBe(count);
      expect([...keys].sort()).toEqual(keys);
      for (const key of keys) expectBetween(key, before, after);
    }
  });

  it('spreads keys evenly: 1,000 keys need no more than 3 characters', () => {
    const keys = keysBetween(null, null, 1000);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(3);
    expect(keysBetween(null, null, 1)).toEqual([keyBetween(null, null)]);
    expect(keysBetween(null, null, -1)).toEqual([]);
  });
});

describe('compareByOrder', () => {
  it.each([
    [{ order: 'a', id: 'z' }, { order: 'b', id: 'a' }, -1],
    [{ order: 'a', id: 'x' }, { order: 'a', id: 'y' }, -1],
    [{ order: 'a1', id: 'a' }, { order: 'a', id: 'b' }, 1],
    // Ids compare by code unit, not by locale: every replica agrees whatever its language.
    [{ order: 'i', id: 'Zed' }, { order: 'i', id: 'abe' }, -1],
    [{ order: 'i', id: 'a-b' }, { order: 'i', id: 'a_b' }, -1],
    [{ order: 'i', id: 'same' }, { order: 'i', id: 'same' }, 0],
  ])('compares %j with %j as %i, and the other way round as its opposite', (a, b, expected) => {
    expect(compareByOrder(a, b)).toBe(expected);
    expect(compareByOrder(b, a)).toBe(-expected || 0);
  });
});

describe('concurrent inserts between the same neighbours', () => {
  /** One replica's list of items: a Y.Map of id → order key. */
  function replica(): Y.Doc {
    const doc = new Y.Doc();
    doc.getMap<string>('items').set('left', 'a0');
    return doc;
  }

  function sortedIds(doc: Y.Doc): string[] {
    return [...doc.getMap<string>('items').entries()]
      .map(([id, order]) => ({ id, order }))
      .sort(compareByOrder)
      .map((i) => i.id);
  }

  it('gives equal keys, and every replica orders them the same way', () => {
    const a = replica();
    const b = replica();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    a.getMap<string>('items').set('right', 'a1');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    // Both replicas insert between the same neighbours without seeing each other's insert.
    const keyA = keyBetween('a0', 'a1');
    const keyB = keyBetween('a0', 'a1');
    expect(keyA).toBe(keyB);
    a.getMap<string>('items').set('from-b-zz', keyA);
    b.getMap<string>('items').set('from-a-aa', keyB);
    expect(sortedIds(a)).toEqual(['left', 'from-b-zz', 'right']);

    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(sortedIds(a)).toEqual(['left', 'from-a-aa', 'from-b-zz', 'right']);
    expect(sortedIds(b)).toEqual(sortedIds(a));

    // A later insert between the twins needs a key above both; keyBetween refuses equal bounds.
    expect(() => keyBetween(keyA, keyB)).toThrow();
    expectBetween(keyBetween(keyA, 'a1'), keyA, 'a1');
  });
});
