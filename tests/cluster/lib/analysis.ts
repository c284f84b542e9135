import type { ClientLog, ConnectionRecord, Received } from './clientLog';
import type { Cluster, Route } from './cluster';
import type { LoadCommand } from './load';
import type { OwnerWatch } from './ownerWatch';

/**
 * Reading the client log after a fault: how long acknowledgements stopped, who closed, who
 * acknowledged what. Times are performance.now() milliseconds of the test process.
 */

/** The route of a connection (entry node, serving node), resolved after the fact. */
export function routeOf(cluster: Cluster, connection: ConnectionRecord): Route {
  return cluster.producerOf(connection.entry);
}

/**
 * Per board: milliseconds from `t0` to the first successful result received on a connection opened
 * after `t0` (the fault broke every connection of the owner's boards, so acknowledgements resume
 * only on new ones). Null when none came.
 */
export function resumeTimes(log: ClientLog, boards: readonly string[], t0: number): Map<string, number | null> {
  const out = new Map<string, number | null>(boards.map((b) => [b, null]));
  for (const result of log.results) {
    if (!result.ok || result.at <= t0 || !out.has(result.boardId) || out.get(result.boardId) !== null) continue;
    const connection = log.connection(result.connId);
    if (connection && connection.createdAt > t0) out.set(result.boardId, result.at - t0);
  }
  return out;
}

/** Connections that closed in [from, to] and that `filter` keeps, with their routes. */
export function closesBetween(
  log: ClientLog,
  cluster: Cluster,
  from: number,
  to: number,
  filter: (connection: ConnectionRecord, route: Route) => boolean,
): { connection: ConnectionRecord; route: Route }[] {
  const out: { connection: ConnectionRecord; route: Route }[] = [];
  for (const connection of log.connections) {
    if (connection.closedAt === null || connection.closedAt < from || connection.closedAt > to) continue;
    const route = routeOf(cluster, connection);
    if (filter(connection, route)) out.push({ connection, route });
  }
  return out;
}

/**
 * Acknowledgements a stale owner must never send: successful results served by `nodeId`, received
 * after `faultAt`, on a connection opened before `recoveredAt`, for a command that first went out on
 * that connection after `faultAt` (so the node could not have committed it while it still held its
 * lease). Commands it had before the fault may still be answered: they may have committed in time.
 */
export function staleAcks(log: ClientLog, cluster: Cluster, nodeId: string, faultAt: number, recoveredAt: number): Received[] {
  const firstSent = new Map<string, number>();
  for (const t of log.transmissions) {
    const key = `${t.connId} ${t.commandId}`;
    if (!firstSent.has(key)) firstSent.set(key, t.at);
  }
  return log.results.filter((result) => {
    if (!result.ok || result.at < faultAt) return false;
    const connection = log.connection(result.connId);
    if (!connection || connection.createdAt >= recoveredAt) return false;
    if (routeOf(cluster, connection).producer !== nodeId) return false;
    const sent = firstSent.get(`${result.connId} ${result.commandId}`);
    return sent !== undefined && sent >= faultAt;
  });
}

/** Hand-off time of one board at one drain: the slowest command (click → acknowledgement) around it. */
export interface HandOff {
  readonly boardId: string;
  readonly nodeId: string;
  readonly termAt: number;
  readonly ms: number;
  readonly commands: number;
  /** The command that took `ms` (null: none was issued around the drain). */
  readonly slowest: LoadCommand | null;
}

/**
 * For each board owned by the draining node: the longest time a person waited for an acknowledgement
 * on that board, over the commands issued between the SIGTERM and one second after the node exited,
 * and those still waiting at the SIGTERM, leaving out `deadSockets` (closed for good before). Infinity
 * when one was never answered.
 */
export function handOffs(
  commands: Iterable<LoadCommand>,
  boards: readonly string[],
  nodeId: string,
  termAt: number,
  exitAt: number,
  deadSockets: ReadonlySet<string> = new Set(),
): HandOff[] {
  const byBoard = new Map<string, LoadCommand[]>(boards.map((b) => [b, []]));
  for (const command of commands) {
    const list = byBoard.get(command.boardId);
    // A socket closed for good before the SIGTERM (by an earlier fault) never answers: not this hand-off's doing.
    if (!list || deadSockets.has(command.socketKey)) continue;
    const isPendingAtTerm = command.issuedAt < termAt && (command.resultAt === null || command.resultAt > termAt);
    const isIssuedDuring = command.issuedAt >= termAt && command.issuedAt <= exitAt + 1_000;
    if (isPendingAtTerm || isIssuedDuring) list.push(command);
  }
  const wait = (c: LoadCommand) => (c.resultAt === null || !c.result?.ok ? Number.POSITIVE_INFINITY : c.resultAt - c.issuedAt);
  return [...byBoard].map(([boardId, list]) => {
    const slowest = list.reduce<LoadCommand | null>((a, c) => (a === null || wait(c) > wait(a) ? c : a), null);
    return { boardId, nodeId, termAt, commands: list.length, ms: slowest ? Math.max(0, wait(slowest)) : 0, slowest };
  });
}

/** A board whose acknowledgements switched between nodes more often than its owner changed. */
export interface SharedEpoch {
  readonly boardId: string;
  readonly switches: number;
  readonly epochChanges: number;
  readonly sequence: string;
}

/**
 * Every (board, epoch) acknowledged by one node: on each board, take the successful results in the
 * order their commands went out and the node that served each; the serving node may change only when
 * the owner changed, and every change of owner bumps the epoch by one. So the number of switches
 * between nodes may not exceed the number of epochs the board went through.
 */
export function sharedEpochs(log: ClientLog, cluster: Cluster, watch: OwnerWatch, boards: readonly string[]): SharedEpoch[] {
  const firstSent = new Map<string, number>();
  for (const t of log.transmissions) {
    const key = `${t.connId} ${t.commandId}`;
    if (!firstSent.has(key)) firstSent.set(key, t.at);
  }
  const routes = new Map<number, string | null>();
  const producer = (connId: number) => {
    if (!routes.has(connId)) {
      const connection = log.connection(connId);
      routes.set(connId, connection ? routeOf(cluster, connection).producer : null);
    }
    return routes.get(connId) ?? null;
  };
  const acks = new Map<string, { at: number; node: string }[]>(boards.map((b) => [b, []]));
  for (const result of log.results) {
    const list = acks.get(result.boardId);
    const node = producer(result.connId);
    if (!result.ok || !list || !node) continue;
    list.push({ at: firstSent.get(`${result.connId} ${result.commandId}`) ?? result.at, node });
  }
  const out: SharedEpoch[] = [];
  for (const [boardId, list] of acks) {
    list.sort((a, b) => a.at - b.at);
    const runs: string[] = [];
    for (const ack of list) if (runs.at(-1) !== ack.node) runs.push(ack.node);
    const history = watch.history.get(boardId) ?? [];
    const epochChanges =
      history.length === 0 ? 0 : (history.at(-1) as { epoch: number }).epoch - (history[0] as { epoch: number }).epoch;
    if (runs.length - 1 > epochChanges)
      out.push({ boardId, switches: runs.length - 1, epochChanges, sequence: runs.join(' → ') });
  }
  return out;
}

/** p-th percentile (nearest rank) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Milliseconds rounded for printing. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isFinite(value) ? `${Math.round(value)} ms` : 'never';
}

/**
 * A board's story since `since`, for failure messages: its owner changes and, per connection opened
 * or closed meanwhile, when it was created, opened and closed (with the code), its route, and how
 * many results it got (first one when).
 */
export function boardStory(log: ClientLog, cluster: Cluster, watch: OwnerWatch, boardId: string, since: number): string {
  const t = (at: number | null) => (at === null ? '—' : `+${Math.round(at - since)}`);
  const owners = (watch.history.get(boardId) ?? [])
    .filter((row) => row.at >= since - 1_000)
    .map((row) => `${t(row.at)} ${row.nodeId ?? 'nobody'}/${row.generation ?? '-'} epoch ${row.epoch}`);
  const lines = [`board ${boardId}: owners ${owners.join(', ') || '(no change seen)'}`];
  for (const connection of log.connections) {
    if (connection.boardId !== boardId || (connection.closedAt ?? Number.POSITIVE_INFINITY) < since) continue;
    const route = routeOf(cluster, connection);
    const results = log.results.filter((r) => r.connId === connection.id && r.at >= since);
    const ok = results.filter((r) => r.ok);
    lines.push(
      `  ${connection.socketKey} #${connection.id} ${route.entry}→${route.producer}: created ${t(connection.createdAt)}, accepted ${t(connection.entry?.acceptedAt ?? null)}, open ${t(connection.openedAt)}, closed ${t(connection.closedAt)} (${connection.closeCode ?? '-'}${connection.error ? `, ${connection.error}` : ''}); ${ok.length} ok from ${t(ok[0]?.at ?? null)}, ${results.length - ok.length} refused${pipes(cluster, connection.entry?.wsKey ?? null, t)}`,
    );
  }
  return lines.join('\n');
}

/** The pipes a connection's entry node opened to owners, as their taps saw them. */
function pipes(cluster: Cluster, wsKey: string | null, t: (at: number | null) => string): string {
  if (!wsKey) return '';
  const seen: string[] = [];
  for (const [nodeId, tap] of cluster.taps) {
    for (const c of tap.connections) {
      if (c.wsKey !== wsKey) continue;
      seen.push(
        `${nodeId} at ${t(c.acceptedAt)} (request ${t(c.requestAt)}, connected ${t(c.connectedAt)} from :${c.upstreamPort})${c.isAnswered ? ` answered ${t(c.answeredAt)}` : ' unanswered'}, closed ${t(c.closedAt)}`,
      );
    }
  }
  return seen.length > 0 ? `; piped: ${seen.join('; ')}` : '';
}

/** Percentiles of where hand-off time went, over the commands that decided each board's hand-off. */
export function handOffPhases(log: ClientLog, cluster: Cluster, handOffs: readonly HandOff[]): string {
  const okByCommand = new Map<string, Received>();
  for (const r of log.results) if (r.ok && !okByCommand.has(r.commandId)) okByCommand.set(r.commandId, r);
  const phases: Record<string, number[]> = {
    waitClose: [],
    reconnect: [],
    balancer: [],
    entry: [],
    owner: [],
    open: [],
    ack: [],
  };
  const slowestBoards: { ms: number; line: string }[] = [];
  let withoutReconnect = 0;
  for (const h of handOffs) {
    const slowest = h.slowest;
    if (!slowest) continue;
    const result = okByCommand.get(slowest.id);
    const connection = result ? log.connection(result.connId) : undefined;
    if (!result || !connection) continue;
    // Answered on the connection it was sent on: this board's slowest command crossed no reconnect.
    if (connection.createdAt < slowest.issuedAt) {
      withoutReconnect += 1;
      continue;
    }
    const previous = log.connections
      .filter((c) => c.socketKey === connection.socketKey && c.id < connection.id && c.closedAt !== null)
      .at(-1);
    const closedAt = Math.max(slowest.issuedAt, previous?.closedAt ?? slowest.issuedAt);
    phases.waitClose?.push(closedAt - slowest.issuedAt);
    phases.reconnect?.push(connection.createdAt - closedAt);
    const accepted = connection.entry?.acceptedAt ?? connection.createdAt;
    phases.balancer?.push(accepted - connection.createdAt);
    let answeredAt = connection.openedAt ?? accepted;
    const wsKey = connection.entry?.wsKey;
    for (const tap of cluster.taps.values())
      for (const c of tap.connections)
        if (wsKey && c.wsKey === wsKey) {
          phases.entry?.push(c.acceptedAt - accepted);
          phases.owner?.push((c.answeredAt ?? c.acceptedAt) - c.acceptedAt);
          answeredAt = c.answeredAt ?? answeredAt;
        }
    phases.open?.push((connection.openedAt ?? answeredAt) - answeredAt);
    phases.ack?.push(result.at - (connection.openedAt ?? result.at));
    const last = (name: string) => Math.round(phases[name]?.at(-1) ?? 0);
    slowestBoards.push({
      ms: h.ms,
      line: `${Math.round(h.ms)} ms: ${Object.keys(phases)
        .map((name) => `${name} ${last(name)}`)
        .join(', ')}`,
    });
  }
  const fmt = (list: number[]) =>
    list.length === 0
      ? '—'
      : `p50 ${Math.round(percentile(list, 50))} p90 ${Math.round(percentile(list, 90))} max ${Math.round(Math.max(...list))}`;
  const worst = slowestBoards.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return [
    ...Object.entries(phases).map(([name, list]) => `${name} (${list.length}): ${fmt(list)}`),
    `boards whose slowest command crossed no reconnect (left out): ${withoutReconnect}`,
    'slowest:',
    ...worst.map((w) => `  ${w.line}`),
  ].join('\n  ');
}
