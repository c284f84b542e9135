import { type FormEvent, useEffect, useId, useState } from 'react';
import { formatDate } from '../../../i18n/format';
import { useLocale, useT } from '../../../i18n/i18n';
import { announce } from '../../../store/toastStore';
import { setCheckIn } from '../../../sync/versionCommands';

/** Today as YYYY-MM-DD in this browser's time zone: the earliest sensible check-in. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A calendar date (YYYY-MM-DD) in words, e.g. "Friday, June 12, 2026". Calendar dates have no time zone. */
const DAY_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeZone: 'UTC' };

/** The facilitator sets (or clears) the date the group checks in on its agreement (seed 000, step 4). */
export function CheckInEditor({ checkInDate }: { readonly checkInDate: string | null }) {
  const t = useT();
  const locale = useLocale();
  const [date, setDate] = useState(checkInDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const ids = { date: useId(), hint: useId(), error: useId() };

  // A co-facilitator's change shows up here.
  useEffect(() => setDate(checkInDate ?? ''), [checkInDate]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (date === '') {
      setError(t('facilitator.agreement.checkIn.noDate'));
      return;
    }
    setError(null);
    const result = await setCheckIn(date);
    if (result.ok) announce(t('facilitator.agreement.checkIn.set', { day: dayInWords(date) }));
    else setError(result.message);
  };

  const dayInWords = (day: string) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? day : formatDate(locale, parsed, DAY_OPTIONS);
  };

  const clear = async () => {
    const result = await setCheckIn(null);
    if (result.ok) announce(t('facilitator.agreement.checkIn.cleared'));
  };

  return (
    <form className="check-in-form" onSubmit={save} noValidate>
      <div className="field">
        <label htmlFor={ids.date}>{t('facilitator.agreement.checkIn.label')}</label>
        <input
          id={ids.date}
          className="input input--date"
          type="date"
          min={today()}
          value={date}
          aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ''}`}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={date === (checkInDate ?? '')}>
        {t('facilitator.agreement.checkIn.save')}
      </button>
      {checkInDate !== null && (
        <button type="button" className="button button--quiet" onClick={clear}>
          {t('facilitator.agreement.checkIn.clear')}
        </button>
      )}
      <p id={ids.hint} className="hint">
        {t('facilitator.agreement.checkIn.hint')}
      </p>
      <p id={ids.error} className="form__error">
        {error}
      </p>
    </form>
  );
}
