import type { Command } from '../../../shared/commands';
import { applyCommand } from '../../../shared/domain/applyCommand';
import { applyDocChangesToBoard } from '../../../shared/domain/boardState';
import { type DomainError, isDomainError } from '../../../shared/domain/errors';
import { applyPrivateChanges } from '../../../shared/domain/privateState';
import type { Actor, DomainContext, DomainState } from '../../../shared/domain/state';

/**
 * The shared domain, run in the browser to predict a command's outcome. Loaded after the page
 * (it holds every command's rules, which a participant's first screen does not need).
 */
export function predict(state: DomainState, actor: Actor, command: Command, ctx: DomainContext): DomainState | DomainError {
  const changes = applyCommand(state, actor, command, ctx);
  if (isDomainError(changes)) return changes;
  const next = applyPrivateChanges(state, changes.private);
  return { ...next, board: applyDocChangesToBoard(next.board, changes.doc) };
}
