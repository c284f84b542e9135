import { useId, useState } from 'react';
import { activateLocale, useLocale, useT } from '../i18n/i18n';
import { isLocale, isRightToLeft, LOCALE_NAMES, LOCALES, type Locale, storeLocaleChoice } from '../i18n/locales';
import './languagePicker.css';

/**
 * The person's own interface language: a native select (a phone shows its own picker; a screen
 * reader reads each name in its language). The choice is kept in this browser and applies at once
 * to every page; the board's content is not translated.
 */
export function LanguagePicker({ className = '' }: { readonly className?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [isLoading, setIsLoading] = useState(false);
  const choose = async (value: string) => {
    if (!isLocale(value) || value === locale) return;
    storeLocaleChoice(value);
    setIsLoading(true);
    try {
      await activateLocale(value);
    } finally {
      setIsLoading(false);
    }
  };
  return (
    <div className={`language-picker ${className}`}>
      <label htmlFor={id} className="language-picker__label">
        <svg className="language-picker__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path
            d="M3 12h18M12 3c2.6 2.7 3.9 5.7 3.9 9s-1.3 6.3-3.9 9c-2.6-2.7-3.9-5.7-3.9-9S9.4 5.7 12 3z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          />
        </svg>
        <span className="visually-hidden">{t('common.language')}</span>
      </label>
      <select
        id={id}
        className="language-picker__select"
        value={locale}
        aria-busy={isLoading}
        onChange={(event) => void choose(event.target.value)}
      >
        <LanguageOptions languages={LOCALES} />
      </select>
    </div>
  );
}

/** A select's options, one per language, each named in itself and marked with its `lang` and direction. */
export function LanguageOptions({ languages }: { readonly languages: readonly Locale[] }) {
  return languages.map((language) => (
    <option key={language} value={language} lang={language} dir={isRightToLeft(language) ? 'rtl' : 'ltr'}>
      {LOCALE_NAMES[language]}
    </option>
  ));
}
