import { type Content, parse, type Select, type Token } from '@messageformat/parser';

/**
 * Turns one language's catalog (a flat JSON object of ICU MessageFormat strings) into the source of
 * an ES module whose default export maps each key to a string (no placeholders) or to a function of
 * the message's values. Parsing happens here, at build time, so the browser never loads an ICU
 * parser: the only runtime is client/src/i18n/messageRuntime.ts (plural rules and number formats,
 * both from the browser's own Intl). docs/i18n.md explains why.
 */
export function compileCatalog(locale: string, messages: Readonly<Record<string, string>>, runtimePath: string): string {
  const entries = Object.entries(messages).map(([key, message]) => `  ${JSON.stringify(key)}: ${compileMessage(message)},`);
  return [...header(locale, runtimePath), 'export default {', ...entries, '};', ''].join('\n');
}

/**
 * The same, as an array in the order of `keys` (scripts/i18n/messageIndex.ts): what the browser
 * gets, since client code asks for a message by its index, not its key. A key the language lacks
 * is a hole, which falls back to English.
 */
export function compileCatalogArray(
  locale: string,
  messages: Readonly<Record<string, string>>,
  keys: readonly string[],
  runtimePath: string,
): string {
  // One element a line and a trailing comma each: a hole at the end still counts in the length.
  const entries = keys.map((key) => {
    const message = messages[key];
    return `  ${message === undefined ? '' : compileMessage(message)},`;
  });
  return [...header(locale, runtimePath), 'export default [', ...entries, '];', ''].join('\n');
}

function header(locale: string, runtimePath: string): string[] {
  return [`import { arg, plural, select } from ${JSON.stringify(runtimePath)};`, `const L = ${JSON.stringify(locale)};`];
}

/** A message as a JS expression: a string literal when it has no placeholder, else an arrow function of `v`. */
export function compileMessage(message: string): string {
  const tokens = parse(message);
  if (tokens.every((t) => t.type === 'content')) return JSON.stringify((tokens as Content[]).map((t) => t.value).join(''));
  return `(v) => ${join(tokens, null)}`;
}

/** The names of a message's placeholders, plural and select arguments, sorted: every language must use the same. */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      if (t.type === 'argument' || t.type === 'function') names.add(t.arg);
      if (t.type === 'plural' || t.type === 'select' || t.type === 'selectordinal') {
        names.add(t.arg);
        for (const c of t.cases) visit(c.tokens);
      }
    }
  };
  visit(parse(message));
  return [...names].sort();
}

/** `n` names the number a `#` stands for inside a plural case; null outside one. */
function join(tokens: readonly Token[], n: string | null): string {
  if (tokens.length === 0) return '""';
  return tokens.map((t) => expression(t, n)).join(' + ');
}

function expression(token: Token, n: string | null): string {
  switch (token.type) {
    case 'content':
      return JSON.stringify(token.value);
    case 'argument':
      return `arg(L, v[${JSON.stringify(token.arg)}])`;
    case 'octothorpe':
      if (n === null) throw new Error('# outside a plural');
      return `arg(L, ${n})`;
    case 'plural':
    case 'selectordinal':
      return pluralExpression(token);
    case 'select':
      return `select(v[${JSON.stringify(token.arg)}], { ${cases(token, n, '')} })`;
    case 'function':
      throw new Error(
        `{${token.arg}, ${token.key}} is not supported: format dates and numbers with client/src/i18n/format.ts and pass the text`,
      );
  }
}

function pluralExpression(token: Select): string {
  const offset = token.pluralOffset ?? 0;
  const isOrdinal = token.type === 'selectordinal';
  return `plural(L, v[${JSON.stringify(token.arg)}], ${offset}, ${isOrdinal}, { ${cases(token, 'n', 'n')} })`;
}

/** A select's cases take nothing and close over the enclosing plural's `n`; a plural's cases take their own `n`. */
function cases(token: Select, n: string | null, parameter: string): string {
  if (!token.cases.some((c) => c.key === 'other')) throw new Error(`{${token.arg}, ${token.type}} has no "other" case`);
  return token.cases.map((c) => `${JSON.stringify(c.key)}: (${parameter}) => ${join(c.tokens, n)}`).join(', ');
}
