import * as Y from 'yjs';
import { type Collection, type DocChange, recordOperation } from './domain/changes';
import type { BoardState } from './domain/state';
import { agreementItemRecord } from './records/AgreementItem';
import { type BoardMeta, boardMetaRecord } from './records/BoardMeta';
import { noteRecord } from './records/Note';
import { promptRecord } from './records/Prompt';
import { proposalRecord } from './records/Proposal';
import { themeRecord } from './records/Theme';
import { versionRecord } from './records/VersionRecord';
import { voteRoundRecord } from './records/VoteRound';
import { isInvalid, type Validator } from './validate';

/**
 * The only module that knows the board document's key names. The document has three root maps:
 *
 *   meta     Y.Map    the board's own fields (BoardMeta), `settings` as one JSON value
 *   prompts  Y.Map    prompt id → Y.Map of Prompt fields
 *   notes    Y.Map    note id → Y.Map of Note fields (revealed, anonymous notes only)
 *   themes   Y.Map    theme id → Y.Map of Theme fields
 *   voteRounds, proposals, agreements, versions   Y.Map    id → Y.Map of VoteRound / Proposal /
 *                                                 AgreementItem / VersionRecord
 *
 * Records are nested maps so that a move writes one field, not the whole record. Everything
 * read is validated: a record that fails validation is skipped, never trusted.
 */
const META = 'meta';
/** Root map name of each record collection (here the names happen to equal the collection names). */
const COLLECTION_ROOTS: Readonly<Record<Collection, string>> = {
  prompts: 'prompts',
  notes: 'notes',
  themes: 'themes',
  voteRounds: 'voteRounds',
  proposals: 'proposals',
  agreements: 'agreements',
  versions: 'versions',
};

/** Every record collection, in the order a board is read. */
export const COLLECTIONS: readonly Collection[] = [
  'prompts',
  'notes',
  'themes',
  'voteRounds',
  'proposals',
  'agreements',
  'versions',
];

/** The record type of a collection: `Note` for `notes`. */
export type BoardRecord<C extends Collection> = BoardState[C] extends ReadonlyMap<string, infer R> ? R : never;

const VALIDATORS: { readonly [C in Collection]: Validator<BoardRecord<C>> } = {
  prompts: promptRecord,
  notes: noteRecord,
  themes: themeRecord,
  voteRounds: voteRoundRecord,
  proposals: proposalRecord,
  agreements: agreementItemRecord,
  versions: versionRecord,
};

function readRecord<T>(map: Y.Map<unknown>, validator: Validator<T>): T | null {
  const result = validator(map.toJSON());
  return isInvalid(result) ? null : result;
}

/** The record under `key` of a collection's root map, validated; null when it is missing or invalid. */
export function readCollectionEntry<C extends Collection>(
  root: Y.Map<Y.Map<unknown>>,
  collection: C,
  key: string,
): BoardRecord<C> | null {
  const value: unknown = root.get(key);
  return value instanceof Y.Map ? readRecord(value as Y.Map<unknown>, VALIDATORS[collection]) : null;
}

/** The board's meta fields, validated; null when the document holds no valid board. */
export function readMeta(doc: Y.Doc): BoardMeta | null {
  return readRecord(boardRoots(doc).meta, boardMetaRecord);
}

function readRecords<T>(root: Y.Map<Y.Map<unknown>>, validator: Validator<T>): Map<string, T> {
  const out = new Map<string, T>();
  root.forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    const record = readRecord(value, validator);
    if (record !== null) out.set(key, record);
  });
  return out;
}

/** The document's root maps (for observers that want to know when the document changes). */
export function boardRoots(doc: Y.Doc) {
  const root = (collection: Collection) => doc.getMap<Y.Map<unknown>>(COLLECTION_ROOTS[collection]);
  return {
    meta: doc.getMap<unknown>(META),
    prompts: root('prompts'),
    notes: root('notes'),
    themes: root('themes'),
    voteRounds: root('voteRounds'),
    proposals: root('proposals'),
    agreements: root('agreements'),
    versions: root('versions'),
  };
}

/** Reads and validates the whole board; null when the document holds no valid board. */
export function readBoard(doc: Y.Doc): BoardState | null {
  const roots = boardRoots(doc);
  const meta = readRecord(roots.meta, boardMetaRecord);
  if (meta === null) return null;
  return {
    meta,
    prompts: readRecords(roots.prompts, VALIDATORS.prompts),
    notes: readRecords(roots.notes, VALIDATORS.notes),
    themes: readRecords(roots.themes, VALIDATORS.themes),
    voteRounds: readRecords(roots.voteRounds, VALIDATORS.voteRounds),
    proposals: readRecords(roots.proposals, VALIDATORS.proposals),
    agreements: readRecords(roots.agreements, VALIDATORS.agreements),
    versions: readRecords(roots.versions, VALIDATORS.versions),
  };
}

/** The schema version the document was written with, or 0 when there is none. */
export function readSchemaVersion(doc: Y.Doc): number {
  const version = boardRoots(doc).meta.get('schemaVersion');
  return typeof version === 'number' ? version : 0;
}

function setFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    // Unchanged fields are not rewritten: every write would add to the history clients download.
    if (value !== undefined && !isSameValue(map.get(key), value)) map.set(key, value);
  }
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

function putRecord(root: Y.Map<Y.Map<unknown>>, record: { id: string }): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) map.set(key, value);
  root.set(record.id, map);
}

function patchRecord(root: Y.Map<Y.Map<unknown>>, id: string, fields: Record<string, unknown>): void {
  const map = root.get(id);
  if (map instanceof Y.Map) setFields(map, fields);
}

/**
 * Applies domain changes to the document in one Yjs transaction with the given origin. Only the
 * server calls this on a live board document.
 */
export function applyDocChanges(doc: Y.Doc, changes: readonly DocChange[], origin: unknown): void {
  if (changes.length === 0) return;
  const roots = boardRoots(doc);
  doc.transact(() => {
    for (const change of changes) {
      if (change.type === 'setMeta') {
        setFields(roots.meta, change.fields as Partial<BoardMeta>);
        continue;
      }
      const operation = recordOperation(change);
      const root = roots[operation.collection];
      if (operation.op === 'put') putRecord(root, operation.record);
      else if (operation.op === 'patch') patchRecord(root, operation.id, operation.fields);
      else root.delete(operation.id);
    }
  }, origin);
}
