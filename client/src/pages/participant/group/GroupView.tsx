import { lazy, Suspense } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';

// Loaded on demand: joining and writing notes do not need it, and the participant's first load
// has a budget (120 KB of gzipped JavaScript).
const ParticipantGroup = lazy(() => import('./ParticipantGroup'));

/** The participant's view of the group phase: themes forming live, read-only. */
export function GroupView({ board }: { readonly board: BoardState }) {
  return (
    <Suspense
      fallback={
        <p className="notice" aria-busy="true">
          Loading…
        </p>
      }
    >
      <ParticipantGroup board={board} />
    </Suspense>
  );
}
