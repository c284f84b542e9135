import { useId } from 'react';
import { CONTENT_LANGUAGES, type ContentLanguage, isContentLanguage } from '../../../shared/i18n/contentLanguage';
import { LanguageOptions } from './LanguagePicker';
import './contentLanguageSelect.css';

export interface ContentLanguageSelectProps {
  /** What the choice decides, in the interface's language. */
  readonly label: string;
  /** What it changes and what it does not, read with the select (aria-describedby). */
  readonly hint: string;
  readonly value: ContentLanguage;
  readonly onChange: (language: ContentLanguage) => void;
}

/**
 * The language something is written in for others (a board's template, a downloaded file), not the
 * person's own interface language (LanguagePicker). A native select naming each language in itself,
 * marked with its `lang` so that a screen reader pronounces it.
 */
export function ContentLanguageSelect({ label, hint, value, onChange }: ContentLanguageSelectProps) {
  const ids = { select: useId(), hint: useId() };
  return (
    <div className="content-language">
      <label htmlFor={ids.select}>{label}</label>
      <p id={ids.hint} className="hint content-language__hint">
        {hint}
      </p>
      <select
        id={ids.select}
        className="input content-language__select"
        value={value}
        aria-describedby={ids.hint}
        onChange={(event) => {
          const chosen = event.target.value;
          if (isContentLanguage(chosen)) onChange(chosen);
        }}
      >
        <LanguageOptions languages={CONTENT_LANGUAGES} />
      </select>
    </div>
  );
}
