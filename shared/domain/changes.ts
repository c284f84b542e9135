import type { BoardMeta } from '../records/BoardMeta';
import type { Draft } from '../records/Draft';
import type { Note } from '../records/Note';
import type { Prompt } from '../records/Prompt';
import type { Theme } from '../records/Theme';

/** A change to the public board document. Applied only by the server (see boardDoc.ts). */
export type DocChange =
  | { readonly type: 'setMeta'; readonly fields: Partial<BoardMeta> }
  | { readonly type: 'putPrompt'; readonly prompt: Prompt }
  | { readonly type: 'patchPrompt'; readonly id: string; readonly fields: Partial<Omit<Prompt, 'id'>> }
  | { readonly type: 'deletePrompt'; readonly id: string }
  | { readonly type: 'putNote'; readonly note: Note }
  | { readonly type: 'patchNote'; readonly id: string; readonly fields: Partial<Omit<Note, 'id' | 'promptId'>> }
  | { readonly type: 'putTheme'; readonly theme: Theme }
  | { readonly type: 'patchTheme'; readonly id: string; readonly fields: Partial<Omit<Theme, 'id' | 'promptId'>> }
  | { readonly type: 'deleteTheme'; readonly id: string };

/** A change to private, server-only state (drafts and per-person note counts). */
export type PrivateChange =
  | { readonly type: 'putDraft'; readonly draft: Draft }
  | { readonly type: 'deleteDraft'; readonly draftId: string }
  /** The drafts became anonymous notes: their author link is deleted. */
  | { readonly type: 'revealDrafts'; readonly draftIds: readonly string[] }
  /** Adds `delta` to how many notes a person has written to a prompt. */
  | { readonly type: 'countPosted'; readonly participantId: string; readonly promptId: string; readonly delta: number };

/** Everything one command changes. Public and private parts are committed together. */
export interface Changes {
  readonly doc: readonly DocChange[];
  readonly private: readonly PrivateChange[];
}

/** No change at all (an accepted command that turned out to be a no-op). */
export const NO_CHANGES: Changes = { doc: [], private: [] };
