import { matchRoute, usePathname } from '../router';
import { useToastStore } from '../store/toastStore';

/**
 * Pages whose header holds the messages ({@link HeaderToasts}): the board pages, where a message
 * floating over the page would cover cards and take the drag meant for one (issue #12, item 5).
 * The projector shows none at all.
 */
const PAGES_WITH_HEADER_MESSAGES = new Set(['participant', 'facilitator', 'present']);

function ToastList({ isInHeader }: { readonly isInHeader: boolean }) {
  const toasts = useToastStore((s) => s.toasts);
  if (isInHeader && toasts.length === 0) return null;
  return (
    <div className={isInHeader ? 'toasts toasts--header' : 'toasts'} aria-hidden="true">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`}>
          <span className="toast__text">{toast.text}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * The latest message, on one line over the title of a board page's header: a place the board
 * never is, since cards scroll beneath the sticky header. It lets every click through.
 */
export function HeaderToasts() {
  return <ToastList isInHeader />;
}

/**
 * The page's one polite live region, and on pages without a board the toasts that show some of
 * what it says. Screen readers hear every message; the screen shows grouped, rate-limited toasts
 * (toastStore.ts) that go away by themselves.
 */
export function Toasts() {
  const spoken = useToastStore((s) => s.spoken);
  const route = matchRoute(usePathname());
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" aria-relevant="additions text" data-live-region>
        {spoken.map((message) => (
          <p key={message.id}>{message.text}</p>
        ))}
      </div>
      {!PAGES_WITH_HEADER_MESSAGES.has(route.name) && <ToastList isInHeader={false} />}
    </>
  );
}
