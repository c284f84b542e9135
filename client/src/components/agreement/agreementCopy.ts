import type { VersionRecord } from '../../../../shared/records/VersionRecord';

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });
const SHORT_DAY_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A calendar date (YYYY-MM-DD) as people read it: "Friday 12 June 2026". Calendar dates have no time zone. */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : DAY_FORMAT.format(parsed);
}

/** A moment as a day, e.g. "12 Jun 2026". */
export function formatShortDay(ms: number): string {
  return SHORT_DAY_FORMAT.format(new Date(ms));
}

/** "1 item" / "4 items". */
export function countAgreements(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}

/** Closed versions, oldest first. */
export function sortedVersions(versions: ReadonlyMap<string, VersionRecord>): VersionRecord[] {
  return [...versions.values()].sort((a, b) => a.number - b.number);
}

/** The seed's SMARTIE letters, in one line. */
export const SMARTIE_MEANING = 'SMARTIE: strategic, measurable, ambitious, realistic, time-bound, inclusive and equitable.';

/** The inclusion and equity check, in the seed's own questions (seed 002). */
export const EQUITY_QUESTION =
  'Could this have an unintended unequal impact along lines of race, gender, class, ability, access or power? How could we change it to avoid that, or to make equity and inclusion an intentional part of it?';
