/**
 * Fractional indices: order keys that are strings compared byte-wise, so that an item can be
 * placed between two others by writing only its own key. A key is read as a base-36 fraction
 * 0.d1d2d3…; keys never end in "0", which keeps room between any two of them.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digitAt(key: string, index: number): number {
  const char = key[index];
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

/** True when `key` is a well-formed order key. */
export function isOrderKey(key: string): boolean {
  return /^[0-9a-z]*[1-9a-z]$/.test(key);
}

/**
 * A key strictly between `before` and `after` (either may be null for "start" / "end").
 * Throws when `before >= after`, which is a caller bug.
 */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`keyBetween: ${before} is not below ${after}`);
  }
  let result = '';
  let upperBounded = after !== null;
  for (let i = 0; ; i++) {
    const low = before === null ? 0 : digitAt(before, i);
    const high = upperBounded && after !== null ? (i < after.length ? digitAt(after, i) : 0) : BASE;
    if (high - low > 1) return result + DIGITS[Math.floor((low + high) / 2)];
    result += DIGITS[low];
    // Once our prefix is below `after`'s prefix, `after` no longer bounds the rest.
    if (high > low) upperBounded = false;
  }
}

/** `count` ascending keys between `before` and `after`, spread evenly. */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [keyBetween(before, after)];
  const middle = keyBetween(before, after);
  const half = Math.floor(count / 2);
  return [...keysBetween(before, middle, half), middle, ...keysBetween(middle, after, count - half - 1)];
}

/** Compares two items by order key, then by id, so that equal keys still sort the same everywhere. */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
