import { type FormEvent, useId, useState } from 'react';
import { boardRule } from '../../../../../shared/domain/decisionRules';
import type { BoardSettings } from '../../../../../shared/records/BoardMeta';
import { RULE_NAME_KEYS, ruleSentence } from '../../../components/decisions/decisionCopy';
import { translate, useT } from '../../../i18n/i18n';
import { announce } from '../../../store/toastStore';
import { updateSettings } from '../../../sync/commands';
import { RuleFields, readRuleDraft, useRuleDraft } from './RuleFields';

/** The board's rule: every consensus round starts from it (Consensus until the facilitator changes it). */
export function BoardRuleSetting({ settings }: { readonly settings: BoardSettings }) {
  const t = useT();
  const rule = boardRule(settings);
  const [isEditing, setIsEditing] = useState(false);
  const titleId = useId();
  return (
    <section className="board-rule" aria-labelledby={titleId}>
      <h3 id={titleId} className="board-rule__title">
        {t('facilitator.decide.howGroupDecides')}
      </h3>
      <p className="rule-line">
        <strong>{t(RULE_NAME_KEYS[rule.rule])}.</strong> {ruleSentence(rule)} {t('facilitator.decide.boardRule.startsFrom')}
      </p>
      {isEditing ? (
        <BoardRuleForm settings={settings} onDone={() => setIsEditing(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setIsEditing(true)}>
          {t('facilitator.decide.boardRule.change')}
        </button>
      )}
    </section>
  );
}

function BoardRuleForm({ settings, onDone }: { readonly settings: BoardSettings; readonly onDone: () => void }) {
  const t = useT();
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
      announce(translate('facilitator.decide.boardRule.changed', { rule: decisionRule.rule }));
      onDone();
    }
  };
  return (
    <form className="proposal-form board-rule__form" onSubmit={save} aria-describedby={errorId} noValidate>
      <RuleFields legend={t('facilitator.decide.boardRule.legend')} draft={draft} onChange={setDraft} />
      <p id={errorId} className="form__error">
        {error}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('facilitator.decide.boardRule.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('facilitator.decide.cancel')}
        </button>
      </div>
    </form>
  );
}
