import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { MAX_REASON_CHARS } from '../../../../shared/limits';
import type { Proposal, ResponseKind } from '../../../../shared/records/Proposal';
import { quoted } from '../../copy';
import { useBoardStore } from '../../store/boardStore';
import { submitAcknowledged } from '../../sync/commands';
import { type MessageKey, translate, useT } from '../../i18n/i18n';
import { RESPONSE_NAME_KEYS as NAME_KEYS } from './decisionCopy';
import { EMPHASIS_MARK, Emphasized } from './Emphasized';

const KINDS: readonly ResponseKind[] = ['agree', 'canLive', 'block'];
/** A problem with the answer, shown under the reason field in the reader's language. */
type Problem = 'chooseFirst' | 'blockNeedsReason';
const PROBLEM_KEYS: Readonly<Record<Problem, MessageKey>> = {
  chooseFirst: 'decisions.response.chooseFirst',
  blockNeedsReason: 'decisions.response.blockNeedsReason',
};
const MEANING_KEYS: Readonly<Record<ResponseKind, MessageKey>> = {
  agree: 'decisions.answer.agreeMeaning',
  canLive: 'decisions.answer.canLiveMeaning',
  block: 'decisions.answer.blockMeaning',
};

/** My answer to an open round, as a radio group; it can be changed until the round closes. */
export function ResponseForm({ proposal }: { readonly proposal: Proposal }) {
  const t = useT();
  const saved = useBoardStore((s) => s.myResponses[proposal.id] ?? null);
  const [choice, setChoice] = useState<ResponseKind | null>(saved?.response ?? null);
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
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
      setProblem('chooseFirst');
      firstChoice.current?.focus();
      return;
    }
    if (choice === 'block' && trimmed === '') {
      setProblem('blockNeedsReason');
      reasonField.current?.focus();
      return;
    }
    setProblem(null);
    // The form shows the answer; screen readers hear it once the server has it (not while it waits offline).
    submitAcknowledged(
      { type: 'respond', proposalId: proposal.id, response: choice, reason: trimmed === '' ? null : trimmed },
      saved === null
        ? translate('decisions.response.sentAnnouncement', { answer: translate(NAME_KEYS[choice]) })
        : translate('decisions.response.changedAnnouncement', { answer: translate(NAME_KEYS[choice]) }),
      undefined,
      true,
    );
  };

  return (
    <form className="response-form" onSubmit={send} noValidate>
      <fieldset className="responses">
        <legend className="responses__legend">
          {t('decisions.response.legend')}
          <span className="visually-hidden">
            {' '}
            {t('decisions.response.legendTarget', { statement: quoted(proposal.statement) })}
          </span>
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
                setProblem(null);
              }}
            />
            <span className="response__text">
              <span className="response__name">{t(NAME_KEYS[kind])}</span>
              <span className="response__meaning">{t(MEANING_KEYS[kind])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id={hintId} className={`response-form__hint${isBlock ? ' response-form__hint--block' : ''}`}>
        {t('decisions.answer.blockExplanation')}
      </p>
      <label htmlFor={reasonId} className="response-form__label">
        {t(isBlock ? 'decisions.response.reasonLabelBlock' : 'decisions.response.reasonLabel')}{' '}
        <span className="optional">{t(isBlock ? 'decisions.response.reasonNeeded' : 'decisions.response.reasonOptional')}</span>
      </label>
      <textarea
        id={reasonId}
        ref={reasonField}
        className="composer__text"
        rows={3}
        maxLength={MAX_REASON_CHARS}
        value={reason}
        aria-invalid={problem === 'blockNeedsReason'}
        aria-describedby={`${hintId}${problem ? ` ${errorId}` : ''}`}
        onChange={(e) => {
          setReason(e.target.value);
          if (problem === 'blockNeedsReason') setProblem(null);
        }}
      />
      <p id={errorId} className="form__error">
        {problem === null ? null : t(PROBLEM_KEYS[problem])}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={!isChanged}>
          {t(saved === null ? 'decisions.response.send' : isChanged ? 'decisions.response.change' : 'decisions.response.sent')}
        </button>
        {saved !== null && <SavedAnswer answer={t(NAME_KEYS[saved.response])} hasReason={Boolean(saved.reason)} />}
      </div>
      <p className="privacy">{t('decisions.answer.privacy')}</p>
    </form>
  );
}

/** "You answered **Agree** with a reason. …": one sentence per language, the answer's name in bold. */
function SavedAnswer({ answer, hasReason }: { readonly answer: string; readonly hasReason: boolean }) {
  const t = useT();
  const sentence = t('decisions.response.saved', { answer: EMPHASIS_MARK, withReason: hasReason ? 'yes' : 'no' });
  return (
    <p className="response-form__saved">
      <Emphasized sentence={sentence}>{answer}</Emphasized>
    </p>
  );
}
