import { MAX_REASON_CHARS, MAX_STATEMENT_CHARS } from '../limits';
import { arrayOf, boolean, type Infer, id, integer, nullable, object, oneOf, string } from '../validate';

/** How a consensus round decides. See shared/domain/decisionRules.ts. */
export const DECISION_RULES = ['consensus', 'consent', 'majority'] as const;
/** See {@link DECISION_RULES}. */
export type DecisionRule = (typeof DECISION_RULES)[number];

/** What a person answers to a proposed statement. */
export const RESPONSES = ['agree', 'canLive', 'block'] as const;
/** See {@link RESPONSES}. */
export type ResponseKind = (typeof RESPONSES)[number];

/** What a consensus round decides about. */
export const PROPOSAL_KINDS = ['adopt', 'amend', 'retire'] as const;
/** See {@link PROPOSAL_KINDS}. */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/**
 * Validates how a round decides: the rule, the share of people present who must answer (0–100)
 * and, for `majority`, the share of answers that must be "agree" (50–100). See shared/domain/decisionRules.ts.
 */
export const ruleSettingsRecord = object({
  rule: oneOf(DECISION_RULES),
  quorumPercent: integer(0, 100),
  thresholdPercent: integer(50, 100),
});

/** Validates a statement. */
export const statementText = string({ minChars: 1, maxChars: MAX_STATEMENT_CHARS, trim: true });

/** Validates a reason. */
export const reasonText = string({ minChars: 1, maxChars: MAX_REASON_CHARS, trim: true });

/** Validates the counts of a closed round. */
export const responseCounts = object({
  agree: integer(0, 1_000_000),
  canLive: integer(0, 1_000_000),
  block: integer(0, 1_000_000),
});

/** Counts of a closed round. */
export type ResponseCounts = Infer<typeof responseCounts>;

/** Validates the published outcome of a closed round: counts and reasons, no names. */
export const proposalOutcome = object({
  counts: responseCounts,
  /** Reasons in random order, each with the kind of response it came with. */
  reasons: arrayOf(object({ response: oneOf(RESPONSES), text: reasonText }), 10_000),
  /** People present when the round closed (the base of the quorum). */
  presentCount: integer(0, 1_000_000),
  isQuorumMet: boolean,
  isPassed: boolean,
  /** One plain sentence on why it passed or failed. */
  explanation: string({ maxChars: 300 }),
});

/** Outcome of a closed round. */
export type ProposalOutcome = Infer<typeof proposalOutcome>;

/** Validates a consensus round (a proposed agreement statement) as stored in the board document. */
export const proposalRecord = object({
  id,
  promptId: id,
  /** The theme the statement answers, or null for a free statement. */
  themeId: nullable(id),
  statement: statementText,
  rule: oneOf(DECISION_RULES),
  /** Share of the people present who must respond, 0–100. */
  quorumPercent: integer(0, 100),
  /** For `majority`: share of responses that must be "agree", 50–100. */
  thresholdPercent: integer(50, 100),
  /** 1 for a first round, then one more for each revision (see previousProposalId). */
  round: integer(1, 1000),
  /** The failed round this one revises, or null. */
  previousProposalId: nullable(id),
  status: oneOf(['open', 'passed', 'failed'] as const),
  /** How many people have responded. A count only; what they answered is hidden until close. */
  respondentCount: integer(0, 1_000_000),
  openedAt: integer(0, Number.MAX_SAFE_INTEGER),
  closedAt: nullable(integer(0, Number.MAX_SAFE_INTEGER)),
  outcome: nullable(proposalOutcome),
  /** adopt: a new item; amend: new wording for `targetAgreementId`; retire: drop `targetAgreementId`. */
  kind: oneOf(PROPOSAL_KINDS),
  targetAgreementId: nullable(id),
});

/** A consensus round on one proposed statement. */
export type Proposal = Infer<typeof proposalRecord>;
