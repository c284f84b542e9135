import { type FormEvent, useEffect, useId, useState } from 'react';
import { MAX_PURPOSE_CHARS } from '../../../../shared/limits';
import { announceQuietly } from '../../store/toastStore';
import { updateBoard } from '../../sync/commands';

/** The purpose statement: why the group is here. Editable during setup. */
export function PurposeEditor({ purpose }: { readonly purpose: string }) {
  const [text, setText] = useState(purpose);
  const textId = useId();
  const hintId = useId();
  useEffect(() => setText(purpose), [purpose]);
  const isChanged = text.trim() !== purpose;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (isChanged && updateBoard({ purpose: text.trim() }) === null) announceQuietly('Purpose saved.');
  };

  return (
    <form className="form form--compact" onSubmit={save}>
      <label htmlFor={textId}>Purpose</label>
      <textarea
        id={textId}
        className="composer__text"
        value={text}
        maxLength={MAX_PURPOSE_CHARS}
        rows={3}
        aria-describedby={hintId}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={hintId} className="hint">
        Participants see it under “Why we are here”.
      </p>
      <button type="submit" className="button button--small button--primary" disabled={!isChanged}>
        Save purpose
      </button>
    </form>
  );
}
