import { rmSync } from 'node:fs';
import { readBoard } from '../../shared/boardDoc';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { seededRandom } from '../../shared/random';
import { connectCrowd } from '../lib/crowd';
import { type BoardFixture, buildBoard, openStore } from '../lib/fixtures';
import { type CommandTiming, LightClient } from '../lib/lightClient';
import { accordProbe } from '../lib/probes';
import type { BenchContext, WorkloadRow } from '../lib/report';
import { makeDataDir, startAccord } from '../lib/servers';
import { percentile, round, sleep, summary, until } from '../lib/stats';

const PARTICIPANTS = 200;
const DOTS = 5;
const MAX_PER_ITEM = 3;
const WINDOW_MS = 2000;
const TARGET_MS = 50;

/**
 * Workload 3, vote storm: 200 participants each place 5 dots at random moments within 2 s.
 * Latency = placeDot sent → its result. Then each participant tries a 6th dot and replays its
 * first command id: the 6th must be refused, the replay must not add a dot, and every private
 * slice must show exactly 5 dots. No reference equivalent (results and ballots are Accord's own).
 */
export async function voteStorm(ctx: BenchContext): Promise<WorkloadRow[]> {
  const rounds = ctx.quick ? 2 : 3;
  const dataDir = makeDataDir();
  const store = openStore(dataDir);
  const fixtures: BoardFixture[] = [];
  for (let i = 0; i < rounds; i++) {
    fixtures.push(
      await buildBoard(store, {
        seed: 30 + i,
        participants: PARTICIPANTS,
        notes: 280,
        // 4 authors per prompt: a reveal of 2 people's notes would name them (too_few_people).
        notesPerAuthor: 10,
        prompts: 7,
        themesPerPrompt: 4,
        notesPerTheme: 5,
        finalPhase: 'vote',
        voteRound: { dotsPerPerson: DOTS, maxPerItem: MAX_PER_ITEM },
      }),
    );
  }
  await store.close();
  const accord = await startAccord({ dataDir, nodeArgs: ctx.accordNodeArgs });
  const latencies: number[] = [];
  let overBudget = 0;
  let wrongCount = 0;
  let refusedInStorm = 0;
  try {
    for (const [r, fixture] of fixtures.entries()) {
      const roundId = fixture.roundId as string;
      const items = votableItems(fixture);
      const crowd = await connectCrowd(
        accord,
        { boardId: fixture.boardId, participants: fixture.participants },
        PARTICIPANTS,
        0,
        {
          keepSlices: true,
        },
      );
      await sleep(200);
      await accord.stats();
      const random = seededRandom(100 + r);
      const firstIds: string[] = [];
      const storm: Promise<CommandTiming>[] = [];
      const start = performance.now();
      for (const [p, light] of crowd.lights.entries()) {
        const chosen = pick(items, DOTS, random);
        for (const [d, itemId] of chosen.entries()) {
          const at = random() * WINDOW_MS;
          const id = `v${r}p${p}d${d}`;
          if (d === 0) firstIds.push(id);
          storm.push(
            new Promise((resolve) =>
              setTimeout(
                () => resolve(light.command({ type: 'placeDot', roundId, itemId }, id)),
                Math.max(0, start + at - performance.now()),
              ),
            ),
          );
        }
      }
      const timings = await Promise.all(storm);
      const elapsed = performance.now() - start;
      const stats = await accord.stats();
      for (const t of timings) {
        latencies.push(t.ms);
        if (!t.result.ok) refusedInStorm += 1;
      }
      // Over-budget attempts: a 6th dot, and a replay of the first command id.
      const extra = await Promise.all(
        crowd.lights.map(async (light, p) => {
          const sixth = await light.command({ type: 'placeDot', roundId, itemId: items[p % items.length] as string });
          const replay = await light.command({ type: 'placeDot', roundId, itemId: items[0] as string }, firstIds[p]);
          return { sixth: sixth.result, replay: replay.result };
        }),
      );
      const sixthAccepted = extra.filter((e) => e.sixth.ok).length;
      await until(() => crowd.lights.every((l) => l.slice !== null), 5000, 'slices');
      await sleep(300);
      for (const light of crowd.lights) {
        const mine = light.slice?.dots[roundId] ?? {};
        const total = Object.values(mine).reduce((a, b) => a + b, 0);
        if (total > DOTS || Object.values(mine).some((n) => n > MAX_PER_ITEM)) overBudget += 1;
        if (total !== DOTS) wrongCount += 1;
      }
      overBudget += sixthAccepted;
      const tallies = await closeAndCount(accord.wsBase, fixture, roundId);
      const s = summary(timings.map((t) => t.ms));
      ctx.log(
        `  vote storm ${r + 1}: ${timings.length} placeDot in ${Math.round(elapsed)} ms from ${crowd.lights.length} light clients: p50 ${s.p50} p99 ${s.p99} max ${s.max} ms; refused ${timings.filter((t) => !t.result.ok).length}; 6th dot accepted ${sixthAccepted}; tallies total ${tallies} (expected ${PARTICIPANTS * DOTS}); server CPU ${round(stats.cpuMs, 0)} ms, event-loop delay p99 ${round(stats.loop.p99Ms, 1)} ms`,
      );
      if (tallies !== PARTICIPANTS * DOTS) overBudget += Math.max(0, tallies - PARTICIPANTS * DOTS);
      ctx.detail('vote-storm', `round ${r + 1}`, { ...s, sixthAccepted, tallies, serverCpuMs: round(stats.cpuMs, 0) });
      crowd.close();
      await sleep(300);
    }
  } finally {
    await accord.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const p99 = round(percentile(latencies, 99));
  return [
    {
      name: `3 vote storm, ${PARTICIPANTS} × ${DOTS} dots in 2 s`,
      metric: `p99 placeDot sent → result (${rounds} storms, ${latencies.length} commands)`,
      unit: 'ms',
      ours: p99,
      reference: null,
      ratio: null,
      target: `≤ ${TARGET_MS} ms`,
      pass: p99 <= TARGET_MS && overBudget === 0 && wrongCount === 0 && refusedInStorm === 0,
    },
    {
      name: '3 vote storm, budget',
      metric: 'people over budget (private slices, 6th dots, replays, closed tallies)',
      unit: 'people',
      ours: overBudget,
      reference: null,
      ratio: null,
      target: '0',
      pass: overBudget === 0 && wrongCount === 0,
    },
  ];
}

function votableItems(fixture: BoardFixture): string[] {
  const board = fixture.board;
  const align = new Set([...board.prompts.values()].filter((p) => p.kind === 'align').map((p) => p.id));
  return [
    ...[...board.themes.values()].filter((t) => align.has(t.promptId)).map((t) => t.id),
    ...[...board.notes.values()].filter((n) => n.themeId === null && align.has(n.promptId)).map((n) => n.id),
  ];
}

/** `count` items, at most MAX_PER_ITEM times the same one. */
function pick(items: readonly string[], count: number, random: () => number): string[] {
  const chosen: string[] = [];
  while (chosen.length < count) {
    const item = items[Math.floor(random() * items.length)] as string;
    if (chosen.filter((c) => c === item).length < MAX_PER_ITEM) chosen.push(item);
  }
  return chosen;
}

/** Closes the round as the facilitator and returns the sum of the published tallies. */
async function closeAndCount(wsBase: string, fixture: BoardFixture, roundId: string): Promise<number> {
  const facilitator = new LightClient({
    url: `${wsBase}/${fixture.boardId}`,
    auth: { v: PROTOCOL_VERSION, facilitatorKey: fixture.facilitatorKey },
  });
  await facilitator.opened.then(() => facilitator.whenSynced());
  const closed = await facilitator.command({ type: 'closeVoteRound', roundId });
  facilitator.close();
  if (!closed.result.ok) throw new Error(`closeVoteRound refused: ${closed.result.error}`);
  const probe = accordProbe(wsBase, fixture.boardId, { facilitatorKey: fixture.facilitatorKey });
  try {
    await until(() => probe.isSynced(), 10_000, 'probe');
    const round = readBoard(probe.doc)?.voteRounds.get(roundId);
    return Object.values(round?.tallies ?? {}).reduce((a, b) => a + b, 0);
  } finally {
    probe.close();
  }
}
