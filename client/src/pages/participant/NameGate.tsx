import { type FormEvent, useId, useState } from 'react';
import { MAX_DISPLAY_NAME_CHARS } from '../../../../shared/limits';
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
  const [name, setName] = useState(lastDisplayName);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isNamed && name.trim() === '') {
      setError('Write your name: on this board, notes show who wrote them.');
      return;
    }
    onDone(name.trim());
  };

  return (
    <main className="page page--narrow name-gate">
      <p className="eyebrow">You are joining</p>
      <h1>{title}</h1>
      <form className="form" onSubmit={submit}>
        <label htmlFor={inputId}>Your name {!isNamed && <span className="optional">(optional)</span>}</label>
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
          {isNamed
            ? 'Names are shown on this board: every note shows who wrote it, and your name is in the list of who is here.'
            : 'Shown only in the list of who is here, never on your notes.'}
        </p>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary">
            Continue
          </button>
          {!isNamed && (
            <button type="button" className="button" onClick={() => onDone('')}>
              Skip, stay nameless
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
