import { Redis } from 'ioredis';
import pg from 'pg';
import { hashSecret } from '../../../server/auth';
import type { RunBoard } from './boards';
import { openScripted } from './boards';
import type { ClientLog } from './clientLog';
import type { Balancer } from './cluster';
import type { LogLine } from './clusterNode';
import type { LoadGenerator } from './load';

/** Records every message published on the Redis server while the run lasts (hints travel by pub/sub). */
export class RedisMonitor {
  readonly messages: { channel: string; message: string }[] = [];
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: null });
    this.redis.on('error', () => {});
    this.redis.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
      this.messages.push({ channel: channel.toString('latin1'), message: message.toString('latin1') });
    });
  }

  async start(): Promise<void> {
    await this.redis.psubscribe('*');
  }

  stop(): void {
    this.redis.disconnect();
  }
}

/** Reveals every prompt of every board (share phase, then one reveal of all), `concurrency` boards at a time. */
export async function revealAll(
  log: ClientLog,
  balancer: Balancer,
  boards: readonly RunBoard[],
  concurrency = 10,
): Promise<void> {
  for (let start = 0; start < boards.length; start += concurrency) {
    await Promise.all(
      boards.slice(start, start + concurrency).map(async (board) => {
        const facilitator = await openScripted(log, balancer, board.boardId, `reveal:${board.boardId}`, {
          facilitatorKey: board.facilitatorKey,
        });
        try {
          await facilitator.runAll([
            { type: 'setPhase', phase: 'share' },
            // Some prompts hold one person's notes only (the load deletes as it goes): reveal them anyway.
            { type: 'reveal', promptId: null, confirmSmallCount: true },
          ]);
        } finally {
          facilitator.close();
        }
      }),
    );
  }
}

/** Draft rows (the only place a note's author is stored) left on these boards. */
export async function draftRows(url: string, schema: string, boards: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.drafts WHERE board_id = ANY($1)`, [
      boards,
    ]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Strings that would tie a note to its author if they showed up where they should not: participant
 * ids, secrets and their hashes, the random part of every note text, draft ids. Keyed by the string.
 */
export function needlesOf(load: LoadGenerator, log: ClientLog): Map<string, string> {
  const needles = new Map<string, string>();
  for (const socket of load.sockets) {
    const hash = hashSecret(socket.secret);
    needles.set(socket.secret, `secret of ${socket.key}`);
    needles.set(hash.toString('hex'), `secret hash (hex) of ${socket.key}`);
    needles.set(hash.toString('base64'), `secret hash (base64) of ${socket.key}`);
    needles.set(hash.toString('base64url'), `secret hash (base64url) of ${socket.key}`);
    const participantId = log.participantIds.get(socket.key);
    if (participantId) needles.set(participantId, `participant id of ${socket.key}`);
  }
  for (const command of load.commands.values()) {
    if (command.kind !== 'post') continue;
    needles.set((command.text as string).split(' ').at(-1) as string, `note text of ${command.socketKey}`);
    needles.set(command.draftId, `draft id of ${command.socketKey}`);
  }
  return needles;
}

/** Every needle found in the haystacks, by whole-token match (ids and secrets are base64url or base64 tokens). */
export function findNeedles(
  haystacks: readonly { where: string; text: string }[],
  needles: ReadonlyMap<string, string>,
  limit = 20,
): string[] {
  const findings: string[] = [];
  for (const { where, text } of haystacks) {
    const tokens = new Set([...(text.match(/[A-Za-z0-9_-]{8,}/g) ?? []), ...(text.match(/[A-Za-z0-9+/=]{8,}/g) ?? [])]);
    for (const token of tokens) {
      const what = needles.get(token);
      if (what) findings.push(`${what} in ${where}`);
      if (findings.length >= limit) return findings;
    }
  }
  return findings;
}

/** The node logs as haystacks. */
export function logHaystacks(lines: readonly LogLine[]): { where: string; text: string }[] {
  return lines.map((line, i) => ({ where: `${line.nodeId} log line ${i}: ${line.text.slice(0, 200)}`, text: line.text }));
}
