import { type FormEvent, useId, useState } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { useT } from '../../i18n/i18n';
import { saveTemplate } from '../../savedTemplates';
import { announce } from '../../store/toastStore';

/** Longest template name the server accepts (POST /api/boards `custom.name`). */
const MAX_TEMPLATE_NAME_CHARS = 80;

/**
 * Saves this board's structure (questions with their use, purpose, whether names are shown,
 * whether items carry action details) in this browser, to start new workshops from on the home page.
 */
export function SaveTemplateForm({ board }: { readonly board: BoardState }) {
  const t = useT();
  const [name, setName] = useState(board.meta.title.slice(0, MAX_TEMPLATE_NAME_CHARS));
  const [isAnonymous, setIsAnonymous] = useState(board.meta.settings.isAnonymous);
  const [usesSmartie, setUsesSmartie] = useState(board.meta.settings.usesSmartie);
  const [message, setMessage] = useState<string | null>(null);
  const ids = { name: useId(), hint: useId(), title: useId(), message: useId() };
  const prompts = sortedPrompts(board);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setMessage(t('facilitator.template.nameMissing'));
      return;
    }
    const isSaved = saveTemplate({
      name: trimmed,
      purpose: board.meta.purpose,
      prompts: prompts.map((p) => ({ text: p.text, kind: p.kind })),
      isAnonymous,
      usesSmartie,
    });
    const sentence = isSaved ? t('facilitator.template.saved', { name: trimmed }) : t('facilitator.template.notSaved');
    const tone = isSaved ? 'info' : 'error';
    setMessage(sentence);
    announce(sentence, tone);
  };

  return (
    <form className="form save-template" onSubmit={save} aria-labelledby={ids.title} noValidate>
      <h3 id={ids.title} className="save-template__title">
        {t('facilitator.template.heading')}
      </h3>
      <p id={ids.hint} className="hint">
        {t('facilitator.template.hint', { count: prompts.length })}
      </p>
      <label htmlFor={ids.name}>{t('facilitator.template.name')}</label>
      <input
        id={ids.name}
        className="input"
        dir="auto"
        value={name}
        maxLength={MAX_TEMPLATE_NAME_CHARS}
        aria-describedby={ids.hint}
        onChange={(e) => setName(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={!isAnonymous} onChange={(e) => setIsAnonymous(!e.target.checked)} />
        {t('facilitator.template.showNames')}
      </label>
      <label className="check">
        <input type="checkbox" checked={usesSmartie} onChange={(e) => setUsesSmartie(e.target.checked)} />
        {t('facilitator.template.smartie')}
      </label>
      <button type="submit" className="button">
        {t('facilitator.template.save')}
      </button>
      <p id={ids.message} className="hint" aria-live="off">
        {message}
      </p>
    </form>
  );
}
