import * as Y from 'yjs';
import type { DocChange } from './domain/changes';
import type { BoardState } from './domain/state';
import { type BoardMeta, boardMetaRecord } from './records/BoardMeta';
import { type Note, noteRecord } from './records/Note';
import { type Prompt, promptRecord } from './records/Prompt';
import { type Theme, themeRecord } from './records/Theme';
import { isInvalid, type Validator } from './validate';

/**
 * The only module that knows the board document's key names. The document has three root maps:
 *
 *   meta     Y.Map    the board's own fields (BoardMeta), `settings` as one JSON value
 *   prompts  Y.Map    prompt id → Y.Map of Prompt fields
 *   notes    Y.Map    note id → Y.Map of Note fields (revealed, anonymous notes only)
 *   themes   Y.Map    theme id → Y.Map of Theme fields
 *
 * Records are nested maps so that a move writes one field, not the whole record. Everything
 * read is validated: a record that fails validation is skipped, never trusted.
 */
const META = 'meta';
const PROMPTS = 'prompts';
const NOTES = 'notes';
const THEMES = 'themes';

function readRecord<T>(map: Y.Map<unknown>, validator: Validator<T>): T | null {
  const result = validator(map.toJSON());
  return isInvalid(result) ? null : result;
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

/** The board's meta map (for observers that want to know when the document changes). */
export function boardRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(META),
    prompts: doc.getMap<Y.Map<unknown>>(PROMPTS),
    notes: doc.getMap<Y.Map<unknown>>(NOTES),
    themes: doc.getMap<Y.Map<unknown>>(THEMES),
  };
}

/** Reads and validates the whole board; null when the document holds no valid board. */
export function readBoard(doc: Y.Doc): BoardState | null {
  const roots = boardRoots(doc);
  const meta = readRecord(roots.meta, boardMetaRecord);
  if (meta === null) return null;
  return {
    meta,
    prompts: readRecords(roots.prompts, promptRecord),
    notes: readRecords(roots.notes, noteRecord),
    themes: readRecords(roots.themes, themeRecord),
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
      switch (change.type) {
        case 'setMeta':
          setFields(roots.meta, change.fields as Partial<BoardMeta>);
          break;
        case 'putPrompt':
          putRecord(roots.prompts, change.prompt satisfies Prompt);
          break;
        case 'patchPrompt':
          patchRecord(roots.prompts, change.id, change.fields);
          break;
        case 'deletePrompt':
          roots.prompts.delete(change.id);
          break;
        case 'putNote':
          putRecord(roots.notes, change.note satisfies Note);
          break;
        case 'patchNote':
          patchRecord(roots.notes, change.id, change.fields);
          break;
        case 'putTheme':
          putRecord(roots.themes, change.theme satisfies Theme);
          break;
        case 'patchTheme':
          patchRecord(roots.themes, change.id, change.fields);
          break;
        case 'deleteTheme':
          roots.themes.delete(change.id);
          break;
      }
    }
  }, origin);
}
