/**
 * `next`, or `previous` when both hold the same plain data (JSON-equal): my private slice is
 * rebuilt on every board update, and the views comparing by identity would otherwise render
 * again for every remote move. Meant for small values (my drafts, dots, responses, marks).
 */
export function keepIfEqual<T>(previous: T, next: T): T {
  if (previous === next) return previous;
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}
