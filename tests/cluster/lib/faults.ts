import { sleep } from '../../server/childServer';
import { closesBetween, type HandOff, handOffs, resumeTimes, staleAcks } from './analysis';
import type { Received } from './clientLog';
import type { NodeExit } from './clusterNode';
import type { ClusterRun } from './clusterRun';

/** Waits until `done()` or `timeoutMs`, polling every 100 ms; never throws (the caller asserts). */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(100);
}

export interface KillFigures {
  readonly victim: string;
  readonly faultAt: number;
  readonly boards: string[];
  /** Per board: ms from the kill to the first acknowledgement on a new connection (null: none). */
  readonly resume: Map<string, number | null>;
  /** Connections of boards on other nodes, not entering through the victim, that closed meanwhile. */
  readonly otherCloses: string[];
  /** How many connections entered through the victim (they close with it, by necessity). */
  readonly closedThroughVictim: number;
}

/** SIGKILL `victim` under load, keep it down `downMs`, restart it, let things settle `settleMs`. */
export async function killAndRestart(run: ClusterRun, victim: string, downMs: number, settleMs: number): Promise<KillFigures> {
  await run.watch.poll();
  const boards = run.watch.ownedBy(victim, run.boardIds);
  const node = run.cluster.node(victim);
  const killedAt = performance.now();
  await run.cluster.markDown(victim);
  await node.kill();
  const resumed = () => [...resumeTimes(run.log, boards, killedAt).values()].every((v) => v !== null);
  await until(resumed, downMs);
  await sleep(Math.max(0, killedAt + downMs - performance.now()));
  await node.start();
  await sleep(settleMs);
  await run.cluster.network.flush();
  const loadBoards = new Set(run.boardIds);
  const existing = closesBetween(
    run.log,
    run.cluster,
    killedAt,
    performance.now(),
    (c) => c.createdAt < killedAt && loadBoards.has(c.boardId),
  );
  const otherCloses = existing
    .filter(
      ({ connection, route }) => !boards.includes(connection.boardId) && route.entry !== victim && route.producer !== victim,
    )
    .map(
      ({ connection, route }) => `${connection.socketKey} via ${route.entry}→${route.producer}: close ${connection.closeCode}`,
    );
  return {
    victim,
    faultAt: killedAt,
    boards,
    resume: resumeTimes(run.log, boards, killedAt),
    otherCloses,
    closedThroughVictim: existing.filter(({ route }) => route.entry === victim).length,
  };
}

export interface TakeoverFigures {
  readonly victim: string;
  readonly faultAt: number;
  readonly boards: string[];
  /** Per board: ms from the fault to board_owners naming another node (null: never during the fault). */
  readonly takeover: Map<string, number | null>;
  readonly resume: Map<string, number | null>;
  /** Acknowledgements the stale owner sent for commands that left after the fault was in effect. */
  readonly stale: Received[];
  /** Commits of the stale owner that the fence refused (its `board.fenced` log lines after the fault). */
  readonly fenced: number;
  readonly faultMs: number;
}

/**
 * Freezes `victim` (SIGSTOP) or cuts its PostgreSQL link (a partition: nothing crosses, nothing is
 * closed) for `faultMs`, then lets it go on and waits `settleMs`.
 */
export async function isolateOwner(
  run: ClusterRun,
  victim: string,
  fault: 'sigstop' | 'pg-partition',
  faultMs: number,
  settleMs: number,
): Promise<TakeoverFigures> {
  await run.watch.poll();
  const boards = run.watch.ownedBy(victim, run.boardIds);
  const node = run.cluster.node(victim);
  const link = run.cluster.pgLinks.get(victim);
  const faultAt = performance.now();
  if (fault === 'sigstop') {
    await run.cluster.markDown(victim);
    node.pause();
  } else {
    await link?.cut();
  }
  // The fault is in effect from here (the balancer's mark comes first, and the cut is confirmed by
  // the network thread): a command that left before may still be committed and answered in time.
  const inEffectAt = performance.now();
  const moved = () => boards.every((b) => run.watch.movedAway(b, victim, faultAt) !== null);
  await until(moved, faultMs);
  await sleep(Math.max(0, faultAt + faultMs - performance.now()));
  const recoveredAt = performance.now();
  if (fault === 'sigstop') node.resume();
  else await link?.heal();
  await sleep(settleMs);
  await run.watch.poll();
  await run.cluster.network.flush();
  const takeover = new Map(
    boards.map((b) => {
      const at = run.watch.movedAway(b, victim, faultAt);
      return [b, at === null || at > recoveredAt ? null : at - faultAt] as const;
    }),
  );
  return {
    victim,
    faultAt,
    boards,
    takeover,
    resume: resumeTimes(run.log, boards, faultAt),
    stale: staleAcks(run.log, run.cluster, victim, inEffectAt, recoveredAt),
    fenced: run.cluster.log.filter((l) => l.nodeId === victim && l.at >= faultAt && l.text.includes('"board.fenced"')).length,
    faultMs: recoveredAt - faultAt,
  };
}

export interface RollingFigures {
  readonly handOffs: HandOff[];
  readonly exits: (NodeExit | undefined)[];
  /** SIGTERM → exit, per node. */
  readonly drainMs: number[];
  /** Load sockets already closed for good (by earlier faults), left out of the hand-offs. */
  readonly deadSockets: number;
}

/** SIGTERM every node in turn, restarting each after its drain, `settleMs` apart. */
export async function rollingRestart(run: ClusterRun, settleMs: number, drainTimeoutMs: number): Promise<RollingFigures> {
  const drains: { nodeId: string; boards: string[]; termAt: number; exitAt: number; dead: Set<string> }[] = [];
  const exits: (NodeExit | undefined)[] = [];
  for (const node of run.cluster.nodes) {
    await run.watch.poll();
    const boards = run.watch.ownedBy(node.nodeId, run.boardIds);
    const dead = new Set(run.load.sockets.filter((s) => s.connection.status === 'closed').map((s) => s.key));
    const termAt = performance.now();
    exits.push(await node.terminate(drainTimeoutMs));
    const exitAt = performance.now();
    drains.push({ nodeId: node.nodeId, boards, termAt, exitAt, dead });
    await node.start();
    await sleep(settleMs);
  }
  return {
    handOffs: drains.flatMap((d) => handOffs(run.load.commands.values(), d.boards, d.nodeId, d.termAt, d.exitAt, d.dead)),
    deadSockets: Math.max(0, ...drains.map((d) => d.dead.size)),
    exits,
    drainMs: drains.map((d) => d.exitAt - d.termAt),
  };
}
