import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';

export interface NameRequest {
  readonly title: string;
  readonly label: string;
  readonly initial: string;
  readonly maxChars: number;
  readonly confirmLabel: string;
  readonly onConfirm: (name: string) => void;
}

/** A modal that asks for a short name, prefilled with a default that is selected for typing over. */
export function NameDialog({ request, onClose }: { readonly request: NameRequest | null; readonly onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(request?.initial ?? '');
  const titleId = useId();
  const inputId = useId();
  // A new request puts its default in the field in the same render that shows the form: set in an
  // effect, it arrived a render later, after the dialog had opened, and replaced whatever was
  // typed in between (on a busy phone, the first keystrokes).
  const [asked, setAsked] = useState(request);
  if (request !== asked) {
    setAsked(request);
    if (request) setName(request.initial);
  }

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) {
      element.showModal();
      // The default is in the field already: selected, so that typing replaces it.
      input.current?.select();
    }
    if (!request && element.open) element.close();
  }, [request]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!request || trimmed.length === 0) return;
    request.onConfirm(trimmed);
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {request && (
        <form onSubmit={submit} className="form">
          <h2 id={titleId} className="dialog__title">
            {request.title}
          </h2>
          <label htmlFor={inputId}>{request.label}</label>
          <input
            id={inputId}
            ref={input}
            className="input"
            value={name}
            maxLength={request.maxChars}
            onChange={(e) => setName(e.target.value)}
          />
          <div className="actions actions--end">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={name.trim().length === 0}>
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
