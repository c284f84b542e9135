import type { RefusalId } from '../../../shared/domain/refusals';
import { type MessageKey, type MessageValues, translate } from './i18n';

/**
 * Each refusal's message in the catalogs, by its id (shared/domain/refusals.ts). Whole keys, not
 * built ones (docs/i18n.md): a refusal added to the shared table does not compile until it has a
 * message here, and tests/client/refusalSentences.test.ts checks that every language says it.
 */
export const REFUSAL_KEYS: Readonly<Record<RefusalId, MessageKey>> = {
  // Refusals a participant can meet: the `board` part, in the first load.
  notAllowed: 'error.notAllowed',
  workshopClosed: 'error.workshopClosed',
  wrongPhase: 'error.wrongPhase',
  removedFromWorkshop: 'error.removedFromWorkshop',
  commandFailed: 'error.commandFailed',
  tooManyActions: 'error.tooManyActions',
  invalidCommand: 'error.invalidCommand',
  promptNotFound: 'error.promptNotFound',
  noteIdTaken: 'error.noteIdTaken',
  tooManyNotesPerPerson: 'error.tooManyNotesPerPerson',
  notesAreAnonymous: 'error.notesAreAnonymous',
  draftNotEditable: 'error.draftNotEditable',
  draftNotDeletable: 'error.draftNotDeletable',
  beforeNoteNotThere: 'error.beforeNoteNotThere',
  noNoteGiven: 'error.noNoteGiven',
  noteListedTwice: 'error.noteListedTwice',
  noteNotFound: 'error.noteNotFound',
  notesOfDifferentPrompts: 'error.notesOfDifferentPrompts',
  themeIdTaken: 'error.themeIdTaken',
  tooManyThemes: 'error.tooManyThemes',
  notesOfAnotherPrompt: 'error.notesOfAnotherPrompt',
  themeNotFound: 'error.themeNotFound',
  themeOfOwnPromptOnly: 'error.themeOfOwnPromptOnly',
  noteBeforeItself: 'error.noteBeforeItself',
  questionNotFound: 'error.questionNotFound',
  voteNotFound: 'error.voteNotFound',
  voteClosed: 'error.voteClosed',
  noteNotShown: 'error.noteNotShown',
  itemNotInVote: 'error.itemNotInVote',
  dotsUsedUp: 'error.dotsUsedUp',
  tooManyDotsOnItem: 'error.tooManyDotsOnItem',
  noDotOnItem: 'error.noDotOnItem',
  proposalNotFound: 'error.proposalNotFound',
  roundClosed: 'error.roundClosed',
  notRespondent: 'error.notRespondent',
  blockNeedsReason: 'error.blockNeedsReason',
  joinCodeUnknown: 'error.joinCodeUnknown',
  joinTooManyWrongCodes: 'error.joinTooManyWrongCodes',
  joinServerBusy: 'error.joinServerBusy',
  serverFailed: 'error.serverFailed',
  unknownApiPath: 'error.unknownApiPath',
  unknownHost: 'error.unknownHost',
  exportLanguageUnknown: 'error.exportLanguageUnknown',
  boardNotFound: 'error.boardNotFound',
  exportNeedsKey: 'error.exportNeedsKey',
  exportParticipantFormats: 'error.exportParticipantFormats',
  exportNotClosed: 'error.exportNotClosed',
  noCheckInDate: 'error.noCheckInDate',
  // Refusals only a facilitator (or whoever starts a board) meets: the `pages` part, loaded with those pages.
  timerNotRunning: 'facilitator.error.timerNotRunning',
  timerEndsInPast: 'facilitator.error.timerEndsInPast',
  phaseJump: 'facilitator.error.phaseJump',
  confirmLeaveReflect: 'facilitator.error.confirmLeaveReflect',
  confirmLeaveShare: 'facilitator.error.confirmLeaveShare',
  confirmLeaveVote: 'facilitator.error.confirmLeaveVote',
  confirmLeaveDecide: 'facilitator.error.confirmLeaveDecide',
  addPromptFirst: 'facilitator.error.addPromptFirst',
  beforePromptNotFound: 'facilitator.error.beforePromptNotFound',
  tooManyPrompts: 'facilitator.error.tooManyPrompts',
  promptIdTaken: 'facilitator.error.promptIdTaken',
  promptHasAnswers: 'facilitator.error.promptHasAnswers',
  promptHasProposals: 'facilitator.error.promptHasProposals',
  promptBeforeItself: 'facilitator.error.promptBeforeItself',
  personGone: 'facilitator.error.personGone',
  revealFirst: 'facilitator.error.revealFirst',
  revealOneAuthor: 'facilitator.error.revealOneAuthor',
  releaseOneAuthor: 'facilitator.error.releaseOneAuthor',
  revealTwoAuthors: 'facilitator.error.revealTwoAuthors',
  releaseTwoAuthors: 'facilitator.error.releaseTwoAuthors',
  revealFewAuthors: 'facilitator.error.revealFewAuthors',
  releaseFewAuthors: 'facilitator.error.releaseFewAuthors',
  revealExposesTwo: 'facilitator.error.revealExposesTwo',
  revealExposesThree: 'facilitator.error.revealExposesThree',
  revealExposesMore: 'facilitator.error.revealExposesMore',
  beforeThemeNotInPrompt: 'facilitator.error.beforeThemeNotInPrompt',
  themeOnRecord: 'facilitator.error.themeOnRecord',
  themeMergedWithItself: 'facilitator.error.themeMergedWithItself',
  mergeAcrossPrompts: 'facilitator.error.mergeAcrossPrompts',
  themeBeforeItself: 'facilitator.error.themeBeforeItself',
  noteGone: 'facilitator.error.noteGone',
  noteInOpenVote: 'facilitator.error.noteInOpenVote',
  noteOnRecord: 'facilitator.error.noteOnRecord',
  promptFullOfNotes: 'facilitator.error.promptFullOfNotes',
  undoNoLongerApplies: 'facilitator.error.undoNoLongerApplies',
  undoTooManyNotes: 'facilitator.error.undoTooManyNotes',
  undoUnexpectedNotes: 'facilitator.error.undoUnexpectedNotes',
  nothingToUndo: 'facilitator.error.nothingToUndo',
  closeOpenVoteFirst: 'facilitator.error.closeOpenVoteFirst',
  voteIdTaken: 'facilitator.error.voteIdTaken',
  maxPerItemOverDots: 'facilitator.error.maxPerItemOverDots',
  runOffNeedsItem: 'facilitator.error.runOffNeedsItem',
  itemListedTwice: 'facilitator.error.itemListedTwice',
  itemNotVotable: 'facilitator.error.itemNotVotable',
  nothingToVoteOn: 'facilitator.error.nothingToVoteOn',
  voteAlreadyClosed: 'facilitator.error.voteAlreadyClosed',
  smallVote: 'facilitator.error.smallVote',
  agreementNotFound: 'facilitator.error.agreementNotFound',
  amendNeedsAgreementInForce: 'facilitator.error.amendNeedsAgreementInForce',
  proposalOnOtherPrompt: 'facilitator.error.proposalOnOtherPrompt',
  agreementHasOpenRound: 'facilitator.error.agreementHasOpenRound',
  awarenessNotDecided: 'facilitator.error.awarenessNotDecided',
  proposalIdTaken: 'facilitator.error.proposalIdTaken',
  proposalTargetMismatch: 'facilitator.error.proposalTargetMismatch',
  revisedRoundNotFound: 'facilitator.error.revisedRoundNotFound',
  reviseFailedOnly: 'facilitator.error.reviseFailedOnly',
  revisionSamePromptTheme: 'facilitator.error.revisionSamePromptTheme',
  revisionSameKind: 'facilitator.error.revisionSameKind',
  themeNotInPrompt: 'facilitator.error.themeNotInPrompt',
  themeHasOpenRound: 'facilitator.error.themeHasOpenRound',
  themeHasAgreement: 'facilitator.error.themeHasAgreement',
  roundAlreadyClosed: 'facilitator.error.roundAlreadyClosed',
  smallRound: 'facilitator.error.smallRound',
  agreementAlreadyUnlocked: 'facilitator.error.agreementAlreadyUnlocked',
  workshopAlreadyClosed: 'facilitator.error.workshopAlreadyClosed',
  closeOpenRoundsFirst: 'facilitator.error.closeOpenRoundsFirst',
  workshopAlreadyOpen: 'facilitator.error.workshopAlreadyOpen',
  actionDetailsNeedAgreementInForce: 'facilitator.error.actionDetailsNeedAgreementInForce',
  boardsFromNetwork: 'facilitator.error.boardsFromNetwork',
  boardsOnServer: 'facilitator.error.boardsOnServer',
  bodyNotJson: 'facilitator.error.bodyNotJson',
  invalidField: 'facilitator.error.invalidField',
  customPromptsEmpty: 'facilitator.error.customPromptsEmpty',
  templateUnknown: 'facilitator.error.templateUnknown',
  importBusy: 'facilitator.error.importBusy',
  importTimedOut: 'facilitator.error.importTimedOut',
  importFailed: 'facilitator.error.importFailed',
  importNotAccord: 'facilitator.error.importNotAccord',
  importOtherVersion: 'facilitator.error.importOtherVersion',
  importFileChanged: 'facilitator.error.importFileChanged',
};

/** A refusal as it reaches the client: a command's result or an API error's JSON body. */
export interface RefusalLike {
  readonly message: string;
  readonly reason?: unknown;
  readonly values?: unknown;
}

/**
 * What a refusal says in the person's language: the catalog's message for its `reason`, filled
 * with its `values`. The server's English `message` when the reason is unknown here (an older or
 * newer server) or its message is not loaded (a `pages` key before those pages' words arrived).
 */
export function refusalSentence(refusal: RefusalLike): string {
  const { reason } = refusal;
  if (typeof reason !== 'string' || !Object.hasOwn(REFUSAL_KEYS, reason)) return refusal.message;
  try {
    const sentence = translate(REFUSAL_KEYS[reason as RefusalId], valuesOf(refusal.values));
    return sentence === '' ? refusal.message : sentence;
  } catch {
    // A `pages` message before its part is loaded: translate has nothing to call (i18n.ts).
    return refusal.message;
  }
}

/** The values a server sent, keeping only what a message can show. */
function valuesOf(values: unknown): MessageValues {
  if (typeof values !== 'object' || values === null) return {};
  return Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string' || typeof value === 'number'));
}
