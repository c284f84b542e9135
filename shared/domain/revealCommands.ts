import type { CommandOf } from '../commands';
import { placeKeys } from '../fractionalIndex';
import { RELEASE_BATCH_MIN_AUTHORS, RELEASE_BATCH_MIN_NOTES } from '../limits';
import type { Phase } from '../phases';
import { shuffled } from '../random';
import type { Draft } from '../records/Draft';
import type { Changes, DocChange, PrivateChange } from './changes';
import { type DomainError, refuse } from './errors';
import { type DomainContext, type DomainState, draftsOfPrompt, notesOfPrompt, sortedPrompts } from './state';

/**
 * Turns drafts into anonymous notes in one batch: shuffled, with fresh random ids, appended
 * after the prompt's existing notes. The author link is deleted in the same commit.
 */
function publish(state: DomainState, promptId: string, drafts: readonly Draft[], ctx: DomainContext): Changes {
  const ungrouped = notesOfPrompt(state.board, promptId).filter((n) => n.themeId === null);
  const order = shuffled(drafts, ctx.random);
  const placement = placeKeys(ungrouped, ungrouped.length, order.length);
  const keys = placement.keys;
  const doc: DocChange[] = placement.respaced.map(({ id, order }) => ({ type: 'patchNote', id, fields: { order } }));
  doc.push(
    ...order.map(
      (draft, i): DocChange => ({
        type: 'putNote',
        note: {
          id: ctx.newId(),
          promptId,
          text: draft.text,
          tag: draft.tag,
          themeId: null,
          order: keys[i] as string,
          author: state.board.meta.settings.isAnonymous ? null : draft.authorName,
        },
      }),
    ),
  );
  doc.push({ type: 'patchPrompt', id: promptId, fields: { isRevealed: true, pendingCount: 0 } });
  const priv: PrivateChange[] = [{ type: 'revealDrafts', draftIds: drafts.map((d) => d.id) }];
  return { doc, private: priv };
}

/** True when held notes are numerous and varied enough that releasing them names nobody. */
export function isReleasable(held: readonly Draft[]): boolean {
  return held.length >= RELEASE_BATCH_MIN_NOTES && new Set(held.map((d) => d.authorId)).size >= RELEASE_BATCH_MIN_AUTHORS;
}

/**
 * Phases in which held notes come out on their own. In reflect (back from share, or a new
 * reflection in a revisit) everyone writes privately: nobody may read others' new notes yet.
 */
const AUTO_RELEASE_PHASES: readonly Phase[] = ['share', 'group'];

/**
 * The changes that release a revealed prompt's held notes, when the batch is big enough and the
 * board is sharing or grouping; else none. Notes held in reflect wait for the next post in share
 * or group, or for `releaseHeld`.
 */
export function releaseIfReady(state: DomainState, promptId: string, ctx: DomainContext): Changes | null {
  if (!AUTO_RELEASE_PHASES.includes(state.board.meta.phase)) return null;
  const prompt = state.board.prompts.get(promptId);
  if (!prompt?.isRevealed) return null;
  const held = draftsOfPrompt(state, promptId);
  return isReleasable(held) ? publish(state, promptId, held, ctx) : null;
}

/** Reveals one prompt, or every prompt not revealed yet when `promptId` is null. */
export function reveal(state: DomainState, command: CommandOf<'reveal'>, ctx: DomainContext): Changes | DomainError {
  const targets =
    command.promptId === null
      ? sortedPrompts(state.board).filter((p) => !p.isRevealed)
      : [state.board.prompts.get(command.promptId)].filter((p) => p !== undefined);
  if (command.promptId !== null && targets.length === 0) return refuse('not_found', 'That prompt does not exist.');
  const doc: DocChange[] = [];
  const priv: PrivateChange[] = [];
  for (const prompt of targets) {
    if (prompt.isRevealed) continue;
    const changes = publish(state, prompt.id, draftsOfPrompt(state, prompt.id), ctx);
    doc.push(...changes.doc);
    priv.push(...changes.private);
  }
  return { doc, private: priv };
}

/** Releases a revealed prompt's held notes now, however few (the facilitator's call). */
export function releaseHeld(state: DomainState, command: CommandOf<'releaseHeld'>, ctx: DomainContext): Changes | DomainError {
  const prompt = state.board.prompts.get(command.promptId);
  if (!prompt) return refuse('not_found', 'That prompt does not exist.');
  if (!prompt.isRevealed) return refuse('conflict', 'Reveal this prompt first.');
  const held = draftsOfPrompt(state, prompt.id);
  if (held.length === 0) return { doc: [], private: [] };
  return publish(state, prompt.id, held, ctx);
}
