import { type FormEvent, useEffect, useId, useState } from 'react';
import { MAX_PROMPT_CHARS } from '../../../../shared/limits';
import type { Prompt, PromptKind } from '../../../../shared/records/Prompt';
import { quoted } from '../../copy';
import { useT } from '../../i18n/i18n';
import { announce, announceQuietly } from '../../store/toastStore';
import { movePrompt, removePrompt, updatePrompt } from '../../sync/commands';
import { KIND_OPTION_KEYS } from './AddPromptForm';
import type { useConfirm } from './useConfirm';

export interface PromptEditorProps {
  readonly prompt: Prompt;
  /** Ids of the prompts around this one, for the move buttons. */
  readonly previousId: string | null;
  readonly nextNextId: string | null;
  readonly isLast: boolean;
  readonly confirm: ReturnType<typeof useConfirm>;
}

function refocus(id: string) {
  // The column moved in the DOM and lost focus: give it back to the same button.
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Setup tools of one prompt: wording, kind, position, removal. */
export function PromptEditor({ prompt, previousId, nextNextId, isLast, confirm }: PromptEditorProps) {
  const t = useT();
  const [text, setText] = useState(prompt.text);
  const textId = useId();
  const kindName = useId();
  const isChanged = text.trim() !== prompt.text && text.trim().length > 0;

  // A co-facilitator's edit (or my own, confirmed) replaces what the field shows.
  useEffect(() => setText(prompt.text), [prompt.text]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (isChanged && updatePrompt(prompt.id, { text: text.trim() }) === null) announceQuietly(t('facilitator.prompt.saved'));
  };
  const setKind = (kind: PromptKind) => updatePrompt(prompt.id, { kind });
  const earlierId = `move-earlier-${prompt.id}`;
  const laterId = `move-later-${prompt.id}`;

  return (
    <div className="prompt-editor">
      <form onSubmit={save} className="form form--compact">
        <label htmlFor={textId}>{t('facilitator.prompt.question')}</label>
        <textarea
          id={textId}
          className="composer__text"
          dir="auto"
          value={text}
          maxLength={MAX_PROMPT_CHARS}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            if (isChanged) updatePrompt(prompt.id, { text: text.trim() });
          }}
        />
        {isChanged && (
          <button type="submit" className="button button--small button--primary">
            {t('facilitator.prompt.save')}
          </button>
        )}
      </form>
      <fieldset className="tag-choice">
        <legend>{t('facilitator.prompt.kindLegend')}</legend>
        {(['align', 'awareness'] as const).map((kind) => (
          <label key={kind} className="tag-choice__option">
            <input type="radio" name={kindName} checked={prompt.kind === kind} onChange={() => setKind(kind)} />
            {t(KIND_OPTION_KEYS[kind])}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button
          id={earlierId}
          type="button"
          className="button button--small"
          disabled={previousId === null}
          aria-label={t('facilitator.prompt.moveEarlierLabel', { prompt: quoted(prompt.text) })}
          onClick={() => previousId && movePrompt(prompt.id, previousId) === null && refocus(earlierId)}
        >
          {t('facilitator.prompt.moveEarlier')}
        </button>
        <button
          id={laterId}
          type="button"
          className="button button--small"
          disabled={isLast}
          aria-label={t('facilitator.prompt.moveLaterLabel', { prompt: quoted(prompt.text) })}
          onClick={() => movePrompt(prompt.id, nextNextId) === null && refocus(laterId)}
        >
          {t('facilitator.prompt.moveLater')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={t('facilitator.prompt.removeLabel', { prompt: quoted(prompt.text) })}
          onClick={() =>
            confirm.ask({
              title: t('facilitator.prompt.removeTitle'),
              message: t('facilitator.prompt.removeMessage', { prompt: quoted(prompt.text) }),
              confirmLabel: t('facilitator.prompt.remove'),
              onConfirm: () => {
                if (removePrompt(prompt.id) === null) announce(t('facilitator.prompt.removed'));
              },
            })
          }
        >
          {t('facilitator.prompt.remove')}
        </button>
      </div>
    </div>
  );
}
