import type { CommandOf } from '../commands';
import { placeKeys } from '../fractionalIndex';
import type { Phase } from '../phases';
import { shuffled } from '../random';
import type { Draft } from '../records/Draft';
import { exposedPromptsRefusal, exposureRefusal, isBatchAnonymous, isExposingBatch } from './batchAnonymity';
import type { Changes, DocChange, PrivateChange } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
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

/**
 * True when held notes may come out on their own: on an anonymous board when the batch names
 * nobody (see {@link isBatchAnonymous}); on a board that shows names at once, since timing
 * reveals nothing the note does not say.
 */
export function isReleasable(state: DomainState, held: readonly Draft[]): boolean {
  if (held.length === 0) return false;
  return !state.board.meta.settings.isAnonymous || isBatchAnonymous(held);
}

/**
 * Phases in which held notes come out on their own. In reflect (back from share, or a new
 * reflection in a revisit) everyone writes privately: nobody may read others' new notes yet.
 */
const AUTO_RELEASE_PHASES: readonly Phase[] = ['share', 'group'];

/**
 * The changes that release a revealed prompt's held notes, when they may come out (see
 * {@link isReleasable}) and the board is sharing or grouping; else none. Notes held in reflect wait for the next post in share
 * or group, or for `releaseHeld`.
 */
export function releaseIfReady(state: DomainState, promptId: string, ctx: DomainContext): Changes | null {
  if (!AUTO_RELEASE_PHASES.includes(state.board.meta.phase)) return null;
  const prompt = state.board.prompts.get(promptId);
  if (!prompt?.isRevealed) return null;
  const held = draftsOfPrompt(state, promptId);
  return isReleasable(state, held) ? publish(state, promptId, held, ctx) : null;
}

/**
 * Reveals one prompt, or every prompt not revealed yet when `promptId` is null. When a prompt's
 * notes would let someone tell who wrote them (fewer than 3 notes by others for some recipient),
 * nothing is revealed until the facilitator confirms with `confirmSmallCount`.
 */
export function reveal(state: DomainState, command: CommandOf<'reveal'>, ctx: DomainContext): Changes | DomainError {
  const targets =
    command.promptId === null
      ? sortedPrompts(state.board).filter((p) => !p.isRevealed)
      : [state.board.prompts.get(command.promptId)].filter((p) => p !== undefined);
  if (command.promptId !== null && targets.length === 0) return refuse('not_found', 'promptNotFound');
  const batches = targets.filter((p) => !p.isRevealed).map((prompt) => ({ prompt, drafts: draftsOfPrompt(state, prompt.id) }));
  if (command.confirmSmallCount !== true) {
    const exposed = batches.filter(({ prompt, drafts }) => isExposingBatch(state, prompt, drafts));
    const [first] = exposed;
    if (first && exposed.length === 1) return exposureRefusal(first.prompt, first.drafts, false);
    if (first) return exposedPromptsRefusal(exposed.map((b) => b.prompt));
  }
  const doc: DocChange[] = [];
  const priv: PrivateChange[] = [];
  for (const { prompt, drafts } of batches) {
    const changes = publish(state, prompt.id, drafts, ctx);
    doc.push(...changes.doc);
    priv.push(...changes.private);
  }
  return { doc, private: priv };
}

/**
 * Releases a revealed prompt's held notes now, however few: the facilitator's call. When the
 * batch could show who wrote it, that call is made explicit with `confirmSmallCount`.
 */
export function releaseHeld(state: DomainState, command: CommandOf<'releaseHeld'>, ctx: DomainContext): Changes | DomainError {
  const prompt = state.board.prompts.get(command.promptId);
  if (!prompt) return refuse('not_found', 'promptNotFound');
  if (!prompt.isRevealed) return refuse('conflict', 'revealFirst');
  const held = draftsOfPrompt(state, prompt.id);
  if (held.length === 0) return { doc: [], private: [] };
  if (command.confirmSmallCount !== true && isExposingBatch(state, prompt, held)) {
    return exposureRefusal(prompt, held, true);
  }
  return publish(state, prompt.id, held, ctx);
}
