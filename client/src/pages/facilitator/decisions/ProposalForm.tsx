import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import { MAX_STATEMENT_CHARS } from '../../../../../shared/limits';
import type { AgreementItem } from '../../../../../shared/records/AgreementItem';
import type { Proposal, ProposalKind } from '../../../../../shared/records/Proposal';
import { endSentence } from '../../../components/decisions/decisionCopy';
import { formatNumber } from '../../../i18n/format';
import { useLocale, useT } from '../../../i18n/i18n';
import { announce } from '../../../store/toastStore';
import { openProposal } from '../../../sync/commands';
import { RuleFields, readRuleDraft, useRuleDraft } from './RuleFields';

export interface ProposalFormProps {
  readonly promptId: string;
  readonly themeId: string | null;
  readonly initialStatement: string;
  /** The failed round this revises; null for a first round. */
  readonly previous: Proposal | null;
  /** The board's rule (see `boardRule`): every round starts from it, never from the last round's. */
  readonly defaults: RuleSettings;
  /** Names the form for screen readers: "Propose an agreement for ‘Meeting times’". */
  readonly title: string;
  readonly onDone: () => void;
  readonly onCancel: () => void;
  /** adopt (default): a new item; amend: new wording for the target; retire: drop the target. */
  readonly kind?: ProposalKind;
  readonly target?: AgreementItem | null;
}

/** True when two settings decide alike (numbers a rule does not use do not count). */
function sameRule(a: RuleSettings, b: RuleSettings): boolean {
  if (a.rule !== b.rule) return false;
  if (a.rule !== 'consent' && a.quorumPercent !== b.quorumPercent) return false;
  return a.rule !== 'majority' || a.thresholdPercent === b.thresholdPercent;
}

/** Drafts a statement and opens a consensus round on it under a rule the group can read in one sentence. */
export function ProposalForm(props: ProposalFormProps) {
  const t = useT();
  const locale = useLocale();
  const { previous } = props;
  const kind = props.kind ?? 'adopt';
  const target = props.target ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  // A retirement has no text to write: the form's title takes the focus instead of a text field.
  useEffect(() => {
    if (kind === 'retire') heading.current?.focus();
  }, [kind]);
  const [statement, setStatement] = useState(props.initialStatement);
  const [draft, setDraft] = useRuleDraft(props.defaults);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const ids = { statement: useId(), counter: useId(), title: useId() };
  const settings = readRuleDraft(draft, props.defaults);
  const isBoardRule = typeof settings !== 'string' && sameRule(settings, props.defaults);

  const fail = (message: string) => {
    setError(message);
    announce(message, 'error');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    const text = statement.trim();
    if (text === '') return fail(t('facilitator.decide.form.needStatement'));
    if (kind === 'amend' && text === target?.statement) return fail(t('facilitator.decide.form.sameWording'));
    if (typeof settings === 'string') return fail(settings);
    setError(null);
    setIsSending(true);
    const result = await openProposal({
      promptId: props.promptId,
      themeId: props.themeId,
      statement: text,
      ...settings,
      previousProposalId: previous?.id ?? null,
      ...(kind === 'adopt' ? {} : { kind, targetAgreementId: target?.id ?? null }),
    });
    setIsSending(false);
    if (result.ok) props.onDone();
    else setError(result.message);
  };

  return (
    <form className="proposal-form" onSubmit={submit} aria-labelledby={ids.title} noValidate>
      <h5 id={ids.title} ref={heading} tabIndex={-1} className="proposal-form__title">
        {props.title}
      </h5>
      {previous && (
        <p className="hint">{t('facilitator.decide.form.revise', { next: previous.round + 1, round: previous.round })}</p>
      )}
      {target && (
        <div className="change">
          <p className="change__label">{t('facilitator.decide.form.inForce', { version: target.version })}</p>
          <p className="change__old">{target.statement}</p>
        </div>
      )}
      {kind === 'retire' ? (
        <p className="hint">{t('facilitator.decide.form.retireAsk', { statement: endSentence(`“${statement}”`) })}</p>
      ) : (
        <>
          <label htmlFor={ids.statement} className="response-form__label">
            {t(kind === 'amend' ? 'facilitator.decide.form.newWording' : 'facilitator.decide.form.agreement')}
          </label>
          <textarea
            id={ids.statement}
            className="composer__text"
            rows={3}
            maxLength={MAX_STATEMENT_CHARS}
            value={statement}
            aria-describedby={ids.counter}
            // biome-ignore lint/a11y/noAutofocus: the form opens on request; editing the statement is the next step.
            autoFocus
            onChange={(e) => setStatement(e.target.value)}
          />
          <p id={ids.counter} className="composer__counter">
            {t('facilitator.decide.form.counter', { length: statement.length, max: MAX_STATEMENT_CHARS })}
          </p>
        </>
      )}
      <RuleFields legend={t('facilitator.decide.howGroupDecides')} draft={draft} onChange={setDraft} />
      {!isBoardRule && <p className="hint">{t('facilitator.decide.form.thisRoundOnly', { rule: props.defaults.rule })}</p>}
      <p className="form__error">{error}</p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={isSending}>
          {t('facilitator.decide.form.submit', {
            kind: previous ? 'again' : kind,
            rule: typeof settings === 'string' ? 'none' : settings.rule,
            threshold:
              typeof settings === 'string'
                ? ''
                : formatNumber(locale, settings.thresholdPercent / 100, { style: 'percent', maximumFractionDigits: 2 }),
          })}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('facilitator.decide.cancel')}
        </button>
      </div>
    </form>
  );
}
