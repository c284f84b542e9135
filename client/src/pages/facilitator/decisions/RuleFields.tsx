import { useId, useState } from 'react';
import type { RuleSettings } from '../../../../../shared/domain/decisionRules';
import { DECISION_RULES, type DecisionRule } from '../../../../../shared/records/Proposal';
import { RULE_NAME_KEYS, ruleSentence } from '../../../components/decisions/decisionCopy';
import { translate, useT } from '../../../i18n/i18n';

/** A rule being edited: the numbers as typed, checked only when the form is sent. */
export interface RuleDraft {
  readonly rule: DecisionRule;
  readonly quorum: string;
  readonly threshold: string;
}

/** The draft's settings, or a sentence saying which number is out of range. */
export function readRuleDraft(draft: RuleDraft, fallback: RuleSettings): RuleSettings | string {
  const quorumPercent = Number.parseInt(draft.quorum, 10);
  const thresholdPercent = Number.parseInt(draft.threshold, 10);
  if (draft.rule !== 'consent' && !(quorumPercent >= 0 && quorumPercent <= 100))
    return translate('facilitator.decide.rule.quorumRange');
  if (draft.rule === 'majority' && !(thresholdPercent >= 50 && thresholdPercent <= 100))
    return translate('facilitator.decide.rule.majorityRange');
  return {
    rule: draft.rule,
    // Numbers a rule does not use keep their last good value, so switching back finds them again.
    quorumPercent: draft.rule === 'consent' ? fallback.quorumPercent : quorumPercent,
    thresholdPercent: draft.rule === 'majority' ? thresholdPercent : fallback.thresholdPercent,
  };
}

/** Editing state for {@link RuleFields}, starting from `initial`. */
export function useRuleDraft(initial: RuleSettings) {
  return useState<RuleDraft>({
    rule: initial.rule,
    quorum: String(initial.quorumPercent),
    threshold: String(initial.thresholdPercent),
  });
}

/** The rule choice (each with its sentence, under the numbers typed) and the numbers the chosen rule uses. */
export function RuleFields({
  legend,
  draft,
  onChange,
}: {
  readonly legend: string;
  readonly draft: RuleDraft;
  readonly onChange: (draft: RuleDraft) => void;
}) {
  const t = useT();
  const ruleName = useId();
  const quorumPercent = Number.parseInt(draft.quorum, 10);
  const thresholdPercent = Number.parseInt(draft.threshold, 10);
  const hasThreshold = draft.rule === 'majority';
  const hasQuorum = draft.rule !== 'consent';
  const sentenceOf = (rule: DecisionRule) =>
    ruleSentence({
      rule,
      quorumPercent: Number.isFinite(quorumPercent) ? quorumPercent : 0,
      thresholdPercent: Number.isFinite(thresholdPercent) ? thresholdPercent : 50,
    });
  return (
    <>
      <fieldset className="rules">
        <legend>{legend}</legend>
        {DECISION_RULES.map((rule) => (
          <label key={rule} className="choice rule-choice">
            <input type="radio" name={ruleName} checked={draft.rule === rule} onChange={() => onChange({ ...draft, rule })} />
            <span>
              <span className="choice__name">{t(RULE_NAME_KEYS[rule])}</span>
              <span className="choice__summary">{sentenceOf(rule)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="proposal-form__numbers">
        {hasThreshold && (
          <PercentField
            label={t('facilitator.decide.rule.agreeNeeded')}
            min={50}
            value={draft.threshold}
            onChange={(threshold) => onChange({ ...draft, threshold })}
          />
        )}
        {hasQuorum && (
          <PercentField
            label={t('facilitator.decide.rule.quorum')}
            min={0}
            value={draft.quorum}
            onChange={(quorum) => onChange({ ...draft, quorum })}
          />
        )}
      </div>
    </>
  );
}

/** A percentage as typed, from `min` to 100. */
function PercentField(props: {
  readonly label: string;
  readonly min: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field--number">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="numeric"
        min={props.min}
        max={100}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
