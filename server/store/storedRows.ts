import { draftRecord } from '../../shared/records/Draft';
import { MARK_KINDS } from '../../shared/records/Mark';
import { RESPONSES, reasonText } from '../../shared/records/Proposal';
import { type Invalid, id, integer, isInvalid, nullable, object, oneOf, string, type Validator } from '../../shared/validate';
import { type BoardRow, type StoredBoard, StoredRowError } from './BoardStore';

/**
 * Validation of what a store reads back, shared by every store: a row that a bug, a manual edit
 * or a newer release left in a shape this release does not know is refused (StoredRowError), never
 * guessed at. Each store maps its columns to these field names and hands the rows over as read.
 */

/** SHA-256 digests are 32 bytes. */
const KEY_HASH_BYTES = 32;

const keyHash: Validator<Buffer> = (value, path = '') =>
  Buffer.isBuffer(value) && value.length === KEY_HASH_BYTES
    ? value
    : { invalid: true, path, message: `must be ${KEY_HASH_BYTES} bytes` };

const count = integer(1, Number.MAX_SAFE_INTEGER);

const boardRow = object({
  id,
  joinCode: string({ minChars: 1, maxChars: 64 }),
  facilitatorKeyHash: keyHash,
  readerKeyHash: nullable(keyHash),
  createdAt: integer(0, Number.MAX_SAFE_INTEGER),
});
const postedRow = object({ participantId: id, promptId: id, count });
const ballotRow = object({ roundId: id, participantId: id, itemId: id, count });
const markRow = object({ targetId: id, participantId: id, kind: oneOf(MARK_KINDS) });
const responseRow = object({ proposalId: id, participantId: id, response: oneOf(RESPONSES), reason: nullable(reasonText) });

/** A board's rows as a store read them, before validation. */
export interface UncheckedBoard {
  readonly row: Record<string, unknown>;
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  readonly lastSeq: number;
  readonly drafts: readonly Record<string, unknown>[];
  readonly posted: readonly Record<string, unknown>[];
  readonly ballots: readonly Record<string, unknown>[];
  readonly responses: readonly Record<string, unknown>[];
  readonly marks: readonly Record<string, unknown>[];
}

function check<T>(boardId: string, table: string, validator: Validator<T>, value: unknown): T {
  const result = validator(value);
  if (isInvalid(result)) throw new StoredRowError(boardId, table, describe(result));
  return result;
}

function describe(invalid: Invalid): string {
  return `${invalid.path} ${invalid.message}`;
}

/** Validates a board's row as read; throws StoredRowError when it is bad or another board's. */
export function checkBoardRow(boardId: string, unchecked: Record<string, unknown>): BoardRow {
  const row: BoardRow = check(boardId, 'boards', boardRow, unchecked);
  if (row.id !== boardId) throw new StoredRowError(boardId, 'boards', 'id is not the requested board');
  return row;
}

/** Validates every row of a board as read; throws StoredRowError on the first bad one. */
export function checkStoredBoard(boardId: string, board: UncheckedBoard): StoredBoard {
  const row = checkBoardRow(boardId, board.row);
  return {
    row,
    snapshot: board.snapshot,
    updates: board.updates,
    lastSeq: board.lastSeq,
    drafts: board.drafts.map((d) => check(boardId, 'drafts', draftRecord, d)),
    posted: board.posted.map((p) => check(boardId, 'posted_counts', postedRow, p)),
    ballots: board.ballots.map((b) => check(boardId, 'ballots', ballotRow, b)),
    responses: board.responses.map((r) => check(boardId, 'responses', responseRow, r)),
    marks: board.marks.map((m) => check(boardId, 'marks', markRow, m)),
  };
}
