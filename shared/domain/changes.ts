import type { AgreementItem } from '../records/AgreementItem';
import type { BoardMeta } from '../records/BoardMeta';
import type { Draft } from '../records/Draft';
import type { Note } from '../records/Note';
import type { MarkKind } from '../records/Mark';
import type { Prompt as PromptRecord } from '../records/Prompt';
import type { Proposal, ResponseKind } from '../records/Proposal';
import type { Theme } from '../records/Theme';
import type { VersionRecord } from '../records/VersionRecord';
import type { VoteRound } from '../records/VoteRound';

/** A change to the public board document. Applied only by the server (see boardDoc.ts). */
export type DocChange =
  | { readonly type: 'setMeta'; readonly fields: Partial<BoardMeta> }
  | { readonly type: 'putPrompt'; readonly prompt: PromptRecord }
  | { readonly type: 'patchPrompt'; readonly id: string; readonly fields: Partial<Omit<PromptRecord, 'id'>> }
  | { readonly type: 'deletePrompt'; readonly id: string }
  | { readonly type: 'putNote'; readonly note: Note }
  | { readonly type: 'patchNote'; readonly id: string; readonly fields: Partial<Omit<Note, 'id' | 'promptId'>> }
  | { readonly type: 'deleteNote'; readonly id: string }
  | { readonly type: 'putTheme'; readonly theme: Theme }
  | { readonly type: 'patchTheme'; readonly id: string; readonly fields: Partial<Omit<Theme, 'id' | 'promptId'>> }
  | { readonly type: 'deleteTheme'; readonly id: string }
  | { readonly type: 'putVoteRound'; readonly round: VoteRound }
  | { readonly type: 'patchVoteRound'; readonly id: string; readonly fields: Partial<Omit<VoteRound, 'id'>> }
  | { readonly type: 'putProposal'; readonly proposal: Proposal }
  | { readonly type: 'patchProposal'; readonly id: string; readonly fields: Partial<Omit<Proposal, 'id'>> }
  | { readonly type: 'putAgreement'; readonly item: AgreementItem }
  | { readonly type: 'patchAgreement'; readonly id: string; readonly fields: Partial<Omit<AgreementItem, 'id'>> }
  /** A closed version: written once, never patched. */
  | { readonly type: 'putVersion'; readonly version: VersionRecord };

/** The record collections of a board (each a root map of the document, see boardDoc.ts). */
export type Collection = 'prompts' | 'notes' | 'themes' | 'voteRounds' | 'proposals' | 'agreements' | 'versions';

/** For every record change: the collection it touches, what it does, and (for put) the field holding the record. */
export const RECORD_CHANGES: {
  readonly [T in Exclude<DocChange['type'], 'setMeta'>]: {
    collection: Collection;
    op: 'put' | 'patch' | 'delete';
    field?: string;
  };
} = {
  putPrompt: { collection: 'prompts', op: 'put', field: 'prompt' },
  patchPrompt: { collection: 'prompts', op: 'patch' },
  deletePrompt: { collection: 'prompts', op: 'delete' },
  putNote: { collection: 'notes', op: 'put', field: 'note' },
  patchNote: { collection: 'notes', op: 'patch' },
  deleteNote: { collection: 'notes', op: 'delete' },
  putTheme: { collection: 'themes', op: 'put', field: 'theme' },
  patchTheme: { collection: 'themes', op: 'patch' },
  deleteTheme: { collection: 'themes', op: 'delete' },
  putVoteRound: { collection: 'voteRounds', op: 'put', field: 'round' },
  patchVoteRound: { collection: 'voteRounds', op: 'patch' },
  putProposal: { collection: 'proposals', op: 'put', field: 'proposal' },
  patchProposal: { collection: 'proposals', op: 'patch' },
  putAgreement: { collection: 'agreements', op: 'put', field: 'item' },
  patchAgreement: { collection: 'agreements', op: 'patch' },
  putVersion: { collection: 'versions', op: 'put', field: 'version' },
};

/** A record change read through {@link RECORD_CHANGES}: what to do to which record. */
export type RecordOperation =
  | { readonly collection: Collection; readonly op: 'put'; readonly record: { id: string } }
  | { readonly collection: Collection; readonly op: 'patch'; readonly id: string; readonly fields: Record<string, unknown> }
  | { readonly collection: Collection; readonly op: 'delete'; readonly id: string };

/** Reads a record change as an operation on a collection. */
export function recordOperation(change: Exclude<DocChange, { type: 'setMeta' }>): RecordOperation {
  const target = RECORD_CHANGES[change.type];
  const raw = change as unknown as Record<string, unknown>;
  if (target.op === 'put')
    return { collection: target.collection, op: 'put', record: raw[target.field as string] as { id: string } };
  if (target.op === 'patch')
    return { collection: target.collection, op: 'patch', id: raw.id as string, fields: raw.fields as Record<string, unknown> };
  return { collection: target.collection, op: 'delete', id: raw.id as string };
}

/** A change to private, server-only state: drafts, per-person counts, ballots, responses and marks. */
export type PrivateChange =
  | { readonly type: 'putDraft'; readonly draft: Draft }
  | { readonly type: 'deleteDraft'; readonly draftId: string }
  /** The drafts became anonymous notes: their author link is deleted. */
  | { readonly type: 'revealDrafts'; readonly draftIds: readonly string[] }
  /** Adds `delta` to how many notes a person has written to a prompt. */
  | { readonly type: 'countPosted'; readonly participantId: string; readonly promptId: string; readonly delta: number }
  /** Sets one person's dots on one item of a round (0 removes the row). */
  | {
      readonly type: 'setBallot';
      readonly roundId: string;
      readonly participantId: string;
      readonly itemId: string;
      readonly count: number;
    }
  /** The round closed: every ballot of it is deleted, only the tallies remain. */
  | { readonly type: 'clearBallots'; readonly roundId: string }
  | {
      readonly type: 'setResponse';
      readonly proposalId: string;
      readonly participantId: string;
      readonly response: ResponseKind;
      readonly reason: string | null;
    }
  /** The round closed: the link between people and their responses is deleted. */
  | { readonly type: 'clearResponses'; readonly proposalId: string }
  /**
   * The facilitator removed a seat: its identity (so its secret no longer works), its dots, its
   * responses and its marks are deleted. Only open rounds hold dots and responses, so these are all open ones.
   */
  | { readonly type: 'removeSeat'; readonly participantId: string }
  /** One person's mark (done, or a reaction) on a prompt, round or note: set, or taken back. */
  | {
      readonly type: 'setMark';
      readonly targetId: string;
      readonly participantId: string;
      readonly kind: MarkKind;
      readonly isOn: boolean;
    }
  /** The round closed: who marked it done is deleted, only the count remains. */
  | { readonly type: 'clearMarks'; readonly targetId: string };

/** Everything one command changes. Public and private parts are committed together. */
export interface Changes {
  readonly doc: readonly DocChange[];
  readonly private: readonly PrivateChange[];
}

/** No change at all (an accepted command that turned out to be a no-op). */
export const NO_CHANGES: Changes = { doc: [], private: [] };
