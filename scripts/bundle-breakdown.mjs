// Where a built chunk's gzipped bytes come from. Build with `npx vite build --sourcemap --outDir <dir>`,
// then: node scripts/bundle-breakdown.mjs <dir>/assets/a.js [<dir>/assets/b.js …]
// For each package (node_modules/<name>) or source folder: minified bytes, and the gzip -9 bytes the
// files lose when that group's code is cut out of them (its marginal cost in the compressed stream).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
const groupOf = (source) => {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = s.slice(nm + 13).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (process.env.BY_FILE) return `${pkg}/${rest.slice(pkg.split('/').length).join('/')}`;
    return pkg;
  }
  const m = /(client\/src|shared)\/(.*)$/.exec(s);
  if (!m) return s;
  if (process.env.BY_FILE) return `${m[1]}/${m[2]}`;
  const parts = m[2].split('/');
  return `${m[1]}/${parts.length > 1 ? parts.slice(0, -1).join('/') : '.'}`;
};

const files = process.argv.slice(2).map((file) => {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lines = code.split('\n');
  // owner[line][col] group, by run: array of {line, start, end, group}
  const runs = [];
  let prev = null;
  map.eachMapping((m) => {
    if (prev && prev.line === m.generatedLine) runs.push({ ...prev, end: m.generatedColumn });
    else if (prev) runs.push({ ...prev, end: lines[prev.line - 1].length });
    prev = { line: m.generatedLine, start: m.generatedColumn, group: m.source ? groupOf(m.source) : '(generated)' };
  });
  if (prev) runs.push({ ...prev, end: lines[prev.line - 1].length });
  return { file, code, lines, runs };
});

const without = (f, group) => {
  const lines = f.lines.map((l) => l.split(''));
  for (const r of f.runs) if (r.group === group) for (let c = r.start; c < r.end; c++) lines[r.line - 1][c] = '';
  return lines.map((l) => l.join('')).join('\n');
};
const rawOf = new Map();
for (const f of files) for (const r of f.runs) rawOf.set(r.group, (rawOf.get(r.group) ?? 0) + r.end - r.start);
const total = files.reduce((n, f) => n + gz(f.code), 0);
const rows = [...rawOf].map(([group, raw]) => {
  const rest = files.reduce((n, f) => n + gz(f.runs.some((r) => r.group === group) ? without(f, group) : f.code), 0);
  return { group, raw, gzip: total - rest };
});
rows.sort((a, b) => b.gzip - a.gzip);
console.log(
  `total ${files.length} files: ${(files.reduce((n, f) => n + f.code.length, 0) / 1000).toFixed(1)} kB minified, ${(total / 1000).toFixed(1)} kB gzip -9`,
);
for (const r of rows)
  console.log(`${(r.gzip / 1000).toFixed(2).padStart(7)} kB gz  ${(r.raw / 1000).toFixed(1).padStart(7)} kB min  ${r.group}`);
console.log(
  `sum of marginal costs ${(rows.reduce((n, r) => n + r.gzip, 0) / 1000).toFixed(1)} kB (less than the total: shared strings compress across groups)`,
);
