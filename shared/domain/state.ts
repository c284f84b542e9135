import { compareByOrder } from '../compareByOrder';
import type { AgreementItem } from '../records/AgreementItem';
import type { BoardMeta } from '../records/BoardMeta';
import type { Draft } from '../records/Draft';
import type { Note } from '../records/Note';
import type { Prompt } from '../records/Prompt';
import type { Proposal, ResponseKind } from '../records/Proposal';
import type { Theme } from '../records/Theme';
import type { VersionRecord } from '../records/VersionRecord';
import type { VoteRound } from '../records/VoteRound';

/** The public state of a board, as read from its document. */
export interface BoardState {
  readonly meta: BoardMeta;
  readonly prompts: ReadonlyMap<string, Prompt>;
  readonly notes: ReadonlyMap<string, Note>;
  readonly themes: ReadonlyMap<string, Theme>;
  readonly voteRounds: ReadonlyMap<string, VoteRound>;
  readonly proposals: ReadonlyMap<string, Proposal>;
  readonly agreements: ReadonlyMap<string, AgreementItem>;
  /** Closed versions of the agreement, immutable. */
  readonly versions: ReadonlyMap<string, VersionRecord>;
}

/**
 * What a domain function sees: the public board plus the private state its executor holds.
 * On the server `drafts` holds every draft of the board; in a browser only the user's own.
 */
export interface DomainState {
  readonly board: BoardState;
  readonly drafts: ReadonlyMap<string, Draft>;
  /** Notes written per person and prompt; keys from {@link postedKey}. */
  readonly posted: ReadonlyMap<string, number>;
  /**
   * Dots per person, item and open round; keys from {@link ballotKey}. Deleted when the round closes.
   * The server's is a `BallotBox`, which keeps an index per person beside them.
   */
  readonly ballots: ReadonlyMap<string, number>;
  /** Responses per person and open proposal; keys from `responseKey` (consensusCommands.ts). Deleted when the round closes. */
  readonly responses: ReadonlyMap<string, { readonly response: ResponseKind; readonly reason: string | null }>;
  /** Marks (done, reactions) per person and target; keys from {@link markKey}. Only counts are published. */
  readonly marks: ReadonlySet<string>;
}

/** Roles a connection can hold. */
export const ROLES = ['facilitator', 'participant', 'reader'] as const;
/** See {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Who sends a command. `participantId` is null for readers. */
export interface Actor {
  readonly role: Role;
  readonly participantId: string | null;
}

/** Sources of randomness and time, injected so that domain functions stay pure and testable. */
export interface DomainContext {
  /** Uniform in [0, 1). */
  readonly random: () => number;
  /** A fresh random id, never repeated (used for revealed notes, so ids carry no order or author; a repeat would overwrite a note). */
  readonly newId: () => string;
  /** Milliseconds since the epoch. */
  readonly now: number;
  /**
   * Participant ids of the people taking part now: connected, allowed to respond, and shown as
   * here (a page hidden for a while or an identity that never says it is here does not count).
   * With a round's respondents, the base of its quorum.
   */
  readonly present: ReadonlySet<string>;
  /**
   * Seat handles shown to facilitators → participant ids, for `removeSeat`. Only the server knows
   * them; a browser leaves this out and lets the server decide.
   */
  readonly seats?: ReadonlyMap<string, string>;
}

/** Private state with nothing in it. */
export function emptyPrivateState(): Omit<DomainState, 'board'> {
  return { drafts: new Map(), posted: new Map(), ballots: new Map(), responses: new Map(), marks: new Set() };
}

/** The key of {@link DomainState.marks}: one person's mark of one kind on one prompt, round or note. */
export function markKey(targetId: string, participantId: string, kind: string): string {
  return `${targetId}/${participantId}/${kind}`;
}

/** The key of {@link DomainState.ballots}: one person's dots on one item in one round. */
export function ballotKey(roundId: string, participantId: string, itemId: string): string {
  return `${roundId}/${participantId}/${itemId}`;
}

/** The key of {@link DomainState.responses}: one person's response to one proposal. */
export function responseKey(proposalId: string, participantId: string): string {
  return `${proposalId}/${participantId}`;
}

/** The key of {@link DomainState.posted} for one person and prompt. */
export function postedKey(participantId: string, promptId: string): string {
  return `${participantId}/${promptId}`;
}

/** Prompts in board order. */
export function sortedPrompts(board: BoardState): Prompt[] {
  return [...board.prompts.values()].sort(compareByOrder);
}

/** The notes of one prompt in order. */
export function notesOfPrompt(board: BoardState, promptId: string): Note[] {
  return [...board.notes.values()].filter((n) => n.promptId === promptId).sort(compareByOrder);
}

/** The drafts of one prompt. */
export function draftsOfPrompt(state: DomainState, promptId: string): Draft[] {
  return [...state.drafts.values()].filter((d) => d.promptId === promptId);
}
