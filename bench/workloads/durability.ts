import { rmSync } from 'node:fs';
import { connectCrowd } from '../lib/crowd';
import { buildBoard, openStore } from '../lib/fixtures';
import type { CommandTiming } from '../lib/lightClient';
import type { BenchContext, WorkloadRow } from '../lib/report';
import { makeDataDir, startAccord } from '../lib/servers';
import { atRate, percentile, round, sleep } from '../lib/stats';

const CLIENTS = 400;
/** Per client, under COMMANDS_PER_SECOND (20): together 7,600 commands/s offered, more than one core can commit. */
const RATE_PER_CLIENT = 19;
const TARGET_PER_SECOND = 2000;

/**
 * Workload 6, durability cost: 400 participants in one room edit their drafts, each at 19
 * commands/s (7,600/s offered, so the server is the limit). SQLite runs with
 * synchronous=FULL and every result waits for its commit (group commit: one transaction per batch
 * of commands that arrived together). Throughput = ok results / time from first send to last
 * result. No reference equivalent (the reference persists nothing).
 */
export async function durability(ctx: BenchContext): Promise<WorkloadRow[]> {
  const seconds = ctx.quick ? 3 : 6;
  const dataDir = makeDataDir();
  const store = openStore(dataDir);
  const fixture = await buildBoard(store, {
    seed: 60,
    participants: CLIENTS,
    notes: CLIENTS,
    notesPerAuthor: 1,
    prompts: 1,
    themesPerPrompt: 0,
    notesPerTheme: 0,
    finalPhase: 'reflect',
  });
  await store.close();
  const draftOf = new Map<string, string>();
  for (const draft of fixture.drafts) if (!draftOf.has(draft.authorId)) draftOf.set(draft.authorId, draft.id);
  const accord = await startAccord({ dataDir, nodeArgs: ctx.accordNodeArgs });
  try {
    // Participants that own a draft, in the fixture's order.
    const owners = fixture.participants.filter((p) => draftOf.has(p.participantId));
    const crowd = await connectCrowd(accord, { boardId: fixture.boardId, participants: owners }, owners.length, 0);
    await sleep(300);
    await accord.stats();
    const timings: Promise<CommandTiming>[] = [];
    const total = owners.length * RATE_PER_CLIENT * seconds;
    const start = performance.now();
    await atRate(total, owners.length * RATE_PER_CLIENT, (i) => {
      const k = i % owners.length;
      const light = crowd.lights[k];
      const draftId = draftOf.get(owners[k]?.participantId as string) as string;
      if (light) timings.push(light.command({ type: 'editDraft', draftId, text: `edit ${i} of a note that is being rewritten` }));
    });
    const offeredMs = performance.now() - start;
    const done = await Promise.all(timings);
    const lastAt = performance.now();
    const stats = await accord.stats();
    const ok = done.filter((t) => t.result.ok).length;
    const refused = done.length - ok;
    const perSecond = Math.round(ok / ((lastAt - start) / 1000));
    const latencies = done.map((t) => t.ms);
    ctx.log(
      `  ${owners.length} light clients offered ${Math.round(total / (offeredMs / 1000))} editDraft/s for ${seconds} s: ${ok} ok, ${refused} refused; ${perSecond} acknowledged/s; result p50 ${round(percentile(latencies, 50))} p99 ${round(percentile(latencies, 99))} ms; server CPU ${round(stats.cpuMs / (stats.wallMs || 1), 2)} cores, event-loop delay p99 ${round(stats.loop.p99Ms, 1)} ms`,
    );
    ctx.detail('durability', 'run', {
      ok,
      refused,
      perSecond,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      serverCpuMs: stats.cpuMs,
    });
    crowd.close();
    await sleep(300);
    return [
      {
        name: '6 durability cost, one room',
        metric: `acknowledged editDraft/s, synchronous=FULL, group commit (${owners.length} clients, ${RATE_PER_CLIENT}/s each offered)`,
        unit: 'commands/s',
        ours: perSecond,
        reference: null,
        ratio: null,
        target: `≥ ${TARGET_PER_SECOND}`,
        pass: perSecond >= TARGET_PER_SECOND && refused === 0,
      },
    ];
  } finally {
    await accord.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
