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
  const previous = useRef<Map<string, string | null> | null>(null);
  const [recent, setRecent] = useState<ReadonlySet<string>>(NOTHING);

  useEffect(() => {
    if (notes === null) return;
    const now = new Map([...notes.values()].map((n) => [n.id, n.themeId]));
    const before = previous.current;
    previous.current = now;
    if (before === null) return;
    const moved = [...now].filter(([id, themeId]) => before.has(id) && before.get(id) !== themeId).map(([id]) => id);
    if (moved.length === 0) return;
    setRecent(new Set(moved));
    const timer = setTimeout(() => setRecent(NOTHING), RECENT_MOVE_MS);
    return () => clearTimeout(timer);
  }, [notes]);

  return recent;
}
