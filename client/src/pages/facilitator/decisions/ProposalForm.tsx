import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import { MAX_STATEMENT_CHARS } from '../../../../../shared/limits';
import type { AgreementItem } from '../../../../../shared/records/AgreementItem';
import { DECISION_RULES, type DecisionRule, type Proposal, type ProposalKind } from '../../../../../shared/records/Proposal';
import { RULE_NAMES, ruleSentence } from '../../../components/decisions/decisionCopy';
import { announce } from '../../../store/toastStore';
import { openProposal } from '../../../sync/commands';

export interface ProposalFormProps {
  readonly promptId: string;
  readonly themeId: string | null;
  readonly initialStatement: string;
  /** The failed round this revises; null for a first round. */
  readonly previous: Proposal | null;
  readonly defaults: RuleSettings;
  /** Names the form for screen readers: "Propose an agreement for ‘Meeting times’". */
  readonly title: string;
  readonly onDone: () => void;
  readonly onCancel: () => void;
  /** adopt (default): a new item; amend: new wording for the target; retire: drop the target. */
  readonly kind?: ProposalKind;
  readonly target?: AgreementItem | null;
}

/** Default rule settings when the board has no round yet to take them from. */
export const DEFAULT_RULE: RuleSettings = { rule: 'consensus', quorumPercent: 50, thresholdPercent: 67 };

/** Drafts a statement and opens a consensus round on it under a rule the group can read in one sentence. */
export function ProposalForm(props: ProposalFormProps) {
  const { previous } = props;
  const kind = props.kind ?? 'adopt';
  const target = props.target ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  // A retirement has no text to write: the form's title takes the focus instead of a text field.
  useEffect(() => {
    if (kind === 'retire') heading.current?.focus();
  }, [kind]);
  const [statement, setStatement] = useState(props.initialStatement);
  const [rule, setRule] = useState<DecisionRule>(props.defaults.rule);
  const [quorum, setQuorum] = useState(String(props.defaults.quorumPercent));
  const [threshold, setThreshold] = useState(String(props.defaults.thresholdPercent));
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const ids = { statement: useId(), counter: useId(), rule: useId(), quorum: useId(), threshold: useId(), title: useId() };
  const quorumPercent = Number.parseInt(quorum, 10);
  const thresholdPercent = Number.parseInt(threshold, 10);
  const sentenceOf = (r: DecisionRule) =>
    ruleSentence({
      rule: r,
      quorumPercent: Number.isFinite(quorumPercent) ? quorumPercent : 0,
      thresholdPercent: Number.isFinite(thresholdPercent) ? thresholdPercent : 50,
    });

  const fail = (message: string) => {
    setError(message);
    announce(message, 'error');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    const text = statement.trim();
    if (text === '') return fail('Write the statement the group is asked to agree to.');
    if (kind === 'amend' && text === target?.statement) return fail('Change the wording: this is the wording in force now.');
    if (!(quorumPercent >= 0 && quorumPercent <= 100)) return fail('The quorum must be between 0% and 100%.');
    if (rule === 'majority' && !(thresholdPercent >= 50 && thresholdPercent <= 100))
      return fail('A majority must be between 50% and 100%.');
    setError(null);
    setIsSending(true);
    const result = await openProposal({
      promptId: props.promptId,
      themeId: props.themeId,
      statement: text,
      rule,
      quorumPercent,
      thresholdPercent: rule === 'majority' ? thresholdPercent : props.defaults.thresholdPercent,
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
        <p className="hint">
          Round {previous.round + 1}. Read the reasons of round {previous.round} with the group, especially the blocks, and write
          a version that works for the people they come from.
        </p>
      )}
      {target && (
        <div className="change">
          <p className="change__label">Wording in force now (version {target.version}):</p>
          <p className="change__old">{target.statement}</p>
        </div>
      )}
      {kind === 'retire' ? (
        <p className="hint">
          The group is asked: “{statement}”. If the round passes, the item leaves the agreement; its record stays.
        </p>
      ) : (
        <>
          <label htmlFor={ids.statement} className="response-form__label">
            {kind === 'amend' ? 'Proposed new wording' : 'Proposed agreement'}
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
            {statement.length} / {MAX_STATEMENT_CHARS} characters. Write it as the group would say it: “We …”.
          </p>
        </>
      )}
      <fieldset className="rules">
        <legend>How the group decides</legend>
        {DECISION_RULES.map((r) => (
          <label key={r} className="choice rule-choice">
            <input type="radio" name={ids.rule} checked={rule === r} onChange={() => setRule(r)} />
            <span>
              <span className="choice__name">{RULE_NAMES[r]}</span>
              <span className="choice__summary">{sentenceOf(r)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="proposal-form__numbers">
        {rule === 'majority' && (
          <div className="field field--number">
            <label htmlFor={ids.threshold}>“Agree” needed (%)</label>
            <input
              id={ids.threshold}
              className="input"
              type="number"
              inputMode="numeric"
              min={50}
              max={100}
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          </div>
        )}
        {rule !== 'consent' && (
          <div className="field field--number">
            <label htmlFor={ids.quorum}>Quorum: people here who must answer (%)</label>
            <input
              id={ids.quorum}
              className="input"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={quorum}
              onChange={(e) => setQuorum(e.target.value)}
            />
          </div>
        )}
      </div>
      <p className="form__error">{error}</p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={isSending}>
          {previous
            ? 'Ask again'
            : kind === 'amend'
              ? 'Open the round on the new wording'
              : kind === 'retire'
                ? 'Open the round on retiring it'
                : 'Open the round'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
