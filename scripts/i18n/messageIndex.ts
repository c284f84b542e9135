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

export interface MessageOrder {
  /** Every key, in index order: the `board` part's first, then the `pages` part's. */
  readonly keys: readonly string[];
  /** How many keys the `board` part has: the `pages` part's indexes start there. */
  readonly boardCount: number;
  readonly indexOf: ReadonlyMap<string, number>;
}

/**
 * The index of every key of the English catalog. The `board` part's keys come first, so that the
 * `pages` part, loaded later, is appended to it: one array, one index per key, in every language.
 */
export function messageOrder(english: Readonly<Record<string, string>>, isPageKey: (key: string) => boolean): MessageOrder {
  const all = Object.keys(english);
  const wrong = all.filter((key) => !KEY.test(key));
  if (wrong.length > 0) throw new Error(`message keys must look like area.what: ${wrong.join(', ')}`);
  const board = all.filter((key) => !isPageKey(key));
  const keys = [...board, ...all.filter(isPageKey)];
  return { keys, boardCount: board.length, indexOf: new Map(keys.map((key, i) => [key, i])) };
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
