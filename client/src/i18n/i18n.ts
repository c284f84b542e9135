import { useMemo, useSyncExternalStore } from 'react';
import english from 'virtual:accord-catalog/en';
import type englishSource from './locales/en.json';
import { isRightToLeft, type Locale, SOURCE_LOCALE } from './locales';

/** Every message's id: the keys of the English catalog, so a typo is a type error. */
export type MessageKey = keyof typeof englishSource;
export type MessageValues = Readonly<Record<string, string | number>>;
type Catalog = typeof english;

/** Translates a key in the current language; `values` fill its placeholders and plurals. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * English is in the entry chunk (the page must not wait for its own words); every other language is
 * a chunk of its own, fetched only by people who read it (PARTICIPANT_JS_CEILING_KB, docs/i18n.md).
 */
const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalog }>>> = {
  es: () => import('virtual:accord-catalog/es'),
  fr: () => import('virtual:accord-catalog/fr'),
  de: () => import('virtual:accord-catalog/de'),
  'pt-BR': () => import('virtual:accord-catalog/pt-BR'),
  ar: () => import('virtual:accord-catalog/ar'),
};

interface Active {
  readonly locale: Locale;
  readonly catalog: Catalog;
}

let active: Active = { locale: SOURCE_LOCALE, catalog: english };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function translateIn({ catalog }: Active, key: MessageKey, values: MessageValues = {}): string {
  // A key missing from a catalog falls back to English; tests/client/i18nCatalogs.test.ts forbids it.
  const message = catalog[key] ?? english[key] ?? key;
  return typeof message === 'string' ? message : message(values);
}

/**
 * Loads a language's catalog, then switches every `useT` to it and marks the document (`lang`,
 * `dir`) so that screen readers pronounce it and the layout mirrors for Arabic.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  const catalog = locale === 'en' ? english : (await LOADERS[locale]()).default;
  active = { locale, catalog };
  document.documentElement.lang = locale;
  document.documentElement.dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
  for (const listener of listeners) listener();
}

export function currentLocale(): Locale {
  return active.locale;
}

/** For code outside React (announcements, document titles set in effects use the hook's `t`). */
export function translate(key: MessageKey, values?: MessageValues): string {
  return translateIn(active, key, values);
}

/** The current language's `t`; components re-render when the language changes. */
export function useT(): Translate {
  const current = useSyncExternalStore(subscribe, () => active);
  return useMemo(() => (key: MessageKey, values?: MessageValues) => translateIn(current, key, values), [current]);
}

/** The current locale, for formatDate / formatNumber (client/src/i18n/format.ts). */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, () => active).locale;
}
