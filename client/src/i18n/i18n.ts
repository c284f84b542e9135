import { useMemo, useSyncExternalStore } from 'react';
import english from 'virtual:accord-messages/en/board';
import type englishSource from './locales/en.json';
import { isRightToLeft, type Locale, SOURCE_LOCALE } from './locales';

/**
 * Every message's id: the keys of the English catalog, so a typo is a type error. At build time
 * each key written in client code becomes its index in the catalogs, which are arrays
 * (scripts/i18n/messageIndex.ts): at run time a key is a number.
 */
export type MessageKey = keyof typeof englishSource;
export type MessageValues = Readonly<Record<string, string | number>>;
type Catalog = typeof english;
const indexOf = (key: MessageKey) => key as unknown as number;

/** Translates a key in the current language; `values` fill its placeholders and plurals. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * English's `board` part (the join flow and the board, what a link leads to) is in the entry chunk:
 * the page must not wait for its own words. Every other language's `board` part, and every
 * language's `later` part (the participant's lazily loaded views: scripts/i18n/catalogPlugin.ts
 * LATER_AREAS) and `pages` part (home, start, present, reader, facilitator: PAGE_AREAS), is a chunk
 * of its own, fetched only by those who need it (PARTICIPANT_JS_CEILING_KB, docs/i18n.md).
 */
type Part = 'board' | 'later' | 'pages';
type Loader = () => Promise<{ default: Catalog }>;
const LOADERS: Readonly<Record<Locale, Readonly<Record<Part, Loader>>>> = {
  en: {
    board: async () => ({ default: english }),
    later: () => import('virtual:accord-messages/en/later'),
    pages: () => import('virtual:accord-messages/en/pages'),
  },
  es: {
    board: () => import('virtual:accord-messages/es/board'),
    later: () => import('virtual:accord-messages/es/later'),
    pages: () => import('virtual:accord-messages/es/pages'),
  },
  fr: {
    board: () => import('virtual:accord-messages/fr/board'),
    later: () => import('virtual:accord-messages/fr/later'),
    pages: () => import('virtual:accord-messages/fr/pages'),
  },
  de: {
    board: () => import('virtual:accord-messages/de/board'),
    later: () => import('virtual:accord-messages/de/later'),
    pages: () => import('virtual:accord-messages/de/pages'),
  },
  'pt-BR': {
    board: () => import('virtual:accord-messages/pt-BR/board'),
    later: () => import('virtual:accord-messages/pt-BR/later'),
    pages: () => import('virtual:accord-messages/pt-BR/pages'),
  },
  ar: {
    board: () => import('virtual:accord-messages/ar/board'),
    later: () => import('virtual:accord-messages/ar/later'),
    pages: () => import('virtual:accord-messages/ar/pages'),
  },
};

/** English's parts loaded so far: the fallback of a message missing elsewhere. */
let englishAll: Catalog = english;
/**
 * The parts asked for so far, in index order (a part is never wanted without those before it): a
 * language switch loads them all in the new language.
 */
let wanted: readonly Part[] = ['board'];

/**
 * A language's catalog: the parts wanted so far, one after the other. Each part's indexes follow
 * the previous part's: appended, every message is at its key's index.
 */
async function catalogOf(locale: Locale): Promise<Catalog> {
  const parts = wanted;
  const [own, fallback] = await Promise.all([
    Promise.all(parts.map((part) => LOADERS[locale][part]())),
    Promise.all(parts.map((part) => LOADERS.en[part]())),
  ]);
  englishAll = fallback.flatMap((part) => part.default);
  return own.flatMap((part) => part.default);
}

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
  const message = catalog[indexOf(key)] ?? englishAll[indexOf(key)] ?? key;
  return typeof message === 'string' ? message : message(values);
}

/**
 * Loads a language's catalog, then switches every `useT` to it and marks the document (`lang`,
 * `dir`) so that screen readers pronounce it and the layout mirrors for Arabic.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  const catalog = await catalogOf(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
  setActive({ locale, catalog });
  for (const listener of activations) listener(locale);
}

const activations = new Set<(locale: Locale) => void>();

/**
 * Calls `listener` with the current language now and with each one activated later: what a
 * language needs beyond its catalog starts loading as soon as it is chosen (refusalText.ts).
 */
export function onLocaleActivated(listener: (locale: Locale) => void): void {
  activations.add(listener);
  listener(active.locale);
}

function setActive(next: Active): void {
  active = next;
  for (const listener of listeners) listener();
}

/** Loads the parts up to `part` in the current language (and English's, the fallback). */
async function loadParts(part: Part): Promise<void> {
  const parts: readonly Part[] = part === 'pages' ? ['board', 'later', 'pages'] : ['board', 'later'];
  if (wanted.length >= parts.length) return;
  wanted = parts;
  const { locale } = active;
  const catalog = await catalogOf(locale);
  // A language switch meanwhile loaded them itself (and maybe more).
  if (active.locale === locale && wanted === parts) setActive({ locale, catalog });
}

/**
 * Loads the `later` part (with the `board` part, the participant's lazily loaded views' words):
 * client/src/pages/participant/phaseViews.ts renders such a view only once its words are here.
 */
export function loadLaterMessages(): Promise<void> {
  return loadParts('later');
}

/**
 * Loads the `later` and `pages` parts of the current language (and English's, the fallback): a
 * lazily loaded page (client/src/App.tsx) is rendered only once its words are here.
 */
export function loadPageMessages(): Promise<void> {
  return loadParts('pages');
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
