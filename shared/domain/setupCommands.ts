import type { CommandOf } from '../commands';
import { keyBetween } from '../fractionalIndex';
import { MAX_PROMPTS_PER_BOARD } from '../limits';
import type { Changes } from './changes';
import { type DomainError, refuse } from './errors';
import { type DomainState, notesOfPrompt, sortedPrompts } from './state';

/** Changes the title and/or purpose. */
export function updateBoard(_state: DomainState, command: CommandOf<'updateBoard'>): Changes {
  const fields: { title?: string; purpose?: string } = {};
  if (command.title !== undefined) fields.title = command.title;
  if (command.purpose !== undefined) fields.purpose = command.purpose;
  return { doc: [{ type: 'setMeta', fields }], private: [] };
}

/** Changes one or more settings. */
export function updateSettings(state: DomainState, command: CommandOf<'updateSettings'>): Changes {
  const settings = { ...state.board.meta.settings };
  if (command.facilitatorParticipates !== undefined) settings.facilitatorParticipates = command.facilitatorParticipates;
  if (command.showRoster !== undefined) settings.showRoster = command.showRoster;
  return { doc: [{ type: 'setMeta', fields: { settings } }], private: [] };
}

/** The order key for a prompt placed just before `beforePromptId` (or last when null). */
function promptOrderBefore(state: DomainState, beforePromptId: string | null, movingId: string | null): string | DomainError {
  const prompts = sortedPrompts(state.board).filter((p) => p.id !== movingId);
  if (beforePromptId === null) return keyBetween(prompts.at(-1)?.order ?? null, null);
  const index = prompts.findIndex((p) => p.id === beforePromptId);
  if (index < 0) return refuse('not_found', 'The prompt to place it before does not exist.');
  const after = prompts[index]?.order ?? null;
  const before = prompts[index - 1]?.order ?? null;
  // Equal keys (never produced here, but possible in imported data) fall back to "just after".
  return before !== null && after !== null && before >= after ? keyBetween(before, null) : keyBetween(before, after);
}

/** Adds a prompt. */
export function addPrompt(state: DomainState, command: CommandOf<'addPrompt'>): Changes | DomainError {
  if (state.board.prompts.size >= MAX_PROMPTS_PER_BOARD) {
    return refuse('limit_reached', `A board can have at most ${MAX_PROMPTS_PER_BOARD} prompts.`);
  }
  if (state.board.prompts.has(command.promptId)) return refuse('conflict', 'A prompt with this id already exists.');
  const order = promptOrderBefore(state, command.beforePromptId, null);
  if (typeof order !== 'string') return order;
  const prompt = {
    id: command.promptId,
    text: command.text,
    kind: command.kind,
    order,
    isRevealed: false,
    pendingCount: 0,
    contributorCount: 0,
  };
  return { doc: [{ type: 'putPrompt', prompt }], private: [] };
}

/** Rewords a prompt or switches it between align and awareness-only. */
export function updatePrompt(state: DomainState, command: CommandOf<'updatePrompt'>): Changes | DomainError {
  if (!state.board.prompts.has(command.promptId)) return refuse('not_found', 'That prompt does not exist.');
  const fields: { text?: string; kind?: 'align' | 'awareness' } = {};
  if (command.text !== undefined) fields.text = command.text;
  if (command.kind !== undefined) fields.kind = command.kind;
  return { doc: [{ type: 'patchPrompt', id: command.promptId, fields }], private: [] };
}

/** Removes a prompt that nobody has written to yet. */
export function removePrompt(state: DomainState, command: CommandOf<'removePrompt'>): Changes | DomainError {
  const prompt = state.board.prompts.get(command.promptId);
  if (!prompt) return refuse('not_found', 'That prompt does not exist.');
  if (prompt.pendingCount > 0 || notesOfPrompt(state.board, prompt.id).length > 0) {
    return refuse('conflict', 'People have already written answers to this prompt, so it cannot be removed.');
  }
  return { doc: [{ type: 'deletePrompt', id: prompt.id }], private: [] };
}

/** Moves a prompt before another one (or to the end). */
export function movePrompt(state: DomainState, command: CommandOf<'movePrompt'>): Changes | DomainError {
  if (!state.board.prompts.has(command.promptId)) return refuse('not_found', 'That prompt does not exist.');
  if (command.beforePromptId === command.promptId) return refuse('invalid_command', 'A prompt cannot be placed before itself.');
  const order = promptOrderBefore(state, command.beforePromptId, command.promptId);
  if (typeof order !== 'string') return order;
  return { doc: [{ type: 'patchPrompt', id: command.promptId, fields: { order } }], private: [] };
}
