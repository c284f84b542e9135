import { useState } from 'react';
import type { BoardState } from '../../../../shared/domain/state';
import { exportCheckInIcs } from '../../../../shared/exports/icsExport';
import { useT } from '../../i18n/i18n';
import { announce } from '../../store/toastStore';
import { EMPHASIS_MARK } from '../decisions/Emphasized';
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
  const t = useT();
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
      announce(t('agreement.checkIn.downloaded'));
    } catch (error) {
      announce(error instanceof DownloadError ? error.message : t('agreement.checkIn.failed'), 'error');
    } finally {
      setIsBusy(false);
    }
  };

  // The date is bold wherever the language puts it in the sentence.
  const [before = '', after = ''] = t('agreement.checkIn.line', { date: EMPHASIS_MARK }).split(EMPHASIS_MARK);
  return (
    <div className="check-in">
      <p className="check-in__line">
        <span className="check-in__label">{t('agreement.checkIn.label')}</span> {before}
        <strong data-check-in={date}>{formatDay(date)}</strong>
        {after}
      </p>
      <button type="button" className="button button--small" aria-disabled={isBusy} onClick={() => !isBusy && addToCalendar()}>
        {t('agreement.checkIn.add')}
        <span className="visually-hidden"> {t('agreement.checkIn.addHint')}</span>
      </button>
    </div>
  );
}
