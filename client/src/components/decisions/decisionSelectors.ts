import { mayRespond } from '../../../../shared/domain/consensusCommands';
import { type BoardState, sortedPrompts } from '../../../../shared/domain/state';
import { mayVote } from '../../../../shared/domain/votingCommands';
import { compareByOrder } from '../../../../shared/compareByOrder';
import type { AgreementItem } from '../../../../shared/records/AgreementItem';
import type { Note } from '../../../../shared/records/Note';
import type { Prompt, PromptKind } from '../../../../shared/records/Prompt';
import type { Proposal } from '../../../../shared/records/Proposal';
import type { Theme } from '../../../../shared/records/Theme';
import type { VoteRound } from '../../../../shared/records/VoteRound';
import type { Person } from '../../store/boardStore';

/** Something dots go on: a theme (with its notes) or a note that is in no theme. */
export interface BoardItem {
  readonly id: string;
  readonly promptId: string;
  readonly theme: Theme | null;
  /** The theme's notes, or the one ungrouped note. */
  readonly notes: readonly Note[];
  /** The theme's name or the note's text. */
  readonly name: string;
  /** The theme's place among its question's themes (it picks the theme's colour); null for a note. */
  readonly themePosition: number | null;
}

/** One prompt with its items in board order: themes first, then notes in no theme. */
export interface PromptItems {
  readonly prompt: Prompt;
  readonly items: readonly BoardItem[];
}

/**
 * The themes and ungrouped notes of every prompt of one kind, in board order. With `only`, just
 * those items (a run-off); prompts left with nothing are dropped.
 */
export function itemsByPrompt(board: BoardState, kind: PromptKind, only: ReadonlySet<string> | null = null): PromptItems[] {
  const notesByTheme = new Map<string, Note[]>();
  const ungrouped = new Map<string, Note[]>();
  for (const note of board.notes.values()) {
    const map = note.themeId === null ? ungrouped : notesByTheme;
    const key = note.themeId ?? note.promptId;
    const list = map.get(key);
    if (list) list.push(note);
    else map.set(key, [note]);
  }
  const themesByPrompt = new Map<string, Theme[]>();
  for (const theme of board.themes.values()) {
    const list = themesByPrompt.get(theme.promptId);
    if (list) list.push(theme);
    else themesByPrompt.set(theme.promptId, [theme]);
  }
  const result: PromptItems[] = [];
  for (const prompt of sortedPrompts(board)) {
    if (prompt.kind !== kind) continue;
    const items: BoardItem[] = [];
    for (const [position, theme] of (themesByPrompt.get(prompt.id) ?? []).sort(compareByOrder).entries()) {
      const notes = (notesByTheme.get(theme.id) ?? []).sort(compareByOrder);
      items.push({ id: theme.id, promptId: prompt.id, theme, notes, name: theme.name, themePosition: position });
    }
    for (const note of (ungrouped.get(prompt.id) ?? []).sort(compareByOrder)) {
      items.push({ id: note.id, promptId: prompt.id, theme: null, notes: [note], name: note.text, themePosition: null });
    }
    const kept = only === null ? items : items.filter((item) => only.has(item.id));
    if (kept.length > 0 || only === null) result.push({ prompt, items: kept });
  }
  return result;
}

/** Vote rounds in the order they were opened. */
export function sortedRounds(board: BoardState): VoteRound[] {
  return [...board.voteRounds.values()].sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
}

/** An item of a closed round with its dots and its place (tied items share a place). */
export interface RankedItem {
  readonly item: BoardItem;
  readonly count: number;
  /** 1 for the most dots; items with as many dots share a rank (1, 2, 2, 4). */
  readonly rank: number;
  readonly isTied: boolean;
}

export interface PromptRanking {
  readonly prompt: Prompt;
  /** Items that got dots, most first. */
  readonly ranked: readonly RankedItem[];
  /** Items of the round nobody put a dot on: not ranked, not "tied last". */
  readonly unchosen: readonly BoardItem[];
}

/** Ranks the items that got dots, most first; ties keep board order and share a rank. Items with no dot are not ranked. */
export function rankItems(items: readonly BoardItem[], tallies: Readonly<Record<string, number>>): RankedItem[] {
  const counted = items
    .map((item) => ({ item, count: Object.hasOwn(tallies, item.id) ? (tallies[item.id] ?? 0) : 0 }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count);
  return counted.map(({ item, count }) => ({
    item,
    count,
    rank: 1 + counted.filter((other) => other.count > count).length,
    isTied: counted.some((other) => other.item !== item && other.count === count),
  }));
}

/** The ranking of a closed round, per align prompt (items no longer on the board are left out). */
export function rankingOf(board: BoardState, round: VoteRound): PromptRanking[] {
  const tallies = round.tallies;
  if (tallies === null) return [];
  const only = new Set(Object.keys(tallies));
  return itemsByPrompt(board, 'align', only).map(({ prompt, items }) => ({
    prompt,
    ranked: rankItems(items, tallies),
    unchosen: items.filter((item) => !tallies[item.id]),
  }));
}

/** Every item that got dots in the round, ranked across all its questions (board order breaks ties). */
export function overallRanking(rankings: readonly PromptRanking[]): RankedItem[] {
  const tallies: Record<string, number> = {};
  for (const { ranked } of rankings) for (const { item, count } of ranked) tallies[item.id] = count;
  return rankItems(
    rankings.flatMap(({ ranked }) => ranked.map((r) => r.item)),
    tallies,
  );
}

/** The dots an item got in the most recent closed round that included it. */
export interface Standing {
  readonly count: number;
  readonly round: VoteRound;
  /** Position of that round among all rounds: later rounds come first when sorting. */
  readonly roundIndex: number;
}

/** Each item's standing from the most recent closed round that included it. */
export function standings(board: BoardState): Map<string, Standing> {
  const result = new Map<string, Standing>();
  sortedRounds(board).forEach((round, roundIndex) => {
    if (round.tallies === null) return;
    for (const [itemId, count] of Object.entries(round.tallies)) result.set(itemId, { count, round, roundIndex });
  });
  return result;
}

/** Orders items by their latest vote: items of the latest round first, most dots first; unvoted items keep board order. */
export function byStanding(items: readonly BoardItem[], standing: ReadonlyMap<string, Standing>): BoardItem[] {
  return [...items].sort((a, b) => {
    const sa = standing.get(a.id);
    const sb = standing.get(b.id);
    if (!sa || !sb) return sa ? -1 : sb ? 1 : 0;
    return sb.roundIndex - sa.roundIndex || sb.count - sa.count;
  });
}

/** Proposals of one prompt, by theme (key: theme id) or, for free statements, by the first round they revise (key: its id). */
export function proposalThreads(board: BoardState, promptId: string): Map<string, Proposal[]> {
  const proposals = [...board.proposals.values()]
    .filter((p) => p.promptId === promptId)
    .sort((a, b) => a.openedAt - b.openedAt || a.round - b.round);
  const rootOf = (proposal: Proposal): string => {
    let current = proposal;
    const seen = new Set<string>();
    while (current.previousProposalId !== null && !seen.has(current.id)) {
      seen.add(current.id);
      const previous = board.proposals.get(current.previousProposalId);
      if (!previous) break;
      current = previous;
    }
    return current.id;
  };
  const threads = new Map<string, Proposal[]>();
  for (const proposal of proposals) {
    const key = proposal.themeId ?? rootOf(proposal);
    const list = threads.get(key);
    if (list) list.push(proposal);
    else threads.set(key, [proposal]);
  }
  return threads;
}

/** Open consensus rounds, oldest first. */
export function openProposals(board: BoardState): Proposal[] {
  return [...board.proposals.values()].filter((p) => p.status === 'open').sort((a, b) => a.openedAt - b.openedAt);
}

/** Agreement items of one prompt, in the order they were decided. */
export function agreementsOfPrompt(board: BoardState, promptId: string): AgreementItem[] {
  return [...board.agreements.values()].filter((a) => a.promptId === promptId).sort((a, b) => a.decidedAt - b.decidedAt);
}

/** People here who may place dots in `round` (an estimate from presence: a second tab counts twice). */
export function votersHere(people: readonly Person[], board: BoardState, round: VoteRound): number {
  const facilitatorsVote = board.meta.settings.facilitatorParticipates && round.facilitatorVotes;
  return people.filter((p) => p.role === 'participant' || (facilitatorsVote && p.role === 'facilitator')).length;
}

/** People here who may respond to consensus rounds (the quorum's base, as far as this browser can tell). */
export function respondersHere(people: readonly Person[], board: BoardState): number {
  const facilitatorsRespond = board.meta.settings.facilitatorParticipates;
  return people.filter((p) => p.role === 'participant' || (facilitatorsRespond && p.role === 'facilitator')).length;
}

/** Whether someone with this role may place dots in the open round. */
export function canIVote(role: 'facilitator' | 'participant' | 'reader', board: BoardState): boolean {
  return mayVote({ role, participantId: role === 'reader' ? null : 'me' }, board);
}

/** Whether someone with this role may respond to consensus rounds. */
export function canIRespond(role: 'facilitator' | 'participant' | 'reader', board: BoardState): boolean {
  return mayRespond({ role, participantId: role === 'reader' ? null : 'me' }, board);
}
