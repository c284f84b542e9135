import { type FormEvent, useId, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../../shared/limits';
import { ApiError, importWorkshop } from '../../api';
import { openCreatedBoard } from './openCreatedBoard';

/** Starts a new board from a JSON export: the agreement, its records and versions, with fresh links. */
export function ImportForm() {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), hint: useId(), error: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError('Choose a file first: the .json file downloaded from a workshop.');
      file.current?.focus();
      return;
    }
    // Checked here too, to say so before uploading anything.
    if (chosen.size > MAX_IMPORT_BYTES) {
      setError(`This file is too large: an export can be at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      const text = await chosen.text();
      try {
        JSON.parse(text);
      } catch {
        throw new ApiError('This is not a JSON export from Accord. Choose the .json file downloaded from a workshop.');
      }
      openCreatedBoard(await importWorkshop(text));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The file could not be read. Try again.');
      setIsBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label htmlFor={ids.file}>Exported board (.json)</label>
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
        A new workshop is made from it, with its agreement, decision records and versions, and new links. The original stays as it
        is.
      </p>
      <p id={ids.error} className="form__error" aria-live="polite">
        {error}
      </p>
      <button type="submit" className="button" disabled={isBusy}>
        {isBusy ? 'Importing…' : 'Import the board'}
      </button>
    </form>
  );
}
