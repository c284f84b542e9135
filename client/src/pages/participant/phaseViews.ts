import { type ComponentType, lazy, useEffect } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { nextPhase, type Phase, previousPhase } from '../../../../shared/phases';
import { loadLaterMessages } from '../../i18n/i18n';

type BoardView = ComponentType<{ readonly board: BoardState }>;

/**
 * A board view that is not part of the participant's first load (join link → name → board in
 * Reflect, PARTICIPANT_JS_CEILING_KB): a chunk of its own with its words (the catalogs' `later`
 * part), fetched ahead by `preload`. `current()`
 * is the component itself once fetched — `lazy()` alone would suspend for a moment even then, and
 * show "Loading…" between phases — and a lazy one before. Read it once per mount: switching types
 * later would remount the view and drop its state.
 */
export interface LazyView {
  preload(): Promise<unknown>;
  current(): BoardView;
}

function lazyView(load: () => Promise<{ default: BoardView }>): LazyView {
  let loaded: BoardView | null = null;
  let fetching: Promise<{ default: BoardView }> | null = null;
  const fetchView = () => {
    fetching ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // Offline, say: the next need tries again.
        fetching = null;
        throw error;
      },
    );
    return fetching;
  };
  const Lazy = lazy(fetchView);
  return { preload: fetchView, current: () => loaded ?? Lazy };
}

/** A view's module and its words (the catalogs' `later` part), together. */
const withLaterWords = <T>(view: Promise<T>): Promise<T> => Promise.all([view, loadLaterMessages()]).then(([m]) => m);

export const groupView = lazyView(() => withLaterWords(import('./group/ParticipantGroup')));
export const decisionView = lazyView(() => withLaterWords(import('./decisions/ParticipantDecisions')));

/** Phases whose view is about decisions (votes, consensus rounds, the Agreement column). */
export const DECISION_PHASES: ReadonlySet<Phase> = new Set(['vote', 'decide', 'agreement', 'revisit']);

function viewOf(phase: Phase): LazyView | null {
  if (phase === 'group') return groupView;
  return DECISION_PHASES.has(phase) ? decisionView : null;
}

/**
 * Fetches the views of the phases the facilitator can move to from `phase` (one step on or back),
 * so that a phase change finds its view loaded instead of showing "Loading…" first. Reflect (where
 * people join) neighbours no lazy view: the first load stays as small as it is.
 */
export function usePreloadedNeighbourViews(phase: Phase): void {
  useEffect(() => {
    for (const neighbour of [nextPhase(phase), previousPhase(phase)]) {
      if (neighbour !== null)
        viewOf(neighbour)
          ?.preload()
          .catch(() => {});
    }
  }, [phase]);
}
