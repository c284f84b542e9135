import { type Crowd, connectCrowd } from '../lib/crowd';
import { BENCH_DATABASE_URL, benchSchema, dropSchema, postgresUnreachable, startClusterNodes } from '../lib/clusterNodes';
import { type BoardFixture, type BoardSpec, buildBoard, openPostgresStore } from '../lib/fixtures';
import { MoveTracker } from '../lib/probes';
import { type BenchContext, ratioOf, type WorkloadRow } from '../lib/report';
import type { ServerUnderTest } from '../lib/servers';
import { atRate, percentile, round, sleep, summary } from '../lib/stats';
import { AccordWriter, type MovePlan, planMoves, planned, wholeCycles } from '../lib/writers';

const RATE_PER_SECOND = 30;
const PARTICIPANTS = 200;
/** Full probes per node (the spread board has probes on every node, the one-node board as many on its owner). */
const PROBES_PER_NODE = 2;
const NODES = 3;
const POOL = 15;
const TARGET_P99_MS = 50;
const TARGET_HOP_MS = 10;

const SPEC: BoardSpec = {
  seed: 11,
  participants: PARTICIPANTS,
  notes: 240,
  prompts: 4,
  themesPerPrompt: 3,
  notesPerTheme: 5,
  finalPhase: 'group',
};

interface Side {
  readonly label: 'spread' | 'one node';
  readonly fixture: BoardFixture;
  readonly plan: MovePlan;
  writer: AccordWriter;
  readonly crowds: Crowd[];
  readonly trackers: MoveTracker[];
  readonly latencies: number[];
  lost: number;
}

/**
 * Workload 8, cross-node fan-out: the fan-out of workload 1 (a facilitator moves notes at 30/s,
 * 200 participants watch) on a cluster of three nodes sharing PostgreSQL, side by side with the same
 * room served by one node. Both boards are owned by node 1. On the "spread" board a third of the
 * participants connect to each node, so two thirds of them, and the facilitator (on node 2), are
 * piped to the owner; on the "one node" board everyone connects to the owner. The writers take turns
 * in short slices, as in workload 1. Latency = move sent → applied at a probe.
 */
export async function crossNodeFanOut(ctx: BenchContext): Promise<WorkloadRow[]> {
  const name = '8 cross-node fan-out, 200 participants on 3 nodes';
  const reason = await postgresUnreachable(BENCH_DATABASE_URL);
  if (reason) {
    ctx.log(`  skipped: ${reason}`);
    return [
      {
        name,
        metric: `skipped: ${reason}`,
        unit: 'ms',
        ours: null,
        reference: null,
        ratio: null,
        target: `≤ ${TARGET_P99_MS} ms`,
        pass: false,
      },
    ];
  }
  const pairs = ctx.quick ? 4 : 10;
  const sliceSeconds = ctx.quick ? 1 : 2;
  const schema = benchSchema();
  let nodes: ServerUnderTest[] = [];
  const sides: Side[] = [];
  try {
    const store = await openPostgresStore(BENCH_DATABASE_URL, schema);
    const fixtures = [await buildBoard(store, SPEC), await buildBoard(store, SPEC)];
    await store.close();
    nodes = await startClusterNodes(NODES, BENCH_DATABASE_URL, schema, ctx.accordNodeArgs);
    const [owner, other] = nodes as [ServerUnderTest, ServerUnderTest, ServerUnderTest];
    for (const [i, fixture] of fixtures.entries()) {
      const isSpread = i === 0;
      // The first connection to a board makes its node claim it: the owner's share of the crowd goes first.
      const crowds: Crowd[] = [];
      const perNode = Math.floor(PARTICIPANTS / NODES);
      for (const [n, node] of (isSpread ? nodes : [owner]).entries()) {
        const total = isSpread ? (n === NODES - 1 ? PARTICIPANTS - perNode * (NODES - 1) : perNode) : PARTICIPANTS;
        const probes = isSpread ? PROBES_PER_NODE : PROBES_PER_NODE * NODES;
        crowds.push(
          await connectCrowd(node, { boardId: fixture.boardId, participants: fixture.participants }, total, probes, {
            offset: n * perNode,
          }),
        );
      }
      const writer = await AccordWriter.open((isSpread ? other : owner).wsBase, fixture.boardId, fixture.facilitatorKey, 2);
      const trackers = crowds.flatMap((c) => c.probes.map((p) => new MoveTracker(p)));
      sides.push({
        label: isSpread ? 'spread' : 'one node',
        fixture,
        plan: planMoves(fixture.board, POOL),
        writer,
        crowds,
        trackers,
        latencies: [],
        lost: 0,
      });
    }
    ctx.log(
      `  ${PARTICIPANTS} participants per board; spread: ${sides[0]?.crowds.map((c) => c.lights.length + c.probes.length).join(' + ')} on nodes 1–3, writer on node 2; one node: all on node 1 (the owner of both)`,
    );
    for (const side of sides) await slice(side, RATE_PER_SECOND, false);
    for (let pair = 0; pair < pairs; pair++) for (const side of sides) await slice(side, RATE_PER_SECOND * sliceSeconds, true);
    const [spread, single] = sides as [Side, Side];
    for (const side of sides) {
      const s = summary(side.latencies);
      ctx.log(
        `  ${side.label.padEnd(8)} p50 ${s.p50} p95 ${round(percentile(side.latencies, 95))} p99 ${s.p99} max ${s.max} ms (n ${s.n}, lost ${side.lost}, refused ${side.writer.failures})`,
      );
      ctx.detail('cross-node-fan-out', side.label, { ...s, lost: side.lost, refused: side.writer.failures });
    }
    const oursP99 = round(percentile(spread.latencies, 99));
    const oneNodeP99 = round(percentile(single.latencies, 99));
    const hop = round(oursP99 - oneNodeP99);
    const isClean = spread.lost + single.lost + spread.writer.failures + single.writer.failures === 0;
    return [
      {
        name,
        metric: `p99 move sent → applied at ${PROBES_PER_NODE * NODES} probes, 2 per node (${RATE_PER_SECOND} moves/s, ${pairs} interleaved pairs × ${sliceSeconds} s); reference: the same room with everyone on its owner node`,
        unit: 'ms',
        ours: oursP99,
        reference: oneNodeP99,
        ratio: ratioOf(oursP99, oneNodeP99),
        target: `≤ ${TARGET_P99_MS} ms`,
        pass: isClean && oursP99 <= TARGET_P99_MS,
      },
      {
        name: '8 cross-node fan-out, hop cost',
        metric: 'p99 spread over 3 nodes − p99 on the owner node alone (same run, interleaved)',
        unit: 'ms',
        ours: hop,
        reference: null,
        ratio: null,
        target: `≤ ${TARGET_HOP_MS} ms`,
        pass: isClean && hop <= TARGET_HOP_MS,
      },
    ];
  } finally {
    for (const side of sides) {
      side.writer.close();
      for (const crowd of side.crowds) crowd.close();
    }
    await Promise.all(nodes.map((n) => n.stop()));
    await dropSchema(BENCH_DATABASE_URL, schema).catch(() => {});
  }

  async function slice(side: Side, count: number, record: boolean): Promise<void> {
    const total = wholeCycles(side.plan, count);
    await atRate(total, RATE_PER_SECOND, (i) => {
      const move = planned(side.plan, i);
      const sentAt = side.writer.move(move.noteId, move.themeId);
      for (const tracker of side.trackers) tracker.expect(move.noteId, move.themeId, sentAt, record);
    });
    await Promise.all(side.trackers.map((t) => t.settle(5000)));
    await side.writer.drain(5000);
    await sleep(50);
    if (!record) {
      for (const tracker of side.trackers) tracker.latencies.length = 0;
      return;
    }
    for (const tracker of side.trackers) {
      side.latencies.push(...tracker.latencies);
      tracker.latencies.length = 0;
      side.lost += tracker.lost;
      tracker.lost = 0;
    }
  }
}
