import type { RuleSettings } from '../../../../shared/domain/decisionRules';
import { RULE_NAMES, ruleSentence } from './decisionCopy';

/** "How this is decided: Consensus. Passes when nobody blocks and …". */
export function RuleLine({ proposal }: { readonly proposal: RuleSettings }) {
  return (
    <p className="rule-line">
      <span className="rule-line__label">How this is decided:</span> <strong>{RULE_NAMES[proposal.rule]}.</strong>{' '}
      {ruleSentence(proposal)}
    </p>
  );
}
