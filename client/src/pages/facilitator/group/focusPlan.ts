import type { PromptLayout } from '../../../components/themeLayout';

/** The element id of a note's handle, a theme's handle and a prompt's ungrouped list on the board. */
export const noteHandleId = (noteId: string) => `gnote-${noteId}`;
export const themeHandleId = (themeId: string) => `gtheme-${themeId}`;
export const ungroupedHeadingId = (promptId: string) => `gungrouped-${promptId}`;

/**
 * Where keyboard focus goes after notes leave their place: the note that takes their place (so
 * that clustering a list is Space, arrows, Space, again and again), else the one before, else the
 * list itself. A move within the same list keeps focus on the moved note.
 */
export function focusAfterMove(layout: PromptLayout, noteIds: readonly string[], toThemeId: string | null | undefined): string {
  const first = noteIds[0] as string;
  const moving = new Set(noteIds);
  const containers = [
    { themeId: null as string | null, notes: layout.ungrouped },
    ...layout.themes.map((t) => ({ themeId: t.theme.id as string | null, notes: t.notes })),
  ];
  const source = containers.find((c) => c.notes.some((n) => n.id === first));
  if (!source || source.themeId === toThemeId) return noteHandleId(first);
  const index = source.notes.findIndex((n) => n.id === first);
  const after = source.notes.slice(index + 1).find((n) => !moving.has(n.id));
  const before = source.notes
    .slice(0, index)
    .reverse()
    .find((n) => !moving.has(n.id));
  const next = after ?? before;
  if (next) return noteHandleId(next.id);
  return source.themeId === null ? ungroupedHeadingId(layout.prompt.id) : themeHandleId(source.themeId);
}

/** Focuses an element as soon as it is on the page (after the move re-rendered the board), for up to a second. */
export function focusSoon(elementId: string): void {
  let frames = 60;
  const attempt = () => {
    const element = document.getElementById(elementId);
    if (element) {
      element.focus({ preventScroll: false });
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    if (--frames > 0) requestAnimationFrame(attempt);
  };
  // Two frames: the move has re-rendered the board by then, so focus lands on the note's new element.
  requestAnimationFrame(() => requestAnimationFrame(attempt));
}
