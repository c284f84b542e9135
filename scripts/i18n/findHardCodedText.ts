import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds person-facing text written into a component instead of taken from a catalog: JSX text,
 * string literals shown through JSX (`{isBusy ? 'Joining…' : 'Join'}`), string values of the
 * attributes below, `document.title = '…'`, and strings handed to the calls below (error setters,
 * announcements, toasts). A string passed to any other call (`t('join.heading')`) is not looked at. tests/client/hardCodedText.test.ts runs it on the files already converted;
 * `node --import tsx scripts/i18n/findHardCodedText.ts client/src` counts what is left everywhere
 * (and, with findSentenceLiterals, in the `.ts` modules).
 */
export const PERSON_FACING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Calls whose first argument reaches a person: `setError('…')`, `announce('…')`, `showToast('…')`. */
export const PERSON_FACING_CALL = /^(announce\w*|set\w*(Error|Message|Status)|\w*[tT]oast\w*)$/;

export interface HardCodedText {
  readonly line: number;
  readonly text: string;
}

/** Words, in any script: text of punctuation, digits or spaces alone (`·`, `–`) is not translated. */
const HAS_LETTER = /\p{L}/u;

export function findHardCodedText(source: string, fileName = 'file.tsx'): HardCodedText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCodedText[] = [];
  const report = (node: ts.Node, text: string) => {
    if (HAS_LETTER.test(text))
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  // The literals an expression shows as they are: through conditionals, `&&`, `??`, `+` and templates, not into calls.
  const shown = (node: ts.Expression): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      report(node, node.head.text + node.templateSpans.map((s) => s.literal.text).join(' '));
    } else if (ts.isParenthesizedExpression(node)) shown(node.expression);
    else if (ts.isConditionalExpression(node)) {
      shown(node.whenTrue);
      shown(node.whenFalse);
    } else if (ts.isBinaryExpression(node)) {
      shown(node.left);
      shown(node.right);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) shown(node.expression);
    else if (ts.isJsxAttribute(node) && PERSON_FACING_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) shown(node.initializer.expression);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      node.left.getText(file) === 'document.title'
    ) {
      shown(node.right);
    } else if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
      // The text is the first argument; what follows is a tone or an option (`announce(text, 'error')`).
      const [text] = node.arguments;
      if (ts.isIdentifier(callee) && PERSON_FACING_CALL.test(callee.text) && text) shown(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * A sentence or a phrase for people: two words, and a capital first letter or a sentence's
 * punctuation or quotation marks (so `'button button--primary'` and keys like `'board.closed.full'`
 * are not one).
 */
const TWO_WORDS = /\p{L}[\p{L}’']*\s+\p{L}/u;
const BUILT_IN_ERRORS: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError']);
const SENTENCE_SHAPE = /^\s*\p{Lu}|[.?!…:,;‘’“”«»„،؟]/u;

/**
 * Finds sentences written into a `.ts` module (a helper's return value, an announcement, a table of
 * messages, a label): every string literal and template shaped like a sentence (TWO_WORDS,
 * SENTENCE_SHAPE), except a built-in `Error`'s message (said to developers; an error class of our
 * own, like `ApiError`, may carry a sentence for people) and `console` output.
 * Modules have no JSX to tell text from code, so this looks at every literal instead;
 * tests/client/hardCodedText.test.ts runs it on every client `.ts` module.
 */
export function findSentenceLiterals(source: string, fileName = 'file.ts'): HardCodedText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: HardCodedText[] = [];
  const isForDevelopers = (node: ts.Node): boolean =>
    (ts.isNewExpression(node) && BUILT_IN_ERRORS.has(node.expression.getText(file))) ||
    (ts.isCallExpression(node) && node.expression.getText(file).startsWith('console.'));
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || isForDevelopers(node)) return;
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => s.literal.text).join(' ');
    if (text !== null && TWO_WORDS.test(text) && SENTENCE_SHAPE.test(text))
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The client's modules without JSX (type declarations hold no text). */
export function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = process.argv[2] ?? 'client/src';
  let total = 0;
  for (const file of componentFiles(dir)) {
    const texts = findHardCodedText(readFileSync(file, 'utf8'), file);
    total += texts.length;
    if (texts.length > 0) console.log(`${String(texts.length).padStart(4)}  ${file}`);
  }
  console.log(`${total} hard-coded person-facing texts in ${dir}`);
  let sentences = 0;
  for (const file of moduleFiles(dir)) {
    const texts = findSentenceLiterals(readFileSync(file, 'utf8'), file);
    sentences += texts.length;
    if (texts.length > 0) console.log(`${String(texts.length).padStart(4)}  ${file}`);
  }
  console.log(`${sentences} sentence literals in ${dir}'s .ts modules`);
}
