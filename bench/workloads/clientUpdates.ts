import { rmSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildBoard, openStore } from '../lib/fixtures';
import type { BenchContext, WorkloadRow } from '../lib/report';
import { ratioOf } from '../lib/report';
import { makeDataDir, startAccord } from '../lib/servers';
import { atRate, percentile, round, sleep } from '../lib/stats';
import { AccordWriter, planMoves, planned } from '../lib/writers';
import { buildClient, CHROMIUM, CHROMIUM_ARGS } from './client';

const MOVES_PER_SECOND = 30;
/** The budget: main-thread time per remote update, p95, on a phone-sized participant page. */
const UPDATE_MS = 16.7;
/** Stored under `accord:` by the bench only (client/src/sync/boardSession.ts FULL_READ_KEY): every update reads the whole board. */
const FULL_READ_STORAGE_KEY = 'accord:benchFullRead';
const UPDATE_MARK = 'accord-update';

/**
 * Marks the arrival of every Yjs sync message (first byte 0, MESSAGE_SYNC) with a user-timing
 * mark, before the page's own handler runs: the trace then tells which main-thread work followed
 * which update. A plain string: a function would be rewritten by the TypeScript loader.
 */
const MARK_UPDATES = `(() => {
  const descriptor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() { return descriptor.get.call(this); },
    set(handler) {
      descriptor.set.call(this, typeof handler !== 'function' ? handler : function (event) {
        if (event.data instanceof ArrayBuffer && new Uint8Array(event.data)[0] === 0) performance.mark('${UPDATE_MARK}');
        return handler.call(this, event);
      });
    },
  });
})()`;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
}

/**
 * Main-thread time per update, in ms: every top-level task of the page's main thread (script,
 * React's render and effects, style, layout, paint) counted to the last update that arrived
 * before it, clipped at the next one. Updates that arrive while the page is still busy with the
 * one before are counted together with it (their work cannot be told apart).
 */
export function busyPerUpdate(events: readonly TraceEvent[], periodMs: number): number[] {
  const marks = events.filter((e) => e.name === UPDATE_MARK);
  const first = marks[0];
  if (!first) return [];
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === first.pid && e.tid === first.tid && e.dur !== undefined)
    .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0) }))
    .sort((a, b) => a.start - b.start);
  const starts = [...new Set(marks.map((m) => m.ts))].sort((a, b) => a - b);
  const busy: number[] = [];
  for (let i = 0; i < starts.length; i += 1) {
    const from = starts[i] as number;
    const to = starts[i + 1] ?? from + periodMs * 1000;
    // The task in which the mark was made began before it: count it whole, from its start.
    let sum = 0;
    for (const task of tasks) {
      if (task.end <= from && !(task.start <= from && task.end >= from)) continue;
      if (task.start >= to) break;
      const start = task.start <= from && task.end >= from ? task.start : Math.max(task.start, from);
      sum += Math.max(0, Math.min(task.end, to) - start);
    }
    busy.push(sum / 1000);
  }
  return busy;
}

/** Rendering steps of the trace, to tell script from style and layout in the details. */
const STEPS = [
  'FunctionCall',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'MajorGC',
  'MinorGC',
];

/** Total ms per rendering step on the page's main thread (nested steps are counted in each). */
function stepTotals(events: readonly TraceEvent[]): Record<string, number> {
  const mark = events.find((e) => e.name === UPDATE_MARK);
  const totals: Record<string, number> = {};
  if (!mark) return totals;
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== mark.pid || e.tid !== mark.tid || !STEPS.includes(e.name)) continue;
    totals[e.name] = round((totals[e.name] ?? 0) + (e.dur ?? 0) / 1000, 1);
  }
  return totals;
}

async function showsAllNotes(page: Page, notes: number): Promise<void> {
  const deadline = performance.now() + 60_000;
  // Polled from here: the page's CSP forbids the string evaluation waitForFunction would use.
  while ((await page.locator('.tnote').count()) < notes) {
    if (performance.now() > deadline) throw new Error(`the page did not show ${notes} notes within 60 s`);
    await sleep(250);
  }
}

/**
 * Workload 7b, client updates: a participant's page (360 px phone) on a board of 1,000 notes in
 * the group phase while a facilitator's moves arrive at 30/s; main-thread time per update from a
 * Chromium trace. The same page reading the whole board on every update (the client before
 * issue 13 item 6, kept behind a storage flag) runs in turns with it: full, incremental, full,
 * incremental (one turn each with --quick).
 */
export async function clientUpdates(ctx: BenchContext): Promise<WorkloadRow[]> {
  const notes = ctx.quick ? 500 : 1000;
  const seconds = ctx.quick ? 3 : 6;
  const outDir = buildClient(ctx);
  const dataDir = makeDataDir();
  const store = openStore(dataDir);
  const grouping = await buildBoard(store, {
    seed: 72,
    participants: Math.ceil(notes / 7 / 20) + 2,
    notes,
    prompts: 7,
    themesPerPrompt: 6,
    notesPerTheme: 8,
    finalPhase: 'group',
  });
  await store.close();
  const accord = await startAccord({ dataDir, env: { STATIC_DIR: outDir }, nodeArgs: ctx.accordNodeArgs });
  let browser: Browser | null = null;
  let writer: AccordWriter | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addInitScript(MARK_UPDATES);
    const page = await context.newPage();
    await page.goto(`${accord.httpUrl}/j/${grouping.joinCode}`);
    const name = page.getByLabel(/Your name/);
    await name.waitFor({ timeout: 15_000 });
    await name.fill('Robin');
    await page.getByRole('button', { name: 'Continue' }).click();
    await showsAllNotes(page, notes);
    // One socket may send 20 commands/s: the 30 moves/s go over two co-facilitator sockets.
    writer = await AccordWriter.open(accord.wsBase, grouping.boardId, grouping.facilitatorKey, 2);
    const plan = planMoves(grouping.board, 20);
    let moveIndex = 0;
    const runs: Record<'full' | 'incremental', number[]> = { full: [], incremental: [] };
    // --quick (whose whole run has 3 minutes) does one turn of each.
    const turns = ctx.quick ? (['full', 'incremental'] as const) : (['full', 'incremental', 'full', 'incremental'] as const);
    for (const mode of turns) {
      await page.evaluate(
        mode === 'full'
          ? `localStorage.setItem('${FULL_READ_STORAGE_KEY}', '1')`
          : `localStorage.removeItem('${FULL_READ_STORAGE_KEY}')`,
      );
      await page.reload();
      await showsAllNotes(page, notes);
      await sleep(1000);
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
      const w = writer;
      await atRate(seconds * MOVES_PER_SECOND, MOVES_PER_SECOND, () => {
        const move = planned(plan, moveIndex++);
        w.move(move.noteId, move.themeId);
      });
      await sleep(500);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const busy = busyPerUpdate(trace.traceEvents, 1000 / MOVES_PER_SECOND);
      runs[mode].push(...busy);
      ctx.detail('client-updates', `steps/${mode}/${runs[mode].length}`, stepTotals(trace.traceEvents));
      ctx.log(
        `  ${mode.padEnd(11)} ${busy.length} updates: p50 ${round(percentile(busy, 50), 2)} p95 ${round(percentile(busy, 95), 2)} max ${round(Math.max(...busy), 1)} ms; main thread, ms: ${JSON.stringify(stepTotals(trace.traceEvents))}`,
      );
    }
    await writer.drain(5000);
    const applied = writer.timings.filter((t) => t.result.ok).length;
    ctx.log(`  moves applied ${applied}/${moveIndex}`);
    const summary = (values: number[]) => ({
      n: values.length,
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      max: Math.max(...values),
    });
    ctx.detail('client-updates', 'incremental', summary(runs.incremental));
    ctx.detail('client-updates', 'fullRead', summary(runs.full));
    const ours = round(percentile(runs.incremental, 95), 2);
    const before = round(percentile(runs.full, 95), 2);
    return [
      {
        name: `7 client, ${MOVES_PER_SECOND} remote moves/s on ${notes} notes`,
        metric: `participant page main-thread time per update p95 (${runs.incremental.length} updates); reference: the same page reading the whole board each update`,
        unit: 'ms',
        ours,
        reference: before,
        ratio: ratioOf(ours, before),
        target: `≤ ${UPDATE_MS} ms (one frame)`,
        pass: ours <= UPDATE_MS && applied === moveIndex,
      },
    ];
  } finally {
    writer?.close();
    await browser?.close();
    await accord.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
