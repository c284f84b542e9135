import { type FormEvent, useId, useRef, useState } from 'react';
import { MAX_TITLE_CHARS } from '../../../shared/limits';
import { TEMPLATES, type Template } from '../../../shared/templates';
import { ApiError, createWorkshop } from '../api';
import { deleteTemplate, type SavedTemplate, savedTemplates } from '../savedTemplates';
import { openCreatedBoard } from './home/openCreatedBoard';

const countQuestions = (n: number) => (n === 1 ? '1 question' : `${n} questions`);
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** What a template does that people should know before choosing it. */
function Badges({ isAnonymous, usesSmartie }: { readonly isAnonymous: boolean; readonly usesSmartie: boolean }) {
  if (isAnonymous && !usesSmartie) return null;
  return (
    <span className="choice__badges">
      {!isAnonymous && <span className="badge badge--names">Names are shown on notes</span>}
      {usesSmartie && <span className="badge">SMARTIE action items</span>}
    </span>
  );
}

/** Creates a board from a built-in or a saved template and opens its facilitator view. */
export function StartForm() {
  const [choice, setChoice] = useState(`builtin:${TEMPLATES[0]?.id ?? ''}`);
  const [saved, setSaved] = useState<SavedTemplate[]>(savedTemplates);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  // Said in this form's own live region: the home page does not load the board's message store.
  const [status, setStatus] = useState('');
  const startButton = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), error: useId(), group: useId() };
  const builtin: Template | undefined = TEMPLATES.find((t) => `builtin:${t.id}` === choice);
  const custom = saved.find((t) => `saved:${t.id}` === choice);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const titled = title.trim() ? { title: title.trim() } : {};
    try {
      const created = custom
        ? await createWorkshop({
            custom: {
              name: custom.name,
              prompts: custom.prompts,
              isAnonymous: custom.isAnonymous,
              usesSmartie: custom.usesSmartie,
            },
            purpose: custom.purpose,
            ...titled,
          })
        : await createWorkshop({ templateId: builtin?.id ?? TEMPLATES[0]?.id ?? '', ...titled });
      openCreatedBoard(created);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Try again.');
      setIsBusy(false);
    }
  };

  const remove = (template: SavedTemplate) => {
    deleteTemplate(template.id);
    setSaved(savedTemplates());
    if (choice === `saved:${template.id}`) setChoice(`builtin:${TEMPLATES[0]?.id ?? ''}`);
    setStatus(`Template “${template.name}” deleted from this browser.`);
    startButton.current?.focus();
  };

  return (
    <form className="form" onSubmit={start}>
      <fieldset className="choices templates">
        <legend>Template</legend>
        {TEMPLATES.map((t) => (
          <label key={t.id} className="choice">
            <input
              type="radio"
              name={ids.group}
              checked={choice === `builtin:${t.id}`}
              onChange={() => setChoice(`builtin:${t.id}`)}
            />
            <span>
              <span className="choice__name">{t.name}</span>
              <span className="choice__summary">
                {t.summary} {countQuestions(t.prompts.length)}.
              </span>
              <Badges isAnonymous={t.isAnonymous} usesSmartie={t.usesSmartie} />
            </span>
          </label>
        ))}
      </fieldset>
      {saved.length > 0 && (
        <fieldset className="choices templates">
          <legend>
            Your templates <span className="optional">(saved in this browser)</span>
          </legend>
          {saved.map((t) => (
            <div key={t.id} className="saved-template">
              <label className="choice">
                <input
                  type="radio"
                  name={ids.group}
                  checked={choice === `saved:${t.id}`}
                  onChange={() => setChoice(`saved:${t.id}`)}
                />
                <span>
                  <span className="choice__name">{t.name}</span>
                  <span className="choice__summary">
                    {countQuestions(t.prompts.length)}, saved {DAY.format(t.savedAt)}.
                  </span>
                  <Badges isAnonymous={t.isAnonymous} usesSmartie={t.usesSmartie} />
                </span>
              </label>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Delete the template ‘${t.name}’`}
                onClick={() => remove(t)}
              >
                Delete
              </button>
            </div>
          ))}
        </fieldset>
      )}
      <p className="hint templates-status" role="status">
        {status}
      </p>
      <label htmlFor={ids.title}>
        Title <span className="optional">(optional)</span>
      </label>
      <input
        id={ids.title}
        className="input"
        value={title}
        maxLength={MAX_TITLE_CHARS}
        placeholder={custom?.name ?? builtin?.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <p id={ids.error} className="form__error" aria-live="polite">
        {error}
      </p>
      <button
        ref={startButton}
        type="submit"
        className="button button--primary"
        disabled={isBusy}
        aria-describedby={error ? ids.error : undefined}
      >
        {isBusy ? 'Starting…' : 'Start a workshop'}
      </button>
    </form>
  );
}
