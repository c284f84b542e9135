import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/i18n';

export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** The button that changes nothing, when "Cancel" undersells it (e.g. "Wait for more people"). */
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
}

/**
 * A modal question with the platform's <dialog>: it traps focus, closes on Escape and gives focus
 * back to the button that opened it.
 */
export function ConfirmDialog({ request, onClose }: { readonly request: ConfirmRequest | null; readonly onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={messageId} onClose={onClose}>
      {request && (
        <form method="dialog">
          <h2 id={titleId} className="dialog__title">
            {request.title}
          </h2>
          <p id={messageId}>{request.message}</p>
          <div className="actions actions--end">
            <button type="submit" className="button" value="cancel">
              {request.cancelLabel ?? t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                request.onConfirm();
                onClose();
              }}
            >
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
