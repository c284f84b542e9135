import type { Command, CommandEnvelope, CommandType } from '../../../shared/commands';
import { type DomainError, isDomainError } from '../../../shared/domain/errors';
import {
  type Actor,
  type BoardState,
  ballotKey,
  type DomainContext,
  type DomainState,
  markKey,
  postedKey,
  responseKey,
} from '../../../shared/domain/state';
import type { PrivateMessage } from '../../../shared/protocol';
import { randomId } from '../../../shared/random';

/** My private slice as the server last sent it. */
export type Slice = Extract<PrivateMessage, { type: 'slice' }>;

/**
 * Commands whose outcome the browser can predict. Reveals and releases are left out: they publish
 * everyone's notes, and the browser only knows its own.
 */
const PREDICTABLE: ReadonlySet<CommandType> = new Set<CommandType>([
  'updateBoard',
  'renameBoard',
  'updateSettings',
  'addPrompt',
  'updatePrompt',
  'removePrompt',
  'movePrompt',
  'setPhase',
  'focusPrompt',
  'postDraft',
  'editDraft',
  'deleteDraft',
  'createTheme',
  'renameTheme',
  'deleteTheme',
  'moveNotes',
  'mergeThemes',
  'moveTheme',
  'restoreGrouping',
  'deleteNotes',
  'restoreNotes',
  'placeDot',
  'removeDot',
  'respond',
  'markDone',
  'react',
]);

function context(): DomainContext {
  // Who is present and which seat is whose only the server knows: it decides those parts alone.
  return { random: Math.random, newId: randomId, now: Date.now(), present: new Set() };
}

/** The domain state the server would see for me: the board plus my drafts and counts. */
export function stateFromSlice(board: BoardState, participantId: string, slice: Slice | null): DomainState {
  const drafts = new Map((slice?.drafts ?? []).map((d) => [d.id, { ...d, authorId: participantId }]));
  const posted = new Map(Object.entries(slice?.posted ?? {}).map(([promptId, n]) => [postedKey(participantId, promptId), n]));
  const ballots = new Map(
    Object.entries(slice?.dots ?? {}).flatMap(([roundId, items]) =>
      Object.entries(items).map(([itemId, count]) => [ballotKey(roundId, participantId, itemId), count] as const),
    ),
  );
  const responses = new Map(
    Object.entries(slice?.responses ?? {}).map(([proposalId, answer]) => [responseKey(proposalId, participantId), answer]),
  );
  const marks = new Set(
    Object.entries(slice?.marks ?? {}).flatMap(([targetId, kinds]) =>
      kinds.map((kind) => markKey(targetId, participantId, kind)),
    ),
  );
  return { board, drafts, posted, ballots, responses, marks };
}

let predictor: typeof import('./predictor') | null = null;

/**
 * Loads the shared domain for predictions (a chunk of its own, fetched after the first screen).
 * Resolves true once loaded; false when it could not be fetched (offline): call again later.
 */
export async function loadPredictor(): Promise<boolean> {
  try {
    predictor ??= await import('./predictor');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs one command through the shared domain, as the server will; null when it cannot be
 * predicted (the domain is not loaded yet, or the prediction failed): then the server decides.
 */
export function applyLocally(state: DomainState, actor: Actor, command: Command): DomainState | DomainError | null {
  if (predictor === null) return null;
  try {
    return predictor.predict(state, actor, command, context());
  } catch {
    // A prediction must never stand between a person and the server: when it fails, the server decides.
    return null;
  }
}

/**
 * Folds commands the server has not confirmed (or whose effects have not arrived yet) over the
 * last known state: the optimistic view. A command the domain refuses here is skipped; the
 * server's answer will say why. Applying a command that the state already contains is refused or
 * changes nothing, so a command may safely be folded once too often.
 */
export function foldCommands(state: DomainState, actor: Actor, envelopes: readonly CommandEnvelope[]): DomainState {
  let folded = state;
  for (const { command } of envelopes) {
    if (!PREDICTABLE.has(command.type)) continue;
    const next = predictor === null ? draftOnly(folded, actor, command) : applyLocally(folded, actor, command);
    if (next !== null && !isDomainError(next)) folded = next;
  }
  return folded;
}

/**
 * Before the prediction code has arrived (a page opened and taken offline at once), my own notes
 * still show: written, edited or deleted drafts are simple enough to fold without the rules. The
 * server checks them when they are sent.
 */
function draftOnly(state: DomainState, actor: Actor, command: Command): DomainState | null {
  const participantId = actor.participantId ?? '';
  const drafts = new Map(state.drafts);
  if (command.type === 'postDraft') {
    if (drafts.has(command.draftId)) return null;
    const { draftId, promptId, text, tag } = command;
    drafts.set(draftId, { id: draftId, promptId, authorId: participantId, text, tag, authorName: command.authorName ?? null });
  } else if (command.type === 'editDraft') {
    const draft = drafts.get(command.draftId);
    if (!draft) return null;
    drafts.set(draft.id, {
      ...draft,
      text: command.text ?? draft.text,
      tag: command.tag === undefined ? draft.tag : command.tag,
    });
  } else if (command.type === 'deleteDraft') {
    if (!drafts.delete(command.draftId)) return null;
  } else {
    return null;
  }
  return { ...state, drafts };
}
