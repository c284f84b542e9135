import type * as Y from 'yjs';
import { boardRoots, readSchemaVersion } from './boardDoc';
import { compareByOrder, isOrderKey, keysBetween } from './fractionalIndex';

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
  {
    // Schema 3: order keys of the first release were not fractional-indexing keys; lists holding
    // any such key are re-keyed evenly in their current order, so new keys can be placed among them.
    id: 'RekeyOrderKeys',
    toVersion: 3,
    up: (doc) => {
      const roots = boardRoots(doc);
      rekeyLists(roots.prompts, () => 'all');
      rekeyLists(roots.notes, (record) => `${record.get('promptId')}/${record.get('themeId') ?? ''}`);
      rekeyLists(roots.themes, (record) => String(record.get('promptId')));
    },
  },
  {
    // Schema 4: versions and revisits — a version number and a closed flag, a check-in date,
    // anonymity and SMARTIE settings, authors on notes (named boards only), and on agreements a
    // lineage across versions, the version decided in, an end time and SMARTIE fields.
    id: 'AddVersions',
    toVersion: 4,
    up: (doc) => {
      const roots = boardRoots(doc);
      const setIfMissing = (map: Y.Map<unknown>, key: string, value: unknown) => {
        if (!map.has(key)) map.set(key, value);
      };
      setIfMissing(roots.meta, 'version', 1);
      setIfMissing(roots.meta, 'isClosed', false);
      setIfMissing(roots.meta, 'checkInDate', null);
      const settings = roots.meta.get('settings');
      if (typeof settings === 'object' && settings !== null && !('isAnonymous' in settings)) {
        roots.meta.set('settings', { ...settings, isAnonymous: true, usesSmartie: false });
      }
      for (const note of roots.notes.values()) setIfMissing(note, 'author', null);
      roots.agreements.forEach((item, id) => {
        setIfMissing(item, 'lineageId', id);
        setIfMissing(item, 'version', 1);
        setIfMissing(item, 'endedAt', null);
        setIfMissing(item, 'smartie', null);
      });
      roots.proposals.forEach((proposal) => {
        setIfMissing(proposal, 'kind', 'adopt');
        setIfMissing(proposal, 'targetAgreementId', null);
      });
    },
  },
];

/** Re-keys every list (records grouped by `listOf`) that holds a key `isOrderKey` refuses. */
function rekeyLists(root: Y.Map<Y.Map<unknown>>, listOf: (record: Y.Map<unknown>) => string): void {
  const lists = new Map<string, { id: string; order: string; record: Y.Map<unknown> }[]>();
  root.forEach((record, id) => {
    const order = record.get('order');
    if (typeof order !== 'string') return;
    const key = listOf(record);
    lists.set(key, [...(lists.get(key) ?? []), { id, order, record }]);
  });
  for (const items of lists.values()) {
    if (items.every((item) => isOrderKey(item.order))) continue;
    items.sort(compareByOrder);
    const keys = keysBetween(null, null, items.length);
    for (const [i, item] of items.entries()) item.record.set('order', keys[i] as string);
  }
}

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
