import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../server/childServer';
import { boardStory, handOffPhases, ms, percentile, sharedEpochs } from './lib/analysis';
import { draftRows, findNeedles, logHaystacks, needlesOf, revealAll } from './lib/anonymityAudit';
import { ClusterRun } from './lib/clusterRun';
import { checkLoadInDatabase, type DbFindings } from './lib/dbCheck';
import { isolateOwner, killAndRestart, rollingRestart, type TakeoverFigures } from './lib/faults';
import { PrivatePostgres, PrivateRedis } from './lib/privateServices';
import { dumpRedisKeys, probePostgres, probeRedis, TEST_DATABASE_URL, TEST_REDIS_URL } from './lib/services';
import { setUpVoteBoard, storedDots, VOTE_BUDGET, VOTE_MAX_PER_ITEM, type VoteBoard, VotingTabs } from './lib/votingTabs';

/**
 * Issue 10, what must be shown: three `server/main.ts` processes on PostgreSQL behind a TCP balancer
 * that spreads connections round robin (so most are piped to their board's owner), 60 boards × 5
 * participants each sending a command a second, and faults: SIGKILL, SIGSTOP, a partition from
 * PostgreSQL, a rolling SIGTERM. Bounds are the issue's acceptance bounds; measured figures are printed.
 */

/** The issue's load: 60 boards × 5 sockets (CLUSTER_TEST_BOARDS overrides the board count, for debugging on a smaller scale). */
const BOARDS = Number(process.env.CLUSTER_TEST_BOARDS) || 60;
const SOCKETS_PER_BOARD = 5;
/** Acceptance bounds from the issue. */
const RESUME_AFTER_KILL_MS = 8_000;
const TAKEOVER_MS = 7_000;
const HAND_OFF_P99_MS = 2_000;
const SERVING_AGAIN_MS = 5_000;

const skipReason = await probePostgres();
const redisReason = skipReason ? null : await probeRedis();
if (skipReason) console.log(`[cluster] failover tests skipped: ${skipReason}. Set TEST_DATABASE_URL to run them.`);
else if (redisReason)
  console.log(`[cluster] running without Redis (hints off): ${redisReason}. Set TEST_REDIS_URL to include it.`);
const redisUrl = skipReason || redisReason ? null : TEST_REDIS_URL;

function print(line: string): void {
  console.log(`[cluster] ${line}`);
}

function summarize(label: string, values: Map<string, number | null>): string {
  const list = [...values.values()];
  const known = list.filter((v): v is number => v !== null);
  return `${label}: ${known.length}/${list.length} boards, p50 ${ms(percentile(known, 50))}, max ${ms(known.length ? Math.max(...known) : null)}${known.length < list.length ? `, ${list.length - known.length} never` : ''}`;
}

/** Every acknowledged command is in PostgreSQL exactly once, and every command was answered with ok. */
function expectNothingLost(findings: DbFindings, stuck: string[]): void {
  if (stuck.length > 0) print(`${stuck.length} sockets still waiting for answers, e.g.\n  ${stuck.slice(0, 10).join('\n  ')}`);
  expect.soft(stuck).toEqual([]);
  expect.soft(findings.lost).toEqual([]);
  expect.soft(findings.undeleted).toEqual([]);
  expect.soft(findings.wrongRows).toEqual([]);
  expect.soft(findings.countMismatches).toEqual([]);
  expect.soft(findings.unrecorded).toEqual([]);
  expect.soft(findings.refusals).toEqual({});
}

/** Prints the story of the board with the largest (or a missing) figure, so that a failure says what happened. */
function printWorst(run: ClusterRun, values: Map<string, number | null>, since: number): void {
  let worst: string | null = null;
  let worstValue = -1;
  for (const [boardId, v] of values) {
    const value = v ?? Number.POSITIVE_INFINITY;
    if (value > worstValue) {
      worst = boardId;
      worstValue = value;
    }
  }
  if (worst) print(`slowest board:\n${boardStory(run.log, run.cluster, run.watch, worst, since)}`);
}

/** Prints the story of each board with an acknowledgement the stale owner should not have sent. */
function printStale(run: ClusterRun, figures: TakeoverFigures): void {
  for (const boardId of new Set(figures.stale.map((r) => r.boardId)))
    print(`stale acknowledgement on:\n${boardStory(run.log, run.cluster, run.watch, boardId, figures.faultAt)}`);
}

function expectTakeover(figures: TakeoverFigures): void {
  for (const [boardId, t] of figures.takeover) expect(t, `takeover of ${boardId}`).not.toBeNull();
  for (const [boardId, t] of figures.takeover)
    expect(t ?? Number.POSITIVE_INFINITY, `takeover of ${boardId}`).toBeLessThanOrEqual(TAKEOVER_MS);
  expect(figures.stale.map((r) => `${r.commandId} at +${Math.round(r.at)}`)).toEqual([]);
}

describe.skipIf(skipReason !== null)('three Accord nodes on PostgreSQL, one fenced owner per board', () => {
  const run = new ClusterRun({
    databaseUrl: TEST_DATABASE_URL,
    redisUrl,
    nodes: 3,
    boards: BOARDS,
    socketsPerBoard: SOCKETS_PER_BOARD,
  });
  let vote: VoteBoard;
  let tabs: VotingTabs;

  beforeAll(async () => {
    const t = performance.now();
    await run.start();
    vote = await setUpVoteBoard(run.log, run.cluster.balancer);
    tabs = new VotingTabs(run.log, vote, [await run.cluster.preferring(0), await run.cluster.preferring(1)]);
    await tabs.start(TEST_DATABASE_URL, run.schema);
    await run.startLoad(3_000);
    print(
      `set up in ${ms(performance.now() - t)}: ${run.nodeIds.length} nodes, ${BOARDS} boards × ${SOCKETS_PER_BOARD} sockets, Redis ${redisUrl ? 'on' : 'off'}`,
    );
    print(`owners: ${run.nodeIds.map((n) => `${n} ${run.watch.ownedBy(n, run.boardIds).length}`).join(', ')}`);
  }, 180_000);

  afterAll(async () => {
    tabs?.close();
    await run.stop();
  }, 60_000);

  it('SIGKILL of an owner under load: its boards acknowledge again within 8 s, other boards see no close', async () => {
    await run.watch.poll();
    const victim = run.watch.current(vote.boardId)?.nodeId ?? run.watch.busiest(run.boardIds, run.nodeIds);
    const figures = await killAndRestart(run, victim, 10_000, 4_000);
    print(
      `SIGKILL ${victim} (owner of ${figures.boards.length} boards and of the vote board): ${summarize('acks resumed', figures.resume)}`,
    );
    printWorst(run, figures.resume, figures.faultAt);
    print(
      `  connections through ${victim} closed: ${figures.closedThroughVictim}; other boards' connections closed: ${figures.otherCloses.length}`,
    );
    // The two tabs of one person entered through different nodes.
    const tabEntries = tabs.tabs.map((t) => run.log.connections.find((c) => c.socketKey === t.key)?.entry?.upstream);
    expect(new Set(tabEntries).size).toBe(2);
    expect(tabs.tabs.map((t) => run.log.participantIds.get(t.key))).toEqual(
      Array(2).fill(run.log.participantIds.get('vote/tab0')),
    );
    expect(figures.boards.length).toBeGreaterThan(0);
    for (const [boardId, t] of figures.resume)
      expect(t ?? Number.POSITIVE_INFINITY, `acks on ${boardId}`).toBeLessThanOrEqual(RESUME_AFTER_KILL_MS);
    expect(figures.otherCloses).toEqual([]);
    expect(run.crashes()).toEqual([]);
  }, 60_000);

  it('SIGSTOP of an owner for 12 s: another node takes over within 7 s and the stale owner acknowledges nothing', async () => {
    const victim = run.watch.busiest(run.boardIds, run.nodeIds);
    const figures = await isolateOwner(run, victim, 'sigstop', 12_000, 5_000);
    print(
      `SIGSTOP ${victim} (${figures.boards.length} boards) for ${ms(figures.faultMs)}: ${summarize('takeover', figures.takeover)}`,
    );
    print(
      `  ${summarize('acks resumed', figures.resume)}; stale acknowledgements after SIGCONT: ${figures.stale.length}; commits refused by the fence: ${figures.fenced}`,
    );
    printWorst(run, figures.takeover, figures.faultAt);
    printStale(run, figures);
    expect(figures.boards.length).toBeGreaterThan(0);
    expectTakeover(figures);
    expect(run.crashes()).toEqual([]);
  }, 60_000);

  it('an owner cut from PostgreSQL for 15 s: another node takes over within 7 s and the cut node acknowledges nothing', async () => {
    const victim = run.watch.busiest(run.boardIds, run.nodeIds);
    const figures = await isolateOwner(run, victim, 'pg-partition', 15_000, 6_000);
    print(
      `partition ${victim} from PostgreSQL (${figures.boards.length} boards) for ${ms(figures.faultMs)}: ${summarize('takeover', figures.takeover)}`,
    );
    print(
      `  ${summarize('acks resumed', figures.resume)}; acknowledgements by the cut node: ${figures.stale.length}; commits refused by the fence: ${figures.fenced}`,
    );
    printWorst(run, figures.takeover, figures.faultAt);
    printStale(run, figures);
    expect(figures.boards.length).toBeGreaterThan(0);
    expectTakeover(figures);
    expect(run.crashes()).toEqual([]);
  }, 60_000);

  it('rolling SIGTERM of every node: each drains and exits 0, hand-off p99 ≤ 2 s, no internal result', async () => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const figures = await rollingRestart(run, 3_000, 20_000);
    await run.cluster.network.flush();
    lag.disable();
    print(
      `test process event loop delay: p50 ${ms(lag.percentile(50) / 1e6)}, p99 ${ms(lag.percentile(99) / 1e6)}, max ${ms(lag.max / 1e6)}`,
    );
    const times = figures.handOffs.map((h) => h.ms);
    const slowest = [...figures.handOffs].sort((a, b) => b.ms - a.ms)[0];
    if (slowest)
      print(
        `slowest hand-off (${ms(slowest.ms)}):\n${boardStory(run.log, run.cluster, run.watch, slowest.boardId, slowest.termAt)}`,
      );
    print(
      `rolling SIGTERM: drains ${figures.drainMs.map((d, i) => `${ms(d)} (exit ${figures.exits[i]?.code ?? figures.exits[i]?.signal})`).join(', ')}; ${times.length} hand-offs (${figures.deadSockets} sockets already closed for good left out), p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(Math.max(...times))}`,
    );
    const drains = run.nodeIds.map((nodeId) => {
      const own = figures.handOffs.filter((h) => h.nodeId === nodeId).map((h) => h.ms);
      return `${nodeId} p50 ${ms(percentile(own, 50))} max ${ms(Math.max(...own))}`;
    });
    print(`hand-offs by drained node: ${drains.join('; ')}`);
    print(`hand-off phases (slowest command of each board):\n  ${handOffPhases(run.log, run.cluster, figures.handOffs)}`);
    expect(figures.exits.map((e) => e?.code)).toEqual(run.nodeIds.map(() => 0));
    expect(times.length).toBeGreaterThan(0);
    expect(percentile(times, 99)).toBeLessThanOrEqual(HAND_OFF_P99_MS);
    expect(run.log.results.filter((r) => r.error === 'internal').length).toBe(0);
    expect(run.crashes()).toEqual([]);
  }, 90_000);

  it('after it all: no acknowledged command lost or applied twice, one node per (board, epoch), the dot budget held', async () => {
    run.load.stop();
    const [stuck] = await Promise.all([run.load.drain(30_000), tabs.stop(30_000).catch((e: Error) => print(e.message))]);
    await sleep(500);
    const findings = await checkLoadInDatabase(TEST_DATABASE_URL, run.schema, run.load.commands.values(), run.log.participantIds);
    print(
      `load: ${run.load.commands.size} commands, ${findings.acknowledged} acknowledged, ${findings.draftsStored} drafts stored; lost ${findings.lost.length}, undeleted ${findings.undeleted.length}, wrong rows ${findings.wrongRows.length}, count mismatches ${findings.countMismatches.length}, unrecorded ${findings.unrecorded.length}, refusals ${JSON.stringify(findings.refusals)}`,
    );
    expectNothingLost(findings, stuck);
    await run.cluster.network.flush();
    expect.soft(run.cluster.hasPipedConnections).toBe(true);
    const shared = sharedEpochs(run.log, run.cluster, run.watch, [...run.boardIds, vote.boardId]);
    print(`(board, epoch) acknowledged by more than one node: ${shared.length}`);
    expect.soft(shared).toEqual([]);

    const participantId = run.log.participantIds.get('vote/tab0') as string;
    const stored = await storedDots(TEST_DATABASE_URL, run.schema, vote, participantId);
    const acknowledged = tabs.acknowledgedDots();
    const peaks = tabs.slicePeaks();
    const total = [...stored.values()].reduce((a, b) => a + b, 0);
    print(
      `vote: ${tabs.commands.length} clicks from 2 tabs; stored ${total} dots (peak in PostgreSQL ${tabs.maxStoredTotal}, in slices ${peaks.total}; per item ${tabs.maxStoredPerItem}/${peaks.perItem})`,
    );
    expect(tabs.maxStoredTotal).toBeLessThanOrEqual(VOTE_BUDGET);
    expect(peaks.total).toBeLessThanOrEqual(VOTE_BUDGET);
    expect(Math.max(tabs.maxStoredPerItem, peaks.perItem)).toBeLessThanOrEqual(VOTE_MAX_PER_ITEM);
    for (const itemId of vote.itemIds) expect(stored.get(itemId) ?? 0, `dots on ${itemId}`).toBe(acknowledged.get(itemId) ?? 0);
  }, 60_000);

  it('anonymity across nodes: no draft rows after reveal, no author link in Redis or in any node log', async () => {
    await revealAll(run.log, run.cluster.balancer, run.boards);
    expect(await draftRows(TEST_DATABASE_URL, run.schema, run.boardIds)).toBe(0);
    const needles = needlesOf(run.load, run.log);
    const haystacks = logHaystacks(run.cluster.log);
    if (redisUrl) {
      const keys = await dumpRedisKeys(redisUrl, run.redisPrefix);
      for (const [key, value] of keys) haystacks.push({ where: `Redis key ${key}`, text: `${key} ${value}` });
      for (const m of run.monitor?.messages ?? [])
        haystacks.push({ where: `Redis message on ${m.channel}`, text: `${m.channel} ${m.message}` });
      print(
        `anonymity: ${keys.size} Redis keys under ${run.redisPrefix}, ${run.monitor?.messages.length ?? 0} messages published`,
      );
    }
    print(`anonymity: searched ${run.cluster.log.length} log lines and Redis for ${needles.size} ids, secrets and note texts`);
    expect(run.cluster.log.length).toBeGreaterThan(0);
    expect(findNeedles(haystacks, needles)).toEqual([]);
  }, 60_000);
});

/** Per board, ms from `t0` to the first successful result received after it (null: none). */
function firstAckAfter(run: ClusterRun, t0: number): Map<string, number | null> {
  const out = new Map<string, number | null>(run.boardIds.map((b) => [b, null]));
  for (const r of run.log.results) if (r.ok && r.at > t0 && out.get(r.boardId) === null) out.set(r.boardId, r.at - t0);
  return out;
}

describe.skipIf(skipReason !== null)('a cluster through a restart of PostgreSQL and of Redis', () => {
  let postgres: PrivatePostgres | null = null;
  let redis: PrivateRedis | null = null;
  let run: ClusterRun | null = null;
  let reason: string | null = null;

  beforeAll(async () => {
    // Restarting the machine's shared services would break whoever else uses them: these are ours.
    const pgOrReason = await PrivatePostgres.start();
    if (typeof pgOrReason === 'string') {
      reason = pgOrReason;
      print(`PostgreSQL/Redis restart scenario skipped: ${reason}`);
      return;
    }
    postgres = pgOrReason;
    const redisOrReason = await PrivateRedis.start();
    if (typeof redisOrReason === 'string') print(`Redis restart skipped: ${redisOrReason}`);
    else redis = redisOrReason;
    run = new ClusterRun({
      databaseUrl: postgres.url,
      redisUrl: redis?.url ?? null,
      nodes: 3,
      boards: BOARDS,
      socketsPerBoard: SOCKETS_PER_BOARD,
    });
    await run.start();
    await run.startLoad(3_000);
  }, 180_000);

  afterAll(async () => {
    await run?.stop();
    await redis?.stop();
    await postgres?.stop();
  }, 60_000);

  it('PostgreSQL restart: every board acknowledges again within 5 s of it being back, no node exits', async (ctx) => {
    if (!run || !postgres) return ctx.skip();
    const downAt = performance.now();
    await postgres.stopServer();
    await sleep(1_000);
    await postgres.startServer();
    const upAt = performance.now();
    await sleep(SERVING_AGAIN_MS + 3_000);
    const serving = firstAckAfter(run, upAt);
    print(`PostgreSQL down ${ms(upAt - downAt)}: ${summarize('acks again after it was back', serving)}`);
    printWorst(run, serving, downAt);
    for (const [boardId, t] of serving)
      expect(t ?? Number.POSITIVE_INFINITY, `acks on ${boardId}`).toBeLessThanOrEqual(SERVING_AGAIN_MS);
    expect(run.crashes()).toEqual([]);
  }, 60_000);

  it('Redis restart: every board acknowledges again within 5 s, no node exits', async (ctx) => {
    if (!run || !redis) return ctx.skip();
    const downAt = performance.now();
    await redis.stopServer();
    await sleep(1_000);
    await redis.startServer();
    const upAt = performance.now();
    await sleep(SERVING_AGAIN_MS + 1_000);
    const during = firstAckAfter(run, downAt);
    const serving = firstAckAfter(run, upAt);
    print(
      `Redis down ${ms(upAt - downAt)}: ${summarize('first acks after it stopped', during)}; ${summarize('after it was back', serving)}`,
    );
    for (const [boardId, t] of serving)
      expect(t ?? Number.POSITIVE_INFINITY, `acks on ${boardId}`).toBeLessThanOrEqual(SERVING_AGAIN_MS);
    expect(run.crashes()).toEqual([]);
  }, 60_000);

  it('after both restarts: no acknowledged command lost or applied twice', async (ctx) => {
    if (!run || !postgres) return ctx.skip();
    run.load.stop();
    const stuck = await run.load.drain(30_000);
    const findings = await checkLoadInDatabase(postgres.url, run.schema, run.load.commands.values(), run.log.participantIds);
    print(
      `restarts: ${run.load.commands.size} commands, ${findings.acknowledged} acknowledged; lost ${findings.lost.length}, undeleted ${findings.undeleted.length}, wrong rows ${findings.wrongRows.length}, count mismatches ${findings.countMismatches.length}, refusals ${JSON.stringify(findings.refusals)}`,
    );
    expectNothingLost(findings, stuck);
    expect(run.crashes()).toEqual([]);
  }, 60_000);
});
