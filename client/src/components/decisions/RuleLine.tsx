import type { RuleSettings } from '../../../../shared/domain/decisionRules';
import { useT } from '../../i18n/i18n';
import { RULE_NAME_KEYS, ruleSentence } from './decisionCopy';

/** "How this is decided: Consensus. Passes when nobody blocks and …". */
export function RuleLine({ proposal }: { readonly proposal: RuleSettings }) {
  const t = useT();
  return (
    <p className="rule-line">
      <span className="rule-line__label">{t('decisions.rule.label')}</span> <strong>{t(RULE_NAME_KEYS[proposal.rule])}.</strong>{' '}
      {ruleSentence(proposal)}
    </p>
  );
}
