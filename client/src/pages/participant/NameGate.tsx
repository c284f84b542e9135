import { type FormEvent, useId, useState } from 'react';
import { MAX_DISPLAY_NAME_CHARS } from '../../../../shared/limits';
import { lastDisplayName } from '../../storage';

/** Asks once for an optional name, and says exactly where it will (and will not) appear. */
export function NameGate({ title, onDone }: { readonly title: string; readonly onDone: (name: string) => void }) {
  const [name, setName] = useState(lastDisplayName);
  const inputId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone(name.trim());
  };

  return (
    <main className="page page--narrow">
      <p className="eyebrow">You are joining</p>
      <h1>{title}</h1>
      <form className="form" onSubmit={submit}>
        <label htmlFor={inputId}>
          Your name <span className="optional">(optional)</span>
        </label>
        <input
          id={inputId}
          className="input"
          value={name}
          maxLength={MAX_DISPLAY_NAME_CHARS}
          autoComplete="nickname"
          aria-describedby={hintId}
          onChange={(e) => setName(e.target.value)}
        />
        <p id={hintId} className="hint">
          Shown only in the list of who is here, never on your notes.
        </p>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Continue
          </button>
          <button type="button" className="button" onClick={() => onDone('')}>
            Skip, stay nameless
          </button>
        </div>
      </form>
    </main>
  );
}
