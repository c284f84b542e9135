import type * as Y from 'yjs';
import { boardRoots, readSchemaVersion } from './boardDoc';

/**
 * Board document migrations. A migration has an id that names its intent (e.g. `AddNoteTag`),
 * the version it produces, and an `up` that rewrites an older document in place. The server runs
 * pending migrations when it loads a board, inside one server transaction, and persists the
 * resulting Yjs update like any other change, so clients receive it as an ordinary update.
 */
export interface Migration {
  readonly id: string;
  readonly toVersion: number;
  readonly up: (doc: Y.Doc) => void;
}

/** Every migration, in order. Version 1 is the first released schema. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Schema 2: boards get a countdown timer field (null when no timer runs).
    id: 'AddTimer',
    toVersion: 2,
    up: (doc) => {
      const meta = boardRoots(doc).meta;
      if (!meta.has('timer')) meta.set('timer', null);
    },
  },
];

/** The schema version new boards are written with. */
export const CURRENT_SCHEMA_VERSION = MIGRATIONS.at(-1)?.toVersion ?? 1;

/**
 * Runs the migrations a document still needs, in one transaction with `origin`, and sets its
 * schema version. Returns the ids of the migrations that ran. Refuses documents newer than the
 * code (an older server must not write to them).
 */
export function migrateBoardDoc(doc: Y.Doc, origin: unknown, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const from = readSchemaVersion(doc);
  const latest = migrations.at(-1)?.toVersion ?? 1;
  if (from > latest) throw new Error(`Board schema version ${from} is newer than this server understands (${latest}).`);
  const pending = migrations.filter((m) => m.toVersion > from);
  if (pending.length === 0) return [];
  doc.transact(() => {
    for (const migration of pending) migration.up(doc);
    boardRoots(doc).meta.set('schemaVersion', latest);
  }, origin);
  return pending.map((m) => m.id);
}
