import pg from 'pg';
import { BoardConnection } from '../../../client/src/sync/BoardConnection';
import { readBoard } from '../../../shared/boardDoc';
import type { CommandResult } from '../../../shared/protocol';
import { randomId, randomToken } from '../../../shared/random';
import { waitFor } from '../../server/helpers';
import { createBoards, openScripted, promptsOf } from './boards';
import type { ClientLog } from './clientLog';
import type { Balancer } from './cluster';

/** Dots per person in the round, and most dots on one item. */
export const VOTE_BUDGET = 5;
export const VOTE_MAX_PER_ITEM = 2;
/** Notes to vote on (written by two other participants, revealed before the round opens). */
const VOTE_ITEMS = 8;
/** Each tab clicks this often. */
const CLICK_EVERY_MS = 250;

export interface VoteBoard {
  readonly boardId: string;
  readonly joinToken: string;
  readonly roundId: string;
  readonly itemIds: readonly string[];
}

/** A board in the vote phase with an open round over `VOTE_ITEMS` revealed notes. */
export async function setUpVoteBoard(log: ClientLog, balancer: Balancer): Promise<VoteBoard> {
  const [created] = await createBoards(balancer, 1);
  if (!created) throw new Error('no board');
  const facilitator = await openScripted(log, balancer, created.boardId, 'vote/facilitator', {
    facilitatorKey: created.facilitatorKey,
  });
  const writers = await Promise.all(
    [0, 1].map((i) => openScripted(log, balancer, created.boardId, `vote/writer${i}`, { joinToken: created.joinToken })),
  );
  try {
    const promptId = promptsOf(facilitator.connection).alignPromptIds[0] as string;
    await facilitator.runAll([{ type: 'setPhase', phase: 'reflect' }]);
    for (let i = 0; i < VOTE_ITEMS; i++) {
      const writer = writers[i % writers.length] as (typeof writers)[number];
      await writer.runAll([{ type: 'postDraft', draftId: randomId(), promptId, text: `vote item ${i}`, tag: null }]);
    }
    const roundId = randomId();
    await facilitator.runAll([
      { type: 'setPhase', phase: 'share' },
      { type: 'reveal', promptId, confirmSmallCount: true },
      { type: 'setPhase', phase: 'group' },
      { type: 'setPhase', phase: 'vote' },
      {
        type: 'openVoteRound',
        roundId,
        label: 'Cluster vote',
        dotsPerPerson: VOTE_BUDGET,
        maxPerItem: VOTE_MAX_PER_ITEM,
        facilitatorVotes: false,
        itemIds: null,
      },
    ]);
    const board = readBoard(facilitator.connection.doc);
    const itemIds = [...(board?.notes.values() ?? [])].filter((n) => n.promptId === promptId).map((n) => n.id);
    if (itemIds.length !== VOTE_ITEMS) throw new Error(`expected ${VOTE_ITEMS} notes to vote on, got ${itemIds.length}`);
    return { boardId: created.boardId, joinToken: created.joinToken, roundId, itemIds };
  } finally {
    facilitator.close();
    for (const writer of writers) writer.close();
  }
}

interface DotCommand {
  readonly tab: string;
  readonly kind: 'place' | 'remove';
  readonly itemId: string;
  result: CommandResult | null;
}

/**
 * Two tabs of one person (the same participant secret) on different nodes (each through a balancer
 * that prefers its own node), placing and removing dots at random, four clicks a second each. The
 * budget must hold across nodes and across a kill of the board's owner: in PostgreSQL at every poll,
 * in every private slice either tab receives, and in the end the stored dots equal the acknowledged
 * places minus the acknowledged removes.
 */
export class VotingTabs {
  readonly tabs: { key: string; connection: BoardConnection }[];
  readonly commands: DotCommand[] = [];
  /** Largest total of the person's dots seen in PostgreSQL, and on one item. */
  maxStoredTotal = 0;
  maxStoredPerItem = 0;
  private timers: NodeJS.Timeout[] = [];
  private poller: NodeJS.Timeout | null = null;
  private db: pg.Client | null = null;

  constructor(
    private readonly log: ClientLog,
    private readonly vote: VoteBoard,
    balancers: readonly Balancer[],
  ) {
    const secret = randomToken(16);
    this.tabs = balancers.map((balancer, i) => {
      const key = `vote/tab${i}`;
      log.keepPrivateOf.add(key);
      const connection = new BoardConnection({
        serverUrl: balancer.wsUrl,
        boardId: vote.boardId,
        participantSecret: secret,
        joinToken: vote.joinToken,
        WebSocketPolyfill: log.socketClass(vote.boardId, key, balancer),
      });
      return { key, connection };
    });
  }

  async start(databaseUrl: string, schema: string): Promise<void> {
    await waitFor(() => this.tabs.every((t) => t.connection.status === 'online'), 15_000, 'vote tabs to connect');
    this.db = new pg.Client({ connectionString: databaseUrl });
    this.db.on('error', () => {});
    await this.db.connect();
    const participantId = this.log.participantIds.get(this.tabs[0]?.key ?? '');
    this.poller = setInterval(() => void this.pollStored(schema, participantId ?? ''), 200);
    for (const tab of this.tabs) {
      this.timers.push(
        setInterval(() => {
          const itemId = this.vote.itemIds[Math.floor(Math.random() * this.vote.itemIds.length)] as string;
          const kind = Math.random() < 0.7 ? 'place' : 'remove';
          const command: DotCommand = { tab: tab.key, kind, itemId, result: null };
          this.commands.push(command);
          void tab.connection
            .send({ type: kind === 'place' ? 'placeDot' : 'removeDot', roundId: this.vote.roundId, itemId })
            .then((result) => {
              command.result = result;
            });
        }, CLICK_EVERY_MS),
      );
    }
  }

  private async pollStored(schema: string, participantId: string): Promise<void> {
    try {
      const { rows } = await (this.db as pg.Client).query<{ count: number }>(
        `SELECT count FROM ${schema}.ballots WHERE board_id = $1 AND round_id = $2 AND participant_id = $3`,
        [this.vote.boardId, this.vote.roundId, participantId],
      );
      const total = rows.reduce((sum, r) => sum + r.count, 0);
      this.maxStoredTotal = Math.max(this.maxStoredTotal, total);
      this.maxStoredPerItem = Math.max(this.maxStoredPerItem, ...rows.map((r) => r.count));
    } catch {
      // PostgreSQL restarting: the next poll reads again.
    }
  }

  /** Stops clicking and waits until every click was answered. */
  async stop(timeoutMs: number): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await waitFor(() => this.commands.every((c) => c.result !== null), timeoutMs, 'every dot command to be answered');
    if (this.poller) clearInterval(this.poller);
    await this.db?.end().catch(() => {});
    this.db = null;
  }

  /** The largest total of dots, and on one item, that any private slice showed either tab. */
  slicePeaks(): { total: number; perItem: number } {
    let total = 0;
    let perItem = 0;
    for (const message of this.log.privateJson) {
      if (!message.socketKey.startsWith('vote/tab')) continue;
      const body = JSON.parse(message.json) as { type?: string; dots?: Record<string, Record<string, number>> };
      const dots = body.type === 'slice' ? (body.dots?.[this.vote.roundId] ?? {}) : {};
      total = Math.max(
        total,
        Object.values(dots).reduce((a, b) => a + b, 0),
      );
      perItem = Math.max(perItem, ...Object.values(dots), 0);
    }
    return { total, perItem };
  }

  /** Acknowledged places minus acknowledged removes, per item. */
  acknowledgedDots(): Map<string, number> {
    const out = new Map<string, number>();
    for (const c of this.commands) {
      if (!c.result?.ok) continue;
      out.set(c.itemId, (out.get(c.itemId) ?? 0) + (c.kind === 'place' ? 1 : -1));
    }
    return out;
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    if (this.poller) clearInterval(this.poller);
    void this.db?.end().catch(() => {});
    for (const tab of this.tabs) tab.connection.destroy();
  }
}

/** The person's dots per item as stored. */
export async function storedDots(
  databaseUrl: string,
  schema: string,
  vote: VoteBoard,
  participantId: string,
): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ item_id: string; count: number }>(
      `SELECT item_id, count FROM ${schema}.ballots WHERE board_id = $1 AND round_id = $2 AND participant_id = $3`,
      [vote.boardId, vote.roundId, participantId],
    );
    return new Map(rows.map((r) => [r.item_id, r.count]));
  } finally {
    await client.end();
  }
}
