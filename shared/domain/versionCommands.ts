import type { CommandOf } from '../commands';
import { compareByOrder } from '../compareByOrder';
import type { VersionItem, VersionRecord } from '../records/VersionRecord';
import type { Changes } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import type { BoardState, DomainContext, DomainState } from './state';

/** The agreement in force, as a closed version would record it: locked items in board order. */
export function itemsInForce(board: BoardState): VersionItem[] {
  const promptOrder = new Map([...board.prompts.values()].sort(compareByOrder).map((p, i) => [p.id, i]));
  return [...board.agreements.values()]
    .filter((a) => a.status === 'locked')
    .sort((a, b) => (promptOrder.get(a.promptId) ?? 0) - (promptOrder.get(b.promptId) ?? 0) || a.decidedAt - b.decidedAt)
    .map((a) => ({
      lineageId: a.lineageId,
      agreementId: a.id,
      promptId: a.promptId,
      promptText: board.prompts.get(a.promptId)?.text ?? '(removed prompt)',
      themeName: a.themeId === null ? null : (board.themes.get(a.themeId)?.name ?? null),
      statement: a.statement,
      rule: a.rule,
      round: a.round,
      counts: a.counts,
      decidedAt: a.decidedAt,
      smartie: a.smartie,
    }));
}

/**
 * Closes the workshop: the agreement in force becomes version N, recorded once and never changed.
 * Open rounds must be closed first, so that nothing is decided after the version is fixed.
 */
export function closeWorkshop(state: DomainState, ctx: DomainContext): Changes | DomainError {
  const { board } = state;
  if (board.meta.isClosed) return refuse('conflict', 'workshopAlreadyClosed');
  if (
    [...board.voteRounds.values()].some((r) => r.status === 'open') ||
    [...board.proposals.values()].some((p) => p.status === 'open')
  ) {
    return refuse('conflict', 'closeOpenRoundsFirst');
  }
  const version: VersionRecord = {
    id: `v${board.meta.version}`,
    number: board.meta.version,
    closedAt: ctx.now,
    title: board.meta.title,
    items: itemsInForce(board),
  };
  return {
    doc: [
      { type: 'putVersion', version },
      { type: 'setMeta', fields: { isClosed: true, timer: null } },
    ],
    private: [],
  };
}

/** Reopens a closed workshop to work on the next version, starting in the revisit phase, with no prompt in the spotlight. */
export function reopenWorkshop(state: DomainState): Changes | DomainError {
  const { meta } = state.board;
  if (!meta.isClosed) return refuse('conflict', 'workshopAlreadyOpen');
  return {
    doc: [{ type: 'setMeta', fields: { isClosed: false, version: meta.version + 1, phase: 'revisit', focusPromptId: null } }],
    private: [],
  };
}

/** Sets (or clears) the date the group plans to check in on its agreement. */
export function setCheckIn(_state: DomainState, command: CommandOf<'setCheckIn'>): Changes {
  return { doc: [{ type: 'setMeta', fields: { checkInDate: command.date } }], private: [] };
}

/** Sets the SMARTIE fields (owner, measure, deadline, equity check) of an agreed item. */
export function setSmartie(state: DomainState, command: CommandOf<'setSmartie'>): Changes | DomainError {
  const item = state.board.agreements.get(command.agreementId);
  if (!item) return refuse('not_found', 'agreementNotFound');
  if (item.status !== 'locked') return refuse('conflict', 'actionDetailsNeedAgreementInForce');
  return { doc: [{ type: 'patchAgreement', id: item.id, fields: { smartie: command.smartie } }], private: [] };
}
