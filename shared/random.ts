/**
 * Randomness for ids and secrets, from the platform's secure source (Web Crypto, present in
 * browsers and in Node 20 as `globalThis.crypto`).
 */

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

/** A random base64url string of `bytes` random bytes. 16 bytes = 128 bits. */
export function randomToken(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let out = '';
  // 6 bits per character: take the bytes as a bit stream.
  let bits = 0;
  let value = 0;
  for (const byte of buffer) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ID_ALPHABET[(value >> bits) & 63];
    }
  }
  if (bits > 0) out += ID_ALPHABET[(value << (6 - bits)) & 63];
  return out;
}

/** A random id for records (96 bits: unguessable and collision-free in practice). */
export function randomId(): string {
  return randomToken(12);
}

/** Letters and digits that cannot be mistaken for each other when read aloud or off a screen. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Characters in a join code: 32^12 = 2^60 ≈ 1.15 × 10^18 codes, so that guessing any live code is
 * hopeless even at the server's whole guessing budget (the arithmetic is in docs/security.md).
 */
export const JOIN_CODE_LENGTH = 12;

/** Length of codes made before join codes grew to JOIN_CODE_LENGTH; their boards keep them. */
export const LEGACY_JOIN_CODE_LENGTH = 6;

/** Characters per group when a code is shown or read out: `K7PQ-2M4X-H8RT`. */
export const JOIN_CODE_GROUP_CHARS = 4;

/** A random join code such as "K7PQ2M4XH8RT" (stored and sent without dashes; see formatJoinCode). */
export function randomJoinCode(): string {
  const buffer = new Uint8Array(JOIN_CODE_LENGTH);
  globalThis.crypto.getRandomValues(buffer);
  // 256 is a multiple of 32, so the modulo picks every character with the same probability.
  return [...buffer].map((b) => JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length]).join('');
}

/** Normalises what a person typed as a join code: upper case, no spaces or dashes. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A join code as people see and type it: groups of JOIN_CODE_GROUP_CHARS joined by dashes ("K7PQ-2M4X-H8RT"). */
export function formatJoinCode(code: string): string {
  const plain = normaliseJoinCode(code);
  if (plain.length <= LEGACY_JOIN_CODE_LENGTH) return plain;
  return plain.match(new RegExp(`.{1,${JOIN_CODE_GROUP_CHARS}}`, 'g'))?.join('-') ?? plain;
}

/** A seeded pseudo-random generator (mulberry32) for tests and reproducible shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit words drawn from the secure source at a time, so a reveal of many notes asks it a few times, not once per note. */
const SECURE_POOL_WORDS = 256;
const securePool = new Uint32Array(SECURE_POOL_WORDS);
let securePoolNext = SECURE_POOL_WORDS;

function secureWord(): number {
  if (securePoolNext >= SECURE_POOL_WORDS) {
    globalThis.crypto.getRandomValues(securePool);
    securePoolNext = 0;
  }
  return securePool[securePoolNext++] as number;
}

/**
 * A uniform number in [0, 1) from the platform's secure source, with all 53 bits of a double
 * (27 + 26 bits of two 32-bit words). The server shuffles anonymous notes and reasons with it:
 * `Math.random` (xorshift128+ in V8) can be reconstructed from a few of its outputs, and a
 * predictable shuffle of drafts kept in the order they were written would give that order, and
 * with it who wrote each note, back. `Math.floor(cryptoRandom() * n)` is then biased by at most
 * n / 2^53, far below anything a shuffle of a workshop's notes could show.
 */
export function cryptoRandom(): number {
  const high = secureWord() >>> 5;
  const low = secureWord() >>> 6;
  return (high * 67_108_864 + low) / 9_007_199_254_740_992;
}

/** Shuffles a copy of `items` (Fisher–Yates) with the given source of randomness. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
