import { arrayOf, type Infer, id, integer, nullable, object, oneOf, string } from '../validate';
import { DECISION_RULES, responseCounts, statementText } from './Proposal';
import { smartieFields } from './Smartie';

/** One agreed item as it stood when a version was closed, with the context it was decided in. */
export const versionItem = object({
  lineageId: id,
  agreementId: id,
  promptId: id,
  /** The prompt's wording at the time (later rewording does not change a closed version). */
  promptText: string({ minChars: 1, maxChars: 200 }),
  themeName: nullable(string({ minChars: 1, maxChars: 80 })),
  statement: statementText,
  rule: oneOf(DECISION_RULES),
  round: integer(1, 1000),
  counts: responseCounts,
  decidedAt: integer(0, Number.MAX_SAFE_INTEGER),
  smartie: nullable(smartieFields),
});

/** An item of a closed version. */
export type VersionItem = Infer<typeof versionItem>;

/** Validates a closed, immutable version of the agreement, as stored in the board document. */
export const versionRecord = object({
  id,
  number: integer(1, 10_000),
  closedAt: integer(0, Number.MAX_SAFE_INTEGER),
  title: string({ minChars: 1, maxChars: 120 }),
  items: arrayOf(versionItem, 10_000),
});

/** A closed version of the agreement. Written once when the workshop closes, never changed. */
export type VersionRecord = Infer<typeof versionRecord>;
