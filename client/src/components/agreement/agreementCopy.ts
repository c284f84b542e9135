import type { VersionRecord } from '../../../../shared/records/VersionRecord';
import { formatDate } from '../../i18n/format';
import { currentLocale, translate } from '../../i18n/i18n';

/** A calendar date (YYYY-MM-DD) as people read it: "Friday 12 June 2026". Calendar dates have no time zone. */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : formatDate(currentLocale(), parsed, { dateStyle: 'full', timeZone: 'UTC' });
}

/** A moment as a day, e.g. "12 Jun 2026". */
export function formatShortDay(ms: number): string {
  return formatDate(currentLocale(), ms, { dateStyle: 'medium' });
}

/** "1 item" / "4 items". */
export function countAgreements(count: number): string {
  return translate('agreement.items', { count });
}

/** Closed versions, oldest first. */
export function sortedVersions(versions: ReadonlyMap<string, VersionRecord>): VersionRecord[] {
  return [...versions.values()].sort((a, b) => a.number - b.number);
}
