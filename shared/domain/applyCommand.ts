import type { Command, CommandOf, CommandType } from '../commands';
import type { Phase } from '../phases';
import type { Changes } from './changes';
import { closeProposal, mayRespond, openProposal, respond, unlockAgreement } from './consensusCommands';
import { deleteDraft, editDraft, postDraft } from './draftCommands';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { createTheme, deleteTheme, mergeThemes, moveNotes, moveTheme, renameTheme } from './groupCommands';
import { markDone, mayMarkDone, react } from './markCommands';
import { deleteNotes, restoreNotes } from './noteDeleteCommands';
import { canWriteNotes, isFacilitator, mayGroup } from './permissions';
import { focusPrompt, setPhase } from './phaseCommands';
import { releaseHeld, reveal } from './revealCommands';
import { removeSeat } from './seatCommands';
import { addPrompt, movePrompt, removePrompt, renameBoard, updateBoard, updatePrompt, updateSettings } from './setupCommands';
import type { Actor, DomainContext, DomainState } from './state';
import { addTime, startTimer, stopTimer } from './timerCommands';
import { restoreGrouping } from './undoCommands';
import { closeWorkshop, reopenWorkshop, setCheckIn, setSmartie } from './versionCommands';
import { closeRound, mayVote, openRound, placeDot, removeDot } from './votingCommands';

/** One command's rule: who may send it, in which phases, and what it does. */
interface CommandRule<T extends CommandType> {
  readonly isAllowed: (actor: Actor, state: DomainState) => boolean;
  /** Phases in which the command is accepted; `'any'` for all of them. */
  readonly phases: readonly Phase[] | 'any';
  readonly perform: (state: DomainState, actor: Actor, command: CommandOf<T>, ctx: DomainContext) => Changes | DomainError;
}

const WRITING_PHASES: readonly Phase[] = ['reflect', 'share', 'group'];
const REVEAL_PHASES: readonly Phase[] = ['share', 'group'];
const GROUP_PHASES: readonly Phase[] = ['group'];
const VOTE_PHASES: readonly Phase[] = ['vote'];
const DECIDE_PHASES: readonly Phase[] = ['decide', 'revisit'];
const SETUP_PHASES: readonly Phase[] = ['setup', 'revisit'];
const RECORD_PHASES: readonly Phase[] = ['decide', 'agreement', 'revisit'];
const DONE_PHASES: readonly Phase[] = ['reflect', 'vote'];
/** Phases in which revealed notes are on screen to react to. */
const REACT_PHASES: readonly Phase[] = ['share', 'group', 'vote', 'decide'];

/** What a facilitator may still do once the workshop is closed (its version is final). */
export const ALLOWED_WHEN_CLOSED: ReadonlySet<CommandType> = new Set<CommandType>([
  'reopenWorkshop',
  'setCheckIn',
  'focusPrompt',
  'updateSettings',
  'startTimer',
  'addTime',
  'stopTimer',
  'removeSeat',
  'renameBoard',
]);

/** Every command's rule. The phase lists are the "allowed commands per phase" of the phase table. */
export const COMMAND_RULES: { readonly [T in CommandType]: CommandRule<T> } = {
  updateBoard: { isAllowed: isFacilitator, phases: ['setup'], perform: (s, _a, c) => updateBoard(s, c) },
  renameBoard: { isAllowed: isFacilitator, phases: 'any', perform: (_s, _a, c) => renameBoard(c) },
  updateSettings: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c) => updateSettings(s, c) },
  addPrompt: { isAllowed: isFacilitator, phases: SETUP_PHASES, perform: (s, _a, c) => addPrompt(s, c) },
  updatePrompt: { isAllowed: isFacilitator, phases: SETUP_PHASES, perform: (s, _a, c) => updatePrompt(s, c) },
  removePrompt: { isAllowed: isFacilitator, phases: SETUP_PHASES, perform: (s, _a, c) => removePrompt(s, c) },
  movePrompt: { isAllowed: isFacilitator, phases: SETUP_PHASES, perform: (s, _a, c) => movePrompt(s, c) },
  setPhase: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c, x) => setPhase(s, c, x) },
  focusPrompt: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c) => focusPrompt(s, c) },
  reveal: { isAllowed: isFacilitator, phases: REVEAL_PHASES, perform: (s, _a, c, x) => reveal(s, c, x) },
  releaseHeld: { isAllowed: isFacilitator, phases: REVEAL_PHASES, perform: (s, _a, c, x) => releaseHeld(s, c, x) },
  postDraft: { isAllowed: (a, s) => canWriteNotes(a, s.board), phases: WRITING_PHASES, perform: postDraft },
  editDraft: { isAllowed: (a, s) => canWriteNotes(a, s.board), phases: WRITING_PHASES, perform: (s, a, c) => editDraft(s, a, c) },
  deleteDraft: {
    isAllowed: (a, s) => canWriteNotes(a, s.board),
    phases: WRITING_PHASES,
    perform: (s, a, c) => deleteDraft(s, a, c),
  },
  createTheme: { isAllowed: (a, s) => mayGroup(a, s.board), phases: GROUP_PHASES, perform: (s, _a, c) => createTheme(s, c) },
  renameTheme: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => renameTheme(s, c) },
  deleteTheme: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => deleteTheme(s, c) },
  moveNotes: { isAllowed: (a, s) => mayGroup(a, s.board), phases: GROUP_PHASES, perform: (s, _a, c) => moveNotes(s, c) },
  deleteNotes: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => deleteNotes(s, c) },
  mergeThemes: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => mergeThemes(s, c) },
  moveTheme: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => moveTheme(s, c) },
  startTimer: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c, x) => startTimer(s, c, x) },
  addTime: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c, x) => addTime(s, c, x) },
  stopTimer: { isAllowed: isFacilitator, phases: 'any', perform: (s) => stopTimer(s) },
  openVoteRound: { isAllowed: isFacilitator, phases: VOTE_PHASES, perform: (s, _a, c, x) => openRound(s, c, x) },
  closeVoteRound: { isAllowed: isFacilitator, phases: ['vote', 'decide'], perform: (s, _a, c, x) => closeRound(s, c, x) },
  placeDot: { isAllowed: (a, s) => mayVote(a, s.board), phases: VOTE_PHASES, perform: (s, a, c) => placeDot(s, a, c) },
  removeDot: { isAllowed: (a, s) => mayVote(a, s.board), phases: VOTE_PHASES, perform: (s, a, c) => removeDot(s, a, c) },
  openProposal: { isAllowed: isFacilitator, phases: DECIDE_PHASES, perform: (s, _a, c, x) => openProposal(s, c, x) },
  respond: { isAllowed: (a, s) => mayRespond(a, s.board), phases: DECIDE_PHASES, perform: (s, a, c) => respond(s, a, c) },
  closeProposal: { isAllowed: isFacilitator, phases: RECORD_PHASES, perform: (s, _a, c, x) => closeProposal(s, c, x) },
  unlockAgreement: { isAllowed: isFacilitator, phases: RECORD_PHASES, perform: (s, _a, c, x) => unlockAgreement(s, c, x) },
  setSmartie: { isAllowed: isFacilitator, phases: RECORD_PHASES, perform: (s, _a, c) => setSmartie(s, c) },
  closeWorkshop: { isAllowed: isFacilitator, phases: ['agreement'], perform: (s, _a, _c, x) => closeWorkshop(s, x) },
  reopenWorkshop: { isAllowed: isFacilitator, phases: ['agreement'], perform: (s) => reopenWorkshop(s) },
  setCheckIn: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c) => setCheckIn(s, c) },
  removeSeat: { isAllowed: isFacilitator, phases: 'any', perform: (s, _a, c, x) => removeSeat(s, c, x) },
  // Undo (see undoCommands.ts): grouping is undone where it is done.
  restoreGrouping: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => restoreGrouping(s, c) },
  restoreNotes: { isAllowed: isFacilitator, phases: GROUP_PHASES, perform: (s, _a, c) => restoreNotes(s, c) },
  markDone: { isAllowed: (a, s) => mayMarkDone(a, s.board), phases: DONE_PHASES, perform: (s, a, c) => markDone(s, a, c) },
  react: { isAllowed: (a, s) => canWriteNotes(a, s.board), phases: REACT_PHASES, perform: (s, a, c) => react(s, a, c) },
};

/** True when `type` is accepted in `phase`. */
export function isAllowedInPhase(type: CommandType, phase: Phase): boolean {
  const phases = COMMAND_RULES[type].phases;
  return phases === 'any' || phases.includes(phase);
}

/**
 * The one entry point of the domain: checks permission (AUTH), phase (VALIDATION), then
 * computes the changes (RESOLUTION). Pure: the same inputs give the same output, on the server
 * and in the browser's optimistic update.
 */
export function applyCommand(state: DomainState, actor: Actor, command: Command, ctx: DomainContext): Changes | DomainError {
  const rule = COMMAND_RULES[command.type] as CommandRule<CommandType>;
  if (!rule.isAllowed(actor, state)) return refuse('forbidden', 'notAllowed');
  if (state.board.meta.isClosed && !ALLOWED_WHEN_CLOSED.has(command.type)) {
    return refuse('conflict', 'workshopClosed', { version: state.board.meta.version });
  }
  if (!isAllowedInPhase(command.type, state.board.meta.phase)) {
    return refuse('wrong_phase', 'wrongPhase', { phase: state.board.meta.phase });
  }
  return rule.perform(state, actor, command as CommandOf<CommandType>, ctx);
}
