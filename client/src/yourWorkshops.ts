import { useEffect } from 'react';
import type { Phase } from '../../shared/phases';
import { PHASES } from '../../shared/phases';
import { readStored, storedKeysAfter, writeStored } from './storage';

/** A workshop this browser facilitates, as the home page lists it. */
export interface RememberedWorkshop {
  readonly boardId: string;
  /** Null until the facilitator board has been opened once in this browser. */
  readonly title: string | null;
  readonly phase: Phase | null;
  readonly isClosed: boolean;
  readonly version: number;
  readonly createdAt: number | null;
  readonly openedAt: number | null;
}

type Summary = Omit<RememberedWorkshop, 'boardId' | 'openedAt'>;

const isPhase = (value: unknown): value is Phase => typeof value === 'string' && (PHASES as readonly string[]).includes(value);
const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The stored summary of a board, or an empty one when it is missing or unreadable. */
function readSummary(boardId: string): RememberedWorkshop {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readStored(`workshop:${boardId}`) ?? '{}');
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // Written by another version of Accord, or by hand: show what the key alone tells.
  }
  return {
    boardId,
    title: typeof stored.title === 'string' && stored.title !== '' ? stored.title : null,
    phase: isPhase(stored.phase) ? stored.phase : null,
    isClosed: stored.isClosed === true,
    version: numberOrNull(stored.version) ?? 1,
    createdAt: numberOrNull(stored.createdAt),
    openedAt: numberOrNull(stored.openedAt),
  };
}

/** Keeps the board's title, phase and dates for the home page's "Your workshops". Never anything private. */
export function rememberWorkshop(boardId: string, summary: Summary, now = Date.now()): void {
  writeStored(`workshop:${boardId}`, JSON.stringify({ ...summary, openedAt: now }));
}

/** Every workshop whose facilitator key this browser holds, the most recently opened first. */
export function yourWorkshops(): RememberedWorkshop[] {
  return storedKeysAfter('fkey:')
    .map(readSummary)
    .sort((a, b) => (b.openedAt ?? b.createdAt ?? 0) - (a.openedAt ?? a.createdAt ?? 0));
}

/** Keeps the open board's summary fresh for the home page while its facilitator view is open. */
export function useRememberWorkshop(boardId: string, meta: Summary | null): void {
  const title = meta?.title ?? null;
  const phase = meta?.phase ?? null;
  const isClosed = meta?.isClosed ?? false;
  const version = meta?.version ?? 1;
  const createdAt = meta?.createdAt ?? null;
  useEffect(() => {
    if (title !== null && phase !== null) rememberWorkshop(boardId, { title, phase, isClosed, version, createdAt });
  }, [boardId, title, phase, isClosed, version, createdAt]);
}
