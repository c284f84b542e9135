/**
 * Structured logging, one JSON object per line on stderr. Callers pass event names and
 * metadata only: never note text, display names, secrets or keys. `LOG_LEVEL=silent` mutes it.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold = LEVELS[(process.env.LOG_LEVEL as Level | 'silent' | undefined) ?? 'info'] ?? LEVELS.info;
let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Fields a log line may carry: identifiers, counts, codes. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Writes one log line if `level` passes the threshold. */
export function log(level: Level, event: string, fields: LogFields = {}): void {
  if (LEVELS[level] < threshold) return;
  sink(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
}

/** Whether a line at `level` would be written (to skip work that only feeds such lines). */
export function isLogged(level: Level): boolean {
  return LEVELS[level] >= threshold;
}

/** Redirects log lines (tests capture them to check that nothing secret is logged). */
export function setLogSink(next: (line: string) => void, level: Level | 'silent' = 'debug'): void {
  sink = next;
  threshold = LEVELS[level];
}
