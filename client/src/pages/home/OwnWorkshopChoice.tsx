import { useEffect, useId, useRef } from 'react';
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
  const first = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="notice own-workshop" aria-labelledby={titleId}>
      <p id={titleId} className="own-workshop__title">
        You run this workshop from this browser.
      </p>
      <p>Continue as its facilitator, or join it as a participant (for example to try what people see).</p>
      <div className="actions">
        <button ref={first} type="button" className="button button--primary" onClick={() => navigate(`/b/${boardId}/facilitate`)}>
          Continue as facilitator
        </button>
        <button type="button" className="button" onClick={() => navigate(`/b/${boardId}`)}>
          Join as a participant
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Type another code
          </button>
        )}
      </div>
    </section>
  );
}
