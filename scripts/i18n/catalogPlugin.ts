import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compileCatalog, compileCatalogArray } from './compileCatalog.ts';
import { type CatalogPart, indexMessageKeys, type MessageOrder, messageOrder } from './messageIndex.ts';

/** Where the catalogs live, one `<locale>.json` each (docs/i18n.md). */
export const LOCALES_DIR = fileURLToPath(new URL('../../client/src/i18n/locales/', import.meta.url));
const ENGLISH_FILE = `${LOCALES_DIR}en.json`;
const RUNTIME_PATH = fileURLToPath(new URL('../../client/src/i18n/messageRuntime.ts', import.meta.url));
/** The code whose message keys become indexes: the client's own modules. */
const CLIENT_DIR = fileURLToPath(new URL('../../client/src/', import.meta.url));
const CLIENT_MODULE = /\.tsx?$/;

/**
 * `virtual:accord-catalog/es` is client/src/i18n/locales/es.json, compiled, whole and keyed by
 * message key (for tests). What the client loads is `virtual:accord-messages/es/board`, only the
 * keys of the pages people reach by a link (join, the board), `…/es/later`, the keys in
 * LATER_AREAS, fetched with the participant's lazily loaded views, and `…/es/pages`, the keys in
 * PAGE_AREAS, whose pages load lazily (client/src/App.tsx) and fetch their part with them: a
 * participant never downloads the facilitator's or the home page's words. Those parts are arrays in
 * the order of messageOrder (scripts/i18n/messageIndex.ts).
 */
const WHOLE_PREFIX = 'virtual:accord-catalog/';
const PART_PREFIX = 'virtual:accord-messages/';
const RESOLVED_PREFIX = '\0accord-catalog:';
const CATALOG_ID = /^([a-z]{2}(?:-[A-Z]{2})?)(?:\/(board|later|pages))?$/;

/**
 * Key prefixes of the `pages` part: the areas of the lazily loaded pages (a key's first segment),
 * the messages of shared components that only those pages import (AnsweredCount, CopyButton,
 * JoinCode, SmartieEditor: the facilitator's, home and present pages), and the announcements only
 * facilitators hear.
 * tests/client/catalogParts.test.ts follows the imports and fails when a module a link opens uses
 * one of them. Everything else is in the `board` part, in the participant's first load.
 */
export const PAGE_AREAS: readonly string[] = [
  'home',
  'start',
  'present',
  'reader',
  'facilitator',
  'decisions.voters.answered',
  'copyButton',
  'joinCode',
  'smartieEditor',
  'decisions.announce.voteStarted',
  'decisions.announce.roundOpened',
];

/**
 * Key prefixes of the `later` part: the words of the participant's lazily loaded views
 * (client/src/pages/participant/phaseViews.ts: grouping, votes, decisions, the agreement), fetched
 * with those views, not in the participant's first load (join link → name → board in Reflect).
 * The lazy pages load it too (the facilitator's and reader's pages show decisions and the
 * agreement), and a reader of another language than English at once (`error.*`, the refusals a
 * participant can meet: client/src/i18n/refusalText.ts; in English the server's own words serve).
 * tests/client/catalogParts.test.ts fails when a module of the first load uses one.
 */
export const LATER_AREAS: readonly string[] = ['decisions', 'agreement', 'error'];

const isUnder = (areas: readonly string[], key: string) => areas.some((area) => key === area || key.startsWith(`${area}.`));

export function isPageKey(key: string): boolean {
  return isUnder(PAGE_AREAS, key);
}

/** The part a key's message is compiled into (a `pages` area inside a `later` one is `pages`). */
export function partOf(key: string): CatalogPart {
  if (isPageKey(key)) return 'pages';
  return isUnder(LATER_AREAS, key) ? 'later' : 'board';
}

function readCatalog(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/**
 * Compiles the message catalogs while Vite builds or serves, and while Vitest runs, and writes
 * the client's message keys as indexes: a fresh clone needs no extra step, and no generated file
 * is committed.
 */
export function accordCatalogs(): Plugin {
  let order: MessageOrder | null = null;
  const currentOrder = () => {
    order ??= messageOrder(readCatalog(ENGLISH_FILE), partOf);
    return order;
  };
  return {
    name: 'accord-catalogs',
    enforce: 'pre',
    buildStart() {
      order = null;
    },
    resolveId(id) {
      const prefix = [WHOLE_PREFIX, PART_PREFIX].find((p) => id.startsWith(p));
      if (prefix === undefined) return null;
      const name = id.slice(prefix.length);
      const match = CATALOG_ID.exec(name);
      if (!match || (prefix === PART_PREFIX) !== (match[2] !== undefined)) throw new Error(`not a catalog: ${id}`);
      return RESOLVED_PREFIX + name;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return null;
      const [, locale, part] = CATALOG_ID.exec(id.slice(RESOLVED_PREFIX.length)) as RegExpExecArray;
      const file = `${LOCALES_DIR}${locale}.json`;
      this.addWatchFile(file);
      const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      if (part === undefined) return compileCatalog(locale as string, messages, RUNTIME_PATH);
      this.addWatchFile(ENGLISH_FILE);
      const { keys, parts } = currentOrder();
      const { start, end } = parts[part as CatalogPart];
      const partKeys = keys.slice(start, end);
      return compileCatalogArray(locale as string, messages, partKeys, RUNTIME_PATH);
    },
    transform(code, id) {
      const file = id.split('?')[0] as string;
      if (!file.startsWith(CLIENT_DIR) || !CLIENT_MODULE.test(file)) return null;
      this.addWatchFile(ENGLISH_FILE);
      const indexed = indexMessageKeys(code, currentOrder(), file);
      return indexed === null ? null : { code: indexed, map: null };
    },
    watchChange(file) {
      if (file === ENGLISH_FILE) order = null;
    },
    // A key added to English moves the indexes: every client module is compiled again.
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(LOCALES_DIR)) return;
      if (file === ENGLISH_FILE) order = null;
      server.moduleGraph.invalidateAll();
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
