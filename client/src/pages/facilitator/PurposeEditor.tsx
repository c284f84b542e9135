import { type FormEvent, useEffect, useId, useState } from 'react';
import { MAX_PURPOSE_CHARS } from '../../../../shared/limits';
import { useT } from '../../i18n/i18n';
import { announceQuietly } from '../../store/toastStore';
import { updateBoard } from '../../sync/commands';

/** The purpose statement: why the group is here. Editable during setup. */
export function PurposeEditor({ purpose }: { readonly purpose: string }) {
  const t = useT();
  const [text, setText] = useState(purpose);
  const textId = useId();
  const hintId = useId();
  useEffect(() => setText(purpose), [purpose]);
  const isChanged = text.trim() !== purpose;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (isChanged && updateBoard({ purpose: text.trim() }) === null) announceQuietly(t('facilitator.purpose.saved'));
  };

  return (
    <form className="form form--compact" onSubmit={save}>
      <label htmlFor={textId}>{t('facilitator.purpose.label')}</label>
      <textarea
        id={textId}
        className="composer__text"
        dir="auto"
        value={text}
        maxLength={MAX_PURPOSE_CHARS}
        rows={3}
        aria-describedby={hintId}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={hintId} className="hint">
        {t('facilitator.purpose.hint')}
      </p>
      <button type="submit" className="button button--small button--primary" disabled={!isChanged}>
        {t('facilitator.purpose.save')}
      </button>
    </form>
  );
}
