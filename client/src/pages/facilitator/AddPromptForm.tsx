import { type FormEvent, useId, useState } from 'react';
import { MAX_PROMPT_CHARS } from '../../../../shared/limits';
import type { PromptKind } from '../../../../shared/records/Prompt';
import { type MessageKey, useT } from '../../i18n/i18n';
import { announce } from '../../store/toastStore';
import { addPrompt } from '../../sync/commands';

/** How each use of a question's answers is offered in the setup forms. */
export const KIND_OPTION_KEYS = {
  align: 'facilitator.prompt.kindOption.align',
  awareness: 'facilitator.prompt.kindOption.awareness',
} as const satisfies Record<PromptKind, MessageKey>;

/** Adds a question at the end of the board. */
export function AddPromptForm() {
  const t = useT();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PromptKind>('align');
  const textId = useId();
  const kindName = useId();

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length === 0) return;
    if (addPrompt(text.trim(), kind) === null) {
      setText('');
      announce(t('facilitator.prompt.added'));
    }
  };

  return (
    <section className="column column--add" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`} className="column__title">
        {t('facilitator.prompt.addHeading')}
      </h2>
      <form className="form form--compact" onSubmit={add}>
        <label htmlFor={textId}>{t('facilitator.prompt.question')}</label>
        <textarea
          id={textId}
          className="composer__text"
          dir="auto"
          value={text}
          maxLength={MAX_PROMPT_CHARS}
          rows={3}
          onChange={(e) => setText(e.target.value)}
        />
        <fieldset className="tag-choice">
          <legend>{t('facilitator.prompt.kindLegend')}</legend>
          {(['align', 'awareness'] as const).map((k) => (
            <label key={k} className="tag-choice__option">
              <input type="radio" name={kindName} checked={kind === k} onChange={() => setKind(k)} />
              {t(KIND_OPTION_KEYS[k])}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={text.trim().length === 0}>
          {t('facilitator.prompt.add')}
        </button>
      </form>
    </section>
  );
}
