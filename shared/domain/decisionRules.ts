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

/**
 * Why a round passed or not, as data: a client says it in each person's language
 * (client/src/components/decisions/outcomeWhy.ts), the English sentence is `explanation`.
 */
export type DecisionWhy =
  | { readonly kind: 'nobodyResponded' }
  | { readonly kind: 'blocked'; readonly blocks: number }
  | {
      readonly kind: 'quorumShort';
      readonly responded: number;
      readonly needed: number;
      readonly quorum: number;
      readonly present: number;
    }
  | { readonly kind: 'consensusPassed'; readonly responded: number; readonly present: number }
  | { readonly kind: 'consentPassed' }
  | {
      readonly kind: 'majority';
      readonly isPassed: boolean;
      readonly agree: number;
      readonly responded: number;
      readonly share: number;
      readonly threshold: number;
    };

/** What a closed round decided, and why: as data, and in one plain English sentence. */
export interface Decision {
  readonly isPassed: boolean;
  readonly isQuorumMet: boolean;
  readonly why: DecisionWhy;
  readonly explanation: string;
}

/** People needed for the quorum: at least one, and at least `quorumPercent` of those present. */
export function quorumNeeded(quorumPercent: number, presentCount: number): number {
  return Math.max(1, Math.ceil((quorumPercent * presentCount) / 100));
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** The English sentence of a round's why (stored with the outcome, and in English exports). */
export function explainInEnglish(why: DecisionWhy): string {
  switch (why.kind) {
    case 'nobodyResponded':
      return 'Not passed: nobody responded.';
    case 'blocked':
      return `Not passed: ${people(why.blocks)} blocked.`;
    case 'quorumShort':
      return `Not passed: ${people(why.responded)} responded, but ${why.needed} ${why.needed === 1 ? 'was' : 'were'} needed (${why.quorum}% of the ${people(why.present)} present).`;
    case 'consensusPassed':
      return `Passed: nobody blocked, and ${why.responded} of the ${people(why.present)} present responded.`;
    case 'consentPassed':
      return 'Passed: nobody blocked.';
    case 'majority':
      return `${why.isPassed ? 'Passed' : 'Not passed'}: ${why.agree} of ${why.responded} responses (${why.share}%) agree; ${why.threshold}% ${why.isPassed ? 'were' : 'are'} needed.`;
  }
}

/**
 * Why a closed round decided as it did, said by `say` (in a reader's or an export's language):
 * worked out again from what its outcome records (counts, the people present) under its own rule.
 * A round recorded under other rules (the verdict differs) keeps its own English `explanation`.
 */
export function outcomeSentence(
  settings: RuleSettings,
  outcome: {
    readonly counts: ResponseCounts;
    readonly presentCount: number;
    readonly isPassed: boolean;
    readonly explanation: string;
  },
  say: (why: DecisionWhy) => string,
): string {
  const decision = decide(settings, outcome.counts, outcome.presentCount);
  return decision.isPassed === outcome.isPassed ? say(decision.why) : outcome.explanation;
}

/**
 * The one interpreter of decision rules:
 * - consensus: nobody blocks, and at least the quorum of those present responded;
 * - consent: nobody blocks (silence is consent; at least one response is still needed);
 * - majority: at least the quorum responded, and "agree" is at least thresholdPercent of the
 *   responses (blocks and "can live with it" count as not agreeing; a block is no veto here).
 */
export function decide(settings: RuleSettings, counts: ResponseCounts, presentCount: number): Decision {
  const { isPassed, isQuorumMet, why } = judge(settings, counts, presentCount);
  return { isPassed, isQuorumMet, why, explanation: explainInEnglish(why) };
}

function judge(settings: RuleSettings, counts: ResponseCounts, presentCount: number): Omit<Decision, 'explanation'> {
  const responded = counts.agree + counts.canLive + counts.block;
  const needed = quorumNeeded(settings.quorumPercent, presentCount);
  const isQuorumMet = responded >= needed;
  const quorumShort: DecisionWhy = {
    kind: 'quorumShort',
    responded,
    needed,
    quorum: settings.quorumPercent,
    present: presentCount,
  };
  if (responded === 0) return { isPassed: false, isQuorumMet: false, why: { kind: 'nobodyResponded' } };
  switch (settings.rule) {
    case 'consensus':
      if (counts.block > 0) return { isPassed: false, isQuorumMet, why: { kind: 'blocked', blocks: counts.block } };
      if (!isQuorumMet) return { isPassed: false, isQuorumMet, why: quorumShort };
      return { isPassed: true, isQuorumMet, why: { kind: 'consensusPassed', responded, present: presentCount } };
    case 'consent':
      if (counts.block > 0) return { isPassed: false, isQuorumMet, why: { kind: 'blocked', blocks: counts.block } };
      return { isPassed: true, isQuorumMet, why: { kind: 'consentPassed' } };
    case 'majority': {
      if (!isQuorumMet) return { isPassed: false, isQuorumMet, why: quorumShort };
      const share = Math.round((counts.agree * 100) / responded);
      const isPassed = counts.agree * 100 >= settings.thresholdPercent * responded;
      const why: DecisionWhy = {
        kind: 'majority',
        isPassed,
        agree: counts.agree,
        responded,
        share,
        threshold: settings.thresholdPercent,
      };
      return { isPassed, isQuorumMet, why };
    }
  }
}
