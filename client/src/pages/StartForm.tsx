import { type FormEvent, useId, useState } from 'react';
import { MAX_TITLE_CHARS } from '../../../shared/limits';
import { TEMPLATES } from '../../../shared/templates';
import { ApiError, createWorkshop } from '../api';
import { navigate } from '../router';
import { writeStored } from '../storage';

/** Creates a board from a template and opens its facilitator view. */
export function StartForm() {
  const [templateId, setTemplateId] = useState(TEMPLATES[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const titleId = useId();
  const errorId = useId();
  const template = TEMPLATES.find((t) => t.id === templateId);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const created = await createWorkshop({ templateId, ...(title.trim() ? { title: title.trim() } : {}) });
      writeStored(`code:${created.boardId}`, created.joinCode);
      const url = new URL(created.facilitatorUrl);
      // Same origin as this page, whatever host name the server saw.
      navigate(url.pathname + url.hash);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Try again.');
      setIsBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={start}>
      <fieldset className="choices">
        <legend>Template</legend>
        {TEMPLATES.map((t) => (
          <label key={t.id} className="choice">
            <input type="radio" name="template" checked={t.id === templateId} onChange={() => setTemplateId(t.id)} />
            <span>
              <span className="choice__name">{t.name}</span>
              <span className="choice__summary">
                {t.summary} {t.prompts.length} questions.
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={titleId}>
        Title <span className="optional">(optional)</span>
      </label>
      <input
        id={titleId}
        className="input"
        value={title}
        maxLength={MAX_TITLE_CHARS}
        placeholder={template?.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <p id={errorId} className="form__error" aria-live="polite">
        {error}
      </p>
      <button type="submit" className="button button--primary" disabled={isBusy} aria-describedby={error ? errorId : undefined}>
        {isBusy ? 'Starting…' : 'Start a workshop'}
      </button>
    </form>
  );
}
