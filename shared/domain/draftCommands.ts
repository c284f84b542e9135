import type { CommandOf } from '../commands';
import { MAX_NOTES_PER_PERSON_PER_PROMPT } from '../limits';
import type { Changes, DocChange, PrivateChange } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { releaseIfReady } from './revealCommands';
import { type Actor, type DomainContext, type DomainState, postedKey } from './state';

function ownDraft(state: DomainState, actor: Actor, draftId: string) {
  const draft = state.drafts.get(draftId);
  // A draft of someone else is reported as missing, so ids cannot be probed.
  return draft && draft.authorId === actor.participantId ? draft : undefined;
}

/** Adds one to the prompt's public counters; the contributor count only for a person's first note. */
function countersAfter(state: DomainState, promptId: string, participantId: string, delta: 1 | -1): DocChange {
  const prompt = state.board.prompts.get(promptId);
  const before = state.posted.get(postedKey(participantId, promptId)) ?? 0;
  const after = before + delta;
  const contributorDelta = before === 0 && after > 0 ? 1 : before > 0 && after === 0 ? -1 : 0;
  return {
    type: 'patchPrompt',
    id: promptId,
    fields: {
      pendingCount: Math.max(0, (prompt?.pendingCount ?? 0) + delta),
      contributorCount: Math.max(0, (prompt?.contributorCount ?? 0) + contributorDelta),
    },
  };
}

/** Writes a new private note. After reveal it is held, and released with others in a batch. */
export function postDraft(
  state: DomainState,
  actor: Actor,
  command: CommandOf<'postDraft'>,
  ctx: DomainContext,
): Changes | DomainError {
  const participantId = actor.participantId as string;
  if (!state.board.prompts.has(command.promptId)) return refuse('not_found', 'promptNotFound');
  const existing = state.drafts.get(command.draftId);
  if (existing) {
    // The same answer whoever owns the id, so that ids cannot be probed.
    return refuse('conflict', 'noteIdTaken');
  }
  const posted = state.posted.get(postedKey(participantId, command.promptId)) ?? 0;
  if (posted >= MAX_NOTES_PER_PERSON_PER_PROMPT) {
    return refuse('limit_reached', 'tooManyNotesPerPerson', { max: MAX_NOTES_PER_PERSON_PER_PROMPT });
  }
  const signature = command.authorName ?? null;
  if (signature !== null && state.board.meta.settings.isAnonymous) {
    return refuse('conflict', 'notesAreAnonymous');
  }
  const draft = {
    id: command.draftId,
    promptId: command.promptId,
    authorId: participantId,
    text: command.text,
    tag: command.tag,
    authorName: signature,
  };
  const doc: DocChange[] = [countersAfter(state, command.promptId, participantId, 1)];
  const priv: PrivateChange[] = [
    { type: 'putDraft', draft },
    { type: 'countPosted', participantId, promptId: command.promptId, delta: 1 },
  ];
  const drafts = new Map(state.drafts).set(draft.id, draft);
  const released = releaseIfReady({ ...state, drafts }, command.promptId, ctx);
  if (released) {
    doc.push(...released.doc);
    priv.push(...released.private);
  }
  return { doc, private: priv };
}

/** Changes the text or tag of one's own unrevealed note. */
export function editDraft(state: DomainState, actor: Actor, command: CommandOf<'editDraft'>): Changes | DomainError {
  const draft = ownDraft(state, actor, command.draftId);
  if (!draft) return refuse('not_found', 'draftNotEditable');
  const next = { ...draft };
  if (command.text !== undefined) next.text = command.text;
  if (command.tag !== undefined) next.tag = command.tag;
  return { doc: [], private: [{ type: 'putDraft', draft: next }] };
}

/** Deletes one's own unrevealed note. */
export function deleteDraft(state: DomainState, actor: Actor, command: CommandOf<'deleteDraft'>): Changes | DomainError {
  const draft = ownDraft(state, actor, command.draftId);
  if (!draft) return refuse('not_found', 'draftNotDeletable');
  return {
    doc: [countersAfter(state, draft.promptId, draft.authorId, -1)],
    private: [
      { type: 'deleteDraft', draftId: draft.id },
      { type: 'countPosted', participantId: draft.authorId, promptId: draft.promptId, delta: -1 },
    ],
  };
}
