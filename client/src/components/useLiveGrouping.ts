import { useEffect, useMemo, useRef, useState } from 'react';
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

/** Notes whose theme just changed, so that people watching can see where they went. */
export function useRecentlyMoved(notes: ReadonlyMap<string, Note> | null): ReadonlySet<string> {
  const previous = useRef<ReadonlyMap<string, Note> | null>(null);
  const [recent, setRecent] = useState<ReadonlySet<string>>(NOTHING);

  useEffect(() => {
    if (notes === null) return;
    const before = previous.current;
    previous.current = notes;
    if (before === null || before === notes) return;
    // Unchanged notes keep their identity (BoardReader): only the others can have moved.
    const moved: string[] = [];
    for (const [id, note] of notes) {
      const was = before.get(id);
      if (was !== undefined && was !== note && was.themeId !== note.themeId) moved.push(id);
    }
    if (moved.length === 0) return;
    setRecent(new Set(moved));
    const timer = setTimeout(() => setRecent(NOTHING), RECENT_MOVE_MS);
    return () => clearTimeout(timer);
  }, [notes]);

  return recent;
}
