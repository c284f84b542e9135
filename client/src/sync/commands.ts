import type { Command } from '../../../shared/commands';
import type { RuleSettings } from '../../../shared/domain/decisionRules';
import { ASKS_TO_CONFIRM, type DomainError } from '../../../shared/domain/errors';
import type { Phase } from '../../../shared/phases';
import type { CommandResult } from '../../../shared/protocol';
import { randomId } from '../../../shared/random';
import type { Reaction } from '../../../shared/records/Mark';
import type { NoteTag } from '../../../shared/records/Note';
import type { PromptKind } from '../../../shared/records/Prompt';
import type { DecisionRule, ProposalKind } from '../../../shared/records/Proposal';
import { translate } from '../i18n/i18n';
import { announce, announceQuietly } from '../store/toastStore';
import { currentSession } from './boardSession';

/** Refused before the session exists (a click during the page's first instant), in the reader's language. */
const notOpen = (): DomainError => ({ error: 'internal', message: translate('board.notOpenYet') });

/**
 * Sends a command after checking it with the same domain rules the server runs. Returns the
 * refusal (already announced) when the check fails; nothing is sent then.
 */
export function submit(command: Command): DomainError | null {
  const session = currentSession();
  if (!session) {
    const refusal = notOpen();
    announce(refusal.message, 'error');
    return refusal;
  }
  const { refusal } = session.submit(command);
  if (refusal && !ASKS_TO_CONFIRM.has(refusal.error)) announce(refusal.message, 'error');
  return refusal;
}

/**
 * Like {@link submit}, and waits for the server's answer. A refusal of {@link ASKS_TO_CONFIRM}
 * is not announced: the caller asks the person instead.
 */
export async function submitAndWait(command: Command): Promise<CommandResult> {
  const session = currentSession();
  if (!session) return { id: '', ok: false, ...notOpen() } as CommandResult;
  const { refusal, result } = session.submit(command);
  if (refusal) {
    if (!ASKS_TO_CONFIRM.has(refusal.error)) announce(refusal.message, 'error');
    return { id: '', ok: false, error: refusal.error, message: refusal.message };
  }
  return result as Promise<CommandResult>;
}

/**
 * Like {@link submit}, and says `success` only once the server has acknowledged the command: a
 * command queued while offline says so at once (`board.queued`) instead, and its success after the
 * reconnect. A refusal is announced by the session, as for every command. `onAcknowledged` runs
 * then too (an undo is offered only for what the server did). `isRoutine`: the success is only
 * spoken to screen readers, never shown as a toast (a note saved, a card moved).
 */
export function submitAcknowledged(
  command: Command,
  success: string | null,
  onAcknowledged?: () => void,
  isRoutine = false,
): DomainError | null {
  const session = currentSession();
  if (!session) {
    const refusal = notOpen();
    announce(refusal.message, 'error');
    return refusal;
  }
  const { refusal, result } = session.submit(command);
  if (refusal) {
    if (!ASKS_TO_CONFIRM.has(refusal.error)) announce(refusal.message, 'error');
    return refusal;
  }
  if (session.connection.status !== 'online') announce(translate('board.queued'));
  void result?.then((answer) => {
    if (!answer.ok) return;
    onAcknowledged?.();
    if (success === null) return;
    if (isRoutine) announceQuietly(success);
    else announce(success);
  });
  return null;
}

/** Publishes my presence (name may be ''), or withdraws it with null. */
export function setPresence(name: string | null): void {
  currentSession()?.presence.set(name);
}

/** `authorName` signs the note on boards that show names; anonymous boards refuse it. */
export const postNote = (
  promptId: string,
  text: string,
  tag: NoteTag | null,
  authorName: string | null,
  success: string,
  draftId: string = randomId(),
) => submitAcknowledged({ type: 'postDraft', draftId, promptId, text, tag, ...(authorName ? { authorName } : {}) }, success);
export const editNote = (draftId: string, text: string, tag: NoteTag | null) =>
  submitAcknowledged({ type: 'editDraft', draftId, text, tag }, translate('notes.saved'), undefined, true);

export const changePhase = (phase: Phase, confirm?: boolean) =>
  submitAndWait({ type: 'setPhase', phase, ...(confirm ? { confirm: true } : {}) });
export const focusPrompt = (promptId: string | null) => submit({ type: 'focusPrompt', promptId });
/** `confirmSmallCount`: the facilitator was told so few people wrote that notes could be traced, and goes ahead. */
export const revealPrompt = (promptId: string | null, confirmSmallCount = false) =>
  submitAndWait({ type: 'reveal', promptId, ...(confirmSmallCount ? { confirmSmallCount } : {}) });
export const releaseHeld = (promptId: string, confirmSmallCount = false) =>
  submitAndWait({ type: 'releaseHeld', promptId, ...(confirmSmallCount ? { confirmSmallCount } : {}) });

export const updateBoard = (fields: { title?: string; purpose?: string }) => submit({ type: 'updateBoard', ...fields });
export const renameBoard = (title: string) => submit({ type: 'renameBoard', title });
export const updateSettings = (fields: {
  facilitatorParticipates?: boolean;
  showRoster?: boolean;
  decisionRule?: RuleSettings;
  participantsGroup?: boolean;
}) => submit({ type: 'updateSettings', ...fields });
export const addPrompt = (text: string, kind: PromptKind) =>
  submit({ type: 'addPrompt', promptId: randomId(), text, kind, beforePromptId: null });
export const updatePrompt = (promptId: string, fields: { text?: string; kind?: PromptKind }) =>
  submit({ type: 'updatePrompt', promptId, ...fields });
export const removePrompt = (promptId: string) => submit({ type: 'removePrompt', promptId });
export const movePrompt = (promptId: string, beforePromptId: string | null) =>
  submit({ type: 'movePrompt', promptId, beforePromptId });

export interface VoteRoundSettings {
  readonly label: string;
  readonly dotsPerPerson: number;
  readonly maxPerItem: number;
  readonly facilitatorVotes: boolean;
  /** The items of a run-off, or null for every theme and ungrouped note of the align prompts. */
  readonly itemIds: readonly string[] | null;
}
export const openVoteRound = (settings: VoteRoundSettings) =>
  submitAndWait({
    type: 'openVoteRound',
    roundId: randomId(),
    ...settings,
    itemIds: settings.itemIds === null ? null : [...settings.itemIds],
  });
/** `confirmSmallCount`: publish although so few voted that the totals show each ballot. */
export const closeVoteRound = (roundId: string, confirmSmallCount = false) =>
  submitAndWait({ type: 'closeVoteRound', roundId, ...(confirmSmallCount ? { confirmSmallCount } : {}) });
/** "I am done": with a prompt (reflect) or the open vote round (vote); false takes it back. */
export const markDone = (targetId: string, isDone: boolean) => submit({ type: 'markDone', targetId, isDone });
/** A participant's grouping (when the board allows it): the facilitator's commands, without an undo plan. */
export const moveNoteAsParticipant = (noteId: string, themeId: string | null) =>
  submit({ type: 'moveNotes', noteIds: [noteId], themeId, beforeNoteId: null });
export const createThemeAsParticipant = (promptId: string, name: string, noteIds: readonly string[]) =>
  submit({ type: 'createTheme', themeId: randomId(), promptId, name, noteIds: [...noteIds], beforeThemeId: null });
/** Puts a reaction on a revealed note, or takes it back. */
export const react = (noteId: string, reaction: Reaction, isOn: boolean) => submit({ type: 'react', noteId, reaction, isOn });
export const placeDot = (roundId: string, itemId: string) => submit({ type: 'placeDot', roundId, itemId });
export const removeDot = (roundId: string, itemId: string) => submit({ type: 'removeDot', roundId, itemId });

export interface ProposalSettings {
  readonly promptId: string;
  readonly themeId: string | null;
  readonly statement: string;
  readonly rule: DecisionRule;
  readonly quorumPercent: number;
  readonly thresholdPercent: number;
  /** The failed round this one revises, or null for a first round. */
  readonly previousProposalId: string | null;
  /** adopt (default): a new item; amend or retire: about `targetAgreementId`. */
  readonly kind?: ProposalKind;
  readonly targetAgreementId?: string | null;
}
export const openProposal = (settings: ProposalSettings) =>
  submitAndWait({ type: 'openProposal', proposalId: randomId(), ...settings });
/** `confirmSmallCount`: publish although so few answered that the outcome shows each answer. */
export const closeProposal = (proposalId: string, confirmSmallCount = false) =>
  submitAndWait({ type: 'closeProposal', proposalId, ...(confirmSmallCount ? { confirmSmallCount } : {}) });
export const unlockAgreement = (agreementId: string, reason: string) =>
  submitAndWait({ type: 'unlockAgreement', agreementId, reason });
