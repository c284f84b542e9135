import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE_CODES } from '../../shared/protocol';
import { log } from '../log';
import { isOriginAllowed } from '../originPolicy';
import type { RoomManager } from '../RoomManager';
import { type AddressCounter, LocalAddressCounter } from './AddressCounter';
import type { RemoteOwner } from './BoardOwnership';
import type { ClusterConfig } from './clusterConfig';
import { checkHop, signHop } from './hopHeader';
import { LEASE_TTL_MS } from './NodeLease';
import { OwnerHints } from './OwnerHints';
import type { PostgresOwnership } from './PostgresOwnership';
import { PIPE_ANSWER_TIMEOUT_MS, PipeRegistry } from './pipeToOwner';
import type { ClusterEvent, RedisHints } from './RedisHints';
import { type LeaseWatch, type LiveNodes, SilentOwners, sleep } from './silentOwners';

export type { LiveNodes } from './silentOwners';

/**
 * How often a node that pipes connections checks in PostgreSQL that their owners are alive, in
 * milliseconds (one query of the live nodes): without Redis, or for an owner that died without a
 * word, a dead owner's boards are claimed here and its pipes cut at most this late after its lease
 * expired.
 */
export const PIPE_OWNER_CHECK_INTERVAL_MS = 1_000;

/**
 * How long an entry node keeps a client's upgrade waiting for a board whose owner does not answer
 * (its process died, is paused, or is very busy: see PIPE_ANSWER_TIMEOUT_MS), in milliseconds. Meanwhile it
 * watches that owner's lease; once the lease has ended, it claims the board and serves the client
 * itself, so that a board moves as soon as its owner's lease allows, not after the clients' next
 * backed-off retry. LEASE_TTL_MS (the owner may have renewed just before it died) plus room for a
 * busy machine to notice, and less than the browser's own SOCKET_OPEN_TIMEOUT_MS; past it the
 * client gets 502 and retries.
 */
export const UNANSWERED_OWNER_WAIT_MS = LEASE_TTL_MS + 2_000;
/**
 * How long an entry node pauses before asking a silent owner again while its lease lives, in
 * milliseconds. A dead owner's port refuses at once: without a pause each waiting client would
 * reconnect to it in a busy loop until the lease ends, and starve the node that must take over.
 */
export const UNANSWERED_OWNER_RETRY_MS = 250;

/** What to do with a WebSocket upgrade. */
export type UpgradeRoute =
  /** Serve it here: this node owns the board or may claim it (or it will be refused here anyway). */
  | { readonly type: 'local'; readonly clientAddress: string; readonly isHopped: boolean }
  /** Passed on to the board's owner over TCP: nothing more to do. `ownerFrom`: how the owner was found. */
  | { readonly type: 'piped'; readonly ownerFrom: 'hint' | 'lookup' }
  /** Refuse before the handshake (a hop header that does not verify). */
  | { readonly type: 'refuse'; readonly status: number; readonly message: string }
  /** Complete the handshake and close with this code (45xx: the client retries). */
  | { readonly type: 'close'; readonly code: number; readonly reason: string };

/**
 * One node of a cluster (several Accord processes on one PostgreSQL database): routes each upgrade
 * to the board's owner, keeps the pipes, listens to Redis hints, and counts connections per address
 * across nodes when Redis is there.
 */
export class ClusterNode {
  readonly pipes = new PipeRegistry();
  readonly counter: AddressCounter;
  private readonly ownerCheck: NodeJS.Timeout;
  private isCheckingOwners = false;
  /** The owners that left an upgrade unanswered, and the boards whose clients wait for them. */
  private readonly silent: SilentOwners;
  /** Owners learned from hints, for the clients of a board that just changed hands. */
  readonly ownerHints: OwnerHints;

  constructor(
    readonly config: ClusterConfig,
    readonly ownership: PostgresOwnership,
    private readonly hints: RedisHints | null,
    private readonly liveNodes: LiveNodes,
  ) {
    this.counter = hints?.counter ?? new LocalAddressCounter();
    this.ownerHints = new OwnerHints(config.nodeId);
    this.silent = new SilentOwners(liveNodes, (nodeId) => this.adoptBoardsOf(nodeId, 'lease ended'));
    this.ownerCheck = setInterval(() => void this.checkOwners(), PIPE_OWNER_CHECK_INTERVAL_MS);
    this.ownerCheck.unref();
  }

  /**
   * Called when another node handed a board to this one on its drain (set by nodeState.ts): the
   * room is opened at once, so its clients find it loaded when they come back.
   */
  onHandedOver: ((boardId: string) => void) | null = null;

  /**
   * Called for each board this node was piping to an owner, or holding clients for, when that
   * owner's lease is seen ended (set by nodeState.ts: the room is claimed and loaded at once). The
   * board then moves as soon as the lease allows, not once the first of its clients has come back
   * through a handshake on a node busy with every other client of the dead owner. Another entry node
   * may claim it first: then this claim finds it owned, and the clients are piped there.
   */
  onOwnerGone: ((boardId: string) => void) | null = null;

  get nodeId(): string {
    return this.config.nodeId;
  }

  /** Acts on a hint from another node (or this one). */
  handleEvent(event: ClusterEvent): void {
    if (event.type === 'down' && event.nodeId !== this.nodeId) this.adoptBoardsOf(event.nodeId, 'down');
    if (event.type === 'down') this.ownerHints.down(event.nodeId);
    else this.ownerHints.moved(event.boardId, event.nodeId);
    if (event.type === 'handover') {
      // The pipes to the draining node are left alone: it closes them itself with 4503 in a moment,
      // which its clients answer at once (a cut pipe reads as 1006, which they back off from).
      if (event.nodeId === this.nodeId) this.onHandedOver?.(event.boardId);
      return;
    }
    const cut = event.type === 'down' ? this.pipes.cutNode(event.nodeId) : this.pipes.cutBoard(event.boardId, event.nodeId);
    if (cut > 0) log('info', 'pipe.cut_stale', { hint: event.type, node: event.nodeId, pipes: cut });
  }

  /**
   * Claims here (onOwnerGone) the boards this node pipes to `nodeId`, or holds clients for, now that
   * its lease ended (`why`: how that was learned).
   */
  private adoptBoardsOf(nodeId: string, why: 'lease ended' | 'down'): void {
    const boards = this.pipes.boardsOf(nodeId);
    for (const boardId of this.silent.heldBoards(nodeId)) boards.add(boardId);
    if (boards.size === 0 || !this.onOwnerGone) return;
    log('info', 'board.adopting', { owner: nodeId, boards: boards.size, why });
    for (const boardId of boards) this.onOwnerGone(boardId);
  }

  /** Tells the others, and `nodeId` above all, that this draining node handed `boardId` to it. */
  announceHandOver(boardId: string, nodeId: string): void {
    this.hints?.publish({ type: 'handover', boardId, nodeId });
  }

  /** Tells the others that this node now owns `boardId`, and cuts this node's own stale pipes of it. */
  announceClaim(boardId: string): void {
    const event: ClusterEvent = { type: 'moved', boardId, nodeId: this.nodeId };
    this.handleEvent(event);
    this.hints?.publish(event);
  }

  /** Tells the others that this node's pipes are stale (it lost its lease, or is shutting down). */
  announceDown(): void {
    this.hints?.publish({ type: 'down', nodeId: this.nodeId });
  }

  /**
   * Asks PostgreSQL which nodes are live: learns their internal URLs (for owner hints), and cuts
   * the pipes to owners that are not live any more. At start, and every PIPE_OWNER_CHECK_INTERVAL_MS.
   */
  async checkOwners(): Promise<void> {
    if (this.isCheckingOwners) return;
    this.isCheckingOwners = true;
    try {
      const nodes = await this.liveNodes();
      for (const n of nodes) this.ownerHints.learnNode(n.nodeId, n.internalUrl);
      const live = new Set(nodes.map((n) => n.nodeId));
      for (const owner of this.pipes.owners()) if (!live.has(owner)) this.handleEvent({ type: 'down', nodeId: owner });
    } catch (error) {
      log('debug', 'pipe.owner_check_failed', { message: (error as Error).message });
    } finally {
      this.isCheckingOwners = false;
    }
  }

  /**
   * Decides where an upgrade for `boardId` goes. From a client: the Origin is checked here (a
   * refusal is served locally, with its close code), then the upgrade is piped to the board's live
   * owner if that is another node. With a hop header: it must verify, and is never passed on again.
   */
  async route(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    boardId: string,
    entryAddress: string,
    rooms: RoomManager,
    allowedOrigins: readonly string[],
    /** The server's own hosts besides Host (as AccordServer's own check counts them): the same verdict here and there. */
    ownHosts: readonly (string | undefined)[] = [],
  ): Promise<UpgradeRoute> {
    const path = req.url ?? '/';
    const hop = checkHop(this.config.secret, req.headers, { boardId, path });
    if (hop.type === 'invalid') {
      log('warn', 'ws.hop_refused', { boardId, reason: hop.reason });
      return { type: 'refuse', status: 403, message: 'Forbidden' };
    }
    const isHopped = hop.type === 'valid';
    const clientAddress = isHopped ? hop.clientAddress : entryAddress;
    const local: UpgradeRoute = { type: 'local', clientAddress, isHopped };
    if (!isHopped && !isOriginAllowed(req, allowedOrigins, [req.headers.host, ...ownHosts])) return local;
    if (rooms.draining) return { type: 'close', code: CLOSE_CODES.DRAINING, reason: 'Server shutting down' };
    if (rooms.isOpen(boardId) || this.ownership.isHeld(boardId)) return local;
    // A hopped upgrade is checked against PostgreSQL: the hop was made on the entry node's word.
    let owner: RemoteOwner | null = isHopped ? null : this.ownerHints.owner(boardId);
    let ownerFrom: 'hint' | 'lookup' = owner === null ? 'lookup' : 'hint';
    try {
      owner ??= await this.lookUpOwner(boardId, rooms);
    } catch (error) {
      log('warn', 'ws.route_failed', { boardId, message: (error as Error).message });
      return { type: 'close', code: CLOSE_CODES.GOING_AWAY, reason: 'Try again' };
    }
    if (owner === null) return local;
    if (isHopped) {
      // A second hop is never made: the client retries, and its entry node finds the owner again.
      log('info', 'ws.hop_not_owner', { boardId, from: hop.nodeId });
      // The entry node went by a stale hint, or a stale lookup: tell every node who owns it now.
      this.hints?.publish({ type: 'moved', boardId, nodeId: owner.nodeId });
      return { type: 'close', code: CLOSE_CODES.BOARD_MOVED, reason: 'Board moved' };
    }
    // An owner that does not answer (dead, or paused) is waited out rather than refused: once its
    // lease has ended the board is anybody's, and this node claims it for the waiting client. While
    // its lease lives it is alive, maybe only busy: an upgrade it accepted is left with it (asking
    // again would only add to its work), one it refused is asked again after a pause; either is
    // given up as soon as the lease is seen ended, or when the wait runs out.
    const deadline = performance.now() + UNANSWERED_OWNER_WAIT_MS;
    let leaseWatch: Promise<LeaseWatch> | null = null;
    // From its first silence on, the board is counted as held for the owner (see adoptBoardsOf).
    let release: (() => void) | null = null;
    try {
      for (;;) {
        const hopHeaders = signHop(this.config.secret, { nodeId: this.nodeId, boardId, path, clientAddress: entryAddress });
        const target = { boardId, nodeId: owner.nodeId, internalUrl: owner.internalUrl };
        const abandon = new AbortController();
        const giveUp = setTimeout(() => abandon.abort(), Math.max(0, deadline - performance.now()));
        const watchOwner = () => {
          release ??= this.silent.hold(target.nodeId, boardId);
          leaseWatch ??= this.silent.watch(target.nodeId, deadline - performance.now());
          void leaseWatch.then((watch) => watch === 'ended' && abandon.abort());
        };
        if (leaseWatch) watchOwner();
        const outcome = await this.pipes.pipe(req, socket, head, target, hopHeaders, abandon.signal, watchOwner);
        clearTimeout(giveUp);
        if (outcome !== 'unanswered') return { type: 'piped', ownerFrom };
        if (socket.destroyed || rooms.draining || performance.now() >= deadline) break;
        // A hint that the board moved meanwhile (its pipe was cut for it): straight there.
        const moved = this.ownerHints.owner(boardId);
        if (moved !== null && moved.nodeId !== owner.nodeId) {
          [owner, ownerFrom, leaseWatch] = [moved, 'hint', null];
          release?.();
          release = null;
          continue;
        }
        release ??= this.silent.hold(owner.nodeId, boardId);
        leaseWatch ??= this.silent.watch(owner.nodeId, deadline - performance.now());
        // With no time left for another whole try, only the lease's end is waited for.
        const untilDeadline = deadline - performance.now();
        const pause = untilDeadline < PIPE_ANSWER_TIMEOUT_MS ? untilDeadline : UNANSWERED_OWNER_RETRY_MS;
        const watch = await Promise.race([leaseWatch, sleep(pause)]);
        if (watch === 'timeout') break;
        if (watch === undefined) continue;
        try {
          owner = await this.lookUpOwner(boardId, rooms);
        } catch {
          break;
        }
        if (owner === null) return local;
        ownerFrom = 'lookup';
        leaseWatch = null;
        release?.();
        release = null;
      }
    } finally {
      release?.();
    }
    return { type: 'refuse', status: 502, message: 'Bad Gateway' };
  }

  /**
   * The board's live owner if it is another node, from PostgreSQL (which also tells that node's
   * URL), once any opening of its room here (a claim, e.g. by adoptBoardsOf) has settled.
   */
  private async lookUpOwner(boardId: string, rooms: RoomManager): Promise<RemoteOwner | null> {
    await rooms.settled(boardId);
    const owner = await this.ownership.remoteOwner(boardId);
    if (owner !== null) this.ownerHints.learnNode(owner.nodeId, owner.internalUrl);
    return owner;
  }

  /**
   * On a drain, after the rooms drained (their clients are on their way to the successors): cuts
   * the pipes to other owners a few at a time, as config.pipeRelease says (PIPE_RELEASE_AFTER_MS).
   */
  async releasePipes(): Promise<void> {
    const startedAt = performance.now();
    const { afterMs, overMs } = this.config.pipeRelease;
    const pipes = this.pipes.size;
    const cut = await this.pipes.release(afterMs, overMs);
    if (pipes > 0) log('info', 'pipe.released', { pipes, cut, ms: Math.round(performance.now() - startedAt) });
  }

  /** Cuts every pipe and stops listening (shutdown, after the rooms drained). */
  async stop(): Promise<void> {
    clearInterval(this.ownerCheck);
    this.announceDown();
    this.pipes.cutAll();
    this.counter.close();
    await this.hints?.close();
  }
}
