/**
 * What compiled catalogs call at run time (scripts/i18n/compileCatalog.ts writes the calls): plural
 * categories and number formats come from the browser's own Intl, so no locale data is shipped.
 */
export type MessageValue = string | number;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string, isOrdinal: boolean): Intl.PluralRules {
  const id = `${locale}:${isOrdinal}`;
  let rules = pluralRules.get(id);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type: isOrdinal ? 'ordinal' : 'cardinal' });
    pluralRules.set(id, rules);
  }
  return rules;
}

/** A placeholder's text: numbers in the locale's digits and separators (ICU's rule for `{n}` and `#`). */
export function arg(locale: string, value: MessageValue | undefined): string {
  if (typeof value !== 'number') return value ?? '';
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** ICU `plural`/`selectordinal`: an exact `=N` case first, then the locale's category of value − offset. */
export function plural(
  locale: string,
  value: MessageValue | undefined,
  offset: number,
  isOrdinal: boolean,
  cases: Readonly<Record<string, (n: number) => string>>,
): string {
  const count = Number(value);
  const n = count - offset;
  const chosen = cases[`=${count}`] ?? cases[rulesFor(locale, isOrdinal).select(n)] ?? cases.other;
  return chosen ? chosen(n) : '';
}

/** ICU `select`: the case named by the value, else `other`. */
export function select(value: MessageValue | undefined, cases: Readonly<Record<string, () => string>>): string {
  const chosen = cases[String(value)] ?? cases.other;
  return chosen ? chosen() : '';
}
