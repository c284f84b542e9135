import { useToastStore } from '../store/toastStore';

/**
 * The page's one polite live region, and the toasts that show some of what it says. Screen
 * readers hear every message; the screen shows grouped, rate-limited toasts (toastStore.ts) that
 * let every click and drag through to the board beneath and go away by themselves.
 */
export function Toasts() {
  const spoken = useToastStore((s) => s.spoken);
  const toasts = useToastStore((s) => s.toasts);
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" aria-relevant="additions text" data-live-region>
        {spoken.map((message) => (
          <p key={message.id}>{message.text}</p>
        ))}
      </div>
      <div className="toasts" aria-hidden="true">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span className="toast__text">{toast.text}</span>
          </div>
        ))}
      </div>
    </>
  );
}
