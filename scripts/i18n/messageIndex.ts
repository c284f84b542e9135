/**
 * Message keys become numbers at build time: the catalogs the browser loads are arrays, and
 * `t('join.heading')` in client code is compiled to `t(12)`, so neither the catalogs nor the
 * components ship the keys (docs/i18n.md). The source keeps the typed string keys.
 */

/** A key as docs/i18n.md spells it: `area.what`, camelCase segments. */
const KEY = /^[A-Za-z]\w*(?:\.\w+)+$/;

/** A key written as a string literal in client code (not an attribute value: `title="a.b"` is JSX, not a key). */
const KEY_LITERAL = /(?<![=\w\\])(['"])([A-Za-z]\w*(?:\.\w+)+)\1/g;

/**
 * A key built at run time, which no index can stand for: a template literal handed to `t` or
 * `translate` (`` t(`decisions.response.${x}`) ``), or cast to a key (`` `…${x}` as MessageKey ``).
 */
const KEY_TEMPLATE = /\b(?:t|translate)\(\s*(`[^`]*`)|(`[^`]*`)\s+as\s+MessageKey\b/;

/**
 * The parts a catalog is compiled in, in index order: `board` (what a link opens, in the
 * participant's first load), `later` (the participant's lazily loaded views: grouping, votes,
 * decisions, the agreement) and `pages` (the lazily loaded pages: home, start, facilitator…).
 * A part is only ever loaded after the ones before it, so the parts loaded so far always make one
 * array from index 0.
 */
export const CATALOG_PARTS = ['board', 'later', 'pages'] as const;
export type CatalogPart = (typeof CATALOG_PARTS)[number];

export interface MessageOrder {
  /** Every key, in index order: the `board` part's first, then the `later` part's, then the `pages` part's. */
  readonly keys: readonly string[];
  /** Where each part's keys are in `keys`: from `start` up to (not including) `end`. */
  readonly parts: Readonly<Record<CatalogPart, { readonly start: number; readonly end: number }>>;
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * The index of every key of the English catalog, part after part (CATALOG_PARTS), so that a part
 * loaded later is appended to those before it: one array, one index per key, in every language.
 */
export function messageOrder(english: Readonly<Record<string, string>>, partOf: (key: string) => CatalogPart): MessageOrder {
  const all = Object.keys(english);
  const wrong = all.filter((key) => !KEY.test(key));
  if (wrong.length > 0) throw new Error(`message keys must look like area.what: ${wrong.join(', ')}`);
  const keys: string[] = [];
  const parts = {} as Record<CatalogPart, { start: number; end: number }>;
  for (const part of CATALOG_PARTS) {
    const start = keys.length;
    keys.push(...all.filter((key) => partOf(key) === part));
    parts[part] = { start, end: keys.length };
  }
  return { keys, parts, indexOf: new Map(keys.map((key, i) => [key, i])) };
}

/**
 * Replaces every string literal that is a message key by its index. Returns null when the source
 * holds no key. Throws on a key built from a template literal, which would reach the browser as a
 * string that no catalog knows: map the cases to whole keys instead (`Record<Problem, MessageKey>`).
 */
export function indexMessageKeys(source: string, order: MessageOrder, file: string): string | null {
  const built = KEY_TEMPLATE.exec(source);
  if (built) throw new Error(`${file}: a message key built at run time (${built[1] ?? built[2]}) cannot be compiled to an index`);
  let isChanged = false;
  const indexed = source.replace(KEY_LITERAL, (literal, _quote: string, key: string) => {
    const index = order.indexOf.get(key);
    if (index === undefined) return literal;
    isChanged = true;
    return String(index);
  });
  return isChanged ? indexed : null;
}
