import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../shared/commands';
import { ALLOWED_WHEN_CLOSED, COMMAND_RULES } from '../../shared/domain/applyCommand';
import { ERROR_CODES } from '../../shared/domain/errors';
import { exportBoardJson } from '../../shared/exports/boardExport';
import { PHASE_TRANSITIONS, PHASES } from '../../shared/phases';
import { CLOSE_CODES } from '../../shared/protocol';
import { GOLDEN_EXPORTED_AT, goldenBoard } from './goldenBoard';

/**
 * docs/protocol.md is what an independent client is written from, so it must say what the code
 * does: these tests read its tables and compare them with the rules, limits and records.
 */
const ROOT = path.join(import.meta.dirname, '..', '..');
const doc = readFileSync(path.join(ROOT, 'docs', 'protocol.md'), 'utf8');

/** The rows of the table that follows `heading`, as cells (escaped pipes kept inside their cell). */
function table(heading: string): string[][] {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('docs/protocol.md', () => {
  const commands = table('## Commands');

  it.each(COMMAND_TYPES)('documents %s with who may send it, its phases and whether a closed workshop accepts it', (type) => {
    const row = commands.find((r) => r[0]?.split(' / ').includes(`\`${type}\``));
    expect(row, `no row for ${type}`).toBeDefined();
    const [, , , phases, closed] = row as string[];
    const rule = COMMAND_RULES[type].phases;
    const documented = phases!.replace(/\s*\(.*\)$/, '');
    expect(documented === 'any' ? 'any' : documented.split(', ').sort()).toEqual(rule === 'any' ? 'any' : [...rule].sort());
    expect(closed).toBe(ALLOWED_WHEN_CLOSED.has(type) ? 'allowed' : '—');
  });

  it('lists every permitted phase move, and no other', () => {
    const moves = table('### Phases').map(([from, to]) => `${from} → ${to}`);
    expect(moves.sort()).toEqual(PHASE_TRANSITIONS.map((t) => `${t.from} → ${t.to}`).sort());
    expect(doc).toContain(PHASES.join(' → '));
  });

  it('names every limit of shared/limits.ts', () => {
    const source = readFileSync(path.join(ROOT, 'shared', 'limits.ts'), 'utf8');
    const names = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });

  it('documents every error code and every close code', () => {
    const errors = table('## Results').map((r) => r[0]);
    expect(errors).toEqual(ERROR_CODES.map((code) => `\`${code}\``));
    const closes = table('## Close codes').map((r) => Number(r[0]));
    for (const code of Object.values(CLOSE_CODES)) expect(closes).toContain(code);
  });

  it('documents every field of every record of the board document, and the fields of their objects', () => {
    const { board } = JSON.parse(exportBoardJson(goldenBoard().state.board, GOLDEN_EXPORTED_AT)) as {
      board: Record<string, Record<string, unknown> | Record<string, unknown>[]>;
    };
    const rows = new Map(table('## The board document').map((r) => [r[0]!.replace(/ \(Y\.Map\)$/, ''), r[1]!]));
    const missing: string[] = [];
    for (const [root, value] of Object.entries(board)) {
      const row = rows.get(`\`${root}\``) ?? '';
      for (const record of Array.isArray(value) ? value : [value]) {
        for (const [field, fieldValue] of Object.entries(record)) {
          if (!row.includes(`\`${field}\``)) missing.push(`${root}.${field}`);
          // The fields of an object value (settings, outcome, counts, smartie, a version's items) are named too.
          const inner = Array.isArray(fieldValue) ? fieldValue[0] : fieldValue;
          if (typeof inner !== 'object' || inner === null || field === 'tallies') continue;
          for (const key of Object.keys(inner))
            if (!new RegExp(`\\b${key}\\b`).test(row)) missing.push(`${root}.${field}.${key}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
