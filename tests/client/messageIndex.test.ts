import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, partOf } from '../../scripts/i18n/catalogPlugin';
import { indexMessageKeys, messageOrder } from '../../scripts/i18n/messageIndex';

const catalogOf = (locale: string) => JSON.parse(readFileSync(`${LOCALES_DIR}${locale}.json`, 'utf8')) as Record<string, string>;
const english = catalogOf('en');
const order = messageOrder(english, partOf);
const indexOf = (key: string) => order.indexOf.get(key) as number;

type Part = readonly (string | ((values: Record<string, string | number>) => string) | undefined)[];
const say = (message: Part[number], values: Record<string, string | number> = {}) =>
  typeof message === 'function' ? message(values) : message;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('message keys as indexes (scripts/i18n/messageIndex.ts)', () => {
  it('numbers the board part first, then the later part, then the pages part', () => {
    expect(order.keys.length).toBe(Object.keys(english).length);
    const { board, later, pages } = order.parts;
    expect([board.start, board.end, later.end, pages.end]).toEqual([0, later.start, pages.start, order.keys.length]);
    for (const part of ['board', 'later', 'pages'] as const) {
      const { start, end } = order.parts[part];
      expect(end).toBeGreaterThan(start);
      expect(order.keys.slice(start, end).every((key) => partOf(key) === part)).toBe(true);
    }
  });

  it('writes a key literal as its index, and leaves everything else alone', () => {
    const source = [
      "t('join.heading');",
      'translate("join.codeNotOpened", { code });',
      "const KEYS = { a: 'home.lead' };",
      "import './join.css';",
      "const id = 'not.a.key';",
      '<p title="join.heading" />;',
    ].join('\n');
    expect(indexMessageKeys(source, order, 'x.tsx')?.split('\n')).toEqual([
      `t(${indexOf('join.heading')});`,
      `translate(${indexOf('join.codeNotOpened')}, { code });`,
      `const KEYS = { a: ${indexOf('home.lead')} };`,
      "import './join.css';",
      "const id = 'not.a.key';",
      '<p title="join.heading" />;',
    ]);
    expect(indexMessageKeys("const id = 'not.a.key';", order, 'x.ts')).toBeNull();
  });

  it('refuses a key built at run time', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
    expect(() => indexMessageKeys('t(`decisions.response.${problem}`);', order, 'x.tsx')).toThrow(/built at run time/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
    expect(() => indexMessageKeys('const k = `decisions.${x}` as MessageKey;', order, 'x.ts')).toThrow(/built at run time/);
    // A file name is not a key, even when it starts like one.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
    expect(indexMessageKeys('const name = fileNameOf(response, `agreement.${kind}`);', order, 'x.ts')).toBeNull();
  });

  it('compiles every client module (none builds a key at run time)', () => {
    const failures: string[] = [];
    for (const file of files('client/src')) {
      try {
        indexMessageKeys(readFileSync(file, 'utf8'), order, file);
      } catch (error) {
        failures.push(String(error));
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(['en', 'es', 'ar'])('%s: each part holds its messages at their keys’ indexes', async (locale) => {
    type Parts = [{ default: Part }, { default: Part }, { default: Part }];
    const loaders: Record<string, () => Promise<Parts>> = {
      en: () =>
        Promise.all([
          import('virtual:accord-messages/en/board'),
          import('virtual:accord-messages/en/later'),
          import('virtual:accord-messages/en/pages'),
        ]),
      es: () =>
        Promise.all([
          import('virtual:accord-messages/es/board'),
          import('virtual:accord-messages/es/later'),
          import('virtual:accord-messages/es/pages'),
        ]),
      ar: () =>
        Promise.all([
          import('virtual:accord-messages/ar/board'),
          import('virtual:accord-messages/ar/later'),
          import('virtual:accord-messages/ar/pages'),
        ]),
    };
    const [board, later, pages] = await (loaders[locale] as () => Promise<Parts>)();
    expect(board.default.length).toBe(order.parts.board.end);
    expect(later.default.length).toBe(order.parts.later.end - order.parts.later.start);
    const all = board.default.concat(later.default, pages.default);
    expect(all.length).toBe(order.keys.length);
    const source = catalogOf(locale);
    expect(say(all[indexOf('join.heading')])).toBe(source['join.heading']);
    expect(say(all[indexOf('agreement.title')])).toBe(source['agreement.title']);
    expect(say(all[indexOf('home.lead')])).toBe(source['home.lead']);
    expect(source['home.lead']).toBeDefined();
    expect(say(all[indexOf('join.codeNotOpened')], { code: 'K7PQ' })).toContain('K7PQ');
  });
});
