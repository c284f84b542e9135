import { type MessageKey, useT } from '../i18n/i18n';
import { useBoardStore } from '../store/boardStore';
import type { ConnectionStatus } from '../sync/BoardConnection';

const LABEL_KEYS: Readonly<Record<ConnectionStatus, MessageKey>> = {
  connecting: 'connection.connecting',
  online: 'connection.online',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  closed: 'connection.closed',
};

/** Whether the board is live, and how many of my actions wait to be sent. */
export function ConnectionIndicator() {
  const t = useT();
  const status = useBoardStore((s) => s.status);
  const pending = useBoardStore((s) => s.pendingActions);
  return (
    <output className={`connection connection--${status}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span>{t(LABEL_KEYS[status])}</span>
      {pending > 0 && <span className="connection__pending">{t('connection.waiting', { count: pending })}</span>}
    </output>
  );
}
