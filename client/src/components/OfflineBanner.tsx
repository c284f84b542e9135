import { useLayoutEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';
import './offlineBanner.css';

/** The CSS variable holding the banner's height in px (0 when hidden), for other sticky bars. */
const BANNER_HEIGHT = '--offline-banner-height';

/**
 * Says, in a band that stays at the top of the screen while the page scrolls, that my actions are
 * kept on this device and not yet with the workshop. The header's counter scrolls away; this does
 * not. It shows only while something waits and the connection is not up (a command in flight
 * online is answered within milliseconds and would only flicker).
 */
export function OfflineBanner() {
  const t = useT();
  const status = useBoardStore((s) => s.status);
  const pending = useBoardStore((s) => s.pendingActions);
  const isShown = pending > 0 && status !== 'online' && status !== 'closed';
  const slot = useRef<HTMLDivElement>(null);
  // Other sticky bars (the facilitator's top bar) sit below the banner instead of under it.
  useLayoutEffect(() => {
    const element = slot.current;
    if (!element) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty(BANNER_HEIGHT, `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.removeProperty(BANNER_HEIGHT);
    };
  }, []);
  return (
    <div ref={slot} className="offline-banner-slot" role="status">
      {isShown && (
        <p className="offline-banner">
          <strong>{t(status === 'offline' ? 'board.offline' : 'board.reconnecting')}</strong>{' '}
          {t('board.waiting', { count: pending })}
        </p>
      )}
    </div>
  );
}
