import type { CommandOf } from '../commands';
import { placeKeys } from '../fractionalIndex';
import { MAX_PROMPTS_PER_BOARD } from '../limits';
import type { Changes, DocChange } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { type DomainState, notesOfPrompt, sortedPrompts } from './state';

/** Changes the title and/or purpose. */
export function updateBoard(_state: DomainState, command: CommandOf<'updateBoard'>): Changes {
  const fields: { title?: string; purpose?: string } = {};
  if (command.title !== undefined) fields.title = command.title;
  if (command.purpose !== undefined) fields.purpose = command.purpose;
  return { doc: [{ type: 'setMeta', fields }], private: [] };
}

/** Renames the board. Any phase: a title is a label, not part of what the group decided. */
export function renameBoard(command: CommandOf<'renameBoard'>): Changes {
  return { doc: [{ type: 'setMeta', fields: { title: command.title } }], private: [] };
}

/** Changes one or more settings. */
export function updateSettings(state: DomainState, command: CommandOf<'updateSettings'>): Changes {
  const settings = { ...state.board.meta.settings };
  if (command.facilitatorParticipates !== undefined) settings.facilitatorParticipates = command.facilitatorParticipates;
  if (command.showRoster !== undefined) settings.showRoster = command.showRoster;
  if (command.decisionRule !== undefined) settings.decisionRule = command.decisionRule;
  if (command.participantsGroup !== undefined) settings.participantsGroup = command.participantsGroup;
  return { doc: [{ type: 'setMeta', fields: { settings } }], private: [] };
}

/** Where a prompt placed just before `beforePromptId` (or last when null) goes, and any prompts re-keyed to make room. */
function placePrompt(
  state: DomainState,
  beforePromptId: string | null,
  movingId: string | null,
): { order: string; respaced: DocChange[] } | DomainError {
  const prompts = sortedPrompts(state.board).filter((p) => p.id !== movingId);
  const index = beforePromptId === null ? prompts.length : prompts.findIndex((p) => p.id === beforePromptId);
  if (index < 0) return refuse('not_found', 'beforePromptNotFound');
  const placement = placeKeys(prompts, index, 1);
  return {
    order: placement.keys[0] as string,
    respaced: placement.respaced.map(({ id, order }) => ({ type: 'patchPrompt', id, fields: { order } })),
  };
}

/** Adds a prompt. */
export function addPrompt(state: DomainState, command: CommandOf<'addPrompt'>): Changes | DomainError {
  if (state.board.prompts.size >= MAX_PROMPTS_PER_BOARD) {
    return refuse('limit_reached', 'tooManyPrompts', { max: MAX_PROMPTS_PER_BOARD });
  }
  if (state.board.prompts.has(command.promptId)) return refuse('conflict', 'promptIdTaken');
  const placed = placePrompt(state, command.beforePromptId, null);
  if ('error' in placed) return placed;
  const prompt = {
    id: command.promptId,
    text: command.text,
    kind: command.kind,
    order: placed.order,
    isRevealed: false,
    pendingCount: 0,
    contributorCount: 0,
  };
  return { doc: [...placed.respaced, { type: 'putPrompt', prompt }], private: [] };
}

/** Rewords a prompt or switches it between align and awareness-only. */
export function updatePrompt(state: DomainState, command: CommandOf<'updatePrompt'>): Changes | DomainError {
  if (!state.board.prompts.has(command.promptId)) return refuse('not_found', 'promptNotFound');
  const fields: { text?: string; kind?: 'align' | 'awareness' } = {};
  if (command.text !== undefined) fields.text = command.text;
  if (command.kind !== undefined) fields.kind = command.kind;
  return { doc: [{ type: 'patchPrompt', id: command.promptId, fields }], private: [] };
}

/** Removes a prompt that nobody has written to yet. */
export function removePrompt(state: DomainState, command: CommandOf<'removePrompt'>): Changes | DomainError {
  const prompt = state.board.prompts.get(command.promptId);
  if (!prompt) return refuse('not_found', 'promptNotFound');
  if (prompt.pendingCount > 0 || notesOfPrompt(state.board, prompt.id).length > 0) {
    return refuse('conflict', 'promptHasAnswers');
  }
  if ([...state.board.proposals.values()].some((p) => p.promptId === prompt.id)) {
    return refuse('conflict', 'promptHasProposals');
  }
  // Themes left empty (the facilitator went back to setup) go with their prompt.
  const themes = [...state.board.themes.values()].filter((t) => t.promptId === prompt.id);
  const doc: DocChange[] = [
    ...themes.map((t): DocChange => ({ type: 'deleteTheme', id: t.id })),
    { type: 'deletePrompt', id: prompt.id },
  ];
  if (state.board.meta.focusPromptId === prompt.id) doc.push({ type: 'setMeta', fields: { focusPromptId: null } });
  return { doc, private: [] };
}

/** Moves a prompt before another one (or to the end). */
export function movePrompt(state: DomainState, command: CommandOf<'movePrompt'>): Changes | DomainError {
  if (!state.board.prompts.has(command.promptId)) return refuse('not_found', 'promptNotFound');
  if (command.beforePromptId === command.promptId) return refuse('invalid_command', 'promptBeforeItself');
  const placed = placePrompt(state, command.beforePromptId, command.promptId);
  if ('error' in placed) return placed;
  return {
    doc: [...placed.respaced, { type: 'patchPrompt', id: command.promptId, fields: { order: placed.order } }],
    private: [],
  };
}
