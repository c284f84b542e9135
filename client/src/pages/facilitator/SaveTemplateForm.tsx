import { type FormEvent, useId, useState } from 'react';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { saveTemplate } from '../../savedTemplates';
import { announce } from '../../store/toastStore';

const countQuestions = (n: number) => (n === 1 ? '1 question' : `${n} questions`);

/** Longest template name the server accepts (POST /api/boards `custom.name`). */
const MAX_TEMPLATE_NAME_CHARS = 80;

/**
 * Saves this board's structure (questions with their use, purpose, whether names are shown,
 * whether items carry action details) in this browser, to start new workshops from on the home page.
 */
export function SaveTemplateForm({ board }: { readonly board: BoardState }) {
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
      setMessage('Give the template a name.');
      return;
    }
    const isSaved = saveTemplate({
      name: trimmed,
      purpose: board.meta.purpose,
      prompts: prompts.map((p) => ({ text: p.text, kind: p.kind })),
      isAnonymous,
      usesSmartie,
    });
    const sentence = isSaved
      ? `Template “${trimmed}” saved in this browser. Choose it on the home page to start a new workshop.`
      : 'This browser did not let Accord save the template (private window or full storage).';
    setMessage(sentence);
    announce(sentence, isSaved ? 'info' : 'error');
  };

  return (
    <form className="form save-template" onSubmit={save} aria-labelledby={ids.title} noValidate>
      <h3 id={ids.title} className="save-template__title">
        Save as a template
      </h3>
      <p id={ids.hint} className="hint">
        Keeps the {countQuestions(prompts.length)} (wording, order, and whether each is to agree on or to understand each other)
        and the purpose, in this browser only. Notes and decisions are not saved.
      </p>
      <label htmlFor={ids.name}>Template name</label>
      <input
        id={ids.name}
        className="input"
        value={name}
        maxLength={MAX_TEMPLATE_NAME_CHARS}
        aria-describedby={ids.hint}
        onChange={(e) => setName(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={!isAnonymous} onChange={(e) => setIsAnonymous(!e.target.checked)} />
        Show names on notes (for two people, where anonymity is pointless)
      </label>
      <label className="check">
        <input type="checkbox" checked={usesSmartie} onChange={(e) => setUsesSmartie(e.target.checked)} />
        Agreed items carry SMARTIE action details (owner, measure, deadline, equity check)
      </label>
      <button type="submit" className="button">
        Save as a template
      </button>
      <p id={ids.message} className="hint" aria-live="off">
        {message}
      </p>
    </form>
  );
}
