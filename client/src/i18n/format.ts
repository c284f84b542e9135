import type { Locale } from './locales';

/**
 * Dates and numbers in the person's locale, on the browser's Intl. Messages take the formatted
 * text as a placeholder (`{when}`), never a raw Date: the catalogs stay plain ICU, without
 * `{d, date}` styles to keep in step across six languages.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatDate(locale: Locale, date: Date | number, options: Intl.DateTimeFormatOptions = {}): string {
  const id = `${locale}:${JSON.stringify(options)}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(id, format);
  }
  return format.format(date);
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  const id = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(id, format);
  }
  return format.format(value);
}
