import { type DecisionWhy, outcomeSentence } from '../../../../shared/domain/decisionRules';
import type { Proposal, ProposalOutcome } from '../../../../shared/records/Proposal';
import type { Translate } from '../../i18n/i18n';

/** Why a closed round passed or not, in the reader's language (its recorded English sentence if its rules differ). */
export function outcomeWhy(t: Translate, proposal: Proposal, outcome: ProposalOutcome): string {
  return outcomeSentence(proposal, outcome, (why) => sayWhy(t, why));
}

export function sayWhy(t: Translate, why: DecisionWhy): string {
  switch (why.kind) {
    case 'nobodyResponded':
      return t('decisions.why.nobodyResponded');
    case 'blocked':
      return t('decisions.why.blocked', { blocks: why.blocks });
    case 'quorumShort':
      return t('decisions.why.quorumShort', {
        responded: why.responded,
        needed: why.needed,
        quorum: why.quorum,
        present: why.present,
      });
    case 'consensusPassed':
      return t('decisions.why.consensusPassed', { responded: why.responded, present: why.present });
    case 'consentPassed':
      return t('decisions.why.consentPassed');
    case 'majority': {
      const values = { agree: why.agree, responded: why.responded, share: why.share, threshold: why.threshold };
      return t(why.isPassed ? 'decisions.why.majorityPassed' : 'decisions.why.majorityFailed', values);
    }
  }
}
