/** One line of bench/results/latest.json (the form issue 6 fixes). */
export interface WorkloadRow {
  readonly name: string;
  readonly metric: string;
  readonly unit: string;
  readonly ours: number | null;
  readonly reference: number | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly pass: boolean;
}

/** What a workload gets from the runner. */
export interface BenchContext {
  readonly quick: boolean;
  /** Extra node flags for Accord's server process (e.g. --cpu-prof). */
  readonly accordNodeArgs: string[];
  log(line: string): void;
  /** Measurements behind a row, kept in bench/results/details.json. */
  detail(workload: string, key: string, value: unknown): void;
}

export function ratioOf(ours: number | null, reference: number | null): number | null {
  if (ours === null || reference === null || !Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0)
    return null;
  return Math.round((ours / reference) * 100) / 100;
}
