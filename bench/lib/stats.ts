/** Nearest-rank percentile of `values` (0–100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** p50 / p95 / p99 / max of a sample, rounded for printing. */
export function summary(values: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(values.length === 0 ? Number.NaN : Math.max(...values)),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `predicate` every `everyMs` until it holds; throws after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs: number, what: string, everyMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Calls `tick(i)` `count` times at `ratePerSecond`, on a fixed schedule (a late tick does not
 * shift the ones after it), and resolves after the last one.
 */
export async function atRate(count: number, ratePerSecond: number, tick: (i: number) => void): Promise<void> {
  const periodMs = 1000 / ratePerSecond;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * periodMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    tick(i);
  }
}
