/**
 * Compares two items by order key, then by id, so that equal keys still sort the same everywhere.
 * Its own module, apart from the key generation in `fractionalIndex.ts`: every page sorts, only
 * the facilitator's tools and the server make keys, and a participant's first load then carries
 * no key generator (the `fractional-indexing` package, 1.3 kB gzipped).
 */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
