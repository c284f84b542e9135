import { contentLanguage } from '../i18n/contentLanguage';
import { MAX_PURPOSE_CHARS, MAX_TITLE_CHARS } from '../limits';
import { PHASES } from '../phases';
import { boolean, type Infer, id, integer, nullable, object, oneOf, string } from '../validate';
import { ruleSettingsRecord } from './Proposal';
import { calendarDate } from './Smartie';

/** Validates a board title. */
export const boardTitle = string({ minChars: 1, maxChars: MAX_TITLE_CHARS, trim: true });

/** Validates a purpose statement (may be empty). */
export const boardPurpose = string({ maxChars: MAX_PURPOSE_CHARS, trim: true });

/** Validates the board settings the facilitator can change. */
export const boardSettings = object(
  {
    /** The facilitator may post notes (and, later, vote) like a participant. */
    facilitatorParticipates: boolean,
    /** Show the display names of the people present, not only their number. */
    showRoster: boolean,
    /** Notes carry no author (every template but the two-person conversation). Fixed at creation. */
    isAnonymous: boolean,
    /** Agreement items carry SMARTIE fields. */
    usesSmartie: boolean,
    /**
     * How the group decides unless the facilitator picks otherwise for one round. Absent on boards
     * whose facilitator never changed it: those decide by DEFAULT_RULE_SETTINGS (consensus), see
     * `boardRule` in shared/domain/decisionRules.ts.
     */
    decisionRule: ruleSettingsRecord,
    /**
     * Participants may move revealed notes into themes and start themes during group, through the
     * facilitator's own commands and limits. Off (absent) unless the facilitator turns it on.
     */
    participantsGroup: boolean,
  },
  ['decisionRule', 'participantsGroup'],
);

/** Board settings. See {@link boardSettings}. */
export type BoardSettings = Infer<typeof boardSettings>;

/** Validates a running countdown: its end on the server's clock and its full length, both in milliseconds. */
export const boardTimer = object({
  endsAt: integer(0, Number.MAX_SAFE_INTEGER),
  durationMs: integer(0, Number.MAX_SAFE_INTEGER),
});

/** A running countdown. See {@link boardTimer}. */
export type BoardTimer = Infer<typeof boardTimer>;

/** Validates the board's own fields in the document. */
export const boardMetaRecord = object(
  {
    id,
    schemaVersion: integer(1, 1000),
    title: boardTitle,
    purpose: boardPurpose,
    templateId: id,
    phase: oneOf(PHASES),
    /** The prompt the facilitator spotlights, or null. */
    focusPromptId: nullable(id),
    /** Creation time, milliseconds since the epoch. */
    createdAt: integer(0, Number.MAX_SAFE_INTEGER),
    settings: boardSettings,
    /** The facilitator's countdown, or null. Added by migration AddTimer (schema 2). */
    timer: nullable(boardTimer),
    /** The version of the agreement being worked on: 1, then one more each time the workshop is reopened. */
    version: integer(1, 10_000),
    /** True once the facilitator closed the workshop: the current version is then final. */
    isClosed: boolean,
    /** When the group plans to check in on its agreement (YYYY-MM-DD), or null. */
    checkInDate: nullable(calendarDate),
    /**
     * The language the template's text was written in at creation, and the default language of the
     * board's exports. Written by the server only, once. Absent on boards made before it was
     * recorded: those are English (`boardLanguage` in shared/i18n/contentLanguage.ts).
     */
    contentLanguage,
  },
  ['contentLanguage'],
);

/** The board's own fields. */
export type BoardMeta = Infer<typeof boardMetaRecord>;
