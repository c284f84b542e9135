import { useRef } from 'react';
import type { SeatView } from '../../../../shared/protocol';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { countPeople } from '../../copy';
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

const seatsLine = (total: number) => (total === 1 ? '1 seat' : `${total} seats`);

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
    const who = row.name === '' ? 'this person' : row.name;
    confirm.ask({
      title: row.name === '' ? 'Remove this seat?' : `Remove ${row.name}’s seat?`,
      message: `The browser of ${who} is disconnected and must join again with the code to take part. Dots and answers it gave in rounds still open are withdrawn; notes stay on the board. Nobody is told what it wrote or chose.`,
      confirmLabel: 'Remove seat',
      onConfirm: () => {
        // A refusal is announced by the session, like every other.
        void removeSeat(row.seatId).then((result) => {
          if (result.ok) announce(row.name === '' ? 'Seat removed.' : `${row.name}’s seat was removed.`);
        });
      },
    });
  };

  return (
    <details className="panel seats">
      <summary className="panel__summary">
        People · {seatsLine(seats.total)}, {isOnline ? `${rows.length} connected` : 'connected: unknown while offline'}
      </summary>
      <div className="panel__body">
        <p className="hint">
          A seat is one browser that joined. Remove a seat that is not someone taking part: a second device, a stranger, a test.
          Removed seats stop counting in votes and quorums.
        </p>
        {!isRosterShown && rows.length > 0 && (
          <p className="hint">Names are hidden: turn on “Show the names of people here” in the settings to see who is who.</p>
        )}
        {!isOnline ? (
          <p>This browser is offline: who is connected shows again once it is back.</p>
        ) : rows.length === 0 ? (
          <p>Nobody is connected right now.</p>
        ) : (
          <ul className="seats__list" aria-label={`${countPeople(rows.length)} connected`}>
            {rows.map((row) => (
              <li key={row.seatId} className="seats__row">
                <span className="seats__name">
                  {row.isMe ? 'You' : row.name === '' ? <span className="hint">Without a name</span> : row.name}
                  {row.isFacilitator && <span className="hint"> · facilitator</span>}
                  {row.isAway && <span className="hint"> · away</span>}
                </span>
                {!row.isFacilitator && (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={row.name === '' ? 'Remove this seat without a name' : `Remove ${row.name}’s seat`}
                    onClick={() => askToRemove(row)}
                  >
                    Remove
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
