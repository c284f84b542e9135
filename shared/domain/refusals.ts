import type { ErrorCode } from './errors';

/**
 * Every sentence a refusal says, in English, by a stable id (`reason` on the wire,
 * docs/protocol.md#refusals). The English on the wire is built here and nowhere else, so a client
 * that knows the id says the same thing in its person's language (client/src/i18n/errors.ts), and
 * an older client still shows `message`. Values are what the sentence shows and nothing more:
 * public counts, limits, phase ids, a prompt's or a vote's public words — never who wrote, voted
 * or answered what (DESIGN.md, anonymity).
 */
export const REFUSALS = {
  // Any command (shared/domain/applyCommand.ts, server/room/CommandPipeline.ts, server/Connection.ts)
  notAllowed: 'You are not allowed to do that on this board.',
  workshopClosed: (v: { version: number }) => `The workshop is closed: version ${v.version} is final. Reopen it to make changes.`,
  wrongPhase: (v: { phase: string }) => `That cannot be done in the ${v.phase} phase.`,
  removedFromWorkshop: 'The facilitator removed you from this workshop.',
  commandFailed: 'Something went wrong on the server. Nothing was changed.',
  tooManyActions: 'Too many actions at once. Wait a moment and try again.',
  /** `path` and `problem` are the validator's (English, technical): a client validates first, so a person rarely meets it. */
  invalidCommand: (v: { path: string; problem: string }) => `${v.path} ${v.problem}.`,

  // Notes and drafts
  promptNotFound: 'That prompt does not exist.',
  noteIdTaken: 'A note with this id already exists.',
  tooManyNotesPerPerson: (v: { max: number }) => `You can write at most ${v.max} notes for one prompt.`,
  notesAreAnonymous: 'Notes are anonymous on this board: they cannot carry a name.',
  draftNotEditable: 'That note is not yours to edit, or it is already revealed.',
  draftNotDeletable: 'That note is not yours to delete, or it is already revealed.',

  // Grouping (participants may group on some boards)
  beforeNoteNotThere: 'The note to place them before is not in that place.',
  noNoteGiven: 'No note was given.',
  noteListedTwice: 'A note is listed twice.',
  noteNotFound: 'One of the notes does not exist.',
  notesOfDifferentPrompts: 'Notes of different prompts cannot be grouped together.',
  themeIdTaken: 'A theme with this id already exists.',
  tooManyThemes: (v: { max: number }) => `A prompt can have at most ${v.max} themes.`,
  notesOfAnotherPrompt: 'Those notes belong to another prompt.',
  themeNotFound: 'That theme does not exist.',
  themeOfOwnPromptOnly: 'A note can only join a theme of its own prompt.',
  noteBeforeItself: 'A note cannot be placed before itself.',

  // Marks and reactions
  questionNotFound: 'That question does not exist.',
  voteNotFound: 'That vote does not exist.',
  voteClosed: 'This vote is closed.',
  noteNotShown: 'That note is not shown (any more).',

  // Dot votes
  itemNotInVote: 'That item is not part of this vote.',
  dotsUsedUp: (v: { dots: number }) => `You have used all ${v.dots} of your dots.`,
  tooManyDotsOnItem: (v: { max: number }) => `You can put at most ${v.max} dots on one item.`,
  noDotOnItem: 'You have no dot on this item.',

  // Consensus rounds
  proposalNotFound: 'That proposal does not exist.',
  roundClosed: 'This round is closed.',
  notRespondent: 'You do not respond in this round.',
  blockNeedsReason: 'Say what makes this a real barrier for you: a block needs a reason.',

  // Joining (GET /api/join/:code) and any API request
  joinCodeUnknown: 'No workshop has this code. Check the code and try again.',
  joinTooManyWrongCodes: (v: { minutes: number }) =>
    `Too many wrong codes were tried from your network. Wait ${inMinutes(v.minutes)}, then check the code and try again, or open the link the facilitator shared.`,
  joinServerBusy: (v: { minutes: number }) =>
    `Too many wrong codes are being tried on this server just now. Wait ${inMinutes(v.minutes)} and try again, or open the link the facilitator shared.`,
  serverFailed: 'Something went wrong on the server.',
  unknownApiPath: 'Unknown API path.',
  unknownHost:
    'This Accord server does not answer to the name in this address. Open it by its own address, or ask whoever runs it to add the name to ALLOWED_HOSTS.',

  // Only a facilitator meets these: the board's structure
  timerNotRunning: 'No timer is running.',
  timerEndsInPast: 'That would end the timer in the past.',
  phaseJump: (v: { from: string; to: string }) => `You cannot go from ${v.from} straight to ${v.to}.`,
  confirmLeaveReflect: 'Participants will not be able to write notes until you start the reflection again.',
  confirmLeaveShare: 'Revealed notes stay visible; new notes will be held until the next release.',
  confirmLeaveVote: 'Voting stops; dots placed so far are kept for when you come back.',
  confirmLeaveDecide: 'Consensus rounds stop; open rounds stay open.',
  addPromptFirst: 'Add at least one prompt before starting.',
  beforePromptNotFound: 'The prompt to place it before does not exist.',
  tooManyPrompts: (v: { max: number }) => `A board can have at most ${v.max} prompts.`,
  promptIdTaken: 'A prompt with this id already exists.',
  promptHasAnswers: 'People have already written answers to this prompt, so it cannot be removed.',
  promptHasProposals: 'This prompt already has proposed agreements, so it cannot be removed.',
  promptBeforeItself: 'A prompt cannot be placed before itself.',
  personGone: 'That person is no longer connected. Look at the list again.',

  // Revealing and releasing notes: `prompt` is its public text, shortened; `notes` a count the board shows
  revealFirst: 'Reveal this prompt first.',
  revealOneAuthor: (v: { prompt: string; notes: number }) =>
    `Only one person wrote to “${v.prompt}”, and everyone can see that count: revealing ${v.notes === 1 ? 'its note' : `its ${v.notes} notes`} now would show the whole group what that one person wrote.`,
  releaseOneAuthor: (v: { prompt: string; notes: number }) => {
    const it = v.notes === 1 ? 'it' : 'them';
    return `One person wrote ${v.notes === 1 ? 'the note' : 'every note'} waiting for “${v.prompt}”: showing ${it} now could tell everyone who wrote ${it}.`;
  },
  revealTwoAuthors: (v: { prompt: string }) =>
    `Only two people wrote to “${v.prompt}”: each of them would know which notes the other wrote.`,
  releaseTwoAuthors: (v: { prompt: string }) =>
    `Only two people wrote the notes waiting for “${v.prompt}”: each of them would know which notes the other wrote.`,
  revealFewAuthors: (v: { prompt: string; min: number }) =>
    `Too few people wrote to “${v.prompt}”: someone who wrote some of them would see fewer than ${v.min} notes by others, and could tell who wrote them.`,
  releaseFewAuthors: (v: { prompt: string; min: number }) =>
    `Too few people wrote the notes waiting for “${v.prompt}”: someone who wrote some of them would see fewer than ${v.min} notes by others, and could tell who wrote them.`,
  revealExposesTwo: (v: { first: string; second: string }) =>
    `Too few people wrote to “${v.first}” and “${v.second}”: revealing them could tell some people who wrote which note.`,
  revealExposesThree: (v: { first: string; second: string; third: string }) =>
    `Too few people wrote to “${v.first}”, “${v.second}” and “${v.third}”: revealing them could tell some people who wrote which note.`,
  revealExposesMore: (v: { first: string; second: string; third: string; more: number }) =>
    `Too few people wrote to “${v.first}”, “${v.second}”, “${v.third}” and ${v.more} more: revealing them could tell some people who wrote which note.`,

  // Grouping and deleting, a facilitator's part
  beforeThemeNotInPrompt: 'The theme to place it before is not in this prompt.',
  themeOnRecord: 'A decision or a vote names this theme, so it stays: rename it, or merge another theme into it.',
  themeMergedWithItself: 'A theme cannot be merged with itself.',
  mergeAcrossPrompts: 'Only themes of the same prompt can be merged.',
  themeBeforeItself: 'A theme cannot be placed before itself.',
  noteGone: 'One of the notes does not exist (any more).',
  /** `label` is the vote's public name ("Round 1"). */
  noteInOpenVote: (v: { label: string }) =>
    `A vote is open on this note (‘${v.label}’), and people may have put dots on it. Close that vote first: then the note can be deleted.`,
  noteOnRecord: 'A vote result or a decision names this note, so it stays. Put it in a theme instead.',
  promptFullOfNotes: (v: { max: number }) => `A prompt can hold at most ${v.max} notes.`,
  undoNoLongerApplies: 'This can no longer be undone: these notes or themes were changed since. Nothing was changed.',
  undoTooManyNotes: (v: { max: number }) => `An undo can put back at most ${v.max} notes.`,
  undoUnexpectedNotes: 'An undo moves only the notes it expects.',
  nothingToUndo: 'There is nothing to undo.',

  // Votes and rounds, a facilitator's part: `voters` and `respondents` are the public counts
  closeOpenVoteFirst: 'Close the open vote before starting another.',
  voteIdTaken: 'A vote with this id already exists.',
  maxPerItemOverDots: 'The most dots per item cannot exceed the dots per person.',
  runOffNeedsItem: 'A run-off needs at least one item.',
  itemListedTwice: 'An item is listed twice.',
  itemNotVotable: 'One of the items cannot be voted on.',
  nothingToVoteOn: 'There is nothing to vote on yet: reveal notes of a prompt marked "align".',
  voteAlreadyClosed: 'This vote is already closed.',
  smallVote: (v: { voters: number }) =>
    v.voters === 1
      ? 'Only 1 person has voted: the results would show exactly where they put their dots.'
      : `Only ${v.voters} people have voted: each of them could work out from the results where the other put their dots.`,
  agreementNotFound: 'That agreement does not exist.',
  amendNeedsAgreementInForce: 'Only an agreement in force can be amended or retired.',
  proposalOnOtherPrompt: 'The proposal must be about the agreement’s own prompt.',
  agreementHasOpenRound: 'This agreement already has an open round.',
  awarenessNotDecided: 'Awareness-only prompts are not decided on.',
  proposalIdTaken: 'A proposal with this id already exists.',
  proposalTargetMismatch: 'An amendment or a retirement names the agreement it is about; a new item names none.',
  revisedRoundNotFound: 'The round to revise does not exist.',
  reviseFailedOnly: 'Only a round that did not pass can be revised.',
  revisionSamePromptTheme: 'A revision must be about the same prompt and theme.',
  revisionSameKind: 'A revision must be of the same kind, about the same agreement, as the round it revises.',
  themeNotInPrompt: 'That theme is not part of this prompt.',
  themeHasOpenRound: 'This theme already has an open round.',
  themeHasAgreement: 'This theme already has a locked agreement. Amend or unlock it instead.',
  roundAlreadyClosed: 'This round is already closed.',
  smallRound: (v: { respondents: number }) =>
    v.respondents === 1
      ? 'Only 1 person has answered: the result would show their answer, and their reason if they gave one.'
      : `Only ${v.respondents} people have answered: each of them could tell from the result what the other answered.`,
  agreementAlreadyUnlocked: 'This agreement is already unlocked.',
  workshopAlreadyClosed: 'The workshop is already closed.',
  closeOpenRoundsFirst: 'Close the open vote or consensus round first.',
  workshopAlreadyOpen: 'The workshop is open already.',
  actionDetailsNeedAgreementInForce: 'Only an agreement in force has action details.',

  // Starting and importing a board (POST /api/boards, /api/boards/import)
  boardsFromNetwork: (v: { minutes: number }) =>
    `Many workshops were started from your network in a short time. Try again in ${inMinutes(v.minutes)}.`,
  boardsOnServer: (v: { minutes: number }) =>
    `Many workshops are being started on this server just now. Try again in ${inMinutes(v.minutes)}.`,
  bodyNotJson: (v: { kib: number }) => `The body must be JSON of at most ${v.kib} KiB.`,
  /** A field the form checks first: `path` and `problem` are the validator's (English, technical). */
  invalidField: (v: { path: string; problem: string }) => `${v.path} ${v.problem}`,
  customPromptsEmpty: 'custom.prompts must not be empty',
  templateUnknown: 'templateId is not a known template',
  importBusy: 'Accord is importing other boards just now. Try again in a few seconds.',
  importTimedOut: 'This export could not be imported in time. Try again later, or with a smaller board.',
  importFailed: 'This export could not be imported.',
  importNotAccord: (v: { path: string }) =>
    `This file can’t be imported. It is not an Accord board export. Choose the .json file Accord gave you under Export. Where in the file: ${v.path}.`,
  importOtherVersion: (v: { path: string }) =>
    `This file can’t be imported. It was exported by a different version of Accord. Export the board again from this Accord, and import that file. Where in the file: ${v.path}.`,
  /** `why` is the English account of what differs (server/importRefusal.ts), for whoever edits the file. */
  importFileChanged: (v: { path: string; why: string }) =>
    `This file can’t be imported. ${v.why}. Import the .json file exactly as Accord exported it. Where in the file: ${v.path}.`,

  // Downloads (GET /api/boards/:id/export…)
  exportLanguageUnknown: (v: { languages: string }) => `lang must be one of ${v.languages}.`,
  boardNotFound: 'No such board.',
  exportNeedsKey: 'Send the facilitator key, the read-only key or your participant secret as a Bearer token.',
  exportParticipantFormats: 'Participants can download the agreement as Markdown or CSV.',
  exportNotClosed: 'The agreement can be downloaded once the facilitator closes the workshop.',
  noCheckInDate: 'No check-in date is set.',
} as const satisfies Record<string, string | ((values: never) => string)>;

/** "a minute", "3 minutes": how long to wait, in the refusals above. */
function inMinutes(minutes: number): string {
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}

/** A refusal's stable id: the key of its sentence in {@link REFUSALS}. */
export type RefusalId = keyof typeof REFUSALS;

/** What a refusal's sentence shows, by name: numbers and public words only. */
export type RefusalValues = Readonly<Record<string, string | number>>;

/** The values refusal `R` needs (`undefined` for a sentence without any). */
export type RefusalValuesOf<R extends RefusalId> = (typeof REFUSALS)[R] extends (values: infer V) => string ? V : undefined;

/** The arguments after the id: the values when the sentence has any, else nothing. */
export type RefusalArgs<R extends RefusalId> = RefusalValuesOf<R> extends undefined ? [] : [values: RefusalValuesOf<R>];

/** Every refusal id, in the table's order. */
export const REFUSAL_IDS = Object.keys(REFUSALS) as RefusalId[];

/** A refusal as it travels: its code, the English sentence, the sentence's id and its values. */
export interface Refusal<C extends string = ErrorCode> {
  readonly error: C;
  readonly message: string;
  readonly reason: RefusalId;
  readonly values?: RefusalValues;
}

/** The English sentence of refusal `reason` with `values`. */
export function refusalMessage<R extends RefusalId>(reason: R, ...args: RefusalArgs<R>): string {
  const sentence = REFUSALS[reason] as string | ((values: unknown) => string);
  return typeof sentence === 'string' ? sentence : sentence(args[0]);
}

/** A refusal with any code: the HTTP API's JSON errors (`invalid_request`, `busy`, …) use it too. */
export function refusalOf<C extends string, R extends RefusalId>(error: C, reason: R, ...args: RefusalArgs<R>): Refusal<C> {
  const message = refusalMessage(reason, ...args);
  const values = args[0] as RefusalValues | undefined;
  return values === undefined ? { error, message, reason } : { error, message, reason, values };
}

/** Builds a command's refusal: nothing changed, and `reason` says why (in English in `message`). */
export function refuse<R extends RefusalId>(error: ErrorCode, reason: R, ...args: RefusalArgs<R>): Refusal {
  return refusalOf(error, reason, ...args);
}
