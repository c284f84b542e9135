import type Database from 'better-sqlite3';
import { assertNever } from '../../shared/assertNever';
import type { CommandResult } from '../../shared/protocol';
import {
  APPLIED_COMMAND_RETENTION_MS,
  appliedKey,
  type BoardRow,
  type BoardStore,
  type CommitBatch,
  type StoredBoard,
} from './BoardStore';
import { boardColumns, openSqlite, prepareStatements, type SqliteStatements } from './sqliteSchema';
import { checkBoardRow, checkStoredBoard } from './storedRows';

/**
 * The embedded default store: one SQLite file through better-sqlite3, WAL mode with
 * synchronous=FULL so that a committed transaction survives a power cut, not only a crash.
 */
export class SqliteStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  /** Commits waiting for the next group commit (see `commit`). */
  private waiting: { boardId: string; batch: CommitBatch; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(dataDir: string) {
    this.db = openSqlite(dataDir);
    this.statements = prepareStatements(this.db);
  }

  async createBoard(row: BoardRow, initialUpdate: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertBoard.run(row.id, row.joinCode, row.facilitatorKeyHash, row.readerKeyHash, row.createdAt);
      this.statements.insertUpdate.run(row.id, 1, initialUpdate);
    })();
  }

  async findBoardIdByJoinCode(joinCode: string): Promise<string | null> {
    return this.statements.boardByCode.get(joinCode)?.id ?? null;
  }

  async findBoardRow(boardId: string): Promise<BoardRow | null> {
    const board = this.statements.board.get(boardId);
    return board ? checkBoardRow(boardId, boardColumns(board)) : null;
  }

  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    const s = this.statements;
    const board = this.db.transaction(() => {
      const board = s.board.get(boardId);
      if (!board) return null;
      const snapshot = s.snapshot.get(boardId);
      const updates = s.updates.all(boardId, snapshot?.seq ?? 0);
      return {
        row: boardColumns(board),
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: updates.map((u) => new Uint8Array(u.data)),
        lastSeq: updates.at(-1)?.seq ?? snapshot?.seq ?? 0,
        drafts: s.drafts.all(boardId).map((d) => ({
          id: d.id,
          promptId: d.prompt_id,
          authorId: d.author_id,
          text: d.text,
          tag: d.tag,
          authorName: d.author_name,
        })),
        posted: s.posted.all(boardId).map((p) => ({ participantId: p.participant_id, promptId: p.prompt_id, count: p.count })),
        ballots: s.ballots
          .all(boardId)
          .map((b) => ({ roundId: b.round_id, participantId: b.participant_id, itemId: b.item_id, count: b.count })),
        responses: s.responses.all(boardId).map((r) => ({
          proposalId: r.proposal_id,
          participantId: r.participant_id,
          response: r.response,
          reason: r.reason,
        })),
        marks: s.marks.all(boardId).map((m) => ({ targetId: m.target_id, participantId: m.participant_id, kind: m.kind })),
      };
    })();
    return board && checkStoredBoard(boardId, board);
  }

  async findParticipant(boardId: string, secretHash: Buffer): Promise<string | null> {
    return this.statements.participantBySecret.get(boardId, secretHash)?.id ?? null;
  }

  async participantsOf(boardId: string): Promise<Map<string, string>> {
    return new Map(this.statements.participantsOf.all(boardId).map((row) => [row.secret_hash.toString('hex'), row.id]));
  }

  async countParticipants(boardId: string): Promise<number> {
    return this.statements.participantCount.get(boardId)?.n ?? 0;
  }

  async addParticipant(
    boardId: string,
    participantId: string,
    secretHash: Buffer,
    maxParticipants: number,
    now: number,
  ): Promise<boolean> {
    // IMMEDIATE: the write lock is taken before the count, so that another process on the same
    // file cannot count the same number and both pass the cap.
    return this.db
      .transaction(() => {
        const count = this.statements.participantCount.get(boardId)?.n ?? 0;
        if (count >= maxParticipants) return false;
        this.statements.insertParticipant.run(boardId, participantId, secretHash, now);
        return true;
      })
      .immediate();
  }

  async findAppliedResults(
    boardId: string,
    keys: readonly { actorKey: string; commandId: string }[],
  ): Promise<Map<string, CommandResult>> {
    const found = new Map<string, CommandResult>();
    for (const { actorKey, commandId } of keys) {
      const row = this.statements.applied.get(boardId, actorKey, commandId);
      if (row) found.set(appliedKey(actorKey, commandId), JSON.parse(row.result) as CommandResult);
    }
    return found;
  }

  /**
   * Group commit across rooms: batches handed over in the same turn of the event loop (rooms that
   * flush together, as after a slow fsync) are written in one transaction with one fsync, and each
   * promise resolves only once that transaction is durable.
   */
  commit(boardId: string, batch: CommitBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ boardId, batch, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.commitWaiting());
    });
  }

  private commitWaiting(): void {
    const group = this.waiting.splice(0);
    if (group.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const { boardId, batch } of group) this.writeBatch(boardId, batch);
      })();
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // One batch that cannot be written must not fail the other rooms': write them one by one.
      for (const { boardId, batch, resolve, reject } of group) {
        try {
          this.db.transaction(() => this.writeBatch(boardId, batch))();
          resolve();
        } catch (single) {
          reject(single);
        }
      }
      return;
    }
    for (const { resolve } of group) resolve();
  }

  private writeBatch(boardId: string, batch: CommitBatch): void {
    const s = this.statements;
    if (batch.update !== null) s.insertUpdate.run(boardId, batch.seq, batch.update);
    let touchedPosted = false;
    for (const change of batch.privateChanges) {
      switch (change.type) {
        case 'putDraft': {
          const d = change.draft;
          s.upsertDraft.run(boardId, d.id, d.promptId, d.authorId, d.text, d.tag, d.authorName);
          break;
        }
        case 'deleteDraft':
          s.deleteDraft.run(boardId, change.draftId);
          break;
        case 'revealDrafts':
          for (const draftId of change.draftIds) s.deleteDraft.run(boardId, draftId);
          break;
        case 'countPosted':
          s.addPosted.run(boardId, change.participantId, change.promptId, change.delta);
          touchedPosted = true;
          break;
        case 'setBallot':
          if (change.count > 0) s.upsertBallot.run(boardId, change.roundId, change.participantId, change.itemId, change.count);
          else s.deleteBallot.run(boardId, change.roundId, change.participantId, change.itemId);
          break;
        case 'clearBallots':
          s.clearBallots.run(boardId, change.roundId);
          break;
        case 'setResponse':
          s.upsertResponse.run(boardId, change.proposalId, change.participantId, change.response, change.reason);
          break;
        case 'clearResponses':
          s.clearResponses.run(boardId, change.proposalId);
          break;
        case 'removeSeat':
          s.deleteBallotsOf.run(boardId, change.participantId);
          s.deleteResponsesOf.run(boardId, change.participantId);
          s.deleteMarksOf.run(boardId, change.participantId);
          s.deleteParticipant.run(boardId, change.participantId);
          break;
        case 'setMark':
          if (change.isOn) s.insertMark.run(boardId, change.targetId, change.participantId, change.kind);
          else s.deleteMark.run(boardId, change.targetId, change.participantId, change.kind);
          break;
        case 'clearMarks':
          s.clearMarks.run(boardId, change.targetId);
          break;
        default:
          assertNever(change, 'private change');
      }
    }
    if (touchedPosted) s.prunePosted.run(boardId);
    for (const applied of batch.applied) {
      s.insertApplied.run(boardId, applied.actorKey, applied.result.id, JSON.stringify(applied.result), batch.now);
    }
  }

  async compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, throughSeq, snapshot);
      this.statements.deleteUpdatesThrough.run(boardId, throughSeq);
      this.statements.pruneApplied.run(boardId, Date.now() - APPLIED_COMMAND_RETENTION_MS);
    })();
  }

  async close(): Promise<void> {
    this.commitWaiting();
    this.db.close();
  }
}
