import type { ReactNode } from 'react';
import { useBoardStore } from '../store/boardStore';
import { OfflineBanner } from './OfflineBanner';

/** Shows why the board is not there yet (loading, closed for good), or the board. */
export function BoardGate({ children }: { readonly children: ReactNode }) {
  const hasBoard = useBoardStore((s) => s.board !== null);
  const status = useBoardStore((s) => s.status);
  const closeMessage = useBoardStore((s) => s.closeMessage);
  const isSeatRemoved = useBoardStore((s) => s.isSeatRemoved);
  const pending = useBoardStore((s) => s.pendingActions);
  const isOutdated = useBoardStore((s) => s.isOutdated);
  if (isOutdated && !hasBoard) {
    return (
      <main className="page page--narrow">
        <h1>This page is out of date</h1>
        <p>Accord was updated since this page was loaded. Reload it to open the workshop; nothing you did is lost.</p>
        <p>
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
      </main>
    );
  }
  if (status === 'closed') {
    return (
      <main className="page page--narrow">
        <h1>{isSeatRemoved ? 'You were removed from this workshop' : 'Cannot open this workshop'}</h1>
        <p>{closeMessage}</p>
        <p>{isSeatRemoved ? <a href="/j">Join again with the code</a> : <a href="/">Go to the Accord home page</a>}</p>
      </main>
    );
  }
  if (!hasBoard) {
    return (
      <main className="page page--narrow" aria-busy="true">
        <h1>Opening the workshop…</h1>
        <p>
          {status === 'offline' ? 'You are offline. The workshop opens when your connection is back.' : 'This takes a moment.'}
        </p>
        {pending > 0 && (
          <p>
            {pending === 1 ? 'Your unsent action is' : `Your ${pending} unsent actions are`} kept on this device and will be sent
            when the workshop opens.
          </p>
        )}
      </main>
    );
  }
  return (
    <>
      <OfflineBanner />
      {children}
    </>
  );
}
