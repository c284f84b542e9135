import type { RefusalLike } from './errors';
import { loadLaterMessages, onLocaleActivated } from './i18n';
import { SOURCE_LOCALE, type Locale } from './locales';

/**
 * Refusals in the person's language, without their words in the participant's first load: the
 * server (and the shared domain, when the browser predicts a refusal) says every refusal in
 * English, so an English reader needs nothing more. For another language, `prepareRefusals`
 * fetches the id → message table (client/src/i18n/errors.ts) and the catalogs' `later` part, where
 * the participant's refusals are (`error.*`), as soon as that language is chosen: by the time
 * something is refused, they are here. Until then a refusal reads in the server's English.
 */
type Say = (refusal: RefusalLike) => string;
let say: Say | null = null;
let preparing: Promise<void> | null = null;

/** Starts fetching what refusals need in `locale` (nothing for English); resolves once it is here. */
export function prepareRefusals(locale: Locale): Promise<void> {
  if (locale === SOURCE_LOCALE) return Promise.resolve();
  preparing ??= Promise.all([import('./errors'), loadLaterMessages()]).then(
    ([errors]) => {
      say = errors.refusalSentence;
    },
    () => {
      // Offline, say: the next language choice tries again; meanwhile refusals read in English.
      preparing = null;
    },
  );
  return preparing;
}

onLocaleActivated((locale) => void prepareRefusals(locale));

/** What a refusal says in the person's language (its English message until prepareRefusals is done). */
export function refusalText(refusal: RefusalLike): string {
  return say === null ? refusal.message : say(refusal);
}
