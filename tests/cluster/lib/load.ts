import { BoardConnection } from '../../../client/src/sync/BoardConnection';
import type { CommandResult } from '../../../shared/protocol';
import { randomId, randomToken } from '../../../shared/random';
import { waitFor } from '../../server/helpers';
import type { RunBoard } from './boards';
import type { ClientLog } from './clientLog';
import type { Balancer } from './cluster';

/** One command the load sent, and what finally came of it. */
export interface LoadCommand {
  readonly id: string;
  readonly socketKey: string;
  readonly boardId: string;
  readonly kind: 'post' | 'delete';
  readonly draftId: string;
  readonly promptId: string;
  /** The note's text (a canary: unique, and searched for in logs and Redis). */
  readonly text: string | null;
  /** When the person "clicked": send() was called (the command may wait in the outbox). */
  readonly issuedAt: number;
  result: CommandResult | null;
  resultAt: number | null;
}

/** One simulated participant: a BoardConnection and the drafts it knows are stored. */
interface LoadSocket {
  readonly key: string;
  readonly board: RunBoard;
  readonly secret: string;
  readonly connection: BoardConnection;
  /** Drafts whose post was acknowledged and whose delete was not sent yet, oldest first. */
  readonly live: string[];
  count: number;
  nextAt: number;
}

/** Every third command deletes the person's oldest acknowledged draft, so nobody reaches the per-prompt limit. */
const DELETE_EVERY = 3;
/** Scheduler tick: commands go out within this long of their due time. */
const TICK_MS = 20;

/**
 * The failover workload: `socketsPerBoard` participants per board, each a real BoardConnection (its
 * outbox replays unanswered commands after a reconnect) through the round-robin balancer, each
 * sending one command per second: postDraft of a unique note (cycling over the prompts), and every
 * third command deleteDraft of its oldest acknowledged draft. Both effects are rows in PostgreSQL that
 * the checker compares with the acknowledgements.
 */
export class LoadGenerator {
  readonly commands = new Map<string, LoadCommand>();
  readonly sockets: LoadSocket[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: ClientLog,
    private readonly balancer: Balancer,
    private readonly tag: string,
  ) {}

  /**
   * Connects `perBoard` participants to each board, `batch` sockets at a time (a crowd arriving, not
   * one burst), and waits until all are synced and welcomed.
   */
  async connect(boards: readonly RunBoard[], perBoard: number, timeoutMs = 90_000, batch = 50): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (const board of boards) {
      for (let p = 0; p < perBoard; p++) {
        const key = `${board.boardId}/p${p}`;
        const secret = randomToken(16);
        const connection = new BoardConnection({
          serverUrl: this.balancer.wsUrl,
          boardId: board.boardId,
          participantSecret: secret,
          joinToken: board.joinToken,
          WebSocketPolyfill: this.log.socketClass(board.boardId, key, this.balancer),
        });
        this.sockets.push({ key, board, secret, connection, live: [], count: 0, nextAt: 0 });
        if (this.sockets.length % batch === 0) await this.welcomed(deadline);
      }
    }
    await this.welcomed(deadline);
  }

  private async welcomed(deadline: number): Promise<void> {
    const isWelcomed = (s: LoadSocket) => s.connection.status === 'online' && this.log.participantIds.has(s.key);
    try {
      await waitFor(() => this.sockets.every(isWelcomed), Math.max(0, deadline - performance.now()), 'load sockets');
    } catch {
      const waiting = this.sockets.filter((s) => !isWelcomed(s));
      throw new Error(
        `${waiting.length} of ${this.sockets.length} load sockets not welcomed in time (statuses: ${[...new Set(waiting.map((s) => s.connection.status))].join(', ')})`,
      );
    }
  }

  /** Starts sending, each socket at `perSecond` with its own random phase. */
  start(perSecond = 1): void {
    const periodMs = 1000 / perSecond;
    const now = performance.now();
    for (const socket of this.sockets) socket.nextAt = now + Math.random() * periodMs;
    this.timer = setInterval(() => {
      const t = performance.now();
      for (const socket of this.sockets) {
        if (socket.nextAt > t) continue;
        this.issue(socket);
        // After a stall of this process, do not burst: the schedule moves on.
        socket.nextAt = Math.max(socket.nextAt + periodMs, t);
      }
    }, TICK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Waits (at most `timeoutMs`) until every command was answered. Returns the sockets still waiting,
   * with their connection status and close code (a 44xx close is final: that outbox never drains).
   */
  async drain(timeoutMs: number): Promise<string[]> {
    try {
      await waitFor(
        () => [...this.commands.values()].every((c) => c.result !== null),
        timeoutMs,
        'every load command to be answered',
      );
      return [];
    } catch {
      const waiting = new Set(this.unanswered.map((c) => c.socketKey));
      return this.sockets
        .filter((s) => waiting.has(s.key))
        .map(
          (s) =>
            `${s.key}: ${s.connection.pending.length} waiting, ${s.connection.status}${s.connection.closeReason ? ` (closed ${s.connection.closeReason.code} ${s.connection.closeReason.reason})` : ''}`,
        );
    }
  }

  /** Commands not answered yet. */
  get unanswered(): LoadCommand[] {
    return [...this.commands.values()].filter((c) => c.result === null);
  }

  close(): void {
    this.stop();
    for (const socket of this.sockets) socket.connection.destroy();
  }

  private issue(socket: LoadSocket): void {
    const n = socket.count++;
    const prompts = socket.board.promptIds;
    const oldest = socket.live[0];
    const id = randomId();
    let command: LoadCommand;
    if (n % DELETE_EVERY === DELETE_EVERY - 1 && oldest !== undefined) {
      socket.live.shift();
      const draft = this.commands.get(oldest);
      command = {
        id,
        socketKey: socket.key,
        boardId: socket.board.boardId,
        kind: 'delete',
        draftId: oldest,
        promptId: draft?.promptId ?? '',
        text: null,
        issuedAt: performance.now(),
        result: null,
        resultAt: null,
      };
    } else {
      const promptId = prompts[n % prompts.length] as string;
      command = {
        id,
        socketKey: socket.key,
        boardId: socket.board.boardId,
        kind: 'post',
        draftId: id,
        promptId,
        text: `canary ${this.tag} ${randomToken(9)}`,
        issuedAt: performance.now(),
        result: null,
        resultAt: null,
      };
    }
    this.commands.set(id, command);
    const sent =
      command.kind === 'post'
        ? socket.connection.send(
            { type: 'postDraft', draftId: command.draftId, promptId: command.promptId, text: command.text as string, tag: null },
            id,
          )
        : socket.connection.send({ type: 'deleteDraft', draftId: command.draftId }, id);
    void sent.then((result) => {
      command.result = result;
      command.resultAt = performance.now();
      if (command.kind === 'post' && result.ok) socket.live.push(command.draftId);
    });
  }
}
