import type { BoardSettings } from '../records/BoardMeta';
import type { DecisionRule, ResponseCounts } from '../records/Proposal';

/** The data that says how a consensus round decides. */
export interface RuleSettings {
  readonly rule: DecisionRule;
  /** Share of the people present who must respond (consensus and majority), 0–100. */
  readonly quorumPercent: number;
  /** For majority: share of responses that must be "agree", 50–100. */
  readonly thresholdPercent: number;
}

/** The rule of a board whose facilitator never chose one: consensus, half of those here answering. */
export const DEFAULT_RULE_SETTINGS: RuleSettings = { rule: 'consensus', quorumPercent: 50, thresholdPercent: 67 };

/**
 * The board's own rule: what every new round starts from. Never the rule of the last round, so a
 * rule picked for one statement (a majority vote, say) does not silently decide the next one.
 */
export function boardRule(settings: BoardSettings): RuleSettings {
  return settings.decisionRule ?? DEFAULT_RULE_SETTINGS;
}

/** What a closed round decided, and why, in one plain sentence. */
export interface Decision {
  readonly isPassed: boolean;
  readonly isQuorumMet: boolean;
  readonly explanation: string;
}

/** People needed for the quorum: at least one, and at least `quorumPercent` of those present. */
export function quorumNeeded(quorumPercent: number, presentCount: number): number {
  return Math.max(1, Math.ceil((quorumPercent * presentCount) / 100));
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/**
 * The one interpreter of decision rules:
 * - consensus: nobody blocks, and at least the quorum of those present responded;
 * - consent: nobody blocks (silence is consent; at least one response is still needed);
 * - majority: at least the quorum responded, and "agree" is at least thresholdPercent of the
 *   responses (blocks and "can live with it" count as not agreeing; a block is no veto here).
 */
export function decide(settings: RuleSettings, counts: ResponseCounts, presentCount: number): Decision {
  const responded = counts.agree + counts.canLive + counts.block;
  const needed = quorumNeeded(settings.quorumPercent, presentCount);
  const isQuorumMet = responded >= needed;
  const quorumShort = `Not passed: ${people(responded)} responded, but ${needed} ${needed === 1 ? 'was' : 'were'} needed (${settings.quorumPercent}% of the ${people(presentCount)} present).`;
  if (responded === 0) {
    return { isPassed: false, isQuorumMet: false, explanation: 'Not passed: nobody responded.' };
  }
  switch (settings.rule) {
    case 'consensus':
      if (counts.block > 0) return { isPassed: false, isQuorumMet, explanation: `Not passed: ${people(counts.block)} blocked.` };
      if (!isQuorumMet) return { isPassed: false, isQuorumMet, explanation: quorumShort };
      return {
        isPassed: true,
        isQuorumMet,
        explanation: `Passed: nobody blocked, and ${responded} of the ${people(presentCount)} present responded.`,
      };
    case 'consent':
      if (counts.block > 0) return { isPassed: false, isQuorumMet, explanation: `Not passed: ${people(counts.block)} blocked.` };
      return { isPassed: true, isQuorumMet, explanation: 'Passed: nobody blocked.' };
    case 'majority': {
      if (!isQuorumMet) return { isPassed: false, isQuorumMet, explanation: quorumShort };
      const share = Math.round((counts.agree * 100) / responded);
      const isPassed = counts.agree * 100 >= settings.thresholdPercent * responded;
      return {
        isPassed,
        isQuorumMet,
        explanation: `${isPassed ? 'Passed' : 'Not passed'}: ${counts.agree} of ${responded} responses (${share}%) agree; ${settings.thresholdPercent}% ${isPassed ? 'were' : 'are'} needed.`,
      };
    }
  }
}
