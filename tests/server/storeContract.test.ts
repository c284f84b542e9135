import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe } from 'vitest';
import { MemoryStore } from '../../server/store/MemoryStore';
import { PostgresStore } from '../../server/store/PostgresStore';
import { SqliteStore } from '../../server/store/SqliteStore';
import { type BadRowKind, describeStoreContract } from './storeContract';
import { createTestSchema, findTestDatabase, type TestSchema } from './testDatabase';

/** The same bad rows in SQL (SQLite and PostgreSQL accept the same statements here). */
function badRowSql(boardId: string, kind: BadRowKind): string {
  switch (kind) {
    case 'unknownResponse':
      return `INSERT INTO responses (board_id, proposal_id, participant_id, response, reason) VALUES ('${boardId}', 'x1', 'alice', 'maybe', NULL)`;
    case 'unknownTag':
      return `INSERT INTO drafts (board_id, id, prompt_id, author_id, text, tag, author_name) VALUES ('${boardId}', 'd1', 'p1', 'alice', 'hi', 'urgent', NULL)`;
    case 'zeroBallot':
      return `INSERT INTO ballots (board_id, round_id, participant_id, item_id, count) VALUES ('${boardId}', 'r1', 'alice', 'i1', 0)`;
    case 'unknownMark':
      return `INSERT INTO marks (board_id, target_id, participant_id, kind) VALUES ('${boardId}', 'n1', 'alice', 'maybe')`;
    case 'shortKeyHash':
      return `UPDATE boards SET facilitator_key_hash = substr(facilitator_key_hash, 1, 2) WHERE id = '${boardId}'`;
  }
}

describeStoreContract('MemoryStore', {
  async open() {
    const store = new MemoryStore();
    return {
      store,
      peer: async () => store,
      reopen: null,
      async plantBadRow(boardId, kind) {
        const board = (
          store as unknown as { boards: Map<string, Record<string, Map<string, unknown>> & { row: object }> }
        ).boards.get(boardId)!;
        if (kind === 'unknownResponse')
          board.responses!.set('x', { proposalId: 'x1', participantId: 'alice', response: 'maybe', reason: null });
        if (kind === 'unknownTag')
          board.drafts!.set('d1', { id: 'd1', promptId: 'p1', authorId: 'alice', text: 'hi', tag: 'urgent', authorName: null });
        if (kind === 'zeroBallot') board.ballots!.set('x', { roundId: 'r1', participantId: 'alice', itemId: 'i1', count: 0 });
        if (kind === 'unknownMark') board.marks!.set('x', { targetId: 'n1', participantId: 'alice', kind: 'maybe' });
        if (kind === 'shortKeyHash') board.row = { ...board.row, facilitatorKeyHash: Buffer.of(1, 2) };
      },
      dispose: () => store.close(),
    };
  },
});

describeStoreContract('SqliteStore', {
  async open() {
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-contract-'));
    const store = new SqliteStore(dir);
    const others: SqliteStore[] = [];
    return {
      store,
      async peer() {
        const other = new SqliteStore(dir);
        others.push(other);
        return other;
      },
      reopen: async () => new SqliteStore(dir),
      async plantBadRow(boardId, kind) {
        const db = new Database(path.join(dir, 'accord.sqlite'));
        db.exec(badRowSql(boardId, kind));
        db.close();
      },
      async dispose() {
        for (const s of [store, ...others]) await s.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

const databaseUrl = await findTestDatabase();
describe.skipIf(databaseUrl === null)('PostgreSQL', () => {
  let schema: TestSchema | null = null;
  const testSchema = async () => {
    schema ??= await createTestSchema(databaseUrl!);
    return schema;
  };
  afterAll(async () => {
    await schema?.drop();
  });
  const openStore = async () => PostgresStore.open({ connectionString: databaseUrl!, schema: (await testSchema()).schema });

  describeStoreContract('PostgresStore', {
    async open() {
      const store = await openStore();
      const stores = [store];
      return {
        store,
        async peer() {
          const other = await openStore();
          stores.push(other);
          return other;
        },
        reopen: async () => {
          const next = await openStore();
          stores.push(next);
          return next;
        },
        async plantBadRow(boardId, kind) {
          await (await testSchema()).query(badRowSql(boardId, kind));
        },
        async dispose() {
          // Some are closed by the test already; closing twice only rejects.
          for (const s of stores) await s.close().catch(() => {});
        },
      };
    },
  });
});
