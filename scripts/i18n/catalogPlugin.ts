import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compileCatalog } from './compileCatalog.ts';

/** Where the catalogs live, one `<locale>.json` each (docs/i18n.md). */
export const LOCALES_DIR = fileURLToPath(new URL('../../client/src/i18n/locales/', import.meta.url));
const RUNTIME_PATH = fileURLToPath(new URL('../../client/src/i18n/messageRuntime.ts', import.meta.url));

/** `import catalog from 'virtual:accord-catalog/es'` is client/src/i18n/locales/es.json, compiled. */
const PUBLIC_PREFIX = 'virtual:accord-catalog/';
const RESOLVED_PREFIX = '\0accord-catalog:';
const LOCALE_ID = /^[a-z]{2}(?:-[A-Z]{2})?$/;

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
      const locale = id.slice(PUBLIC_PREFIX.length);
      if (!LOCALE_ID.test(locale)) throw new Error(`not a locale: ${locale}`);
      return RESOLVED_PREFIX + locale;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return null;
      const locale = id.slice(RESOLVED_PREFIX.length);
      const file = `${LOCALES_DIR}${locale}.json`;
      this.addWatchFile(file);
      const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      return compileCatalog(locale, messages, RUNTIME_PATH);
    },
  };
}
