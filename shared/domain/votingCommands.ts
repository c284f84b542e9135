import type { CommandOf } from '../commands';
import type { VoteRound } from '../records/VoteRound';
import { BallotBox } from './BallotBox';
import type { Changes, DocChange, PrivateChange } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { isSmallCount } from './smallCounts';
import type { Actor, BoardState, DomainContext, DomainState } from './state';

/** The round that is open, if any (at most one at a time). */
export function openVoteRound(board: BoardState): VoteRound | undefined {
  return [...board.voteRounds.values()].find((r) => r.status === 'open');
}

/** What can receive dots: every theme, and every note not in a theme, of the align prompts. */
export function votableItems(board: BoardState): Set<string> {
  const items = new Set<string>();
  for (const theme of board.themes.values()) if (board.prompts.get(theme.promptId)?.kind === 'align') items.add(theme.id);
  for (const note of board.notes.values()) {
    if (note.themeId === null && board.prompts.get(note.promptId)?.kind === 'align') items.add(note.id);
  }
  return items;
}

/** True when `itemId` is one of {@link votableItems}, found without listing them all. */
export function isVotable(board: BoardState, itemId: string): boolean {
  const theme = board.themes.get(itemId);
  if (theme !== undefined && board.prompts.get(theme.promptId)?.kind === 'align') return true;
  const note = board.notes.get(itemId);
  return note !== undefined && note.themeId === null && board.prompts.get(note.promptId)?.kind === 'align';
}

/** The items of a round: its run-off list, or every votable item. */
export function roundItems(board: BoardState, round: VoteRound): Set<string> {
  return round.itemIds === null ? votableItems(board) : new Set(round.itemIds);
}

/** True when `itemId` is one of {@link roundItems}. */
export function isRoundItem(board: BoardState, round: VoteRound, itemId: string): boolean {
  return round.itemIds === null ? isVotable(board, itemId) : round.itemIds.includes(itemId);
}

/** Participants vote; the facilitator only when they take part and the open round lets them. */
export function mayVote(actor: Actor, board: BoardState): boolean {
  if (actor.participantId === null) return false;
  if (actor.role === 'participant') return true;
  return (
    actor.role === 'facilitator' && board.meta.settings.facilitatorParticipates && openVoteRound(board)?.facilitatorVotes === true
  );
}

/** Opens a dot-vote round. Tallies stay hidden from everyone, the facilitator included, until it closes. */
export function openRound(state: DomainState, command: CommandOf<'openVoteRound'>, ctx: DomainContext): Changes | DomainError {
  const { board } = state;
  if (openVoteRound(board)) return refuse('conflict', 'closeOpenVoteFirst');
  if (board.voteRounds.has(command.roundId)) return refuse('conflict', 'voteIdTaken');
  if (command.maxPerItem > command.dotsPerPerson) return refuse('invalid_command', 'maxPerItemOverDots');
  if (command.itemIds !== null) {
    const votable = votableItems(board);
    if (command.itemIds.length === 0) return refuse('invalid_command', 'runOffNeedsItem');
    if (new Set(command.itemIds).size !== command.itemIds.length) return refuse('invalid_command', 'itemListedTwice');
    if (!command.itemIds.every((id) => votable.has(id))) return refuse('not_found', 'itemNotVotable');
  } else if (votableItems(board).size === 0) {
    return refuse('conflict', 'nothingToVoteOn');
  }
  const round: VoteRound = {
    id: command.roundId,
    label: command.label,
    status: 'open',
    dotsPerPerson: command.dotsPerPerson,
    maxPerItem: command.maxPerItem,
    facilitatorVotes: command.facilitatorVotes,
    itemIds: command.itemIds,
    voterCount: 0,
    openedAt: ctx.now,
    closedAt: null,
    tallies: null,
  };
  return { doc: [{ type: 'putVoteRound', round }], private: [] };
}

function checkDot(state: DomainState, actor: Actor, roundId: string, itemId: string) {
  const round = state.board.voteRounds.get(roundId);
  if (!round) return refuse('not_found', 'voteNotFound');
  if (round.status !== 'open') return refuse('conflict', 'voteClosed');
  if (!isRoundItem(state.board, round, itemId)) return refuse('not_found', 'itemNotInVote');
  const participantId = actor.participantId as string;
  // The server's ballots are a BallotBox: one person's count, not a scan of every ballot.
  const ballots = BallotBox.of(state.ballots);
  return {
    round,
    participantId,
    used: ballots.usedBy(roundId, participantId),
    onItem: ballots.dotsOf(roundId, participantId).get(itemId) ?? 0,
  };
}

/** Places one of my dots on an item, within my budget and the per-item cap. */
export function placeDot(state: DomainState, actor: Actor, command: CommandOf<'placeDot'>): Changes | DomainError {
  const check = checkDot(state, actor, command.roundId, command.itemId);
  if ('error' in check) return check;
  const { round, participantId, used, onItem } = check;
  if (used >= round.dotsPerPerson) return refuse('limit_reached', 'dotsUsedUp', { dots: round.dotsPerPerson });
  if (onItem >= round.maxPerItem) return refuse('limit_reached', 'tooManyDotsOnItem', { max: round.maxPerItem });
  const doc: DocChange[] =
    used === 0 ? [{ type: 'patchVoteRound', id: round.id, fields: { voterCount: round.voterCount + 1 } }] : [];
  const priv: PrivateChange[] = [
    { type: 'setBallot', roundId: round.id, participantId, itemId: command.itemId, count: onItem + 1 },
  ];
  return { doc, private: priv };
}

/** Takes back one of my dots from an item. Only a dot I placed can be taken back. */
export function removeDot(state: DomainState, actor: Actor, command: CommandOf<'removeDot'>): Changes | DomainError {
  const check = checkDot(state, actor, command.roundId, command.itemId);
  if ('error' in check) return check;
  const { round, participantId, used, onItem } = check;
  if (onItem === 0) return refuse('conflict', 'noDotOnItem');
  const doc: DocChange[] =
    used === 1 ? [{ type: 'patchVoteRound', id: round.id, fields: { voterCount: Math.max(0, round.voterCount - 1) } }] : [];
  const priv: PrivateChange[] = [
    { type: 'setBallot', roundId: round.id, participantId, itemId: command.itemId, count: onItem - 1 },
  ];
  return { doc, private: priv };
}

/**
 * Closes a round: publishes the tallies and deletes every ballot (and who said they were done),
 * so only the totals remain.
 * Totals from one or two voters are their ballots: those need `confirmSmallCount`.
 */
export function closeRound(state: DomainState, command: CommandOf<'closeVoteRound'>, ctx: DomainContext): Changes | DomainError {
  const round = state.board.voteRounds.get(command.roundId);
  if (!round) return refuse('not_found', 'voteNotFound');
  if (round.status !== 'open') return refuse('conflict', 'voteAlreadyClosed');
  if (command.confirmSmallCount !== true && isSmallCount(state.board, round.voterCount)) {
    return refuse('too_few_people', 'smallVote', { voters: round.voterCount });
  }
  const tallies: Record<string, number> = {};
  for (const itemId of roundItems(state.board, round)) tallies[itemId] = 0;
  const prefix = `${round.id}/`;
  for (const [key, count] of state.ballots) {
    if (!key.startsWith(prefix)) continue;
    const itemId = key.slice(key.lastIndexOf('/') + 1);
    tallies[itemId] = (tallies[itemId] ?? 0) + count;
  }
  return {
    doc: [{ type: 'patchVoteRound', id: round.id, fields: { status: 'closed', closedAt: ctx.now, tallies } }],
    private: [
      { type: 'clearBallots', roundId: round.id },
      { type: 'clearMarks', targetId: round.id },
    ],
  };
}
