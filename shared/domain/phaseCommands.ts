import type { CommandOf } from '../commands';
import { findTransition } from '../phases';
import type { Changes } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import type { DomainContext, DomainState } from './state';

/**
 * Moves the workshop to another phase, following the transition table. A timer that has run out
 * goes with the phase it timed: "Time is up" must not greet the next one. A running timer stays.
 */
export function setPhase(state: DomainState, command: CommandOf<'setPhase'>, ctx: DomainContext): Changes | DomainError {
  const from = state.board.meta.phase;
  if (from === command.phase) return { doc: [], private: [] };
  const transition = findTransition(from, command.phase);
  if (!transition) return refuse('wrong_phase', 'phaseJump', { from, to: command.phase });
  if (transition.confirm !== null && command.confirm !== true) return refuse('confirmation_required', transition.confirm);
  if (command.phase === 'reflect' && state.board.prompts.size === 0) {
    return refuse('conflict', 'addPromptFirst');
  }
  const { timer } = state.board.meta;
  const isTimeUp = timer !== null && timer.endsAt <= ctx.now;
  return {
    doc: [{ type: 'setMeta', fields: isTimeUp ? { phase: command.phase, timer: null } : { phase: command.phase } }],
    private: [],
  };
}

/** Spotlights one prompt for everyone (or clears the spotlight). */
export function focusPrompt(state: DomainState, command: CommandOf<'focusPrompt'>): Changes | DomainError {
  if (command.promptId !== null && !state.board.prompts.has(command.promptId)) {
    return refuse('not_found', 'promptNotFound');
  }
  return { doc: [{ type: 'setMeta', fields: { focusPromptId: command.promptId } }], private: [] };
}
