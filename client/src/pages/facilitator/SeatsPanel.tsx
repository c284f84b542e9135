import { useRef } from 'react';
import type { SeatView } from '../../../../shared/protocol';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/i18n';
import { announce } from '../../store/toastStore';
import { type Person, useBoardStore } from '../../store/boardStore';
import { removeSeat } from '../../sync/facilitationCommands';
import { useConfirm } from './useConfirm';

/** A connected seat as the panel lists it: the name its presence shows, if any. */
interface SeatRow {
  readonly seatId: string;
  readonly name: string;
  /** Connected, but not shown as here (choosing a name, or the page hidden for a while). */
  readonly isAway: boolean;
  /** A facilitator's own seat: listed, never removed. */
  readonly isFacilitator: boolean;
  /** This browser's seat. */
  readonly isMe: boolean;
}

/** Joins the server's seats with the names presence carries (names travel only in presence). */
function seatRows(connected: readonly SeatView[], people: readonly Person[], lastNames: Map<string, string>): SeatRow[] {
  const byClient = new Map(people.map((p) => [p.clientId, p]));
  const rows = connected.map((seat) => ({
    seatId: seat.seatId,
    // Someone away shows no presence, so no name: the name they showed last stands in.
    name:
      seat.clientIds.map((id) => byClient.get(id)?.name ?? '').find((name) => name !== '') ?? lastNames.get(seat.seatId) ?? '',
    isAway: seat.clientIds.length === 0,
    isFacilitator: seat.isFacilitator,
    isMe: seat.clientIds.some((id) => byClient.get(id)?.isMe === true),
  }));
  // Named people first, by name; nothing here follows the order in which they joined.
  return rows.sort((a, b) => ((a.name === '') !== (b.name === '') ? (a.name === '' ? 1 : -1) : a.name.localeCompare(b.name)));
}

/**
 * Who holds a seat on the board: how many seats there are, who is connected now, and a way to
 * remove a seat that is not a person taking part (a second device, a stranger, a script). Nothing
 * here says what anyone wrote, voted or answered.
 */
export function SeatsPanel({ isRosterShown }: { readonly isRosterShown: boolean }) {
  const t = useT();
  const seats = useBoardStore((s) => s.seats);
  const people = useBoardStore((s) => s.people);
  // Offline, the last list heard from the server is stale: who is connected is unknown until it is back.
  const isOnline = useBoardStore((s) => s.status === 'online');
  const confirm = useConfirm();
  // Names seen while the roster is shown, kept in this page only; forgotten when it is hidden.
  const lastNames = useRef(new Map<string, string>());
  if (!isRosterShown) lastNames.current.clear();
  if (seats === null) return null;
  const rows = seatRows(seats.connected, people, lastNames.current);
  for (const row of rows) if (row.name !== '') lastNames.current.set(row.seatId, row.name);

  const askToRemove = (row: SeatRow) => {
    const isNameless = row.name === '';
    const name = { name: row.name };
    confirm.ask({
      title: isNameless ? t('facilitator.seats.removeTitle') : t('facilitator.seats.removeTitleNamed', name),
      message: isNameless ? t('facilitator.seats.removeMessage') : t('facilitator.seats.removeMessageNamed', name),
      confirmLabel: t('facilitator.seats.removeConfirm'),
      onConfirm: () => {
        // A refusal is announced by the session, like every other.
        void removeSeat(row.seatId).then((result) => {
          if (result.ok) announce(isNameless ? t('facilitator.seats.removed') : t('facilitator.seats.removedNamed', name));
        });
      },
    });
  };

  return (
    <details className="panel seats">
      <summary className="panel__summary">
        {isOnline
          ? t('facilitator.seats.summary', { seats: seats.total, connected: rows.length })
          : t('facilitator.seats.summaryOffline', { seats: seats.total })}
      </summary>
      <div className="panel__body">
        <p className="hint">{t('facilitator.seats.explain')}</p>
        {!isRosterShown && rows.length > 0 && <p className="hint">{t('facilitator.seats.namesHidden')}</p>}
        {!isOnline ? (
          <p>{t('facilitator.seats.offline')}</p>
        ) : rows.length === 0 ? (
          <p>{t('facilitator.seats.nobody')}</p>
        ) : (
          <ul className="seats__list" aria-label={t('facilitator.seats.listLabel', { count: rows.length })}>
            {rows.map((row) => (
              <li key={row.seatId} className="seats__row">
                <span className="seats__name">
                  {row.isMe ? (
                    t('facilitator.seats.you')
                  ) : row.name === '' ? (
                    <span className="hint">{t('facilitator.seats.nameless')}</span>
                  ) : (
                    row.name
                  )}
                  {row.isFacilitator && <span className="hint"> · {t('facilitator.seats.facilitatorTag')}</span>}
                  {row.isAway && <span className="hint"> · {t('facilitator.seats.awayTag')}</span>}
                </span>
                {!row.isFacilitator && (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={
                      row.name === ''
                        ? t('facilitator.seats.removeNameless')
                        : t('facilitator.seats.removeNamed', { name: row.name })
                    }
                    onClick={() => askToRemove(row)}
                  >
                    {t('facilitator.seats.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog request={confirm.request} onClose={confirm.close} />
    </details>
  );
}
