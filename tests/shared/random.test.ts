import { describe, expect, it } from 'vitest';
import {
  formatJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  normaliseJoinCode,
  randomId,
  randomJoinCode,
  randomToken,
  seededRandom,
  shuffled,
} from '../../shared/random';

describe('random tokens', () => {
  it.each([
    [1, 2],
    [12, 16],
    [16, 22],
    [32, 43],
  ])('%i random bytes give %i base64url characters', (bytes, chars) => {
    const token = randomToken(bytes);
    expect(token).toMatch(new RegExp(`^[A-Za-z0-9_-]{${chars}}$`));
  });

  it('gives ids and join codes of the documented shape, different every time', () => {
    const ids = Array.from({ length: 200 }, randomId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const codes = Array.from({ length: 200 }, randomJoinCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(195);
  });

  it('uses a join-code alphabet without look-alikes, of a size that divides 256 (no modulo bias)', () => {
    for (const confusable of ['0', 'O', '1', 'I']) expect(JOIN_CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(256 % JOIN_CODE_ALPHABET.length).toBe(0);
  });

  it('makes codes of 12 characters: 32^12 = 2^60 codes', () => {
    expect(JOIN_CODE_LENGTH).toBe(12);
    expect(JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH).toBe(2 ** 60);
    expect(randomJoinCode()).toHaveLength(JOIN_CODE_LENGTH);
  });

  it.each([
    ['k7pq2m4xh8rt', 'K7PQ2M4XH8RT'],
    [' k7pq-2m4x-h8rt ', 'K7PQ2M4XH8RT'],
    ['K7PQ 2M4X H8RT', 'K7PQ2M4XH8RT'],
    ['k7pq2m', 'K7PQ2M'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseJoinCode(input)).toBe(expected);
  });

  it.each([
    ['K7PQ2M4XH8RT', 'K7PQ-2M4X-H8RT'],
    ['k7pq-2m4x h8rt', 'K7PQ-2M4X-H8RT'],
    // Codes of boards made before codes grew are shown as they always were.
    ['K7PQ2M', 'K7PQ2M'],
  ])('shows %j as %j', (input, expected) => {
    expect(formatJoinCode(input)).toBe(expected);
  });
});

describe('seeded randomness', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(seededRandom(8)()).not.toBe(first[0]);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...first)).toBeLessThan(1);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });

  it('shuffles a copy into a permutation and leaves the input alone', () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const output = shuffled(input, seededRandom(3));
    expect([...output].sort()).toEqual([...input]);
    expect(output).not.toEqual([...input]);
    expect(shuffled([], seededRandom(1))).toEqual([]);
    expect(shuffled(['only'], seededRandom(1))).toEqual(['only']);
  });
});
