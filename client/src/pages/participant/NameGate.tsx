import { type FormEvent, useId, useState } from 'react';
import { MAX_DISPLAY_NAME_CHARS } from '../../../../shared/limits';
import { useT } from '../../i18n/i18n';
import { lastDisplayName } from '../../storage';

/** Asks once for an optional name, and says exactly where it will (and will not) appear. */
export function NameGate({
  title,
  isNamed = false,
  onDone,
}: {
  readonly title: string;
  /** Notes carry their author's name on this board (two people): a name is needed to write. */
  readonly isNamed?: boolean;
  readonly onDone: (name: string) => void;
}) {
  const t = useT();
  const [name, setName] = useState(lastDisplayName);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isNamed && name.trim() === '') {
      setError(t('participant.nameNeeded'));
      return;
    }
    onDone(name.trim());
  };

  return (
    <main className="page page--narrow name-gate">
      <p className="eyebrow">{t('participant.joining')}</p>
      <h1>{title}</h1>
      <form className="form" onSubmit={submit}>
        <label htmlFor={inputId}>
          {t('participant.yourName')} {!isNamed && <span className="optional">{t('participant.optional')}</span>}
        </label>
        <input
          id={inputId}
          className="input"
          value={name}
          maxLength={MAX_DISPLAY_NAME_CHARS}
          autoComplete="nickname"
          aria-describedby={hintId}
          aria-invalid={error !== null}
          onChange={(e) => setName(e.target.value)}
        />
        <p id={hintId} className="hint">
          {isNamed ? t('participant.namedHint') : t('participant.namelessHint')}
        </p>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('participant.continue')}
          </button>
          {!isNamed && (
            <button type="button" className="button" onClick={() => onDone('')}>
              {t('participant.skipName')}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
