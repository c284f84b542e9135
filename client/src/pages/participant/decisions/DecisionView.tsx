import { Suspense, useState } from 'react';
import type { BoardState } from '../../../../../shared/domain/state';
import { useT } from '../../../i18n/i18n';
import { decisionView } from '../phaseViews';

/**
 * The participant's view of the decision phases: vote, decide, agreement and revisit. Its code is
 * fetched on demand, and one phase ahead (phaseViews.ts).
 */
export function DecisionView({ board }: { readonly board: BoardState }) {
  const t = useT();
  const [ParticipantDecisions] = useState(decisionView.current);
  return (
    <Suspense
      fallback={
        <p className="notice" aria-busy="true">
          {t('participant.loading')}
        </p>
      }
    >
      <ParticipantDecisions board={board} />
    </Suspense>
  );
}
