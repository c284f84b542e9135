import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';
import { OfflineBanner } from './OfflineBanner';

/** Shows why the board is not there yet (loading, closed for good), or the board. */
export function BoardGate({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const hasBoard = useBoardStore((s) => s.board !== null);
  const status = useBoardStore((s) => s.status);
  const closeMessage = useBoardStore((s) => s.closeMessage);
  const isSeatRemoved = useBoardStore((s) => s.isSeatRemoved);
  const pending = useBoardStore((s) => s.pendingActions);
  const isOutdated = useBoardStore((s) => s.isOutdated);
  if (isOutdated && !hasBoard) {
    return (
      <main className="page page--narrow">
        <h1>{t('board.outdated.heading')}</h1>
        <p>{t('board.outdated.explain')}</p>
        <p>
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            {t('board.outdated.reload')}
          </button>
        </p>
      </main>
    );
  }
  if (status === 'closed') {
    return (
      <main className="page page--narrow">
        <h1>{t(isSeatRemoved ? 'board.closed.removed' : 'board.closed.cannotOpen')}</h1>
        {closeMessage && <p>{t(closeMessage)}</p>}
        <p>{isSeatRemoved ? <a href="/j">{t('board.closed.joinAgain')}</a> : <a href="/">{t('notFound.homeLink')}</a>}</p>
      </main>
    );
  }
  if (!hasBoard) {
    return (
      <main className="page page--narrow" aria-busy="true">
        <h1>{t('board.opening.heading')}</h1>
        <p>{t(status === 'offline' ? 'board.opening.offline' : 'board.opening.moment')}</p>
        {pending > 0 && <p>{t('board.opening.pending', { count: pending })}</p>}
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
