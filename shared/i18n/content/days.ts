/** A day as ISO `YYYY-MM-DD`, its UTC calendar day: English exports have always written dates so. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A function writing a day in `locale`'s long style (`11. März 2024`), as its UTC calendar day:
 * whoever downloads a file, wherever, reads the same date.
 */
export function longDay(locale: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (ms) => format.format(ms);
}
