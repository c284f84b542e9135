import { useState } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { exportCheckInIcs } from '../../../../shared/exports/icsExport';
import { announce } from '../../store/toastStore';
import { formatDay } from './agreementCopy';
import { DownloadError, downloadExport, saveFile } from './exportDownload';
import './agreement.css';

export interface CheckInLineProps {
  readonly board: BoardState;
  /** The facilitator or read-only key: the server makes the calendar file. Without one, this browser makes it. */
  readonly downloadKey: string | null;
}

/** "We check in on our agreement on Friday 12 June 2026", with a calendar file to keep the date. */
export function CheckInLine({ board, downloadKey }: CheckInLineProps) {
  const [isBusy, setIsBusy] = useState(false);
  const date = board.meta.checkInDate;
  if (date === null) return null;

  const addToCalendar = async () => {
    setIsBusy(true);
    try {
      if (downloadKey) await downloadExport(board.meta.id, downloadKey, 'ics');
      else {
        // Participants hold no key: the same shared function makes the same event here.
        const ics = exportCheckInIcs({
          boardId: board.meta.id,
          title: board.meta.title,
          checkInDate: date,
          link: `${location.origin}/b/${board.meta.id}`,
          now: new Date(),
        });
        saveFile(new Blob([ics], { type: 'text/calendar' }), 'check-in.ics');
      }
      announce('Calendar file downloaded: open it to add the check-in to your calendar.');
    } catch (error) {
      announce(error instanceof DownloadError ? error.message : 'The calendar file could not be made.', 'error');
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="check-in">
      <p className="check-in__line">
        <span className="check-in__label">Check-in</span> We check in on our agreement on{' '}
        <strong data-check-in={date}>{formatDay(date)}</strong>.
      </p>
      <button type="button" className="button button--small" aria-disabled={isBusy} onClick={() => !isBusy && addToCalendar()}>
        Add to calendar<span className="visually-hidden"> (downloads a calendar file)</span>
      </button>
    </div>
  );
}
