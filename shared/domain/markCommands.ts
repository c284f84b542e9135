import type { CommandOf } from '../commands';
import type { MarkCounts, MarkKind } from '../records/Mark';
import { type Changes, type DocChange, NO_CHANGES } from './changes';
import type { DomainError } from './errors';
import { refuse } from './refusals';
import { canWriteNotes } from './permissions';
import { type Actor, type BoardState, type DomainState, markKey } from './state';
import { mayVote } from './votingCommands';

/** A record that can carry marks, with the change that rewrites its counts. */
interface MarkTarget {
  readonly collection: 'prompts' | 'voteRounds' | 'notes';
  readonly counts: MarkCounts | undefined;
}

function findTarget(board: BoardState, targetId: string): MarkTarget | null {
  const prompt = board.prompts.get(targetId);
  if (prompt) return { collection: 'prompts', counts: prompt.markCounts };
  const round = board.voteRounds.get(targetId);
  if (round) return { collection: 'voteRounds', counts: round.markCounts };
  const note = board.notes.get(targetId);
  if (note) return { collection: 'notes', counts: note.markCounts };
  return null;
}

/** `counts` with `kind` moved by `delta`; a kind that drops to 0 is left out (absent means nobody). */
function addToCounts(counts: MarkCounts | undefined, kind: MarkKind, delta: number): MarkCounts {
  const next: MarkCounts = { ...counts };
  const value = (next[kind] ?? 0) + delta;
  if (value > 0) next[kind] = value;
  else delete next[kind];
  return next;
}

function patchCounts(collection: MarkTarget['collection'], id: string, markCounts: MarkCounts): DocChange {
  if (collection === 'prompts') return { type: 'patchPrompt', id, fields: { markCounts } };
  if (collection === 'voteRounds') return { type: 'patchVoteRound', id, fields: { markCounts } };
  return { type: 'patchNote', id, fields: { markCounts } };
}

/**
 * Sets or takes back one person's mark. Setting a mark that is there (or taking back one that is
 * not) changes nothing, so a replayed command is harmless. The document gets the new count only.
 */
function setMark(state: DomainState, participantId: string, targetId: string, kind: MarkKind, isOn: boolean): Changes {
  const target = findTarget(state.board, targetId) as MarkTarget;
  if (state.marks.has(markKey(targetId, participantId, kind)) === isOn) return NO_CHANGES;
  return {
    doc: [patchCounts(target.collection, targetId, addToCounts(target.counts, kind, isOn ? 1 : -1))],
    private: [{ type: 'setMark', targetId, participantId, kind, isOn }],
  };
}

/** Who may mark something done: whoever may write notes (reflect) or vote (vote). */
export function mayMarkDone(actor: Actor, board: BoardState): boolean {
  return board.meta.phase === 'vote' ? mayVote(actor, board) : canWriteNotes(actor, board);
}

/**
 * "I am done": with a prompt's notes during reflect, or with my dots in the open round during
 * vote. The facilitator sees how many, never who; the count is public like `contributorCount`.
 */
export function markDone(state: DomainState, actor: Actor, command: CommandOf<'markDone'>): Changes | DomainError {
  const { board } = state;
  if (board.meta.phase === 'reflect') {
    if (!board.prompts.has(command.targetId)) return refuse('not_found', 'questionNotFound');
  } else {
    const round = board.voteRounds.get(command.targetId);
    if (!round) return refuse('not_found', 'voteNotFound');
    if (round.status !== 'open') return refuse('conflict', 'voteClosed');
  }
  return setMark(state, actor.participantId as string, command.targetId, 'done', command.isDone);
}

/** Puts one of the fixed reactions on a revealed note, or takes it back: one of each kind per person. */
export function react(state: DomainState, actor: Actor, command: CommandOf<'react'>): Changes | DomainError {
  if (!state.board.notes.has(command.noteId)) return refuse('not_found', 'noteNotShown');
  return setMark(state, actor.participantId as string, command.noteId, command.reaction, command.isOn);
}

/**
 * The count changes that withdraw every mark of one person (their seat was removed): one patch
 * per record, holding all of its kinds at once.
 */
export function withdrawMarks(state: DomainState, participantId: string): DocChange[] {
  const counts = new Map<string, { target: MarkTarget; counts: MarkCounts }>();
  for (const key of state.marks) {
    const [targetId, who, kind] = key.split('/');
    if (who !== participantId || targetId === undefined || kind === undefined) continue;
    const target = findTarget(state.board, targetId);
    if (!target) continue;
    const entry = counts.get(targetId) ?? { target, counts: target.counts ?? {} };
    entry.counts = addToCounts(entry.counts, kind as MarkKind, -1);
    counts.set(targetId, entry);
  }
  return [...counts].map(([id, { target, counts: next }]) => patchCounts(target.collection, id, next));
}

/** How many people marked a record with `kind` (0 when nobody did). */
export function markCount(record: { readonly markCounts?: MarkCounts }, kind: MarkKind): number {
  return record.markCounts?.[kind] ?? 0;
}
