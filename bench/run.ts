import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteCommitLatency } from './lib/diskProbe';
import { startNoiseMeter } from './lib/noise';
import type { BenchContext, WorkloadRow } from './lib/report';
import { pinSelf, removeDataDirs, taskset } from './lib/servers';
import { capacity } from './workloads/capacity';
import { client } from './workloads/client';
import { clientUpdates } from './workloads/clientUpdates';
import { crossNodeFanOut } from './workloads/crossNodeFanOut';
import { durability } from './workloads/durability';
import { fanOut } from './workloads/fanOut';
import { join } from './workloads/join';
import { revealBurst } from './workloads/reveal';
import { voteStorm } from './workloads/voteStorm';

/**
 * `npm run bench` — every workload of issue 6 against Accord and, where there is an equivalent,
 * the plain @y/websocket-server 0.1.1 in the same run. `-- --quick` for smaller sizes,
 * `-- --only=fan-out,join` for some workloads, `-- --cpu-prof` to profile Accord's server.
 */

const WORKLOADS: Record<string, (ctx: BenchContext) => Promise<WorkloadRow[]>> = {
  'fan-out': fanOut,
  reveal: revealBurst,
  'vote-storm': voteStorm,
  join,
  capacity,
  durability,
  client,
  'client-updates': clientUpdates,
  'cross-node-fan-out': crossNodeFanOut,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const profileDir = path.join(os.tmpdir(), 'accord-bench-profiles');
const accordNodeArgs = args.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

// Each y-websocket provider adds a process 'exit' listener; capacity runs 40 of them.
process.setMaxListeners(200);
const isPinned = pinSelf();
const details: Record<string, Record<string, unknown>> = {};
const ctx: BenchContext = {
  quick,
  accordNodeArgs,
  log: (line) => process.stdout.write(`${line}\n`),
  detail(workload, key, value) {
    details[workload] ??= {};
    details[workload][key] = value;
  },
};

function cpuModel(): string {
  return os.cpus()[0]?.model ?? 'unknown';
}

function gitHead(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return process.env.BENCH_COMMIT ?? null;
  }
}

const started = performance.now();
const rows: WorkloadRow[] = [];
/** Share of the machine's CPU used by processes other than the benchmark and its servers, per workload. */
const otherLoad: Record<string, { mean: number; max: number }> = {};
const loadAverageAtStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
const commitBefore = sqliteCommitLatency();
ctx.log(
  `SQLite commit (WAL, synchronous=FULL) on the data disk: p50 ${commitBefore.p50Ms} ms, p99 ${commitBefore.p99Ms} ms; load average ${loadAverageAtStart.join(' ')}; ${isPinned ? 'servers pinned to core 0, load generator to core 1' : 'not pinned'}`,
);
for (const [name, workload] of Object.entries(WORKLOADS)) {
  if (only && !only.includes(name)) continue;
  const t = performance.now();
  ctx.log(`— ${name}`);
  const meter = startNoiseMeter();
  try {
    rows.push(...(await workload(ctx)));
  } catch (error) {
    ctx.log(`  ${name} failed: ${(error as Error).stack ?? error}`);
    rows.push({
      name,
      metric: 'workload failed to run',
      unit: '',
      ours: null,
      reference: null,
      ratio: null,
      target: '',
      pass: false,
    });
  }
  removeDataDirs();
  const noise = meter.stop();
  otherLoad[name] = { mean: Math.round(noise.meanShare * 100) / 100, max: Math.round(noise.maxShare * 100) / 100 };
  ctx.log(
    `  (${Math.round((performance.now() - t) / 1000)} s; other processes used ${Math.round(noise.meanShare * 100)} % of the machine on average, ${Math.round(noise.maxShare * 100)} % in the busiest second)`,
  );
}

const commitAfter = sqliteCommitLatency();
const format = (v: number | null) => (v === null ? '—' : String(v));
const table = [
  ['workload', 'metric', 'ours', 'reference', 'ratio', 'target', 'pass'],
  ...rows.map((r) => [
    r.name,
    r.metric,
    `${format(r.ours)} ${r.unit}`,
    r.reference === null ? '—' : `${r.reference} ${r.unit}`,
    format(r.ratio),
    r.target,
    r.pass ? 'yes' : 'NO',
  ]),
];
const widths = table[0]?.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length))) ?? [];
ctx.log('');
for (const row of table) ctx.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));

const result = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: cpuModel(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    pinned: isPinned ? 'servers on core 0, load generator on core 1 (taskset)' : taskset() ? 'taskset failed' : 'no taskset',
    quick,
    commit: gitHead(),
    loadAverageAtStart,
    sqliteCommitMs: { before: commitBefore, after: commitAfter },
    otherProcessesCpuShare: otherLoad,
    durationS: Math.round((performance.now() - started) / 1000),
  },
  when: new Date().toISOString(),
  workloads: rows,
};
const resultsDir = path.resolve(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
if (!only) {
  writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, 'details.json'), `${JSON.stringify({ when: result.when, details }, null, 2)}\n`);
} else {
  // A partial run (--only) never replaces the committed results.
  const partial = path.join(os.tmpdir(), 'accord-bench-partial.json');
  writeFileSync(partial, `${JSON.stringify({ ...result, details }, null, 2)}\n`);
  ctx.log(`(partial run: results in ${partial})`);
}
if (accordNodeArgs.length > 0) ctx.log(`CPU profiles of Accord's server: ${profileDir}`);
process.exit(0);
