import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_REASON_CHARS } from '../../../../shared/limits';
import type { Proposal, ResponseKind } from '../../../../shared/records/Proposal';
import { quoted } from '../../copy';
import { useBoardStore } from '../../store/boardStore';
import { submitAcknowledged } from '../../sync/commands';
import { ANSWER_PRIVACY, BLOCK_EXPLANATION, RESPONSE_MEANINGS, RESPONSE_NAMES } from './decisionCopy';

const KINDS: readonly ResponseKind[] = ['agree', 'canLive', 'block'];
const BLOCK_NEEDS_REASON = 'Say what makes this a real barrier for you: a block needs a reason.';

/** My answer to an open round, as a radio group; it can be changed until the round closes. */
export function ResponseForm({ proposal }: { readonly proposal: Proposal }) {
  const saved = useBoardStore((s) => s.myResponses[proposal.id] ?? null);
  const [choice, setChoice] = useState<ResponseKind | null>(saved?.response ?? null);
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const name = useId();
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();

  // An answer given from another tab, or arriving after a reload, shows up here. Compared by value:
  // the store rebuilds this object on every board change, which must not wipe what I am typing.
  const savedResponse = saved?.response ?? null;
  const savedReason = saved?.reason ?? null;
  useEffect(() => {
    if (savedResponse === null) return;
    setChoice(savedResponse);
    setReason(savedReason ?? '');
  }, [savedResponse, savedReason]);

  const trimmed = reason.trim();
  const isChanged = saved === null || saved.response !== choice || (saved.reason ?? '') !== trimmed;

  const isBlock = choice === 'block';

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!isChanged) return;
    if (choice === null) {
      setError('Choose an answer first.');
      firstChoice.current?.focus();
      return;
    }
    if (choice === 'block' && trimmed === '') {
      setError(BLOCK_NEEDS_REASON);
      reasonField.current?.focus();
      return;
    }
    setError(null);
    // The form shows the answer; screen readers hear it once the server has it (not while it waits offline).
    submitAcknowledged(
      { type: 'respond', proposalId: proposal.id, response: choice, reason: trimmed === '' ? null : trimmed },
      saved === null
        ? `Answer sent: ${RESPONSE_NAMES[choice]}. You can change it until the round closes.`
        : `Answer changed to ${RESPONSE_NAMES[choice]}.`,
      undefined,
      true,
    );
  };

  return (
    <form className="response-form" onSubmit={send} noValidate>
      <fieldset className="responses">
        <legend className="responses__legend">
          Your answer<span className="visually-hidden"> to {quoted(proposal.statement)}</span>
        </legend>
        {KINDS.map((kind) => (
          <label key={kind} className={`response response--${kind}`}>
            <input
              ref={kind === 'agree' ? firstChoice : undefined}
              type="radio"
              name={name}
              value={kind}
              checked={choice === kind}
              onChange={() => {
                setChoice(kind);
                setError(null);
              }}
            />
            <span className="response__text">
              <span className="response__name">{RESPONSE_NAMES[kind]}</span>
              <span className="response__meaning">{RESPONSE_MEANINGS[kind]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id={hintId} className={`response-form__hint${isBlock ? ' response-form__hint--block' : ''}`}>
        {BLOCK_EXPLANATION}
      </p>
      <label htmlFor={reasonId} className="response-form__label">
        {isBlock ? 'What makes this a real barrier for you?' : 'Your reason'}{' '}
        <span className="optional">{isBlock ? '(needed for a block)' : '(optional)'}</span>
      </label>
      <textarea
        id={reasonId}
        ref={reasonField}
        className="composer__text"
        rows={3}
        maxLength={MAX_REASON_CHARS}
        value={reason}
        aria-invalid={error === BLOCK_NEEDS_REASON}
        aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
        onChange={(e) => {
          setReason(e.target.value);
          if (error === BLOCK_NEEDS_REASON) setError(null);
        }}
      />
      <p id={errorId} className="form__error">
        {error}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={!isChanged}>
          {saved === null ? 'Send my answer' : isChanged ? 'Change my answer' : 'Answer sent'}
        </button>
        {saved !== null && (
          <p className="response-form__saved">
            You answered <strong>{RESPONSE_NAMES[saved.response]}</strong>
            {saved.reason ? ' with a reason' : ''}. You can change it until the round closes.
          </p>
        )}
      </div>
      <p className="privacy">{ANSWER_PRIVACY}</p>
    </form>
  );
}
