import WebSocket from 'ws';
import { BoardConnection } from '../../client/src/sync/BoardConnection';
import { readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { type BoardState, sortedPrompts } from '../../shared/domain/state';
import { randomToken } from '../../shared/random';

/** Node clients that set a board up over the real protocol before the browsers arrive. */
export interface SeedClients {
  readonly facilitator: BoardConnection;
  readonly authors: readonly BoardConnection[];
  /** Sends a command and fails the test when it is refused. */
  send(connection: BoardConnection, command: Command): Promise<void>;
  board(): BoardState;
  /**
   * Waits until the board is in `phase` on the server (the seed facilitator's synced copy says so).
   * A browser shows its own phase change at once, before the server has committed it: a seed
   * command sent on the browser's word alone can reach the server first, and be refused.
   */
  waitForPhase(phase: BoardState['meta']['phase'], timeoutMs?: number): Promise<void>;
  promptId(text: string): string;
  /** Disconnects everyone, so that only the browsers are "here". */
  close(): void;
}

/** A facilitator and `authorCount` participants (who join with the code, as people do) on a board, all synced. */
export async function openSeedClients(
  baseUrl: string,
  board: { readonly boardId: string; readonly facilitatorKey: string; readonly joinCode: string },
  authorCount: number,
): Promise<SeedClients> {
  const { boardId, facilitatorKey } = board;
  const { joinToken } = (await (await fetch(`${baseUrl}/api/join/${board.joinCode}`)).json()) as { joinToken: string };
  const connect = (key?: string) =>
    new BoardConnection({
      serverUrl: `${baseUrl.replace('http', 'ws')}/ws`,
      boardId,
      participantSecret: randomToken(16),
      ...(key ? { facilitatorKey: key } : { joinToken }),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
  const facilitator = connect(facilitatorKey);
  const authors = Array.from({ length: authorCount }, () => connect());
  const everyone = [facilitator, ...authors];
  const deadline = Date.now() + 5000;
  while (!everyone.every((c) => c.isSynced && c.status === 'online')) {
    if (Date.now() > deadline) throw new Error('seed clients did not sync');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const read = () => {
    const state = readBoard(facilitator.doc);
    if (!state) throw new Error('no board');
    return state;
  };
  return {
    facilitator,
    authors,
    async send(connection, command) {
      const result = await connection.send(command);
      if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
    },
    board: read,
    async waitForPhase(phase, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (read().meta.phase !== phase) {
        if (Date.now() > until) throw new Error(`the board did not reach the ${phase} phase`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    promptId(text) {
      const prompt = sortedPrompts(read()).find((p) => p.text === text);
      if (!prompt) throw new Error(`no prompt ${text}`);
      return prompt.id;
    },
    close() {
      for (const connection of everyone) connection.destroy();
    },
  };
}

/** A board as `POST /api/boards` answers it. */
export interface CreatedBoard {
  readonly boardId: string;
  readonly facilitatorKey: string;
  readonly facilitatorUrl: string;
  readonly joinCode: string;
}

/** Creates a board from the default template over HTTP, with seed clients on it. */
export async function createSeededBoard(
  baseUrl: string,
  authorCount: number,
): Promise<{ created: CreatedBoard; seed: SeedClients }> {
  const response = await fetch(`${baseUrl}/api/boards`, { method: 'POST', body: '{}' });
  const created = (await response.json()) as CreatedBoard;
  return { created, seed: await openSeedClients(baseUrl, created, authorCount) };
}
