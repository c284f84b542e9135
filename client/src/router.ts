import { useSyncExternalStore } from 'react';
import { captureFacilitatorLink } from './facilitatorLink';

/** The pages of the client. A handful of paths do not need a router library (bundle budget). */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'join'; readonly code: string }
  | { readonly name: 'participant'; readonly boardId: string }
  | { readonly name: 'facilitator'; readonly boardId: string }
  | { readonly name: 'present'; readonly boardId: string }
  | { readonly name: 'reader'; readonly boardId: string }
  | { readonly name: 'notFound' };

const NAVIGATE_EVENT = 'accord:navigate';

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (/^\/j\/?$/.test(pathname)) return { name: 'join', code: '' };
  const join = /^\/j\/([^/]{1,32})\/?$/.exec(pathname);
  if (join) return { name: 'join', code: decodeURIComponent(join[1] as string) };
  const board = /^\/b\/([A-Za-z0-9_-]{1,64})(\/facilitate|\/present)?\/?$/.exec(pathname);
  if (board) {
    const name = board[2] === '/facilitate' ? 'facilitator' : board[2] === '/present' ? 'present' : 'participant';
    return { name, boardId: board[1] as string };
  }
  const reader = /^\/r\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (reader) return { name: 'reader', boardId: reader[1] as string };
  return { name: 'notFound' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path; re-renders on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** Goes to a path of this app (which may carry a fragment) without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  captureFacilitatorLink();
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
