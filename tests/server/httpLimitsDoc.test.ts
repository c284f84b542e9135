import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The HTTP API's limits live next to the code that enforces them (server/http/apiLimits.ts), not
 * in shared/limits.ts, which tests/shared/protocolDoc.test.ts reads: this holds them to the same
 * rule — every one is named in docs/protocol.md and docs/security.md.
 */
const ROOT = path.join(import.meta.dirname, '..', '..');
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');
const exportedConstants = (source: string) => [...source.matchAll(/^export const ([A-Z][A-Z0-9_]+)/gm)].map((m) => m[1]!);

describe('HTTP limits are documented', () => {
  const names = [
    ...exportedConstants(read('server', 'http', 'apiLimits.ts')),
    ...exportedConstants(read('server', 'http', 'throttle.ts')),
    ...exportedConstants(read('server', 'http', 'securityHeaders.ts')),
    'MAX_IMPORT_BYTES',
    'JOIN_CODE_LENGTH',
  ];

  it.each(['protocol.md', 'security.md'])('in docs/%s', (file) => {
    const doc = read('docs', file);
    expect(names.length).toBeGreaterThan(12);
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
