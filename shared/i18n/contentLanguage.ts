import { oneOf } from '../validate';

/**
 * The languages a board's content (its template's title, purpose and prompts) and its exports can
 * be written in: the interface's languages (client/src/i18n/locales.ts), as BCP 47 tags that `Intl`
 * accepts as they are.
 */
export const CONTENT_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ar'] as const;
/** See {@link CONTENT_LANGUAGES}. */
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** The language of a board created before boards recorded one, and of a request that names none. */
export const DEFAULT_CONTENT_LANGUAGE: ContentLanguage = 'en';

/** Validates a content language tag, exactly as listed (`pt-BR`, not `pt-br`). */
export const contentLanguage = oneOf(CONTENT_LANGUAGES);

/** True when `value` is one of {@link CONTENT_LANGUAGES}. */
export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === 'string' && (CONTENT_LANGUAGES as readonly string[]).includes(value);
}

/** The language a board's content was created in: its recorded one, else English (older boards). */
export function boardLanguage(meta: { readonly contentLanguage?: ContentLanguage | undefined }): ContentLanguage {
  return meta.contentLanguage ?? DEFAULT_CONTENT_LANGUAGE;
}
