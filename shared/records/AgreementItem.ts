import { type Infer, id, integer, nullable, object, oneOf } from '../validate';
import { DECISION_RULES, reasonText, responseCounts, statementText } from './Proposal';
import { smartieFields } from './Smartie';

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
  /**
   * locked: agreed and in force; unlocked: taken out of force by the facilitator, with a reason;
   * replaced: an amendment passed and took its place; retired: a round decided to drop it.
   */
  status: oneOf(['locked', 'unlocked', 'replaced', 'retired'] as const),
  /** Why the facilitator unlocked it, and when (kept as part of the record). */
  unlockReason: nullable(reasonText),
  unlockedAt: nullable(integer(0, Number.MAX_SAFE_INTEGER)),
  /** The same item across versions: an amendment keeps the lineage of the item it replaces. */
  lineageId: id,
  /** The agreement version in which this wording was decided. */
  version: integer(1, 10_000),
  /** When it was replaced or retired, or null. */
  endedAt: nullable(integer(0, Number.MAX_SAFE_INTEGER)),
  /** SMARTIE fields (owner, measure, deadline, equity check), or null. */
  smartie: nullable(smartieFields),
});

/** An agreed statement in the Agreement column. */
export type AgreementItem = Infer<typeof agreementItemRecord>;
