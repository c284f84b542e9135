import { type DecisionWhy, decide } from '../../../../shared/domain/decisionRules';
import type { Proposal, ProposalOutcome } from '../../../../shared/records/Proposal';
import type { Translate } from '../../i18n/i18n';

/**
 * Why a closed round passed or not, in the reader's language. The outcome on the board keeps the
 * server's English sentence; the why is worked out again from what the outcome records (counts,
 * the people present) under the round's own rule, by the same interpreter the server used.
 */
export function outcomeWhy(t: Translate, proposal: Proposal, outcome: ProposalOutcome): string {
  const decision = decide(proposal, outcome.counts, outcome.presentCount);
  // A board written by another version of the rules: its own sentence, as it was recorded.
  if (decision.isPassed !== outcome.isPassed) return outcome.explanation;
  return sayWhy(t, decision.why);
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
