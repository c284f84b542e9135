import { readStored, writeStored } from '../storage';

/** The interface's languages (issue 14). English is the source: every other catalog has exactly its keys. */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

/**
 * Each language's name in itself, as a language menu lists them (the same in every language: a
 * reader looks for their own language's name, not for its name in a language they may not read).
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  ar: 'العربية',
};

/** Written right to left: the document gets `dir="rtl"` and the layout mirrors. */
const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar']);

/** This browser's own choice, kept across visits; absent until the person chooses. */
const STORED_LOCALE_KEY = 'locale';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function isRightToLeft(locale: Locale): boolean {
  return RTL_LOCALES.has(locale);
}

/**
 * The first of the browser's languages (most preferred first, as `navigator.languages` lists them)
 * that Accord speaks: an exact tag first (`pt-BR`), then its language alone (`es-MX` → `es`, any
 * `pt` → `pt-BR`, the only Portuguese there is). English when none matches.
 */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const exact = LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.split('-')[0]?.toLowerCase() ?? '';
    const byLanguage = LOCALES.find((l) => l.split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return SOURCE_LOCALE;
}

/** The stored choice if there is one, else what the browser prefers. */
export function initialLocale(): Locale {
  const stored = readStored(STORED_LOCALE_KEY);
  if (stored !== null && isLocale(stored)) return stored;
  return negotiateLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}

export function storeLocaleChoice(locale: Locale): void {
  writeStored(STORED_LOCALE_KEY, locale);
}
