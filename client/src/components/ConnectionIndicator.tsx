import { useBoardStore } from '../store/boardStore';
import type { ConnectionStatus } from '../sync/BoardConnection';

const LABELS: Readonly<Record<ConnectionStatus, string>> = {
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  closed: 'Disconnected',
};

function waiting(count: number): string {
  return count === 1 ? '1 action waiting' : `${count} actions waiting`;
}

/** Whether the board is live, and how many of my actions wait to be sent. */
export function ConnectionIndicator() {
  const status = useBoardStore((s) => s.status);
  const pending = useBoardStore((s) => s.pendingActions);
  return (
    <output className={`connection connection--${status}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span>{LABELS[status]}</span>
      {pending > 0 && <span className="connection__pending">{waiting(pending)}</span>}
    </output>
  );
}
