import pg from 'pg';
import * as Y from 'yjs';
import { readBoard } from '../../../shared/boardDoc';
import type { BoardState } from '../../../shared/domain/state';
import type { LoadCommand } from './load';

/** What the database says about the load's acknowledged commands. Every list must be empty. */
export interface DbFindings {
  /** Acknowledged posts whose draft is missing although no delete of it was acknowledged or is still waiting. */
  readonly lost: string[];
  /** Acknowledged deletes whose draft is still there. */
  readonly undeleted: string[];
  /** Drafts whose text, prompt or author differ from the acknowledged post, or that no post (acknowledged or still waiting) made. */
  readonly wrongRows: string[];
  /** posted_counts, or the document's per-prompt counters, that differ from the drafts actually stored (a command applied twice, or half). */
  readonly countMismatches: string[];
  /** Commands acknowledged with ok but with no applied_commands row. */
  readonly unrecorded: string[];
  /** Refusals of load commands, by error code (none is expected: every command is valid). */
  readonly refusals: Record<string, number>;
  readonly unanswered: number;
  /** Totals, for the printout. */
  readonly acknowledged: number;
  readonly draftsStored: number;
}

/** Reads a board's document as stored: snapshot plus update log. */
export async function storedBoard(client: pg.Client, schema: string, boardId: string): Promise<BoardState | null> {
  const doc = new Y.Doc();
  const snapshot = await client.query<{ seq: number; data: Buffer }>(
    `SELECT seq, data FROM ${schema}.doc_snapshots WHERE board_id = $1`,
    [boardId],
  );
  if (snapshot.rows[0]) Y.applyUpdate(doc, new Uint8Array(snapshot.rows[0].data));
  const updates = await client.query<{ data: Buffer }>(
    `SELECT data FROM ${schema}.doc_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq`,
    [boardId, snapshot.rows[0]?.seq ?? 0],
  );
  for (const row of updates.rows) Y.applyUpdate(doc, new Uint8Array(row.data));
  const board = readBoard(doc);
  doc.destroy();
  return board;
}

/**
 * Compares every acknowledged load command with PostgreSQL: acknowledged posts are stored once with
 * their text and author unless an acknowledged delete removed them; the per-person counters and the
 * document's per-prompt counters equal the drafts stored (a command applied twice would count twice);
 * every acknowledged command has its applied_commands record (what makes a replay answer, not apply).
 */
export async function checkLoadInDatabase(
  url: string,
  schema: string,
  commands: Iterable<LoadCommand>,
  participantIds: ReadonlyMap<string, string>,
): Promise<DbFindings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const list = [...commands];
    const boards = [...new Set(list.map((c) => c.boardId))];
    const drafts = await client.query<{ board_id: string; id: string; prompt_id: string; author_id: string; text: string }>(
      `SELECT board_id, id, prompt_id, author_id, text FROM ${schema}.drafts WHERE board_id = ANY($1)`,
      [boards],
    );
    const counts = await client.query<{ board_id: string; participant_id: string; prompt_id: string; count: number }>(
      `SELECT board_id, participant_id, prompt_id, count FROM ${schema}.posted_counts WHERE board_id = ANY($1)`,
      [boards],
    );
    const applied = await client.query<{ command_id: string }>(
      `SELECT command_id FROM ${schema}.applied_commands WHERE board_id = ANY($1)`,
      [boards],
    );
    const rows = new Map(drafts.rows.map((r) => [`${r.board_id}/${r.id}`, r]));
    const appliedIds = new Set(applied.rows.map((r) => r.command_id));
    // A command that was never answered may or may not have been applied: both outcomes are fine.
    const deletedOrMaybe = new Set(
      list.filter((c) => c.kind === 'delete' && (c.result === null || c.result.ok)).map((c) => `${c.boardId}/${c.draftId}`),
    );
    const postedOrMaybe = new Map(
      list.filter((c) => c.kind === 'post' && (c.result === null || c.result.ok)).map((c) => [`${c.boardId}/${c.draftId}`, c]),
    );
    const lost: string[] = [];
    const undeleted: string[] = [];
    const wrongRows: string[] = [];
    const unrecorded: string[] = [];
    const refusals: Record<string, number> = {};
    for (const command of list) {
      if (command.result && !command.result.ok) refusals[command.result.error] = (refusals[command.result.error] ?? 0) + 1;
      if (!command.result?.ok) continue;
      if (!appliedIds.has(command.id)) unrecorded.push(`${command.kind} ${command.id} on ${command.boardId}`);
      const key = `${command.boardId}/${command.draftId}`;
      const row = rows.get(key);
      if (command.kind === 'delete' && row) undeleted.push(key);
      if (command.kind !== 'post') continue;
      if (!row && !deletedOrMaybe.has(key)) lost.push(key);
      if (
        row &&
        (row.text !== command.text ||
          row.prompt_id !== command.promptId ||
          row.author_id !== participantIds.get(command.socketKey))
      ) {
        wrongRows.push(`${key}: stored text, prompt or author differ from the acknowledged post`);
      }
    }
    for (const [key] of rows)
      if (!postedOrMaybe.has(key)) wrongRows.push(`${key}: stored, but no post of it was acknowledged or is still waiting`);

    // Counters: posted_counts per (author, prompt) and the document's pendingCount per prompt.
    const perAuthor = new Map<string, number>();
    const perPrompt = new Map<string, number>();
    for (const row of drafts.rows) {
      const a = `${row.board_id}/${row.author_id}/${row.prompt_id}`;
      perAuthor.set(a, (perAuthor.get(a) ?? 0) + 1);
      const p = `${row.board_id}/${row.prompt_id}`;
      perPrompt.set(p, (perPrompt.get(p) ?? 0) + 1);
    }
    const countMismatches: string[] = [];
    const seen = new Set<string>();
    for (const row of counts.rows) {
      const a = `${row.board_id}/${row.participant_id}/${row.prompt_id}`;
      seen.add(a);
      if (row.count !== (perAuthor.get(a) ?? 0))
        countMismatches.push(`posted_counts ${a} = ${row.count}, drafts stored ${perAuthor.get(a) ?? 0}`);
    }
    for (const [a, n] of perAuthor) if (!seen.has(a)) countMismatches.push(`posted_counts ${a} missing, drafts stored ${n}`);
    for (const boardId of boards) {
      const board = await storedBoard(client, schema, boardId);
      if (!board) {
        countMismatches.push(`${boardId}: no document stored`);
        continue;
      }
      for (const prompt of board.prompts.values()) {
        const stored = perPrompt.get(`${boardId}/${prompt.id}`) ?? 0;
        if (prompt.pendingCount !== stored)
          countMismatches.push(`${boardId}/${prompt.id}: document pendingCount ${prompt.pendingCount}, drafts stored ${stored}`);
      }
    }
    return {
      lost,
      undeleted,
      wrongRows,
      countMismatches,
      unrecorded,
      refusals,
      unanswered: list.filter((c) => c.result === null).length,
      acknowledged: list.filter((c) => c.result?.ok).length,
      draftsStored: drafts.rows.length,
    };
  } finally {
    await client.end();
  }
}
