import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export { compareByOrder } from './compareByOrder';

/**
 * Fractional indices: order keys compared as plain strings, so that an item is placed between two
 * others by writing only its own key. Keys come from rocicorp's `fractional-indexing` (base 62
 * with a variable-length integer part), which grows logarithmically when items are added at
 * either end. Inserting again and again into the same gap still lengthens keys, so
 * {@link placeKeys} re-spaces a whole list once a key would pass RESPACE_AT_KEY_CHARS.
 */

/** Length at which a list's keys are regenerated evenly instead of growing further. */
export const RESPACE_AT_KEY_CHARS = 48;

/** Longest order key a record may hold (validators refuse longer ones). */
export const MAX_ORDER_KEY_CHARS = 256;

/** True when `key` is a well-formed order key. */
export function isOrderKey(key: string): boolean {
  if (key.length > MAX_ORDER_KEY_CHARS || !/^[A-Za-z][0-9A-Za-z]*$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** A key strictly between `before` and `after` (either may be null for start / end). Throws when `before >= after`. */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) throw new Error(`keyBetween: ${before} is not below ${after}`);
  return generateKeyBetween(before, after);
}

/** `count` ascending keys between `before` and `after`, spread evenly. */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return [];
  if (before !== null && after !== null && before >= after) throw new Error(`keysBetween: ${before} is not below ${after}`);
  return generateNKeysBetween(before, after, count);
}

/** Keys for items inserted into a sorted list, plus any existing items that had to be re-keyed. */
export interface Placement {
  /** Keys of the inserted items, ascending. */
  readonly keys: string[];
  /** Existing items whose key changed (empty unless the list was re-spaced). */
  readonly respaced: { id: string; order: string }[];
}

/**
 * Keys for `count` items inserted at position `index` of `list` (sorted with compareByOrder and
 * not containing the inserted items). Equal neighbouring keys (possible in imported data) and
 * keys that grew past RESPACE_AT_KEY_CHARS make the whole list be re-keyed evenly.
 */
export function placeKeys(list: readonly { id: string; order: string }[], index: number, count: number): Placement {
  const before = list[index - 1]?.order ?? null;
  const after = list[index]?.order ?? null;
  if (before === null || after === null || before < after) {
    const keys = keysBetween(before, after, count);
    if (keys.every((k) => k.length <= RESPACE_AT_KEY_CHARS)) return { keys, respaced: [] };
  }
  const fresh = keysBetween(null, null, list.length + count);
  const respaced: { id: string; order: string }[] = [];
  list.forEach((item, i) => {
    const order = fresh[i < index ? i : i + count] as string;
    if (order !== item.order) respaced.push({ id: item.id, order });
  });
  return { keys: fresh.slice(index, index + count), respaced };
}
