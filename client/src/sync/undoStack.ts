import { create } from 'zustand';
import type { Command } from '../../../shared/commands';

/**
 * At most this many actions can be undone, the newest first; older ones are forgotten. Enough for
 * a facilitator's run of moves, small enough that a stale undo is not offered for an hour.
 */
export const MAX_UNDO_STEPS = 20;

/** One acknowledged action that can be undone, with the ordinary command that undoes it. */
export interface UndoEntry {
  readonly id: number;
  /** Grouping actions are undone from the group stage; a deleted note from its own prompt. */
  readonly kind: 'grouping' | 'note';
  /**
   * What is undone, as a phrase after "Undo" and "Undone:" ("deleting theme ‘Time’"), in the
   * language of the moment it was done: an entry lives for minutes, a language switch is rarer.
   */
  readonly label: string;
  readonly command: Command;
  /** The prompt of a deleted note (null for grouping). */
  readonly promptId: string | null;
}

interface UndoState {
  /** Oldest first. Kept in memory only: a deleted note's text never goes to storage. */
  readonly entries: readonly UndoEntry[];
}

export const useUndoStore = create<UndoState>(() => ({ entries: [] }));

let nextId = 1;

export function pushUndo(entry: Omit<UndoEntry, 'id'>): void {
  const id = nextId++;
  useUndoStore.setState((s) => ({ entries: [...s.entries, { ...entry, id }].slice(-MAX_UNDO_STEPS) }));
}

/** Removes and returns an entry: the given one, or else the newest of `kind`. */
export function takeUndo(select: { id: number } | { kind: UndoEntry['kind'] }): UndoEntry | undefined {
  const { entries } = useUndoStore.getState();
  const entry = 'id' in select ? entries.find((e) => e.id === select.id) : entries.findLast((e) => e.kind === select.kind);
  if (entry) useUndoStore.setState({ entries: entries.filter((e) => e !== entry) });
  return entry;
}

/** Forgets everything (another board opened, or this one closed). */
export function clearUndo(): void {
  useUndoStore.setState({ entries: [] });
}
