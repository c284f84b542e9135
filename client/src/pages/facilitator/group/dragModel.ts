import type { PromptLayout } from '../../../components/themeLayout';

/**
 * What can be dragged and where it can land on the group board, as plain data (dnd-kit keeps it
 * in `data.current`), and what a drop means as a command. Pure: no React, no dnd-kit.
 */

/** Something being dragged: one note (carrying the selection when it is part of it) or a theme. */
export type DragItem =
  | { readonly kind: 'note'; readonly noteId: string; readonly promptId: string }
  | { readonly kind: 'theme'; readonly themeId: string; readonly promptId: string };

/** A place to drop: the notes in no theme, a theme, a note (before it, or a new theme with it), "new theme". */
export type DropTarget =
  | { readonly kind: 'ungrouped'; readonly promptId: string }
  | { readonly kind: 'theme'; readonly themeId: string; readonly promptId: string }
  | { readonly kind: 'note'; readonly noteId: string; readonly themeId: string | null; readonly promptId: string }
  | { readonly kind: 'newTheme'; readonly promptId: string };

export const dragId = (item: { kind: 'note'; noteId: string } | { kind: 'theme'; themeId: string }) =>
  item.kind === 'note' ? `drag-note:${item.noteId}` : `drag-theme:${item.themeId}`;

export function dropId(target: DropTarget): string {
  switch (target.kind) {
    case 'ungrouped':
      return `ungrouped:${target.promptId}`;
    case 'newTheme':
      return `new-theme:${target.promptId}`;
    case 'theme':
      return `theme:${target.themeId}`;
    case 'note':
      return `note:${target.noteId}`;
  }
}

/**
 * Nothing on the board changes size while something is dragged, so targets are measured once at
 * pick-up: without this, dnd-kit starts one ResizeObserver per target (hundreds) at every pick-up.
 */
export const NO_RESIZE_OBSERVER = { disabled: true } as const;

/** True when `target` may receive `item`, carrying the notes `moving`. */
export function acceptsDrop(item: DragItem, moving: ReadonlySet<string>, target: DropTarget): boolean {
  if (target.promptId !== item.promptId) return false;
  if (item.kind === 'theme') return target.kind === 'theme' && target.themeId !== item.themeId;
  if (target.kind === 'note') return !moving.has(target.noteId);
  return true;
}

/** A drop, as what it will do. */
export type DropAction =
  | {
      readonly type: 'move';
      readonly noteIds: readonly string[];
      readonly themeId: string | null;
      readonly beforeNoteId: string | null;
    }
  | { readonly type: 'createTheme'; readonly promptId: string; readonly noteIds: readonly string[] }
  | { readonly type: 'merge'; readonly sourceThemeId: string; readonly targetThemeId: string };

/** Where a note is now: its theme (null when ungrouped) and its neighbour after it. */
function placeOf(layout: PromptLayout, noteId: string): { themeId: string | null; nextId: string | null } | null {
  const containers = [
    { themeId: null, notes: layout.ungrouped },
    ...layout.themes.map((t) => ({ themeId: t.theme.id, notes: t.notes })),
  ];
  for (const { themeId, notes } of containers) {
    const index = notes.findIndex((n) => n.id === noteId);
    if (index >= 0) return { themeId, nextId: notes[index + 1]?.id ?? null };
  }
  return null;
}

/**
 * What dropping `item` (carrying `noteIds`, in board order) on `target` does, or null when it
 * would change nothing. `isAfter` places the notes after the target note instead of before it.
 */
export function resolveDrop(
  layout: PromptLayout,
  item: DragItem,
  noteIds: readonly string[],
  target: DropTarget,
  isAfter = false,
): DropAction | null {
  if (item.kind === 'theme') {
    return target.kind === 'theme' && target.themeId !== item.themeId
      ? { type: 'merge', sourceThemeId: item.themeId, targetThemeId: target.themeId }
      : null;
  }
  const places = noteIds.map((id) => placeOf(layout, id));
  const allIn = (themeId: string | null) => places.every((p) => p?.themeId === themeId);
  switch (target.kind) {
    case 'newTheme':
      return { type: 'createTheme', promptId: target.promptId, noteIds };
    case 'ungrouped':
      return allIn(null) ? null : { type: 'move', noteIds, themeId: null, beforeNoteId: null };
    case 'theme':
      return allIn(target.themeId) ? null : { type: 'move', noteIds, themeId: target.themeId, beforeNoteId: null };
    case 'note': {
      if (noteIds.includes(target.noteId)) return null;
      // An ungrouped note under another note: the two start a theme together.
      if (target.themeId === null)
        return { type: 'createTheme', promptId: target.promptId, noteIds: [target.noteId, ...noteIds] };
      let beforeNoteId: string | null = target.noteId;
      if (isAfter) {
        const theme = layout.themes.find((t) => t.theme.id === target.themeId);
        const index = theme?.notes.findIndex((n) => n.id === target.noteId) ?? -1;
        beforeNoteId = theme?.notes.slice(index + 1).find((n) => !noteIds.includes(n.id))?.id ?? null;
      }
      const only = noteIds.length === 1 ? places[0] : null;
      if (only && only.themeId === target.themeId && only.nextId === beforeNoteId) return null;
      return { type: 'move', noteIds, themeId: target.themeId, beforeNoteId };
    }
  }
}

/** The notes a drag of `noteId` carries: the whole selection when the note is in it, in board order. */
export function carriedNotes(layout: PromptLayout, noteId: string, selected: ReadonlySet<string>): string[] {
  if (!selected.has(noteId) || selected.size < 2) return [noteId];
  const inOrder = [...layout.ungrouped, ...layout.themes.flatMap((t) => t.notes)].map((n) => n.id);
  return inOrder.filter((id) => selected.has(id));
}

/** A sensible first name for a new theme: its first note's words, cut at a word when long; `fallbackName` without words. */
export function defaultThemeName(text: string | undefined, fallbackName: string): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length === 0) return fallbackName;
  if (flat.length <= 40) return flat;
  const cut = flat.slice(0, 32);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > 12 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
