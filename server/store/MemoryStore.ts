import { assertNever } from '../../shared/assertNever';
import type { PrivateChange } from '../../shared/domain/changes';
import type { CommandResult } from '../../shared/protocol';
import type { Draft } from '../../shared/records/Draft';
import type { MarkKind } from '../../shared/records/Mark';
import type { ResponseKind } from '../../shared/records/Proposal';
import { appliedKey, type BoardRow, type BoardStore, type CommitBatch, type StoredBoard } from './BoardStore';
import { checkBoardRow, checkStoredBoard } from './storedRows';

interface MemoryBoard {
  row: BoardRow;
  snapshot: { seq: number; data: Uint8Array } | null;
  updates: { seq: number; data: Uint8Array }[];
  participants: Map<string, string>;
  drafts: Map<string, Draft>;
  posted: Map<string, { participantId: string; promptId: string; count: number }>;
  ballots: Map<string, { roundId: string; participantId: string; itemId: string; count: number }>;
  responses: Map<string, { proposalId: string; participantId: string; response: ResponseKind; reason: string | null }>;
  marks: Map<string, { targetId: string; participantId: string; kind: MarkKind }>;
  applied: Map<string, CommandResult>;
}

/**
 * A BoardStore in memory: the same contract as SqliteStore without durability. Used by the
 * in-memory sync harness (tests/sync) and anywhere a test needs a store without a disk. A commit
 * is validated before anything is written, so a failing commit leaves nothing behind.
 */
export class MemoryStore implements BoardStore {
  private readonly boards = new Map<string, MemoryBoard>();

  private board(boardId: string): MemoryBoard {
    const board = this.boards.get(boardId);
    if (!board) throw new Error(`No board ${boardId}`);
    return board;
  }

  async createBoard(row: BoardRow, initialUpdate: Uint8Array): Promise<void> {
    if (this.boards.has(row.id) || [...this.boards.values()].some((b) => b.row.joinCode === row.joinCode)) {
      throw new Error('UNIQUE constraint failed');
    }
    this.boards.set(row.id, {
      row,
      snapshot: null,
      updates: [{ seq: 1, data: initialUpdate }],
      participants: new Map(),
      drafts: new Map(),
      posted: new Map(),
      ballots: new Map(),
      responses: new Map(),
      marks: new Map(),
      applied: new Map(),
    });
  }

  async findBoardIdByJoinCode(joinCode: string): Promise<string | null> {
    return [...this.boards.values()].find((b) => b.row.joinCode === joinCode)?.row.id ?? null;
  }

  async findBoardRow(boardId: string): Promise<BoardRow | null> {
    const board = this.boards.get(boardId);
    return board ? checkBoardRow(boardId, { ...board.row }) : null;
  }

  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    const board = this.boards.get(boardId);
    if (!board) return null;
    // The same validation as the durable stores, so that the contract tests hold for all of them.
    return checkStoredBoard(boardId, {
      row: { ...board.row },
      snapshot: board.snapshot?.data ?? null,
      updates: board.updates.map((u) => u.data),
      lastSeq: board.updates.at(-1)?.seq ?? board.snapshot?.seq ?? 0,
      drafts: [...board.drafts.values()],
      posted: [...board.posted.values()],
      ballots: [...board.ballots.values()],
      responses: [...board.responses.values()],
      marks: [...board.marks.values()],
    });
  }

  async findParticipant(boardId: string, secretHash: Buffer): Promise<string | null> {
    return this.board(boardId).participants.get(secretHash.toString('hex')) ?? null;
  }

  async participantsOf(boardId: string): Promise<Map<string, string>> {
    return new Map(this.boards.get(boardId)?.participants ?? []);
  }

  async countParticipants(boardId: string): Promise<number> {
    return this.boards.get(boardId)?.participants.size ?? 0;
  }

  async addParticipant(boardId: string, participantId: string, secretHash: Buffer, maxParticipants: number): Promise<boolean> {
    const board = this.board(boardId);
    if (board.participants.size >= maxParticipants) return false;
    board.participants.set(secretHash.toString('hex'), participantId);
    return true;
  }

  async findAppliedResults(
    boardId: string,
    keys: readonly { actorKey: string; commandId: string }[],
  ): Promise<Map<string, CommandResult>> {
    const board = this.board(boardId);
    const found = new Map<string, CommandResult>();
    for (const { actorKey, commandId } of keys) {
      const result = board.applied.get(appliedKey(actorKey, commandId));
      if (result) found.set(appliedKey(actorKey, commandId), result);
    }
    return found;
  }

  async commit(boardId: string, batch: CommitBatch): Promise<void> {
    const board = this.board(boardId);
    if (batch.update !== null && board.updates.some((u) => u.seq === batch.seq)) throw new Error('UNIQUE constraint failed: seq');
    if (batch.update !== null) board.updates.push({ seq: batch.seq, data: batch.update });
    for (const change of batch.privateChanges) applyPrivateRow(board, change);
    for (const applied of batch.applied) {
      const key = appliedKey(applied.actorKey, applied.result.id);
      if (!board.applied.has(key)) board.applied.set(key, applied.result);
    }
  }

  async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const board = this.board(boardId);
    if (board.snapshot === null || throughSeq > board.snapshot.seq) board.snapshot = { seq: throughSeq, data: snapshot };
    board.updates = board.updates.filter((u) => u.seq > throughSeq);
  }

  async close(): Promise<void> {}
}

function applyPrivateRow(board: MemoryBoard, change: PrivateChange): void {
  switch (change.type) {
    case 'putDraft':
      board.drafts.set(change.draft.id, change.draft);
      break;
    case 'deleteDraft':
      board.drafts.delete(change.draftId);
      break;
    case 'revealDrafts':
      for (const id of change.draftIds) board.drafts.delete(id);
      break;
    case 'countPosted': {
      const key = `${change.participantId}/${change.promptId}`;
      const count = (board.posted.get(key)?.count ?? 0) + change.delta;
      if (count > 0) board.posted.set(key, { participantId: change.participantId, promptId: change.promptId, count });
      else board.posted.delete(key);
      break;
    }
    case 'setBallot': {
      const key = `${change.roundId}/${change.participantId}/${change.itemId}`;
      if (change.count > 0)
        board.ballots.set(key, {
          roundId: change.roundId,
          participantId: change.participantId,
          itemId: change.itemId,
          count: change.count,
        });
      else board.ballots.delete(key);
      break;
    }
    case 'clearBallots':
      for (const [key, ballot] of board.ballots) if (ballot.roundId === change.roundId) board.ballots.delete(key);
      break;
    case 'setResponse':
      board.responses.set(`${change.proposalId}/${change.participantId}`, {
        proposalId: change.proposalId,
        participantId: change.participantId,
        response: change.response,
        reason: change.reason,
      });
      break;
    case 'clearResponses':
      for (const [key, answer] of board.responses) if (answer.proposalId === change.proposalId) board.responses.delete(key);
      break;
    case 'removeSeat':
      for (const [key, ballot] of board.ballots) if (ballot.participantId === change.participantId) board.ballots.delete(key);
      for (const [key, answer] of board.responses) if (answer.participantId === change.participantId) board.responses.delete(key);
      for (const [key, mark] of board.marks) if (mark.participantId === change.participantId) board.marks.delete(key);
      for (const [hash, id] of board.participants) if (id === change.participantId) board.participants.delete(hash);
      break;
    case 'setMark': {
      const key = `${change.targetId}/${change.participantId}/${change.kind}`;
      if (change.isOn)
        board.marks.set(key, { targetId: change.targetId, participantId: change.participantId, kind: change.kind });
      else board.marks.delete(key);
      break;
    }
    case 'clearMarks':
      for (const [key, mark] of board.marks) if (mark.targetId === change.targetId) board.marks.delete(key);
      break;
    default:
      assertNever(change, 'private change');
  }
}
