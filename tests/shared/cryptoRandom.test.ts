import { afterEach, describe, expect, it, vi } from 'vitest';
import { cryptoRandom, seededRandom, shuffled } from '../../shared/random';

afterEach(() => {
  vi.restoreAllMocks();
});

/** 2^53: cryptoRandom's values are multiples of 1 / 2^53. */
const TWO_53 = 2 ** 53;

describe('cryptoRandom', () => {
  it('draws from crypto.getRandomValues, never from Math.random', () => {
    const secure = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const weak = vi.spyOn(Math, 'random');
    for (let i = 0; i < 2000; i++) cryptoRandom();
    // Two 32-bit words per number, drawn 256 words at a time.
    expect(secure.mock.calls.length).toBeGreaterThanOrEqual(Math.floor((2 * 2000 - 256) / 256));
    expect(weak).not.toHaveBeenCalled();
  });

  it('gives numbers in [0, 1) that use all 53 bits of a double', () => {
    const values = Array.from({ length: 20_000 }, cryptoRandom);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      expect(Number.isInteger(v * TWO_53)).toBe(true);
    }
    // A value built from one 32-bit word has its low 21 bits clear; here about none do.
    const coarse = values.filter((v) => (v * TWO_53) % 2 ** 21 === 0).length;
    expect(coarse).toBeLessThan(5);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // Standard error of the mean of 20,000 uniforms is 0.002; 0.02 is ten of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  it('reaches both ends of its range when the words are all zeros or all ones', () => {
    const fill = (value: number) =>
      vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
        (array as Uint32Array).fill(value);
        return array;
      });
    // Empty the pool first (it holds at most 256 words, so 256 numbers use up whatever is left).
    fill(0);
    for (let i = 0; i < 256; i++) cryptoRandom();
    expect(cryptoRandom()).toBe(0);
    vi.restoreAllMocks();
    fill(0xffff_ffff);
    for (let i = 0; i < 256; i++) cryptoRandom();
    expect(cryptoRandom()).toBe((TWO_53 - 1) / TWO_53);
  });
});

describe('shuffles with cryptoRandom are unbiased', () => {
  const ITEMS = [0, 1, 2, 3];
  const PERMUTATIONS = 24;
  const SHUFFLES = 24_000;
  /**
   * χ² with 23 degrees of freedom exceeds 71.2 with probability about 10⁻⁶ (Wilson–Hilferty), so a
   * fair shuffle fails this test about once in a million runs; the broken ones below exceed it by far.
   */
  const CHI_SQUARE_LIMIT = 71.2;

  /** χ² of how often each of the 24 orders of ITEMS came out, against all equally likely. */
  function chiSquare(shuffle: (items: readonly number[]) => number[]): number {
    const counts = new Map<string, number>();
    for (let i = 0; i < SHUFFLES; i++) {
      const key = shuffle(ITEMS).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const expected = SHUFFLES / PERMUTATIONS;
    let chi = (PERMUTATIONS - counts.size) * expected; // orders that never came out
    for (const count of counts.values()) chi += (count - expected) ** 2 / expected;
    return chi;
  }

  it('gives every order of 4 items about equally often (χ² under the 10⁻⁶ limit)', () => {
    expect(chiSquare((items) => shuffled(items, cryptoRandom))).toBeLessThan(CHI_SQUARE_LIMIT);
  });

  it('is a check that catches broken shuffles and coarse random sources', () => {
    const random = seededRandom(3);
    // The classic mistake: swap with any position, not only with the ones not yet fixed.
    const naive = (items: readonly number[]) => {
      const out = [...items];
      for (let i = 0; i < out.length; i++) {
        const j = Math.floor(random() * out.length);
        [out[i], out[j]] = [out[j] as number, out[i] as number];
      }
      return out;
    };
    expect(chiSquare(naive)).toBeGreaterThan(CHI_SQUARE_LIMIT * 3);
    expect(chiSquare((items) => [...items].sort(() => random() - 0.5))).toBeGreaterThan(CHI_SQUARE_LIMIT * 3);
    // A source with 2 bits of resolution cannot pick 1 of 3 fairly.
    expect(chiSquare((items) => shuffled(items, () => Math.floor(random() * 4) / 4))).toBeGreaterThan(CHI_SQUARE_LIMIT * 3);
    expect(chiSquare((items) => shuffled(items, random))).toBeLessThan(CHI_SQUARE_LIMIT);
  });
});
