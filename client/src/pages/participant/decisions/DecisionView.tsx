import { lazy, Suspense } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';

// Loaded on demand: nobody needs the vote and decision screens to join or to write notes, and the
// participant's first load has a budget (120 KB of gzipped JavaScript).
const ParticipantDecisions = lazy(() => import('./ParticipantDecisions'));

/** The participant's view of the vote, decide, agreement and revisit phases. */
export function DecisionView({ board }: { readonly board: BoardState }) {
  return (
    <Suspense
      fallback={
        <p className="notice" aria-busy="true">
          Loading…
        </p>
      }
    >
      <ParticipantDecisions board={board} />
    </Suspense>
  );
}
