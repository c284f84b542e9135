import { useBoardStore } from '../store/boardStore';
import './offlineBanner.css';

function waitingSentence(count: number): string {
  return count === 1
    ? '1 action waits on this device and will be sent when you are back online.'
    : `${count} actions wait on this device and will be sent when you are back online.`;
}

/**
 * Says, in a band that stays at the top of the screen while the page scrolls, that my actions are
 * kept on this device and not yet with the workshop. The header's counter scrolls away; this does
 * not. It shows only while something waits and the connection is not up (a command in flight
 * online is answered within milliseconds and would only flicker).
 */
export function OfflineBanner() {
  const status = useBoardStore((s) => s.status);
  const pending = useBoardStore((s) => s.pendingActions);
  const isShown = pending > 0 && status !== 'online' && status !== 'closed';
  return (
    <div className="offline-banner-slot" role="status">
      {isShown && (
        <p className="offline-banner">
          <strong>{status === 'offline' ? 'You are offline.' : 'Reconnecting…'}</strong> {waitingSentence(pending)}
        </p>
      )}
    </div>
  );
}
