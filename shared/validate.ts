/**
 * A tiny runtime validator used at every trust boundary (frames from clients, records read
 * from the document, JSON bodies). A validator returns the typed value or a `Invalid` that
 * names the offending path, so a refusal can say exactly what was wrong.
 */

/** Result of a failed validation: the dotted path and a plain sentence. */
export interface Invalid {
  readonly invalid: true;
  readonly path: string;
  readonly message: string;
}

/** A validator: the value, typed, or why it is not acceptable. */
export type Validator<T> = (value: unknown, path?: string) => T | Invalid;

/** Type of the value a validator accepts. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

/** True when a validation failed. */
export function isInvalid(value: unknown): value is Invalid {
  return typeof value === 'object' && value !== null && (value as Invalid).invalid === true;
}

function fail(path: string, message: string): Invalid {
  return { invalid: true, path: path || '(root)', message };
}

/** A surrogate code unit without its other half: in `u` mode a well-formed pair is one code point outside this class. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/**
 * `text` with every lone surrogate replaced by U+FFFD, like `String.prototype.toWellFormed`
 * (which browsers before 2023 lack; this runs in the client too). Ill-formed UTF-16 cannot be
 * encoded as UTF-8: Yjs, SQLite and every client would each turn it into U+FFFD on their own
 * schedule, so the server's memory, its storage and an export would disagree until a restart.
 * Replacing it once, at the boundary, makes every copy the same from the first byte.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A string of at most `maxChars` characters (after trim when `trim` is set), at least `minChars`,
 * made well-formed (see {@link wellFormed}): a broken half of an emoji becomes "�", it is not refused.
 */
export function string(opts: { maxChars: number; minChars?: number; trim?: boolean }): Validator<string> {
  return (value, path = '') => {
    if (typeof value !== 'string') return fail(path, 'must be a string');
    const text = wellFormed(opts.trim ? value.trim() : value);
    if (text.length < (opts.minChars ?? 0)) {
      return fail(path, opts.minChars === 1 ? 'must not be empty' : `must have at least ${opts.minChars} characters`);
    }
    if (text.length > opts.maxChars) return fail(path, `must have at most ${opts.maxChars} characters`);
    return text;
  };
}

/** An opaque identifier: 1–64 characters of `[A-Za-z0-9_-]`. */
export const id: Validator<string> = (value, path = '') => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    return fail(path, 'must be an id of 1 to 64 letters, digits, "-" or "_"');
  }
  return value;
};

/** One of a fixed set of string literals. */
export function oneOf<const T extends string>(options: readonly T[]): Validator<T> {
  return (value, path = '') =>
    typeof value === 'string' && (options as readonly string[]).includes(value)
      ? (value as T)
      : fail(path, `must be one of ${options.join(', ')}`);
}

/** A boolean. */
export const boolean: Validator<boolean> = (value, path = '') =>
  typeof value === 'boolean' ? value : fail(path, 'must be true or false');

/** An integer within [min, max]. */
export function integer(min: number, max: number): Validator<number> {
  return (value, path = '') =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? value
      : fail(path, `must be a whole number from ${min} to ${max}`);
}

/** `null` or a value accepted by `inner`. */
export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, path) => (value === null ? null : inner(value, path));
}

/** An array of at most `maxItems` values accepted by `item`. */
export function arrayOf<T>(item: Validator<T>, maxItems: number): Validator<T[]> {
  return (value, path = '') => {
    if (!Array.isArray(value)) return fail(path, 'must be a list');
    if (value.length > maxItems) return fail(path, `must have at most ${maxItems} items`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const result = item(value[i], `${path}[${i}]`);
      if (isInvalid(result)) return result;
      out.push(result);
    }
    return out;
  };
}

/** A list accepted by `inner` that has at least one item. */
export function nonEmpty<T>(inner: Validator<T[]>): Validator<T[]> {
  return (value, path = '') => {
    const result = inner(value, path);
    if (isInvalid(result)) return result;
    return result.length > 0 ? result : fail(path, 'must not be empty');
  };
}

type Shape = Record<string, Validator<unknown>>;
type ObjectOf<S extends Shape, O extends keyof S> = { [K in Exclude<keyof S, O>]: Infer<S[K]> } & {
  [K in O]?: Infer<S[K]>;
};

/**
 * A plain object with exactly the given fields: missing required fields and unknown extra
 * fields are both refused (a modified client must not smuggle data through).
 */
export function object<S extends Shape, O extends keyof S = never>(
  shape: S,
  optional: readonly O[] = [],
): Validator<ObjectOf<S, O>> {
  return (value, path = '') => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) return fail(path ? `${path}.${key}` : key, 'is not an allowed field');
    }
    const out: Record<string, unknown> = {};
    for (const [key, validator] of Object.entries(shape)) {
      const fieldPath = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(record, key) || record[key] === undefined) {
        if ((optional as readonly string[]).includes(key)) continue;
        return fail(fieldPath, 'is required');
      }
      const result = validator(record[key], fieldPath);
      if (isInvalid(result)) return result;
      out[key] = result;
    }
    return out as ObjectOf<S, O>;
  };
}
