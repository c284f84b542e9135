import { useCallback, useSyncExternalStore } from 'react';
import { create } from 'zustand';

/** The facilitator's own view of the group board: nothing here is shared with anyone. */
interface GroupUi {
  /** Selected notes, all of one prompt (notes of different prompts never move together). */
  readonly selected: ReadonlySet<string>;
  readonly selectedPromptId: string | null;
  readonly isNeedsOnly: boolean;
  /** Selection mode: every note shows a checkbox. */
  readonly isSelecting: boolean;
  readonly folded: ReadonlySet<string>;
  /** The notes of the drag in progress, drawn faded in their places. */
  readonly carried: ReadonlySet<string>;
  /**
   * Which notes carry a drag binding: every note (undefined, no drag on), only the dragged note
   * (its id), or none (null: a theme is dragged). dnd-kit renders every binding of a drag context
   * again at each change of target: during a drag there is one.
   */
  readonly armedNoteId: string | null | undefined;
}

/**
 * The note a drag points at, and what dropping there does: start a theme with it (a note in no
 * theme), land before it, or after it (the lower half of a note in a theme, with a pointer).
 * Notes are not dnd-kit targets (see dragTargeting): only the note named here draws the hint.
 */
export interface DropHint {
  readonly noteId: string;
  readonly hint: 'combine' | 'before' | 'after';
}

const NONE: ReadonlySet<string> = new Set();

export const useGroupUi = create<GroupUi>(() => ({
  selected: NONE,
  selectedPromptId: null,
  isNeedsOnly: false,
  isSelecting: false,
  folded: NONE,
  carried: NONE,
  armedNoteId: undefined,
}));

/** Adds a note to the selection or takes it out; a note of another prompt starts a new selection. */
export function toggleSelected(noteId: string, promptId: string): void {
  useGroupUi.setState((s) => {
    const selected = new Set(s.selectedPromptId === promptId ? s.selected : NONE);
    if (selected.has(noteId)) selected.delete(noteId);
    else selected.add(noteId);
    return { selected, selectedPromptId: selected.size > 0 ? promptId : null };
  });
}

export function clearSelection(): void {
  if (useGroupUi.getState().selected.size > 0) useGroupUi.setState({ selected: NONE, selectedPromptId: null });
}

/** Leaving selection mode keeps the selection: Ctrl-click and the "⋯" menu select too. */
export function setSelecting(isSelecting: boolean): void {
  useGroupUi.setState({ isSelecting });
}

export function setNeedsOnly(isNeedsOnly: boolean): void {
  useGroupUi.setState({ isNeedsOnly });
}

export function toggleFolded(promptId: string): void {
  useGroupUi.setState((s) => {
    const folded = new Set(s.folded);
    if (folded.has(promptId)) folded.delete(promptId);
    else folded.add(promptId);
    return { folded };
  });
}

/*
 * The drop hint lives apart from useGroupUi: it changes at every note the pointer crosses, and a
 * change of a zustand store runs every subscriber's selector (several per note, thousands on a big
 * board). Here a change wakes the two notes concerned, and those who watch whether there is one.
 */
let dropHint: DropHint | null = null;
const ANY_NOTE = '';
const hintListeners = new Map<string, Set<() => void>>();

function subscribeHint(key: string, listener: () => void): () => void {
  const listeners = hintListeners.get(key) ?? new Set<() => void>();
  hintListeners.set(key, listeners);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) hintListeners.delete(key);
  };
}

const wake = (key: string) => {
  for (const listener of hintListeners.get(key) ?? []) listener();
};

export function setDropHint(next: DropHint | null): void {
  const before = dropHint;
  if (before?.noteId === next?.noteId && before?.hint === next?.hint) return;
  dropHint = next;
  if (before) wake(before.noteId);
  if (next && next.noteId !== before?.noteId) wake(next.noteId);
  if ((before === null) !== (next === null)) wake(ANY_NOTE);
}

/** What a drop on this note would do now, or null when the drag does not point at it. */
export function useDropHint(noteId: string): DropHint['hint'] | null {
  const subscribe = useCallback((listener: () => void) => subscribeHint(noteId, listener), [noteId]);
  return useSyncExternalStore(subscribe, () => (dropHint?.noteId === noteId ? dropHint.hint : null));
}

const subscribeAny = (listener: () => void) => subscribeHint(ANY_NOTE, listener);

/** Whether the drag points at a note (then the note shows where the drop lands, not its theme or list). */
export function useIsOnNote(): boolean {
  return useSyncExternalStore(subscribeAny, () => dropHint !== null);
}

export function setCarried(noteIds: readonly string[]): void {
  setDropHint(null);
  useGroupUi.setState({ carried: noteIds.length === 0 ? NONE : new Set(noteIds) });
}

let armAgain: ReturnType<typeof setTimeout> | null = null;

/**
 * A drag starts (the dragged note, or null for a theme) or ends (undefined). At the end every
 * note gets its binding back in a task of its own, after the drop is drawn.
 */
export function setArmed(noteId: string | null | undefined): void {
  if (armAgain !== null) clearTimeout(armAgain);
  armAgain = null;
  if (noteId !== undefined) {
    useGroupUi.setState({ armedNoteId: noteId });
    return;
  }
  armAgain = setTimeout(() => {
    armAgain = null;
    useGroupUi.setState({ armedNoteId: undefined });
  }, 0);
}
