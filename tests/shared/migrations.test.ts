import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDocChanges, boardRoots, readBoard, readSchemaVersion } from '../../shared/boardDoc';
import { sortedPrompts } from '../../shared/domain/state';
import { isOrderKey } from '../../shared/fractionalIndex';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, type Migration, migrateBoardDoc } from '../../shared/migrations';
import { newBoardChanges } from './helpers';

/** A board document as a given schema version wrote it (the current shape, stamped with `version`). */
function docAtVersion(version: number | null): Y.Doc {
  const doc = new Y.Doc();
  applyDocChanges(doc, newBoardChanges(2), 'test');
  if (version === null) boardRoots(doc).meta.delete('schemaVersion');
  else boardRoots(doc).meta.set('schemaVersion', version);
  return doc;
}

/** Counts the Yjs updates `run` emits, and their origins. */
function updatesDuring(doc: Y.Doc, run: () => void): unknown[] {
  const origins: unknown[] = [];
  const listener = (_u: Uint8Array, origin: unknown) => origins.push(origin);
  doc.on('update', listener);
  try {
    run();
  } finally {
    doc.off('update', listener);
  }
  return origins;
}

/** Test migrations, so that the runner is exercised while MIGRATIONS is still empty. */
function testMigrations(calls: string[]): Migration[] {
  return [
    {
      id: 'AddExampleField',
      toVersion: 2,
      up: (doc) => {
        calls.push('AddExampleField');
        boardRoots(doc).meta.set('exampleField', 'hello');
      },
    },
    {
      id: 'RenameExampleField',
      toVersion: 3,
      up: (doc) => {
        calls.push('RenameExampleField');
        const meta = boardRoots(doc).meta;
        meta.set('renamedField', meta.get('exampleField'));
        meta.delete('exampleField');
      },
    },
  ];
}

describe('migrateBoardDoc', () => {
  it('runs every pending migration once, in order, in one transaction, and sets the version', () => {
    const calls: string[] = [];
    const doc = docAtVersion(1);
    const origin = { migration: true };
    let ran: string[] = [];
    const origins = updatesDuring(doc, () => {
      ran = migrateBoardDoc(doc, origin, testMigrations(calls));
    });
    expect(ran).toEqual(['AddExampleField', 'RenameExampleField']);
    expect(calls).toEqual(['AddExampleField', 'RenameExampleField']);
    expect(origins).toEqual([origin]);
    expect(readSchemaVersion(doc)).toBe(3);
    expect(boardRoots(doc).meta.get('renamedField')).toBe('hello');
    expect(boardRoots(doc).meta.has('exampleField')).toBe(false);
  });

  it('is a no-op the second time: nothing runs and no update is emitted', () => {
    const calls: string[] = [];
    const doc = docAtVersion(1);
    migrateBoardDoc(doc, 'server', testMigrations(calls));
    calls.length = 0;
    const origins = updatesDuring(doc, () => {
      expect(migrateBoardDoc(doc, 'server', testMigrations(calls))).toEqual([]);
    });
    expect(calls).toEqual([]);
    expect(origins).toEqual([]);
  });

  it.each([
    [null, ['AddExampleField', 'RenameExampleField']],
    [0, ['AddExampleField', 'RenameExampleField']],
    [1, ['AddExampleField', 'RenameExampleField']],
    [2, ['RenameExampleField']],
    [3, []],
  ])('from version %j runs %j', (version, expected) => {
    const calls: string[] = [];
    const doc = docAtVersion(version);
    if (version !== null && version >= 2) boardRoots(doc).meta.set('exampleField', 'hello');
    expect(migrateBoardDoc(doc, 'server', testMigrations(calls))).toEqual(expected);
    expect(calls).toEqual(expected);
    expect(readSchemaVersion(doc)).toBe(expected.length > 0 ? 3 : version);
  });

  it.each([4, 99])('refuses a document of version %i, newer than the code, and leaves it untouched', (version) => {
    const calls: string[] = [];
    const doc = docAtVersion(version);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrateBoardDoc(doc, 'server', testMigrations(calls))).toThrow(
      `Board schema version ${version} is newer than this server understands (3).`,
    );
    expect(calls).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('with the real MIGRATIONS, leaves a newly created board alone', () => {
    const doc = docAtVersion(CURRENT_SCHEMA_VERSION);
    const origins = updatesDuring(doc, () => expect(migrateBoardDoc(doc, 'server')).toEqual([]));
    expect(origins).toEqual([]);
    expect(() => migrateBoardDoc(docAtVersion(CURRENT_SCHEMA_VERSION + 1), 'server')).toThrow(/newer/);
  });
});

/**
 * Per-migration checks, keyed by migration id: how a document of the previous version looks,
 * and what must be true after the migration. Adding a migration without an entry here fails
 * the "every migration has a fixture" test below, so no migration ships unexercised.
 */
interface MigrationFixture {
  readonly before: (doc: Y.Doc) => void;
  readonly after: (doc: Y.Doc) => void;
}

/** Writes a record as a nested Y.Map, the way the document stores records. */
function putRawRecord(root: Y.Map<Y.Map<unknown>>, fields: Record<string, unknown>): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  root.set(fields.id as string, map);
}

/** A note, a passed proposal and its agreement as schema 3 wrote them: no author, kind, lineage, version, end or SMARTIE. */
const SCHEMA_3_NOTE = { id: 'n1', promptId: 'prompt1', text: 'Mornings', tag: 'need', themeId: null, order: 'a0' };
const SCHEMA_3_PROPOSAL = {
  id: 'pr1',
  promptId: 'prompt1',
  themeId: null,
  statement: 'We meet in the morning.',
  rule: 'consent',
  quorumPercent: 0,
  thresholdPercent: 50,
  round: 1,
  previousProposalId: null,
  status: 'passed',
  respondentCount: 2,
  openedAt: 1_700_000_000_000,
  closedAt: 1_700_000_060_000,
  outcome: {
    counts: { agree: 2, canLive: 0, block: 0 },
    reasons: [],
    presentCount: 2,
    isQuorumMet: true,
    isPassed: true,
    explanation: 'Passed.',
  },
};
const SCHEMA_3_AGREEMENT = {
  id: 'ag1',
  promptId: 'prompt1',
  themeId: null,
  statement: 'We meet in the morning.',
  proposalId: 'pr1',
  rule: 'consent',
  round: 1,
  counts: { agree: 2, canLive: 0, block: 0 },
  decidedAt: 1_700_000_060_000,
  status: 'locked',
  unlockReason: null,
  unlockedAt: null,
};

const FIXTURES: Readonly<Record<string, MigrationFixture>> = {
  RekeyOrderKeys: {
    // Old-style keys ('9' < 'i' < 'r'): new keys cannot be placed among them until they are re-keyed.
    before: (doc) => {
      const prompts = [...boardRoots(doc).prompts.values()];
      for (const [i, key] of ['r', '9'].entries()) prompts[i]?.set('order', key);
    },
    after: (doc) => {
      const board = readBoard(doc)!;
      const ordered = sortedPrompts(board).map((p) => p.text);
      expect(ordered).toEqual(['Question 2?', 'Question 1?']);
      for (const prompt of board.prompts.values()) expect(isOrderKey(prompt.order)).toBe(true);
    },
  },
  AddVersions: {
    // A schema-3 board: no version, closed flag or check-in date, two settings only, and records
    // without the fields of schema 4. readBoard refuses the board and drops the records until it ran.
    before: (doc) => {
      const roots = boardRoots(doc);
      for (const key of ['version', 'isClosed', 'checkInDate']) roots.meta.delete(key);
      roots.meta.set('settings', { facilitatorParticipates: false, showRoster: true });
      putRawRecord(roots.notes, SCHEMA_3_NOTE);
      putRawRecord(roots.proposals, SCHEMA_3_PROPOSAL);
      putRawRecord(roots.agreements, SCHEMA_3_AGREEMENT);
      expect(readBoard(doc)).toBeNull();
    },
    after: (doc) => {
      const board = readBoard(doc)!;
      expect(board.meta).toMatchObject({
        version: 1,
        isClosed: false,
        checkInDate: null,
        // Existing settings are kept; every board before schema 4 was anonymous and had no SMARTIE fields.
        settings: { facilitatorParticipates: false, showRoster: true, isAnonymous: true, usesSmartie: false },
      });
      expect(board.notes.get('n1')).toEqual({ ...SCHEMA_3_NOTE, author: null });
      expect(board.proposals.get('pr1')).toEqual({ ...SCHEMA_3_PROPOSAL, kind: 'adopt', targetAgreementId: null });
      expect(board.agreements.get('ag1')).toEqual({
        ...SCHEMA_3_AGREEMENT,
        lineageId: 'ag1',
        version: 1,
        endedAt: null,
        smartie: null,
      });
      expect(board.versions.size).toBe(0);
    },
  },
  AddTimer: {
    // A schema-1 board has no timer field, and readBoard refuses it until the migration ran.
    before: (doc) => {
      boardRoots(doc).meta.delete('timer');
      expect(readBoard(doc)).toBeNull();
    },
    after: (doc) => {
      expect(boardRoots(doc).meta.get('timer')).toBeNull();
      expect(readBoard(doc)?.meta.timer).toBeNull();
    },
  },
};

const TEST_FIXTURES: Readonly<Record<string, MigrationFixture>> = {
  AddExampleField: { before: () => {}, after: (doc) => expect(boardRoots(doc).meta.get('exampleField')).toBe('hello') },
  RenameExampleField: {
    before: (doc) => boardRoots(doc).meta.set('exampleField', 'kept'),
    after: (doc) => expect(boardRoots(doc).meta.toJSON()).toMatchObject({ renamedField: 'kept' }),
  },
};

/** Applies each migration alone to a document of the version before it; returns the ids exercised. */
function exerciseEach(migrations: readonly Migration[], fixtures: Readonly<Record<string, MigrationFixture>>): string[] {
  const exercised: string[] = [];
  migrations.forEach((migration, i) => {
    const fixture = fixtures[migration.id];
    if (fixture === undefined) throw new Error(`Migration ${migration.id} has no fixture in migrations.test.ts`);
    const doc = docAtVersion(migrations[i - 1]?.toVersion ?? 1);
    fixture.before(doc);
    expect(migrateBoardDoc(doc, 'server', migrations.slice(0, i + 1))).toEqual([migration.id]);
    expect(readSchemaVersion(doc)).toBe(migration.toVersion);
    fixture.after(doc);
    exercised.push(migration.id);
  });
  return exercised;
}

describe('the migration list', () => {
  it.each([
    ['MIGRATIONS', MIGRATIONS],
    ['the test migrations', testMigrations([])],
  ] as const)('%s: ids name an intent, once each; versions climb by one from 2', (_label, migrations) => {
    const ids = migrations.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(migrations.map((m) => m.toVersion)).toEqual(migrations.map((_, i) => i + 2));
  });

  it('sets CURRENT_SCHEMA_VERSION to the last migration (1 while there is none)', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)?.toVersion ?? 1);
  });

  it('every migration has a fixture, and each one is exercised on a document of the previous version', () => {
    expect(exerciseEach(MIGRATIONS, FIXTURES)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(Object.keys(FIXTURES).sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
  });

  it('the exercise harness itself runs each test migration once and fails on a missing fixture', () => {
    expect(exerciseEach(testMigrations([]), TEST_FIXTURES)).toEqual(['AddExampleField', 'RenameExampleField']);
    expect(() => exerciseEach(testMigrations([]), {})).toThrow('Migration AddExampleField has no fixture');
  });

  it('brings a version-1 board to the current version, still readable by this code', () => {
    const doc = docAtVersion(1);
    expect(migrateBoardDoc(doc, 'server')).toEqual(MIGRATIONS.map((m) => m.id));
    expect(readSchemaVersion(doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readBoard(doc)?.meta.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });
});
