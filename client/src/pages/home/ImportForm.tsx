import { type FormEvent, useId, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../../shared/limits';
import { ApiError, importWorkshop } from '../../api';
import { useT } from '../../i18n/i18n';
import { openCreatedBoard } from './openCreatedBoard';

/** Starts a new board from a JSON export: the agreement, its records and versions, with fresh links. */
export function ImportForm() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), hint: useId(), error: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError(t('home.importForm.chooseFirst'));
      file.current?.focus();
      return;
    }
    // Checked here too, to say so before uploading anything.
    if (chosen.size > MAX_IMPORT_BYTES) {
      setError(t('home.importForm.tooLarge', { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) }));
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const text = await chosen.text();
      try {
        JSON.parse(text);
      } catch {
        throw new ApiError(t('home.importForm.notJson'));
      }
      openCreatedBoard(await importWorkshop(text));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('home.importForm.unreadable'));
      setIsBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label htmlFor={ids.file}>{t('home.importForm.fileLabel')}</label>
      <input
        id={ids.file}
        ref={file}
        className="input input--file"
        type="file"
        accept=".json,application/json"
        aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ''}`}
        onChange={() => setError(null)}
      />
      <p id={ids.hint} className="hint">
        {t('home.importForm.hint')}
      </p>
      <p id={ids.error} className="form__error" aria-live="polite">
        {error}
      </p>
      <button type="submit" className="button" disabled={isBusy}>
        {isBusy ? t('home.importForm.submitBusy') : t('home.importForm.submit')}
      </button>
    </form>
  );
}
