import { Suspense, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { useT } from '../../../i18n/i18n';
import { groupView } from '../phaseViews';

/**
 * The participant's view of the group phase: themes forming live, read-only. Its code is fetched on
 * demand, and one phase ahead (phaseViews.ts).
 */
export function GroupView({ board }: { readonly board: BoardState }) {
  const t = useT();
  const [ParticipantGroup] = useState(groupView.current);
  return (
    <Suspense
      fallback={
        <p className="notice" aria-busy="true">
          {t('participant.loading')}
        </p>
      }
    >
      <ParticipantGroup board={board} />
    </Suspense>
  );
}
