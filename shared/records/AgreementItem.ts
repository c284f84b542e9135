import { type Infer, id, integer, nullable, object, oneOf } from '../validate';
import { DECISION_RULES, reasonText, responseCounts, statementText } from './Proposal';

/** Validates an item of the Agreement column, with its decision record. */
export const agreementItemRecord = object({
  id,
  promptId: id,
  themeId: nullable(id),
  statement: statementText,
  /** The decision record: which round passed it, under which rule, with which counts, when. */
  proposalId: id,
  rule: oneOf(DECISION_RULES),
  round: integer(1, 1000),
  counts: responseCounts,
  decidedAt: integer(0, Number.MAX_SAFE_INTEGER),
  status: oneOf(['locked', 'unlocked'] as const),
  /** Why the facilitator unlocked it, and when (kept as part of the record). */
  unlockReason: nullable(reasonText),
  unlockedAt: nullable(integer(0, Number.MAX_SAFE_INTEGER)),
});

/** An agreed statement in the Agreement column. */
export type AgreementItem = Infer<typeof agreementItemRecord>;
