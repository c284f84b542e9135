import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardRow, type BoardStore, type CommitBatch, StoredRowError } from '../../server/store/BoardStore';
import type { PrivateChange } from '../../shared/domain/changes';
import { randomId } from '../../shared/random';

/** A row that no release writes, planted behind the store's back. */
export type BadRowKind = 'unknownResponse' | 'unknownTag' | 'zeroBallot' | 'shortKeyHash' | 'unknownMark';

/** One kind of store under test, with what the contract needs beyond the BoardStore interface. */
export interface StoreHarness {
  /** A store on fresh storage. */
  open(): Promise<StoreUnderTest>;
}

export interface StoreUnderTest {
  readonly store: BoardStore;
  /** A second store on the same storage, as another process would open it (MemoryStore: the same one). */
  peer(): Promise<BoardStore>;
  /** A new store on the same storage after `store` was closed; null when the store keeps nothing (MemoryStore). */
  readonly reopen: (() => Promise<BoardStore>) | null;
  plantBadRow(boardId: string, kind: BadRowKind): Promise<void>;
  dispose(): Promise<void>;
}

const BAD_ROWS: readonly { kind: BadRowKind; table: string }[] = [
  { kind: 'unknownResponse', table: 'responses' },
  { kind: 'unknownTag', table: 'drafts' },
  { kind: 'zeroBallot', table: 'ballots' },
  { kind: 'shortKeyHash', table: 'boards' },
  { kind: 'unknownMark', table: 'marks' },
];

export function boardRow(id = randomId()): BoardRow {
  return {
    id,
    joinCode: `J${id}`,
    facilitatorKeyHash: Buffer.alloc(32, 1),
    readerKeyHash: Buffer.alloc(32, 2),
    createdAt: 1_700_000_000_123,
  };
}

function batch(fields: Partial<CommitBatch>): CommitBatch {
  return { update: null, seq: 0, privateChanges: [], applied: [], now: 1, ...fields };
}

/** A document that records its updates, so that commits carry real Yjs bytes. */
function recordingDoc() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates, set: (title: string) => doc.getMap('meta').set('title', title) };
}

function replay(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Every kind of private change, keyed by its type so that a new kind fails to compile here until it is covered. */
const draft = { id: 'd1', promptId: 'p1', authorId: 'alice', text: 'mine', tag: 'need' as const, authorName: 'Alice' };
const EVERY_CHANGE: { readonly [K in PrivateChange['type']]: readonly Extract<PrivateChange, { type: K }>[] } = {
  putDraft: [
    { type: 'putDraft', draft },
    { type: 'putDraft', draft: { ...draft, id: 'd2', tag: null, authorName: null } },
  ],
  deleteDraft: [{ type: 'deleteDraft', draftId: 'd2' }],
  revealDrafts: [{ type: 'revealDrafts', draftIds: ['d3'] }],
  countPosted: [
    { type: 'countPosted', participantId: 'alice', promptId: 'p1', delta: 2 },
    { type: 'countPosted', participantId: 'bob', promptId: 'p1', delta: 1 },
  ],
  setBallot: [
    { type: 'setBallot', roundId: 'r1', participantId: 'alice', itemId: 'i1', count: 2 },
    { type: 'setBallot', roundId: 'r1', participantId: 'bob', itemId: 'i1', count: 1 },
    { type: 'setBallot', roundId: 'r2', participantId: 'alice', itemId: 'i2', count: 3 },
  ],
  clearBallots: [{ type: 'clearBallots', roundId: 'r2' }],
  setResponse: [
    { type: 'setResponse', proposalId: 'x1', participantId: 'alice', response: 'block', reason: 'We meet at 8' },
    { type: 'setResponse', proposalId: 'x1', participantId: 'bob', response: 'canLive', reason: null },
    { type: 'setResponse', proposalId: 'x2', participantId: 'bob', response: 'agree', reason: null },
  ],
  clearResponses: [{ type: 'clearResponses', proposalId: 'x2' }],
  // Nobody named carol has rows here: what a removal deletes is checked on its own below.
  removeSeat: [{ type: 'removeSeat', participantId: 'carol' }],
  setMark: [
    { type: 'setMark', targetId: 'p1', participantId: 'alice', kind: 'done', isOn: true },
    { type: 'setMark', targetId: 'n1', participantId: 'alice', kind: 'heart', isOn: true },
    { type: 'setMark', targetId: 'n1', participantId: 'bob', kind: 'heart', isOn: true },
    // Set twice is one row; taken back, none.
    { type: 'setMark', targetId: 'n1', participantId: 'bob', kind: 'plusOne', isOn: true },
    { type: 'setMark', targetId: 'n1', participantId: 'bob', kind: 'plusOne', isOn: true },
    { type: 'setMark', targetId: 'n1', participantId: 'alice', kind: 'idea', isOn: true },
    { type: 'setMark', targetId: 'n1', participantId: 'alice', kind: 'idea', isOn: false },
    { type: 'setMark', targetId: 'r2', participantId: 'bob', kind: 'done', isOn: true },
  ],
  clearMarks: [{ type: 'clearMarks', targetId: 'r2' }],
};

const byJson = <T>(rows: readonly T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The BoardStore contract: every store must pass all of it. */
export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`BoardStore contract: ${name}`, () => {
    let current: StoreUnderTest | null = null;
    const open = async () => {
      current = await harness.open();
      return current;
    };
    afterEach(async () => {
      await current?.dispose();
      current = null;
    });

    it('creates a board and loads it back; an unknown board is null; ids and join codes are unique', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(1, 2, 3));
      const loaded = await store.loadBoard(row.id);
      expect(loaded).toEqual({
        row,
        snapshot: null,
        updates: [Uint8Array.of(1, 2, 3)],
        lastSeq: 1,
        drafts: [],
        posted: [],
        ballots: [],
        responses: [],
        marks: [],
      });
      expect(await store.loadBoard('nope')).toBeNull();
      await expect(store.createBoard({ ...row, joinCode: 'OTHER' }, Uint8Array.of(0, 0))).rejects.toThrow();
      await expect(store.createBoard({ ...boardRow(), joinCode: row.joinCode }, Uint8Array.of(0, 0))).rejects.toThrow();
      const readerless = { ...boardRow(), readerKeyHash: null };
      await store.createBoard(readerless, Uint8Array.of(0, 0));
      expect((await store.loadBoard(readerless.id))?.row).toEqual(readerless);
    });

    it('finds a board by its join code', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      expect(await store.findBoardIdByJoinCode(row.joinCode)).toBe(row.id);
      expect(await store.findBoardIdByJoinCode('NOPE42')).toBeNull();
    });

    it('finds a board’s row alone by its id, as loadBoard reads it; an unknown board is null', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      expect(await store.findBoardRow(row.id)).toEqual(row);
      expect(await store.findBoardRow(row.id)).toEqual((await store.loadBoard(row.id))?.row);
      expect(await store.findBoardRow('nope')).toBeNull();
    });

    it('registers participants up to the cap and finds them by secret hash', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      expect(await store.addParticipant(row.id, 'alice', Buffer.alloc(32, 7), 2, 1)).toBe(true);
      expect(await store.addParticipant(row.id, 'bob', Buffer.alloc(32, 8), 2, 1)).toBe(true);
      expect(await store.addParticipant(row.id, 'carol', Buffer.alloc(32, 9), 2, 1)).toBe(false);
      expect(await store.findParticipant(row.id, Buffer.alloc(32, 7))).toBe('alice');
      expect(await store.findParticipant(row.id, Buffer.alloc(32, 9))).toBeNull();
      expect(await store.participantsOf(row.id)).toEqual(
        new Map([
          [Buffer.alloc(32, 7).toString('hex'), 'alice'],
          [Buffer.alloc(32, 8).toString('hex'), 'bob'],
        ]),
      );
      expect(await store.participantsOf('nope')).toEqual(new Map());
      // The cap is per board.
      const other = boardRow();
      await store.createBoard(other, Uint8Array.of(0, 0));
      expect(await store.addParticipant(other.id, 'carol', Buffer.alloc(32, 9), 2, 1)).toBe(true);
    });

    it('removes a seat with its open dots and responses in one commit: its place and its secret are free again', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      for (const [i, id] of ['alice', 'bob'].entries()) await store.addParticipant(row.id, id, Buffer.alloc(32, i + 1), 2, 1);
      expect(await store.countParticipants(row.id)).toBe(2);
      await store.commit(row.id, batch({ privateChanges: [...EVERY_CHANGE.setBallot, ...EVERY_CHANGE.setResponse] }));
      await store.commit(row.id, batch({ privateChanges: [{ type: 'removeSeat', participantId: 'alice' }] }));
      expect(await store.countParticipants(row.id)).toBe(1);
      expect(await store.participantsOf(row.id)).toEqual(new Map([[Buffer.alloc(32, 2).toString('hex'), 'bob']]));
      expect(await store.findParticipant(row.id, Buffer.alloc(32, 1))).toBeNull();
      expect(await store.findParticipant(row.id, Buffer.alloc(32, 2))).toBe('bob');
      const loaded = (await store.loadBoard(row.id))!;
      expect(loaded.ballots).toEqual([{ roundId: 'r1', participantId: 'bob', itemId: 'i1', count: 1 }]);
      expect(byJson(loaded.responses)).toEqual(
        byJson([
          { proposalId: 'x1', participantId: 'bob', response: 'canLive', reason: null },
          { proposalId: 'x2', participantId: 'bob', response: 'agree', reason: null },
        ]),
      );
      expect(await store.addParticipant(row.id, 'carol', Buffer.alloc(32, 3), 2, 1)).toBe(true);
      expect(await store.countParticipants('nope')).toBe(0);
    });

    it('removes a seat’s marks and reactions with it, and no one else’s', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      await store.commit(row.id, batch({ privateChanges: EVERY_CHANGE.setMark }));
      await store.commit(row.id, batch({ privateChanges: [{ type: 'removeSeat', participantId: 'alice' }] }));
      expect(byJson((await store.loadBoard(row.id))!.marks)).toEqual(
        byJson([
          { targetId: 'n1', participantId: 'bob', kind: 'heart' },
          { targetId: 'n1', participantId: 'bob', kind: 'plusOne' },
          { targetId: 'r2', participantId: 'bob', kind: 'done' },
        ]),
      );
    });

    it('never passes the cap when joins race, from one store or two', async () => {
      const under = await open();
      const peer = await under.peer();
      const row = boardRow();
      await under.store.createBoard(row, Uint8Array.of(0, 0));
      const cap = 7;
      const joins = Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? under.store : peer).addParticipant(row.id, `p${i}`, Buffer.alloc(32, i + 1), cap, 1),
      );
      const added = (await Promise.all(joins)).filter(Boolean).length;
      expect(added).toBe(cap);
      let found = 0;
      for (let i = 0; i < 30; i++) if ((await under.store.findParticipant(row.id, Buffer.alloc(32, i + 1))) !== null) found += 1;
      expect(found).toBe(cap);
    });

    it('commits private changes of every kind with the update, and loads them back', async () => {
      const { store } = await open();
      const row = boardRow();
      const doc = recordingDoc();
      doc.set('v1');
      await store.createBoard(row, doc.updates[0]!);
      const third = { ...draft, id: 'd3', authorId: 'bob', text: 'revealed', tag: 'nice' as const, authorName: null };
      await store.commit(row.id, batch({ privateChanges: [{ type: 'putDraft', draft: third }] }));
      doc.set('v2');
      const kinds = Object.keys(EVERY_CHANGE) as (keyof typeof EVERY_CHANGE)[];
      const changes = kinds.flatMap((kind): readonly PrivateChange[] => EVERY_CHANGE[kind]);
      await store.commit(row.id, batch({ update: doc.updates[1]!, seq: 2, privateChanges: changes }));
      await store.commit(
        row.id,
        batch({ privateChanges: [{ type: 'countPosted', participantId: 'bob', promptId: 'p1', delta: -1 }] }),
      );
      const loaded = (await store.loadBoard(row.id))!;
      expect(loaded.lastSeq).toBe(2);
      expect(replay(loaded.snapshot, loaded.updates).getMap('meta').get('title')).toBe('v2');
      expect(loaded.drafts).toEqual([draft]);
      expect(loaded.posted).toEqual([{ participantId: 'alice', promptId: 'p1', count: 2 }]);
      expect(byJson(loaded.ballots)).toEqual(
        byJson([
          { roundId: 'r1', participantId: 'alice', itemId: 'i1', count: 2 },
          { roundId: 'r1', participantId: 'bob', itemId: 'i1', count: 1 },
        ]),
      );
      expect(byJson(loaded.responses)).toEqual(
        byJson([
          { proposalId: 'x1', participantId: 'alice', response: 'block', reason: 'We meet at 8' },
          { proposalId: 'x1', participantId: 'bob', response: 'canLive', reason: null },
        ]),
      );
      // Marks set twice are one row, taken back none; a cleared round has none left.
      expect(byJson(loaded.marks)).toEqual(
        byJson([
          { targetId: 'p1', participantId: 'alice', kind: 'done' },
          { targetId: 'n1', participantId: 'alice', kind: 'heart' },
          { targetId: 'n1', participantId: 'bob', kind: 'heart' },
          { targetId: 'n1', participantId: 'bob', kind: 'plusOne' },
        ]),
      );
      // A dot count of 0 removes the row.
      await store.commit(
        row.id,
        batch({ privateChanges: [{ type: 'setBallot', roundId: 'r1', participantId: 'bob', itemId: 'i1', count: 0 }] }),
      );
      expect((await store.loadBoard(row.id))?.ballots).toEqual([
        { roundId: 'r1', participantId: 'alice', itemId: 'i1', count: 2 },
      ]);
    });

    it('writes a commit atomically: a failing part leaves nothing behind', async () => {
      const { store } = await open();
      const row = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      // seq 1 exists already: the update cannot be written, so neither may the draft nor the result.
      await expect(
        store.commit(
          row.id,
          batch({
            update: Uint8Array.of(0, 0),
            seq: 1,
            privateChanges: [{ type: 'putDraft', draft }],
            applied: [{ actorKey: 'alice', result: { id: 'c1', ok: true } }],
          }),
        ),
      ).rejects.toThrow();
      const loaded = await store.loadBoard(row.id);
      expect(loaded?.drafts).toEqual([]);
      expect(loaded?.updates).toHaveLength(1);
      expect((await store.findAppliedResults(row.id, [{ actorKey: 'alice', commandId: 'c1' }])).size).toBe(0);
    });

    it('remembers the first result of each command per actor and board', async () => {
      const { store } = await open();
      const row = boardRow();
      const other = boardRow();
      await store.createBoard(row, Uint8Array.of(0, 0));
      await store.createBoard(other, Uint8Array.of(0, 0));
      const refused = { id: 'c2', ok: false as const, error: 'forbidden' as const, message: 'Only facilitators can do that.' };
      await store.commit(
        row.id,
        batch({
          applied: [
            { actorKey: 'alice', result: { id: 'c1', ok: true } },
            { actorKey: 'alice', result: refused },
          ],
        }),
      );
      // A replay stored again keeps the first answer.
      await store.commit(row.id, batch({ applied: [{ actorKey: 'alice', result: { ...refused, id: 'c1' } }] }));
      const keys = [
        { actorKey: 'alice', commandId: 'c1' },
        { actorKey: 'alice', commandId: 'c2' },
        { actorKey: 'bob', commandId: 'c1' },
        { actorKey: 'alice', commandId: 'c3' },
      ];
      expect(await store.findAppliedResults(row.id, keys)).toEqual(
        new Map<string, unknown>([
          ['alice\nc1', { id: 'c1', ok: true }],
          ['alice\nc2', refused],
        ]),
      );
      expect((await store.findAppliedResults(other.id, keys)).size).toBe(0);
      expect((await store.findAppliedResults(row.id, [])).size).toBe(0);
    });

    it('compacts only forward: an older snapshot changes nothing, and later updates are kept', async () => {
      const { store } = await open();
      const row = boardRow();
      const doc = recordingDoc();
      doc.set('v1');
      await store.createBoard(row, doc.updates[0]!);
      const snapshots = new Map<number, Uint8Array>();
      for (let seq = 2; seq <= 6; seq++) {
        doc.set(`v${seq}`);
        await store.commit(row.id, batch({ update: doc.updates.at(-1)!, seq }));
        snapshots.set(seq, Y.encodeStateAsUpdate(doc.doc));
      }
      await store.compact(row.id, snapshots.get(4)!, 4);
      let loaded = (await store.loadBoard(row.id))!;
      expect(loaded.snapshot).toEqual(snapshots.get(4));
      expect(loaded.updates).toEqual(doc.updates.slice(4));
      // A late compaction through an older seq neither replaces the snapshot nor deletes anything newer.
      await store.compact(row.id, snapshots.get(3)!, 3);
      loaded = (await store.loadBoard(row.id))!;
      expect(loaded.snapshot).toEqual(snapshots.get(4));
      expect(loaded.updates).toEqual(doc.updates.slice(4));
      expect(loaded.lastSeq).toBe(6);
      expect(replay(loaded.snapshot, loaded.updates).getMap('meta').get('title')).toBe('v6');
      await store.compact(row.id, snapshots.get(6)!, 6);
      loaded = (await store.loadBoard(row.id))!;
      expect(loaded.updates).toEqual([]);
      expect(loaded.lastSeq).toBe(6);
      expect(Y.encodeStateVector(replay(loaded.snapshot, loaded.updates))).toEqual(Y.encodeStateVector(doc.doc));
    });

    it('keeps everything across a close and a reopen', async () => {
      const under = await open();
      if (under.reopen === null) return;
      const row = boardRow();
      const doc = recordingDoc();
      doc.set('v1');
      await under.store.createBoard(row, doc.updates[0]!);
      doc.set('v2');
      await under.store.commit(
        row.id,
        batch({
          update: doc.updates[1]!,
          seq: 2,
          privateChanges: [
            ...EVERY_CHANGE.putDraft,
            ...EVERY_CHANGE.setResponse,
            ...EVERY_CHANGE.countPosted,
            ...EVERY_CHANGE.setMark,
          ],
          applied: [{ actorKey: 'alice', result: { id: 'c1', ok: true } }],
          // Recent: compaction prunes results older than APPLIED_COMMAND_RETENTION_MS.
          now: Date.now(),
        }),
      );
      await under.store.compact(row.id, Y.encodeStateAsUpdate(doc.doc), 2);
      await under.store.addParticipant(row.id, 'alice', Buffer.alloc(32, 5), 10, 1);
      const before = await under.store.loadBoard(row.id);
      await under.store.close();
      const store = await under.reopen();
      try {
        expect(before?.marks).toHaveLength(5);
        expect(await store.loadBoard(row.id)).toEqual(before);
        expect(await store.findBoardIdByJoinCode(row.joinCode)).toBe(row.id);
        expect(await store.findParticipant(row.id, Buffer.alloc(32, 5))).toBe('alice');
        expect((await store.findAppliedResults(row.id, [{ actorKey: 'alice', commandId: 'c1' }])).size).toBe(1);
      } finally {
        await store.close();
      }
    });

    for (const { kind, table } of BAD_ROWS) {
      it(`refuses to load a board with a bad row (${kind})`, async () => {
        const under = await open();
        const row = boardRow();
        await under.store.createBoard(row, Uint8Array.of(0, 0));
        await under.plantBadRow(row.id, kind);
        const error = await under.store.loadBoard(row.id).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoredRowError);
        expect((error as StoredRowError).table).toBe(table);
        // The message names the table and field, not the stored value.
        expect((error as Error).message).not.toMatch(/maybe|urgent/);
      });
    }

    it('refuses a bad board row from findBoardRow too, as from loadBoard', async () => {
      const under = await open();
      const row = boardRow();
      await under.store.createBoard(row, Uint8Array.of(0, 0));
      await under.plantBadRow(row.id, 'shortKeyHash');
      await expect(under.store.findBoardRow(row.id)).rejects.toBeInstanceOf(StoredRowError);
    });
  });
}
