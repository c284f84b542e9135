import { Suspense, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { groupView } from '../phaseViews';

/**
 * The participant's view of the group phase: themes forming live, read-only. Its code is fetched on
 * demand, and one phase ahead (phaseViews.ts).
 */
export function GroupView({ board }: { readonly board: BoardState }) {
  const [ParticipantGroup] = useState(groupView.current);
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
