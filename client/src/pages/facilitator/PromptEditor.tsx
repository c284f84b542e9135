import { type FormEvent, useEffect, useId, useState } from 'react';
import { MAX_PROMPT_CHARS } from '../../../../shared/limits';
import type { Prompt, PromptKind } from '../../../../shared/records/Prompt';
import { PROMPT_KIND_NAMES, quoted } from '../../copy';
import { announce, announceQuietly } from '../../store/toastStore';
import { movePrompt, removePrompt, updatePrompt } from '../../sync/commands';
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
  const [text, setText] = useState(prompt.text);
  const textId = useId();
  const kindName = useId();
  const isChanged = text.trim() !== prompt.text && text.trim().length > 0;

  // A co-facilitator's edit (or my own, confirmed) replaces what the field shows.
  useEffect(() => setText(prompt.text), [prompt.text]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (isChanged && updatePrompt(prompt.id, { text: text.trim() }) === null) announceQuietly('Question saved.');
  };
  const setKind = (kind: PromptKind) => updatePrompt(prompt.id, { kind });
  const earlierId = `move-earlier-${prompt.id}`;
  const laterId = `move-later-${prompt.id}`;

  return (
    <div className="prompt-editor">
      <form onSubmit={save} className="form form--compact">
        <label htmlFor={textId}>Question</label>
        <textarea
          id={textId}
          className="composer__text"
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
            Save question
          </button>
        )}
      </form>
      <fieldset className="tag-choice">
        <legend>Answers are used</legend>
        {(['align', 'awareness'] as const).map((kind) => (
          <label key={kind} className="tag-choice__option">
            <input type="radio" name={kindName} checked={prompt.kind === kind} onChange={() => setKind(kind)} />
            {PROMPT_KIND_NAMES[kind]}
            {kind === 'awareness' && ' (awareness only)'}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button
          id={earlierId}
          type="button"
          className="button button--small"
          disabled={previousId === null}
          aria-label={`Move earlier: ${quoted(prompt.text)}`}
          onClick={() => previousId && movePrompt(prompt.id, previousId) === null && refocus(earlierId)}
        >
          Move earlier
        </button>
        <button
          id={laterId}
          type="button"
          className="button button--small"
          disabled={isLast}
          aria-label={`Move later: ${quoted(prompt.text)}`}
          onClick={() => movePrompt(prompt.id, nextNextId) === null && refocus(laterId)}
        >
          Move later
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={`Remove: ${quoted(prompt.text)}`}
          onClick={() =>
            confirm.ask({
              title: 'Remove this question?',
              message: `${quoted(prompt.text)} will be removed from the board.`,
              confirmLabel: 'Remove',
              onConfirm: () => {
                if (removePrompt(prompt.id) === null) announce('Question removed.');
              },
            })
          }
        >
          Remove
        </button>
      </div>
    </div>
  );
}
