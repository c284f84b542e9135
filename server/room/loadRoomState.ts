import * as Y from 'yjs';
import { readBoard } from '../../shared/boardDoc';
import { BallotBox } from '../../shared/domain/BallotBox';
import { type BoardState, ballotKey, type DomainState, markKey, postedKey, responseKey } from '../../shared/domain/state';
import { migrateBoardDoc } from '../../shared/migrations';
import { log } from '../log';
import type { BoardRow, BoardStore, StoredBoard } from '../store/BoardStore';
import { SERVER_ORIGIN } from './RoomMember';

/** A board as loaded from storage: what a room starts from. */
export interface LoadedRoomState {
  readonly row: BoardRow;
  readonly doc: Y.Doc;
  readonly state: DomainState;
  /** Sequence number of the last stored update. */
  readonly lastSeq: number;
  /** Updates in the log after the snapshot (compaction counts from here). */
  readonly updatesSinceSnapshot: number;
}

/**
 * Loads a board from snapshot plus update log (never rebuilt from scratch: replicas reconnect with
 * their state vectors, and a rebuilt document would duplicate their items), runs pending document
 * migrations as one committed update, and rebuilds the domain state from the private rows.
 */
export async function loadRoomState(store: BoardStore, boardId: string): Promise<LoadedRoomState | null> {
  const stored = await store.loadBoard(boardId);
  if (!stored) return null;
  const doc = storedDoc(stored);
  let lastSeq = stored.lastSeq;
  const migrationUpdates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => migrationUpdates.push(update);
  doc.on('update', collect);
  const ran = migrateBoardDoc(doc, SERVER_ORIGIN);
  doc.off('update', collect);
  if (migrationUpdates.length > 0) {
    lastSeq += 1;
    await store.commit(boardId, {
      update: Y.mergeUpdates(migrationUpdates),
      seq: lastSeq,
      privateChanges: [],
      applied: [],
      now: Date.now(),
    });
    log('info', 'board.migrated', { boardId, migrations: ran.join(',') });
  }
  const board = readBoard(doc);
  if (!board) throw new Error(`Board ${boardId} has no valid document`);
  const state: DomainState = {
    board,
    drafts: new Map(stored.drafts.map((d) => [d.id, d])),
    posted: new Map(stored.posted.map((p) => [postedKey(p.participantId, p.promptId), p.count])),
    ballots: BallotBox.copyOf(new Map(stored.ballots.map((b) => [ballotKey(b.roundId, b.participantId, b.itemId), b.count]))),
    responses: new Map(
      stored.responses.map((r) => [responseKey(r.proposalId, r.participantId), { response: r.response, reason: r.reason }]),
    ),
    marks: new Set(stored.marks.map((m) => markKey(m.targetId, m.participantId, m.kind))),
  };
  return { row: stored.row, doc, state, lastSeq, updatesSinceSnapshot: stored.updates.length };
}

function storedDoc(stored: StoredBoard): Y.Doc {
  // The board's id as the document's guid (used only for subdocuments): Yjs's default, a random
  // UUID, asks the platform for randomness once per character (~1.5 ms a board on a busy VM).
  const doc = new Y.Doc({ guid: stored.row.id });
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, SERVER_ORIGIN);
  for (const update of stored.updates) Y.applyUpdate(doc, update, SERVER_ORIGIN);
  return doc;
}

/**
 * A board's row and public state as stored, for a download: migrated in memory only (nothing is
 * written, so it works on a board another node owns); null when there is no such board.
 */
export async function readStoredBoard(store: BoardStore, boardId: string): Promise<{ row: BoardRow; board: BoardState } | null> {
  const stored = await store.loadBoard(boardId);
  if (!stored) return null;
  const doc = storedDoc(stored);
  try {
    migrateBoardDoc(doc, SERVER_ORIGIN);
    const board = readBoard(doc);
    if (!board) throw new Error(`Board ${boardId} has no valid document`);
    return { row: stored.row, board };
  } finally {
    doc.destroy();
  }
}
