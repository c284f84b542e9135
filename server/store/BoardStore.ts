import type { PrivateChange } from '../../shared/domain/changes';
import type { CommandResult } from '../../shared/protocol';
import type { Draft } from '../../shared/records/Draft';
import type { MarkKind } from '../../shared/records/Mark';
import type { ResponseKind } from '../../shared/records/Proposal';

/** Applied-command records older than this are pruned at compaction: replays come within minutes, not weeks. */
export const APPLIED_COMMAND_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** A board's row: what the server keeps outside the document. */
export interface BoardRow {
  readonly id: string;
  readonly joinCode: string;
  /** SHA-256 of the facilitator key; the key itself is never stored. */
  readonly facilitatorKeyHash: Buffer;
  /** SHA-256 of the read-only link's key (boards created before read-only links have none). */
  readonly readerKeyHash: Buffer | null;
  readonly createdAt: number;
}

/** Everything needed to open a board's room, as stored. */
export interface StoredBoard {
  readonly row: BoardRow;
  /** The compacted document state, or null before the first compaction. */
  readonly snapshot: Uint8Array | null;
  /** Yjs updates after the snapshot, in commit order. */
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last stored update (0 when none). */
  readonly lastSeq: number;
  readonly drafts: readonly Draft[];
  readonly posted: readonly { participantId: string; promptId: string; count: number }[];
  /** Dots of open rounds (closed rounds have none left). */
  readonly ballots: readonly { roundId: string; participantId: string; itemId: string; count: number }[];
  /** Responses to open proposals (closed ones have none left). */
  readonly responses: readonly { proposalId: string; participantId: string; response: ResponseKind; reason: string | null }[];
  /** Marks (done, reactions): one row per person, target and kind; closed rounds have none left. */
  readonly marks: readonly { targetId: string; participantId: string; kind: MarkKind }[];
}

/** One command whose result must be remembered so that a replay gets the same answer. */
export interface AppliedCommand {
  /** Who sent it: the participant id, or `facilitator` for facilitators who do not take part. */
  readonly actorKey: string;
  readonly result: CommandResult;
}

/** Everything one group commit writes, in one transaction. */
export interface CommitBatch {
  /** The merged Yjs update of the batch, or null when the document did not change. */
  readonly update: Uint8Array | null;
  /** Its sequence number (ignored when `update` is null). */
  readonly seq: number;
  readonly privateChanges: readonly PrivateChange[];
  readonly applied: readonly AppliedCommand[];
  readonly now: number;
}

/**
 * Durable storage of boards. Async so that a network database can implement it; the embedded
 * default is SqliteStore. Every method that writes does so in one transaction: either all of it
 * is durable when the promise resolves, or none of it is and the promise rejects.
 */
export interface BoardStore {
  createBoard(row: BoardRow, initialUpdate: Uint8Array): Promise<void>;
  findBoardIdByJoinCode(joinCode: string): Promise<string | null>;
  /** The board's row alone (keys, join code), without reading its document: for checks before a room opens. */
  findBoardRow(boardId: string): Promise<BoardRow | null>;
  /** The board as stored, or null when there is none. Rejects with {@link StoredRowError} on a row that fails validation. */
  loadBoard(boardId: string): Promise<StoredBoard | null>;
  /** The participant with this secret hash, or null. */
  findParticipant(boardId: string, secretHash: Buffer): Promise<string | null>;
  /** How many participants (seats) the board has; a removed seat no longer counts. */
  countParticipants(boardId: string): Promise<number>;
  /**
   * Every participant of the board: secret hash (hex) → participant id; a removed seat is not among
   * them. A room reads them when it opens, so that people coming back (all at once, after a node
   * handed the board over) are recognised without a query each.
   */
  participantsOf(boardId: string): Promise<Map<string, string>>;
  /** Registers a participant unless the board already has `maxParticipants`; false when full. */
  addParticipant(
    boardId: string,
    participantId: string,
    secretHash: Buffer,
    maxParticipants: number,
    now: number,
  ): Promise<boolean>;
  /** Stored results of commands already applied, keyed `${actorKey}\n${commandId}`. */
  findAppliedResults(
    boardId: string,
    keys: readonly { actorKey: string; commandId: string }[],
  ): Promise<Map<string, CommandResult>>;
  /**
   * Writes a batch in one transaction. Rejects with {@link FencedError} when this process no longer
   * owns the board (PostgresStore in a cluster): then nothing of the batch is written.
   */
  commit(boardId: string, batch: CommitBatch): Promise<void>;
  /**
   * Stores `snapshot` (the whole document through update `throughSeq`) and deletes the updates it
   * covers, in one transaction. Only forward: a snapshot older than (or as old as) the stored one
   * changes nothing, and no update after `throughSeq` is ever deleted. Rejects with
   * {@link FencedError} like `commit`.
   */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  close(): Promise<void>;
}

/** The key of {@link BoardStore.findAppliedResults}' map. */
export function appliedKey(actorKey: string, commandId: string): string {
  return `${actorKey}\n${commandId}`;
}

/**
 * A commit or compaction refused because this process no longer owns the board: another node
 * claimed it (its epoch changed) or this node's lease was lost. Nothing was written; the room must
 * close without acknowledging anything, so that its clients reconnect to the new owner.
 */
export class FencedError extends Error {
  override readonly name = 'FencedError';
  constructor(
    readonly boardId: string,
    reason: string,
  ) {
    super(`Board ${boardId} is no longer owned by this node: ${reason}`);
  }
}

/**
 * A stored row that fails validation (an unknown response, a tag, a count out of range …): the
 * board is not opened rather than opened with a guess. The message names the table and field,
 * never the stored value (it may be a person's text).
 */
export class StoredRowError extends Error {
  override readonly name = 'StoredRowError';
  constructor(
    readonly boardId: string,
    readonly table: string,
    readonly problem: string,
  ) {
    super(`Board ${boardId}: a row of ${table} is not valid (${problem})`);
  }
}
