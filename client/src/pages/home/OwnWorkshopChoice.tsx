import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router';
import { facilitatorKeyFor } from '../../storage';
import './ownWorkshop.css';

/** True when this browser holds the board's facilitator key: its own code should not make it a participant unasked. */
export function isRunByThisBrowser(boardId: string): boolean {
  return facilitatorKeyFor(boardId) !== null;
}

/**
 * Asked when a facilitator types (or opens) the join code of a workshop they run from this
 * browser: joining would give them a participant seat, which is rarely what they meant.
 */
export function OwnWorkshopChoice({ boardId, onCancel }: { readonly boardId: string; readonly onCancel?: () => void }) {
  const t = useT();
  const first = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="notice own-workshop" aria-labelledby={titleId}>
      <p id={titleId} className="own-workshop__title">
        {t('ownWorkshop.title')}
      </p>
      <p>{t('ownWorkshop.explain')}</p>
      <div className="actions">
        <button ref={first} type="button" className="button button--primary" onClick={() => navigate(`/b/${boardId}/facilitate`)}>
          {t('ownWorkshop.continueAsFacilitator')}
        </button>
        <button type="button" className="button" onClick={() => navigate(`/b/${boardId}`)}>
          {t('ownWorkshop.joinAsParticipant')}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('ownWorkshop.typeAnotherCode')}
          </button>
        )}
      </div>
    </section>
  );
}
