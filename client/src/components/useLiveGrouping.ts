import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { Note } from '../../../shared/records/Note';
import { useBoardStore } from '../store/boardStore';

const NOTHING: ReadonlySet<string> = new Set();

/** Ids a facilitator is dragging right now (notes, or a theme and its notes); stable while they do not change. */
export function useMovingIds(): ReadonlySet<string> {
  const key = useBoardStore((s) => s.dragPreviews.flatMap((d) => d.noteIds).join(' '));
  return useMemo(() => (key === '' ? NOTHING : new Set(key.split(' '))), [key]);
}

/** How long a note that changed place stays marked, in milliseconds. */
export const RECENT_MOVE_MS = 2500;

/** Ids of the notes whose theme differs between two boards' notes (unchanged notes keep their identity: skipped). */
function movedBetween(before: ReadonlyMap<string, Note>, after: ReadonlyMap<string, Note>): string[] {
  const moved: string[] = [];
  for (const [id, note] of after) {
    const was = before.get(id);
    if (was !== undefined && was !== note && was.themeId !== note.themeId) moved.push(id);
  }
  return moved;
}

interface Recent {
  readonly notes: ReadonlyMap<string, Note> | null;
  readonly moved: ReadonlySet<string>;
}

/**
 * Notes whose theme just changed, so that people watching can see where they went. Worked out
 * while rendering the board that moved them (not in an effect, which would render the whole
 * board a second time for every remote move); a timer clears them RECENT_MOVE_MS later, unless
 * newer moves replaced them.
 */
export function useRecentlyMoved(notes: ReadonlyMap<string, Note> | null): ReadonlySet<string> {
  const recent = useRef<Recent>({ notes, moved: NOTHING });
  const [, expire] = useReducer((n: number) => n + 1, 0);
  if (recent.current.notes !== notes) {
    const before = recent.current.notes;
    const moved = before && notes ? movedBetween(before, notes) : [];
    recent.current = { notes, moved: moved.length > 0 ? new Set(moved) : recent.current.moved };
  }
  const { moved } = recent.current;

  useEffect(() => {
    if (moved === NOTHING) return;
    const timer = setTimeout(() => {
      if (recent.current.moved !== moved) return;
      recent.current = { ...recent.current, moved: NOTHING };
      expire();
    }, RECENT_MOVE_MS);
    return () => clearTimeout(timer);
  }, [moved]);

  return moved;
}
