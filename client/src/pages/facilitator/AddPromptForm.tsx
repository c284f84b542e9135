import { type FormEvent, useId, useState } from 'react';
import { MAX_PROMPT_CHARS } from '../../../../shared/limits';
import type { PromptKind } from '../../../../shared/records/Prompt';
import { PROMPT_KIND_NAMES } from '../../copy';
import { announce } from '../../store/toastStore';
import { addPrompt } from '../../sync/commands';

/** Adds a question at the end of the board. */
export function AddPromptForm() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PromptKind>('align');
  const textId = useId();
  const kindName = useId();

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length === 0) return;
    if (addPrompt(text.trim(), kind) === null) {
      setText('');
      announce('Question added at the end.');
    }
  };

  return (
    <section className="column column--add" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`} className="column__title">
        Add a question
      </h2>
      <form className="form form--compact" onSubmit={add}>
        <label htmlFor={textId}>Question</label>
        <textarea
          id={textId}
          className="composer__text"
          value={text}
          maxLength={MAX_PROMPT_CHARS}
          rows={3}
          onChange={(e) => setText(e.target.value)}
        />
        <fieldset className="tag-choice">
          <legend>Answers are used</legend>
          {(['align', 'awareness'] as const).map((k) => (
            <label key={k} className="tag-choice__option">
              <input type="radio" name={kindName} checked={kind === k} onChange={() => setKind(k)} />
              {PROMPT_KIND_NAMES[k]}
              {k === 'awareness' && ' (awareness only)'}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={text.trim().length === 0}>
          Add question
        </button>
      </form>
    </section>
  );
}
