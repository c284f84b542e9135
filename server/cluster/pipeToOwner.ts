import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '../log';
import { HOP_CLIENT_HEADER, HOP_HEADER } from './hopHeader';

/**
 * How long an owner may take to begin answering a piped upgrade before the entry node doubts it,
 * in milliseconds. One that has not even accepted the TCP connection by then is given up (the
 * caller may try again or elsewhere). One that accepted it but says nothing may be paused
 * (SIGSTOP, a frozen VM: its kernel still accepts) or only busy (loading the boards a draining
 * node just handed it): with an `onSlow` callback the pipe is kept, and the caller decides when to
 * give up (ClusterNode watches the owner's lease); without one, it is given up too.
 */
export const PIPE_ANSWER_TIMEOUT_MS = 1_500;

/**
 * A draining node hands its own boards over first: their clients reconnect to the successors at
 * once. The connections it passes to other owners do not need to move yet (their boards stay where
 * they are), and cutting them in the same moment doubled the crowd the successors had to let in.
 * So they are left running this long after the rooms drained, in milliseconds (env
 * PIPE_RELEASE_AFTER_MS) …
 */
export const PIPE_RELEASE_AFTER_MS = 1_000;
/**
 * … then cut evenly over this long, in milliseconds (env PIPE_RELEASE_OVER_MS), so that their
 * clients come back through the other nodes a few at a time. Both add to a drain (SIGTERM → exit),
 * which must stay within the orchestrator's grace period (30 s in Kubernetes by default).
 */
export const PIPE_RELEASE_OVER_MS = 3_000;
/** The longest either may be set to, in milliseconds. */
export const MAX_PIPE_RELEASE_MS = 60_000;
/** How often a release cuts the pipes whose turn came, in milliseconds. */
const PIPE_RELEASE_TICK_MS = 50;

/** Where a board's connections go. */
export interface PipeTarget {
  readonly boardId: string;
  readonly nodeId: string;
  /** http://host:port of the owner. */
  readonly internalUrl: string;
}

/** How a pipe's start ended (see {@link PipeRegistry.pipe}). */
export type PipeOutcome = 'answered' | 'unanswered' | 'ended';

interface ActivePipe {
  readonly target: PipeTarget;
  cut(): void;
}

/**
 * The raw TCP pipes this node holds from clients to the owners of their boards. Pipes to an owner
 * that went away are cut, so that their clients reconnect and reach the new owner at once instead
 * of waiting for a timeout.
 */
export class PipeRegistry {
  private readonly pipes = new Set<ActivePipe>();

  get size(): number {
    return this.pipes.size;
  }

  /** Owners that pipes lead to now. */
  owners(): Set<string> {
    return new Set([...this.pipes].map((p) => p.target.nodeId));
  }

  /** The boards whose pipes (answered or still waiting for an answer) lead to `nodeId`. */
  boardsOf(nodeId: string): Set<string> {
    return new Set([...this.pipes].filter((p) => p.target.nodeId === nodeId).map((p) => p.target.boardId));
  }

  /** Cuts the pipes of `boardId` that lead anywhere but `ownerNodeId` (the board moved there). */
  cutBoard(boardId: string, ownerNodeId: string): number {
    return this.cutWhere((t) => t.boardId === boardId && t.nodeId !== ownerNodeId);
  }

  /** Cuts every pipe to `nodeId` (it is down or draining). */
  cutNode(nodeId: string): number {
    return this.cutWhere((t) => t.nodeId === nodeId);
  }

  cutAll(): number {
    return this.cutWhere(() => true);
  }

  /**
   * Cuts every pipe, spread out (a draining node, see PIPE_RELEASE_AFTER_MS): none for `afterMs`,
   * then evenly over `overMs`, oldest first. Pipes that end by themselves meanwhile are not
   * counted; none is added meanwhile (a draining node routes no upgrade). Resolves with the number
   * cut, once none is left.
   */
  async release(afterMs: number, overMs: number): Promise<number> {
    const releaseAt = performance.now() + afterMs;
    while (this.pipes.size > 0 && performance.now() < releaseAt) await sleep(Math.min(PIPE_RELEASE_TICK_MS, afterMs));
    const queue = [...this.pipes];
    const startedAt = performance.now();
    let cut = 0;
    let next = 0;
    while (next < queue.length) {
      const due = overMs <= 0 ? queue.length : Math.ceil((queue.length * (performance.now() - startedAt)) / overMs);
      for (; next < Math.min(due, queue.length); next += 1) {
        const pipe = queue[next]!;
        if (!this.pipes.has(pipe)) continue;
        pipe.cut();
        cut += 1;
      }
      if (next < queue.length) await sleep(PIPE_RELEASE_TICK_MS);
    }
    return cut + this.cutAll();
  }

  private cutWhere(matches: (target: PipeTarget) => boolean): number {
    let count = 0;
    for (const pipe of [...this.pipes]) {
      if (!matches(pipe.target)) continue;
      pipe.cut();
      count += 1;
    }
    return count;
  }

  /**
   * Passes an upgrade request on to the board's owner over TCP: the original request line and
   * headers (without any hop headers the client sent) plus `hopHeaders`, then the bytes already
   * read, then both directions piped (backpressure included) until either side closes. Resolves
   * `answered` on the owner's first byte; `unanswered` when the owner could not be reached, closed
   * the connection or had it cut (`cut`) before answering, or did not begin answering within PIPE_ANSWER_TIMEOUT_MS (with `onSlow`, an owner that accepted the
   * connection is waited for past it, and `onSlow` is called then), or before `abandon` fires (its
   * owner is gone), and nothing has passed in either direction since the request, so that the caller may
   * still route the untouched client socket elsewhere (the pipe is gone); `ended` when the client
   * left first, or the pipe ended otherwise.
   */
  pipe(
    req: IncomingMessage,
    client: Duplex,
    head: Buffer,
    target: PipeTarget,
    hopHeaders: Record<string, string>,
    abandon?: AbortSignal,
    onSlow?: () => void,
  ): Promise<PipeOutcome> {
    const { hostname, port } = new URL(target.internalUrl);
    const upstream: Socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || 80 });
    let isDone = false;
    let settle: (outcome: PipeOutcome) => void = () => {};
    const outcome = new Promise<PipeOutcome>((resolve) => {
      settle = resolve;
    });
    const pipe: ActivePipe = { target, cut: () => finish('cut') };
    const onClientGone = () => finish('client closed');
    const finish = (why: 'cut' | 'client closed' | 'owner closed' | 'owner unreachable') => {
      if (isDone) return;
      isDone = true;
      this.pipes.delete(pipe);
      clearTimeout(timer);
      abandon?.removeEventListener('abort', onAbandon);
      // An owner that closed before a single byte is as good as unreachable: a dead node behind a
      // proxy or a port forwarder (the connection is accepted, then closed) rather than refused. A
      // pipe cut before its owner answered (the owner is down, or the board moved) is given back too.
      const isSilent = why !== 'client closed' && upstream.bytesRead === 0;
      if (isSilent && !client.destroyed) {
        // Nothing came back, and the client socket was never read from: it is as it arrived.
        client.off('error', onClientGone);
        client.off('close', onClientGone);
        upstream.destroy();
        log('debug', 'pipe.unanswered', { boardId: target.boardId, owner: target.nodeId, why });
        settle('unanswered');
        return;
      }
      if (isSilent) {
        client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      } else if (why === 'owner closed') {
        client.end();
      } else {
        client.destroy();
      }
      upstream.destroy();
      // A peer that does not finish closing is cut off.
      setTimeout(() => client.destroy(), 1000).unref();
      log('debug', 'pipe.closed', { boardId: target.boardId, owner: target.nodeId, why });
      settle('ended');
    };
    let isConnected = false;
    const timer = setTimeout(() => {
      // Accepted but silent: a caller that can tell a busy owner from a dead one keeps waiting.
      if (onSlow && isConnected) onSlow();
      else finish('owner unreachable');
    }, PIPE_ANSWER_TIMEOUT_MS);
    const onAbandon = () => {
      if (upstream.bytesRead === 0) finish('owner unreachable');
    };
    if (abandon?.aborted) queueMicrotask(onAbandon);
    else abandon?.addEventListener('abort', onAbandon, { once: true });
    this.pipes.add(pipe);
    client.on('error', onClientGone);
    client.on('close', onClientGone);
    upstream.on('error', (error) => {
      log('warn', 'pipe.owner_unreachable', {
        boardId: target.boardId,
        owner: target.nodeId,
        code: (error as NodeJS.ErrnoException).code,
      });
      finish('owner unreachable');
    });
    upstream.on('end', () => finish('owner closed'));
    upstream.on('close', () => finish('owner closed'));
    upstream.once('data', () => {
      clearTimeout(timer);
      // Only now is the client read from: until the owner answers, its socket stays untouched (a
      // WebSocket client sends nothing before the handshake's answer anyway), so that an owner who
      // never answers leaves it ready for another route (a piped and then unpiped socket is paused).
      client.pipe(upstream);
      settle('answered');
    });
    upstream.once('connect', () => {
      isConnected = true;
      upstream.setNoDelay(true);
      (client as Partial<Socket>).setNoDelay?.(true);
      upstream.write(requestHead(req, hopHeaders));
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client, { end: false });
    });
    return outcome;
  }
}

/** The request line and headers, as received, minus hop headers from outside, plus ours. */
function requestHead(req: IncomingMessage, hopHeaders: Record<string, string>): string {
  const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (lower === HOP_HEADER || lower === HOP_CLIENT_HEADER) continue;
    lines.push(`${name}: ${raw[i + 1] as string}`);
  }
  for (const [name, value] of Object.entries(hopHeaders)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
