import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type Crowd, connectCrowd } from '../lib/crowd';
import { type BoardFixture, buildBoard, openStore } from '../lib/fixtures';
import { MoveTracker } from '../lib/probes';
import { type BenchContext, ratioOf, type WorkloadRow } from '../lib/report';
import { makeDataDir, type ServerUnderTest, startAccord, startReference } from '../lib/servers';
import { COLD_SYNC_CACHE_MS } from '../../server/room/ReadOnlySync';
import { atRate, percentile, round, sleep, summary } from '../lib/stats';
import { AccordWriter, type MovePlan, type MoveWriter, planMoves, planned, ReferenceWriter } from '../lib/writers';

const ROOMS = 40;
const PARTICIPANTS_PER_ROOM = 25;
const MOVES_PER_SECOND_PER_ROOM = 2;
/** Rooms with a full probe among their participants (the others only have light clients). */
const PROBE_EVERY_N_ROOMS = 1;
/** Connections opened and closed before measuring, so V8's young generation and malloc have grown to their working size. */
const WARMUP_CONNECTIONS = 1000;
/** Issue 13 item 5: a room keeps at most this many times what the plain relay keeps for the same document. */
const MAX_ROOM_MEMORY_RATIO = 1.2;

interface Side {
  readonly server: ServerUnderTest;
  readonly writers: MoveWriter[];
  readonly crowds: Crowd[];
  readonly trackers: (MoveTracker | null)[];
  readonly counters: number[];
  readonly latencies: number[];
  memory: {
    perRoomBytes: number;
    perConnectionBytes: number;
    baseRss: number;
    roomsRss: number;
    fullRss: number;
    heapUsedPerRoomBytes: number;
    heapUsedPerConnectionBytes: number;
    heapTotalPerRoomBytes: number;
    externalPerRoomBytes: number;
    /** JS heap in use plus memory outside the heap (Buffers, zlib), per room: what an open room keeps. */
    retainedPerRoomBytes: number;
  };
  lost: number;
  loopP99: number[];
}

/**
 * Workload 5, capacity: 40 rooms × 25 participants in one server process, each room's
 * facilitator moving notes at 2/s. Latency at probes (one full client per room) and the server's
 * memory: RSS after a forced GC with no room open, with every room open (its facilitator
 * connected), and with every participant connected. Before that, 1,000 connections to a warm-up
 * room are opened and closed: V8 grows its young generation with the allocation rate (up to
 * 2 × 16 MiB), and without a warm-up that one-off growth would be booked to the connections.
 */
export async function capacity(ctx: BenchContext): Promise<WorkloadRow[]> {
  const pairs = ctx.quick ? 3 : 5;
  const sliceSeconds = ctx.quick ? 2 : 4;
  const dataDir = makeDataDir();
  const store = openStore(dataDir);
  const fixtures: BoardFixture[] = [];
  for (let r = 0; r < ROOMS; r++) {
    fixtures.push(
      await buildBoard(store, {
        seed: 500 + r,
        participants: PARTICIPANTS_PER_ROOM,
        notes: 60,
        prompts: 3,
        themesPerPrompt: 2,
        notesPerTheme: 4,
        finalPhase: 'group',
      }),
    );
  }
  const warmup = await buildBoard(store, {
    seed: 499,
    participants: WARMUP_CONNECTIONS,
    notes: 60,
    prompts: 3,
    themesPerPrompt: 2,
    notesPerTheme: 4,
    finalPhase: 'group',
  });
  await store.close();
  const plans: MovePlan[] = fixtures.map((f) => planMoves(f.board, 10));
  const reference = await startReference();
  const accord = await startAccord({ dataDir, nodeArgs: ctx.accordNodeArgs });
  const sides: Side[] = [];
  const rows: WorkloadRow[] = [];
  try {
    for (const server of [reference, accord]) sides.push(await populate(server));
    const lights = sides[0]?.crowds.reduce((n, c) => n + c.lights.length, 0);
    const probes = sides[0]?.crowds.reduce((n, c) => n + c.probes.length, 0);
    ctx.log(
      `  per server: ${ROOMS} rooms × ${PARTICIPANTS_PER_ROOM} participants = ${lights} light + ${probes} full probes, plus ${ROOMS} facilitators moving ${MOVES_PER_SECOND_PER_ROOM}/s each`,
    );
    const loop = monitorEventLoopDelay({ resolution: 2 });
    for (const side of sides) await slice(side, 1, false);
    loop.enable();
    for (let pair = 0; pair < pairs; pair++) for (const side of sides) await slice(side, sliceSeconds, true);
    loop.disable();
    for (const side of sides) {
      const s = summary(side.latencies);
      ctx.log(
        `  ${side.server.kind.padEnd(9)} p50 ${s.p50} p99 ${s.p99} max ${s.max} ms (n ${s.n}, lost ${side.lost}); RSS ${mb(side.memory.baseRss)} MB empty → ${mb(side.memory.roomsRss)} MB with rooms → ${mb(side.memory.fullRss)} MB with everyone: RSS growth ${kb(side.memory.perRoomBytes)} KB per room, ${kb(side.memory.perConnectionBytes)} KB per connection (kept per room ${kb(side.memory.retainedPerRoomBytes)} KB; JS heap in use ${kb(side.memory.heapUsedPerRoomBytes)} KB per room, ${kb(side.memory.heapUsedPerConnectionBytes)} KB per connection; per room, JS heap reserved ${kb(side.memory.heapTotalPerRoomBytes)} KB, outside it ${kb(side.memory.externalPerRoomBytes)} KB); event-loop delay p99 ≤ ${round(Math.max(...side.loopP99), 1)} ms`,
      );
      ctx.detail('capacity', side.server.kind, { ...s, lost: side.lost, memory: side.memory });
    }
    ctx.log(`  load generator event-loop delay p99 ${round(loop.percentile(99) / 1e6, 1)} ms`);
    const [ref, ours] = sides as [Side, Side];
    const p99 = (side: Side) => round(percentile(side.latencies, 99));
    rows.push(
      {
        name: `5 capacity, ${ROOMS} rooms × ${PARTICIPANTS_PER_ROOM}`,
        metric: `p99 move sent → applied at probes (${ROOMS} × ${MOVES_PER_SECOND_PER_ROOM} moves/s, ${pairs} interleaved pairs × ${sliceSeconds} s)`,
        unit: 'ms',
        ours: p99(ours),
        reference: p99(ref),
        ratio: ratioOf(p99(ours), p99(ref)),
        target: '≤ 100 ms',
        pass: p99(ours) <= 100,
      },
      {
        name: '5 capacity, memory per connection',
        metric: 'server RSS growth per participant connection (after GC and a warm-up)',
        unit: 'KB',
        ours: kb(ours.memory.perConnectionBytes),
        reference: kb(ref.memory.perConnectionBytes),
        ratio: ratioOf(kb(ours.memory.perConnectionBytes), kb(ref.memory.perConnectionBytes)),
        target: '≤ 20 KB',
        pass: kb(ours.memory.perConnectionBytes) <= 20,
      },
      {
        name: '5 capacity, memory per room',
        // Not RSS growth (in details): V8 reserves heap by the allocation rate, which swings RSS by more than a room.
        metric: 'server memory kept per open room with its facilitator: JS heap in use + outside it, after GC',
        unit: 'MB',
        ours: mb(ours.memory.retainedPerRoomBytes, 3),
        reference: mb(ref.memory.retainedPerRoomBytes, 3),
        ratio: ratioOf(mb(ours.memory.retainedPerRoomBytes, 3), mb(ref.memory.retainedPerRoomBytes, 3)),
        target: `≤ 2 MB, ratio ≤ ${MAX_ROOM_MEMORY_RATIO}`,
        pass: (() => {
          const ratio = ratioOf(mb(ours.memory.retainedPerRoomBytes, 3), mb(ref.memory.retainedPerRoomBytes, 3));
          return mb(ours.memory.retainedPerRoomBytes, 3) <= 2 && ratio !== null && ratio <= MAX_ROOM_MEMORY_RATIO;
        })(),
      },
    );
  } finally {
    for (const side of sides) {
      for (const w of side.writers) w.close();
      for (const c of side.crowds) c.close();
    }
    await accord.stop();
    await reference.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;

  async function populate(server: ServerUnderTest): Promise<Side> {
    const uploader = server.kind === 'reference' ? await ReferenceWriter.open(server.wsBase, 'warmup', warmup.docState) : null;
    const warm = await connectCrowd(
      server,
      server.kind === 'accord' ? { boardId: warmup.boardId, participants: warmup.participants } : { room: 'warmup' },
      WARMUP_CONNECTIONS,
      0,
      { batch: 100 },
    );
    warm.close();
    uploader?.close();
    await sleep(1000);
    const base = await server.stats({ gc: true });
    const baseRss = base.rss;
    const writers: MoveWriter[] = [];
    for (const [r, fixture] of fixtures.entries()) {
      writers.push(
        server.kind === 'accord'
          ? await AccordWriter.open(server.wsBase, fixture.boardId, fixture.facilitatorKey, 1)
          : await ReferenceWriter.open(server.wsBase, `capacity-${r}`, fixture.docState),
      );
    }
    // Past the time a room keeps a joiner's copy of the whole document: what an open room holds.
    await sleep(COLD_SYNC_CACHE_MS + 500);
    const rooms = await server.stats({ gc: true });
    const roomsRss = rooms.rss;
    const crowds: Crowd[] = [];
    for (const [r, fixture] of fixtures.entries()) {
      crowds.push(
        await connectCrowd(
          server,
          server.kind === 'accord' ? { boardId: fixture.boardId, participants: fixture.participants } : { room: `capacity-${r}` },
          PARTICIPANTS_PER_ROOM,
          r % PROBE_EVERY_N_ROOMS === 0 ? 1 : 0,
        ),
      );
    }
    await sleep(500);
    const full = await server.stats({ gc: true });
    const fullRss = full.rss;
    const connections = ROOMS * PARTICIPANTS_PER_ROOM;
    return {
      server,
      writers,
      crowds,
      trackers: crowds.map((c) => (c.probes[0] ? new MoveTracker(c.probes[0]) : null)),
      counters: fixtures.map(() => 0),
      latencies: [],
      memory: {
        baseRss,
        roomsRss,
        fullRss,
        perRoomBytes: (roomsRss - baseRss) / ROOMS,
        perConnectionBytes: (fullRss - roomsRss) / connections,
        heapUsedPerRoomBytes: (rooms.heapUsed - base.heapUsed) / ROOMS,
        heapUsedPerConnectionBytes: (full.heapUsed - rooms.heapUsed) / connections,
        heapTotalPerRoomBytes: (rooms.heapTotal - base.heapTotal) / ROOMS,
        externalPerRoomBytes: (rooms.external - base.external) / ROOMS,
        retainedPerRoomBytes: (rooms.heapUsed + rooms.external - base.heapUsed - base.external) / ROOMS,
      },
      lost: 0,
      loopP99: [],
    };
  }

  async function slice(side: Side, seconds: number, record: boolean): Promise<void> {
    const rate = ROOMS * MOVES_PER_SECOND_PER_ROOM;
    await side.server.stats();
    await atRate(rate * seconds, rate, (i) => {
      const r = i % ROOMS;
      const count = side.counters[r] ?? 0;
      side.counters[r] = count + 1;
      const move = planned(plans[r] as MovePlan, count);
      const sentAt = (side.writers[r] as MoveWriter).move(move.noteId, move.themeId);
      side.trackers[r]?.expect(move.noteId, move.themeId, sentAt, record);
    });
    const trackers = side.trackers.filter((t) => t !== null);
    await Promise.all(trackers.map((t) => t.settle(5000)));
    const stats = await side.server.stats();
    for (const tracker of trackers) {
      if (record) {
        side.latencies.push(...tracker.latencies);
        side.lost += tracker.lost;
      }
      tracker.latencies.length = 0;
      tracker.lost = 0;
    }
    if (record) side.loopP99.push(stats.loop.p99Ms);
  }
}

function kb(bytes: number): number {
  return round(bytes / 1000, 1);
}

function mb(bytes: number, digits = 1): number {
  return round(bytes / 1e6, digits);
}
