import { MAX_DOTS_PER_PERSON, MAX_NOTES_PER_MOVE, MAX_ROUND_ITEMS, MAX_TIMER_MS, MIN_TIMER_MS } from './limits';
import { PHASES } from './phases';
import { boardPurpose, boardTitle } from './records/BoardMeta';
import { REACTIONS } from './records/Mark';
import { authorName, noteTag, noteText } from './records/Note';
import { PROMPT_KINDS, promptText } from './records/Prompt';
import { DECISION_RULES, PROPOSAL_KINDS, RESPONSES, reasonText, ruleSettingsRecord, statementText } from './records/Proposal';
import { calendarDate, smartieFields } from './records/Smartie';
import { themeName } from './records/Theme';
import { UNDO_COMMAND_VALIDATORS } from './undoCommands';
import {
  arrayOf,
  boolean,
  type Infer,
  type Invalid,
  id,
  integer,
  isInvalid,
  nonEmpty,
  nullable,
  object,
  oneOf,
  string,
  type Validator,
} from './validate';

/**
 * Marks: a person says "done" (a prompt in reflect, the open round in vote) or reacts to a
 * revealed note. Explicit on/off rather than a toggle, so that a replay changes nothing. Who
 * marked what stays on the server; the document holds counts.
 */
const MARK_COMMAND_VALIDATORS = {
  markDone: object({ type: oneOf(['markDone']), targetId: id, isDone: boolean }),
  react: object({ type: oneOf(['react']), noteId: id, reaction: oneOf(REACTIONS), isOn: boolean }),
} as const;

/**
 * Every command a client can send, as runtime validators. The TypeScript union `Command` is
 * derived from them, so the wire format and the types cannot drift apart.
 */
export const COMMAND_VALIDATORS = {
  updateBoard: object({ type: oneOf(['updateBoard']), title: boardTitle, purpose: boardPurpose }, ['title', 'purpose']),
  /** The title alone, in any phase and after closing: the purpose and prompts stay fixed outside setup. */
  renameBoard: object({ type: oneOf(['renameBoard']), title: boardTitle }),
  updateSettings: object(
    {
      type: oneOf(['updateSettings']),
      facilitatorParticipates: boolean,
      showRoster: boolean,
      decisionRule: ruleSettingsRecord,
      participantsGroup: boolean,
    },
    ['facilitatorParticipates', 'showRoster', 'decisionRule', 'participantsGroup'],
  ),
  addPrompt: object({
    type: oneOf(['addPrompt']),
    promptId: id,
    text: promptText,
    kind: oneOf(PROMPT_KINDS),
    beforePromptId: nullable(id),
  }),
  updatePrompt: object({ type: oneOf(['updatePrompt']), promptId: id, text: promptText, kind: oneOf(PROMPT_KINDS) }, [
    'text',
    'kind',
  ]),
  removePrompt: object({ type: oneOf(['removePrompt']), promptId: id }),
  movePrompt: object({ type: oneOf(['movePrompt']), promptId: id, beforePromptId: nullable(id) }),
  setPhase: object({ type: oneOf(['setPhase']), phase: oneOf(PHASES), confirm: boolean }, ['confirm']),
  focusPrompt: object({ type: oneOf(['focusPrompt']), promptId: nullable(id) }),
  /** `confirmSmallCount`: the facilitator saw that so few people wrote that notes could be traced, and goes ahead. */
  reveal: object({ type: oneOf(['reveal']), promptId: nullable(id), confirmSmallCount: boolean }, ['confirmSmallCount']),
  releaseHeld: object({ type: oneOf(['releaseHeld']), promptId: id, confirmSmallCount: boolean }, ['confirmSmallCount']),
  postDraft: object(
    { type: oneOf(['postDraft']), draftId: id, promptId: id, text: noteText, tag: noteTag, authorName: nullable(authorName) },
    ['authorName'],
  ),
  editDraft: object({ type: oneOf(['editDraft']), draftId: id, text: noteText, tag: noteTag }, ['text', 'tag']),
  deleteDraft: object({ type: oneOf(['deleteDraft']), draftId: id }),
  createTheme: object({
    type: oneOf(['createTheme']),
    themeId: id,
    promptId: id,
    name: themeName,
    noteIds: arrayOf(id, MAX_NOTES_PER_MOVE),
    beforeThemeId: nullable(id),
  }),
  renameTheme: object({ type: oneOf(['renameTheme']), themeId: id, name: themeName }),
  deleteTheme: object({ type: oneOf(['deleteTheme']), themeId: id }),
  moveNotes: object({
    type: oneOf(['moveNotes']),
    noteIds: nonEmpty(arrayOf(id, MAX_NOTES_PER_MOVE)),
    themeId: nullable(id),
    beforeNoteId: nullable(id),
  }),
  /** Deletes revealed notes for everyone (a duplicate, a note in the wrong place); undone with `restoreNotes`. */
  deleteNotes: object({ type: oneOf(['deleteNotes']), noteIds: nonEmpty(arrayOf(id, MAX_NOTES_PER_MOVE)) }),
  mergeThemes: object({ type: oneOf(['mergeThemes']), sourceThemeId: id, targetThemeId: id }),
  moveTheme: object({ type: oneOf(['moveTheme']), themeId: id, beforeThemeId: nullable(id) }),
  startTimer: object({ type: oneOf(['startTimer']), durationMs: integer(MIN_TIMER_MS, MAX_TIMER_MS) }),
  addTime: object({ type: oneOf(['addTime']), ms: integer(-MAX_TIMER_MS, MAX_TIMER_MS) }),
  stopTimer: object({ type: oneOf(['stopTimer']) }),
  openVoteRound: object({
    type: oneOf(['openVoteRound']),
    roundId: id,
    label: string({ minChars: 1, maxChars: 60, trim: true }),
    dotsPerPerson: integer(1, MAX_DOTS_PER_PERSON),
    maxPerItem: integer(1, MAX_DOTS_PER_PERSON),
    facilitatorVotes: boolean,
    itemIds: nullable(arrayOf(id, MAX_ROUND_ITEMS)),
  }),
  /** `confirmSmallCount`: publish the tallies although so few voted that they show each ballot. */
  closeVoteRound: object({ type: oneOf(['closeVoteRound']), roundId: id, confirmSmallCount: boolean }, ['confirmSmallCount']),
  placeDot: object({ type: oneOf(['placeDot']), roundId: id, itemId: id }),
  removeDot: object({ type: oneOf(['removeDot']), roundId: id, itemId: id }),
  openProposal: object(
    {
      type: oneOf(['openProposal']),
      proposalId: id,
      promptId: id,
      themeId: nullable(id),
      statement: statementText,
      rule: oneOf(DECISION_RULES),
      quorumPercent: integer(0, 100),
      thresholdPercent: integer(50, 100),
      previousProposalId: nullable(id),
      /** adopt (default): a new item; amend / retire: about `targetAgreementId`. */
      kind: oneOf(PROPOSAL_KINDS),
      targetAgreementId: nullable(id),
    },
    ['kind', 'targetAgreementId'],
  ),
  respond: object({ type: oneOf(['respond']), proposalId: id, response: oneOf(RESPONSES), reason: nullable(reasonText) }),
  /** `confirmSmallCount`: publish the outcome although so few answered that it shows each answer. */
  closeProposal: object({ type: oneOf(['closeProposal']), proposalId: id, confirmSmallCount: boolean }, ['confirmSmallCount']),
  unlockAgreement: object({ type: oneOf(['unlockAgreement']), agreementId: id, reason: reasonText }),
  setSmartie: object({ type: oneOf(['setSmartie']), agreementId: id, smartie: nullable(smartieFields) }),
  closeWorkshop: object({ type: oneOf(['closeWorkshop']) }),
  reopenWorkshop: object({ type: oneOf(['reopenWorkshop']) }),
  setCheckIn: object({ type: oneOf(['setCheckIn']), date: nullable(calendarDate) }),
  /** `seatId`: a handle from the facilitators' `seats` message. */
  removeSeat: object({ type: oneOf(['removeSeat']), seatId: id }),
  ...UNDO_COMMAND_VALIDATORS,
  ...MARK_COMMAND_VALIDATORS,
} as const;

/** Name of a command. */
export type CommandType = keyof typeof COMMAND_VALIDATORS;

/** Any command, told apart by `type`. */
export type Command = { [K in CommandType]: Infer<(typeof COMMAND_VALIDATORS)[K]> }[CommandType];

/** The command of a given type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Every command type, in a stable order (for documentation and permission tests). */
export const COMMAND_TYPES = Object.keys(COMMAND_VALIDATORS) as CommandType[];

/** Validates an untrusted value as a command. */
export function parseCommand(value: unknown): Command | Invalid {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: true, path: 'command', message: 'must be an object' };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_VALIDATORS, type)) {
    return { invalid: true, path: 'command.type', message: 'is not a known command' };
  }
  const validator = COMMAND_VALIDATORS[type as CommandType] as Validator<Command>;
  return validator(value, 'command');
}

/** A command as sent on the wire: a client-generated id (processed at most once per sender) and the command. */
export interface CommandEnvelope {
  readonly id: string;
  readonly command: Command;
}

const envelopeShape = object({ id, command: (v: unknown) => v });

/** Validates an untrusted value as a command envelope. */
export function parseCommandEnvelope(value: unknown): CommandEnvelope | Invalid {
  const envelope = envelopeShape(value);
  if (isInvalid(envelope)) return envelope;
  const command = parseCommand(envelope.command);
  if (isInvalid(command)) return command;
  return { id: envelope.id, command };
}
