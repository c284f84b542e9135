import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compileCatalog } from './compileCatalog.ts';

/** Where the catalogs live, one `<locale>.json` each (docs/i18n.md). */
export const LOCALES_DIR = fileURLToPath(new URL('../../client/src/i18n/locales/', import.meta.url));
const RUNTIME_PATH = fileURLToPath(new URL('../../client/src/i18n/messageRuntime.ts', import.meta.url));

/**
 * `virtual:accord-catalog/es` is client/src/i18n/locales/es.json, compiled, whole (for tests);
 * `…/es/board` only the keys of the pages people reach by a link (join, the board), and `…/es/pages`
 * the keys of the areas in PAGE_AREAS, whose pages load lazily (client/src/App.tsx) and fetch
 * their part with them: a participant never downloads the facilitator's or the home page's words.
 */
const PUBLIC_PREFIX = 'virtual:accord-catalog/';
const RESOLVED_PREFIX = '\0accord-catalog:';
const CATALOG_ID = /^([a-z]{2}(?:-[A-Z]{2})?)(?:\/(board|pages))?$/;

/** Key prefixes (a key's first segment) of the lazily loaded pages: the `pages` part of a catalog. */
export const PAGE_AREAS: readonly string[] = ['home', 'start', 'present', 'reader', 'facilitator'];

export function isPageKey(key: string): boolean {
  return PAGE_AREAS.includes(key.split('.')[0] as string);
}

/**
 * Compiles the message catalogs while Vite builds or serves, and while Vitest runs: a fresh clone
 * needs no extra step, and no generated file is committed.
 */
export function accordCatalogs(): Plugin {
  return {
    name: 'accord-catalogs',
    enforce: 'pre',
    resolveId(id) {
      if (!id.startsWith(PUBLIC_PREFIX)) return null;
      const name = id.slice(PUBLIC_PREFIX.length);
      if (!CATALOG_ID.test(name)) throw new Error(`not a catalog: ${name}`);
      return RESOLVED_PREFIX + name;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return null;
      const [, locale, part] = CATALOG_ID.exec(id.slice(RESOLVED_PREFIX.length)) as RegExpExecArray;
      const file = `${LOCALES_DIR}${locale}.json`;
      this.addWatchFile(file);
      const all = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      const messages =
        part === undefined
          ? all
          : Object.fromEntries(Object.entries(all).filter(([key]) => isPageKey(key) === (part === 'pages')));
      return compileCatalog(locale as string, messages, RUNTIME_PATH);
    },
  };
}
