import { type FormEvent, useId, useState } from 'react';
import { boardRule } from '../../../../../shared/domain/decisionRules';
import type { BoardSettings } from '../../../../../shared/records/BoardMeta';
import { RULE_NAMES, ruleSentence } from '../../../components/decisions/decisionCopy';
import { announce } from '../../../store/toastStore';
import { updateSettings } from '../../../sync/commands';
import { RuleFields, readRuleDraft, useRuleDraft } from './RuleFields';

/** The board's rule: every consensus round starts from it (Consensus until the facilitator changes it). */
export function BoardRuleSetting({ settings }: { readonly settings: BoardSettings }) {
  const rule = boardRule(settings);
  const [isEditing, setIsEditing] = useState(false);
  const titleId = useId();
  return (
    <section className="board-rule" aria-labelledby={titleId}>
      <h3 id={titleId} className="board-rule__title">
        How the group decides
      </h3>
      <p className="rule-line">
        <strong>{RULE_NAMES[rule.rule]}.</strong> {ruleSentence(rule)} Every proposal starts from this rule; you can pick another
        for one round.
      </p>
      {isEditing ? (
        <BoardRuleForm settings={settings} onDone={() => setIsEditing(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setIsEditing(true)}>
          Change the rule…
        </button>
      )}
    </section>
  );
}

function BoardRuleForm({ settings, onDone }: { readonly settings: BoardSettings; readonly onDone: () => void }) {
  const current = boardRule(settings);
  const [draft, setDraft] = useRuleDraft(current);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const decisionRule = readRuleDraft(draft, current);
    if (typeof decisionRule === 'string') {
      setError(decisionRule);
      announce(decisionRule, 'error');
      return;
    }
    if (updateSettings({ decisionRule }) === null) {
      announce(`From now on, proposals are decided by ${RULE_NAMES[decisionRule.rule].toLowerCase()}.`);
      onDone();
    }
  };
  return (
    <form className="proposal-form board-rule__form" onSubmit={save} aria-describedby={errorId} noValidate>
      <RuleFields legend="The board’s rule" draft={draft} onChange={setDraft} />
      <p id={errorId} className="form__error">
        {error}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary">
          Save the rule
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
