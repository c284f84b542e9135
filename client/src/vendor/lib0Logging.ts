/**
 * Stands in for `lib0/logging` in the browser build (vite.config.ts). Yjs uses only `print` and
 * `warn` with these style markers, for two rare warnings; the real module's browser console
 * styling pulls in `lib0/dom` and `lib0/schema` (about 3 KB gzipped) that the participant's first
 * load cannot afford. The same words reach the console, without colours.
 */
export const BOLD = Symbol('bold');
export const UNBOLD = Symbol('unbold');
export const RED = Symbol('red');
export const ORANGE = Symbol('orange');

const words = (args: readonly unknown[]) => args.filter((arg) => typeof arg !== 'symbol');

export function print(...args: unknown[]): void {
  console.log(words(args).join(''));
}

export function warn(...args: unknown[]): void {
  console.warn(words(args).join(''));
}
