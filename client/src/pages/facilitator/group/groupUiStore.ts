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
  /** While a pointer drags over a note in a theme: drop after it (lower half) rather than before. */
  readonly isDropAfter: boolean;
  /** The notes of the drag in progress, drawn faded in their places. */
  readonly carried: ReadonlySet<string>;
  /**
   * Whose notes carry a drag binding: every note (undefined, no drag on), only the notes of the
   * dragged note's prompt (the only ones it can land on), or none (null: a theme is dragged).
   */
  readonly armedPromptId: string | null | undefined;
}

const NONE: ReadonlySet<string> = new Set();

export const useGroupUi = create<GroupUi>(() => ({
  selected: NONE,
  selectedPromptId: null,
  isNeedsOnly: false,
  isSelecting: false,
  folded: NONE,
  isDropAfter: false,
  carried: NONE,
  armedPromptId: undefined,
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

export function setDropAfter(isDropAfter: boolean): void {
  if (useGroupUi.getState().isDropAfter !== isDropAfter) useGroupUi.setState({ isDropAfter });
}

export function setCarried(noteIds: readonly string[]): void {
  useGroupUi.setState({ carried: noteIds.length === 0 ? NONE : new Set(noteIds), isDropAfter: false });
}

let armAgain: ReturnType<typeof setTimeout> | null = null;

/**
 * A drag starts (the prompt its notes can land in, or null for a theme) or ends (undefined). At
 * the end every note gets its binding back in a task of its own, after the drop is drawn.
 */
export function setArmed(promptId: string | null | undefined): void {
  if (armAgain !== null) clearTimeout(armAgain);
  armAgain = null;
  if (promptId !== undefined) {
    useGroupUi.setState({ armedPromptId: promptId });
    return;
  }
  armAgain = setTimeout(() => {
    armAgain = null;
    useGroupUi.setState({ armedPromptId: undefined });
  }, 0);
}
