import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_TITLE_CHARS } from '../../../../shared/limits';
import { useT } from '../../i18n/i18n';
import { renameBoard } from '../../sync/commands';

/** The board title as the page heading, renamed in place in any phase (even once closed: it is a label). */
export function TitleEditor({ title }: { readonly title: string }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const isEditing = draft !== null;

  // Focus follows the form: into the field when it opens, back to "Rename" when it closes.
  useEffect(() => {
    if (isEditing) input.current?.focus();
    else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = draft?.trim() ?? '';
    if (next.length === 0 || next === title || renameBoard(next) === null) setDraft(null);
  };

  if (isEditing) {
    return (
      <form className="title-editor" onSubmit={save}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('facilitator.title.label')}
        </label>
        <input
          id={inputId}
          ref={input}
          className="input"
          dir="auto"
          value={draft ?? ''}
          maxLength={MAX_TITLE_CHARS}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <button type="submit" className="button button--small button--primary">
          {t('facilitator.title.save')}
        </button>
        <button type="button" className="button button--small" onClick={() => setDraft(null)}>
          {t('facilitator.title.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="title-editor">
      <h1 className="topbar__title" dir="auto">
        {title}
      </h1>
      <button
        ref={renameButton}
        type="button"
        className="button button--small button--quiet title-editor__rename"
        onClick={() => setDraft(title)}
      >
        <span aria-hidden="true">✎</span>
        {/* The short word is seen; the whole sentence is said, in each language's word order. */}
        <span className="title-editor__rename-label" aria-hidden="true">
          {t('facilitator.title.rename')}
        </span>
        <span className="visually-hidden">{t('facilitator.title.renameWorkshop')}</span>
      </button>
    </div>
  );
}
