import { BoardConnection } from '../../../client/src/sync/BoardConnection';
import type { CreatedBoard } from '../../../server/boardCreation';
import { readBoard } from '../../../shared/boardDoc';
import type { Command } from '../../../shared/commands';
import { sortedPrompts } from '../../../shared/domain/state';
import type { CommandResult } from '../../../shared/protocol';
import { randomToken } from '../../../shared/random';
import { waitFor } from '../../server/helpers';
import type { ClientLog } from './clientLog';
import type { Balancer } from './cluster';

/** A board of the run, with what a test needs to act on it. */
export interface RunBoard {
  readonly boardId: string;
  readonly facilitatorKey: string;
  /** What a participant shows with their first AUTH: the board's join code was entered (GET /api/join). */
  readonly joinToken: string;
  /** Prompt ids in board order, and those of the "align" kind (votable). */
  readonly promptIds: readonly string[];
  readonly alignPromptIds: readonly string[];
}

/** How long a scripted client may take to connect and sync through the cluster. */
const SYNC_TIMEOUT_MS = 15_000;

/** A board just created, with the join token its join code gives participants. */
export type JoinableBoard = CreatedBoard & { readonly joinToken: string };

/** Creates `count` boards through the balancer (any node may create one), `concurrency` at a time. */
export async function createBoards(balancer: Balancer, count: number, concurrency = 10): Promise<JoinableBoard[]> {
  const out: JoinableBoard[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(concurrency, count - start) }, async () => {
        const res = await fetch(`${balancer.httpUrl}/api/boards`, { method: 'POST', body: '{}' });
        if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`);
        const created = (await res.json()) as CreatedBoard;
        const join = await fetch(`${balancer.httpUrl}/api/join/${created.joinCode}`);
        if (join.status !== 200) throw new Error(`join lookup: ${join.status} ${await join.text()}`);
        return { ...created, joinToken: ((await join.json()) as { joinToken: string }).joinToken };
      }),
    );
    out.push(...batch);
  }
  return out;
}

/** A scripted person on a board: a real BoardConnection through a balancer, recorded in `log`. */
export interface Scripted {
  readonly connection: BoardConnection;
  run(command: Command): Promise<CommandResult>;
  /** Runs the commands one after another; throws on the first refusal. */
  runAll(commands: readonly Command[]): Promise<void>;
  close(): void;
}

export async function openScripted(
  log: ClientLog,
  balancer: Balancer,
  boardId: string,
  socketKey: string,
  auth: { facilitatorKey?: string; participantSecret?: string; joinToken?: string },
): Promise<Scripted> {
  const connection = new BoardConnection({
    serverUrl: balancer.wsUrl,
    boardId,
    participantSecret: auth.participantSecret ?? (auth.facilitatorKey ? undefined : randomToken(16)),
    ...(auth.facilitatorKey ? { facilitatorKey: auth.facilitatorKey } : {}),
    ...(auth.joinToken ? { joinToken: auth.joinToken } : {}),
    WebSocketPolyfill: log.socketClass(boardId, socketKey, balancer),
  } as ConstructorParameters<typeof BoardConnection>[0]);
  await waitFor(() => connection.isSynced && connection.status === 'online', SYNC_TIMEOUT_MS, `${socketKey} to sync`);
  const run = (command: Command) => connection.send(command);
  return {
    connection,
    run,
    async runAll(commands) {
      for (const command of commands) {
        const result = await run(command);
        if (!result.ok) throw new Error(`${socketKey}: ${command.type} refused: ${result.error} ${result.message}`);
      }
    },
    close: () => connection.destroy(),
  };
}

/** Reads the prompts of a board from a synced connection. */
export function promptsOf(connection: BoardConnection): { promptIds: string[]; alignPromptIds: string[] } {
  const board = readBoard(connection.doc);
  if (!board) throw new Error('no board in the document yet');
  const prompts = sortedPrompts(board);
  return { promptIds: prompts.map((p) => p.id), alignPromptIds: prompts.filter((p) => p.kind === 'align').map((p) => p.id) };
}

/** Creates boards and moves each into reflect through its facilitator, `concurrency` at a time. */
export async function createReflectBoards(
  log: ClientLog,
  balancer: Balancer,
  count: number,
  concurrency = 10,
): Promise<RunBoard[]> {
  const created = await createBoards(balancer, count, concurrency);
  const out: RunBoard[] = [];
  for (let start = 0; start < created.length; start += concurrency) {
    const batch = await Promise.all(
      created.slice(start, start + concurrency).map(async (board) => {
        const facilitator = await openScripted(log, balancer, board.boardId, `facilitator:${board.boardId}`, {
          facilitatorKey: board.facilitatorKey,
        });
        try {
          await facilitator.runAll([{ type: 'setPhase', phase: 'reflect' }]);
          return {
            boardId: board.boardId,
            facilitatorKey: board.facilitatorKey,
            joinToken: board.joinToken,
            ...promptsOf(facilitator.connection),
          };
        } finally {
          facilitator.close();
        }
      }),
    );
    out.push(...batch);
  }
  return out;
}
