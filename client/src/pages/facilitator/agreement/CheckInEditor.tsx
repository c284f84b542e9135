import { type FormEvent, useEffect, useId, useState } from 'react';
import { formatDay } from '../../../components/agreement/agreementCopy';
import { announce } from '../../../store/toastStore';
import { setCheckIn } from '../../../sync/versionCommands';

/** Today as YYYY-MM-DD in this browser's time zone: the earliest sensible check-in. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The facilitator sets (or clears) the date the group checks in on its agreement (seed 000, step 4). */
export function CheckInEditor({ checkInDate }: { readonly checkInDate: string | null }) {
  const [date, setDate] = useState(checkInDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const ids = { date: useId(), hint: useId(), error: useId() };

  // A co-facilitator's change shows up here.
  useEffect(() => setDate(checkInDate ?? ''), [checkInDate]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (date === '') {
      setError('Choose a date first, or use “Clear the date”.');
      return;
    }
    setError(null);
    const result = await setCheckIn(date);
    if (result.ok) announce(`Check-in date set: ${formatDay(date)}. Everyone sees it with the agreement.`);
    else setError(result.message);
  };

  const clear = async () => {
    const result = await setCheckIn(null);
    if (result.ok) announce('Check-in date cleared.');
  };

  return (
    <form className="check-in-form" onSubmit={save} noValidate>
      <div className="field">
        <label htmlFor={ids.date}>Check-in date</label>
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
        Save the date
      </button>
      {checkInDate !== null && (
        <button type="button" className="button button--quiet" onClick={clear}>
          Clear the date
        </button>
      )}
      <p id={ids.hint} className="hint">
        Needs change: pick a day to ask the group whether the agreement still works. It is shown on the board and on the read-only
        page, and can be added to calendars.
      </p>
      <p id={ids.error} className="form__error">
        {error}
      </p>
    </form>
  );
}
