import { dismissToast, useToastStore } from '../store/toastStore';

/**
 * The page's one polite live region: results, refusals and reveals are said here, after what
 * the person is reading, and shown for a few seconds.
 */
export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-relevant="additions text">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`}>
          <span className="toast__text">{toast.text}</span>
          <button type="button" className="toast__close" onClick={() => dismissToast(toast.id)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Dismiss message</span>
          </button>
        </div>
      ))}
    </div>
  );
}
