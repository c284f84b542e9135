import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, negotiateLocale } from '../../client/src/i18n/locales';
import { LOCALES_DIR } from '../../scripts/i18n/catalogPlugin';
import { compileMessage, placeholdersOf } from '../../scripts/i18n/compileCatalog';
import { compiled, say } from './compiledCatalogs';

function catalogOf(locale: Locale): Record<string, string> {
  return JSON.parse(readFileSync(`${LOCALES_DIR}${locale}.json`, 'utf8')) as Record<string, string>;
}

const english = catalogOf('en');
const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);

describe('message catalogs: every language says everything English says, with the same placeholders', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const keys = Object.keys(catalogOf(locale));
    expect(
      Object.keys(english).filter((k) => !keys.includes(k)),
      'missing',
    ).toEqual([]);
    expect(
      keys.filter((k) => !(k in english)),
      'not in English',
    ).toEqual([]);
  });

  it.each(LOCALES)('every %s message compiles, with the placeholders of its English message', (locale) => {
    for (const [key, message] of Object.entries(catalogOf(locale))) {
      expect(() => compileMessage(message), `${locale} ${key}`).not.toThrow();
      expect(placeholdersOf(message), `${locale} ${key}`).toEqual(placeholdersOf(english[key] ?? ''));
      expect(message.trim(), `${locale} ${key} is empty`).not.toBe('');
    }
  });
});

describe('compileMessage: ICU MessageFormat to JS, checked by its failures too', () => {
  it.each([
    ['{n} notes', 'n'],
    ['{n, plural, one {# note} other {# notes}}', 'n'],
    ['{who, select, you {You} other {{who}}} voted', 'who'],
  ])('%j has placeholder %s', (message, name) => {
    expect(placeholdersOf(message)).toEqual([name]);
  });

  it.each([
    ['{n, plural, one {# note}}', /no "other" case/],
    ['{when, date, short}', /not supported/],
    ['{unclosed', /./],
  ])('%j is refused', (message, why) => {
    expect(() => compileMessage(message)).toThrow(why);
  });

  it('leaves a message without placeholders a plain string (no function in the bundle)', () => {
    expect(compileMessage('Join')).toBe('"Join"');
  });
});

describe('compiled catalogs at run time', () => {
  it('keeps English byte for byte, with numbers as English writes them', async () => {
    const en = await compiled('en');
    expect(say(en, 'join.codeNotOpened', { code: 'K7PQ-2M4X-H8RT' })).toBe(
      'We could not open the workshop with the code K7PQ-2M4X-H8RT.',
    );
    expect(say(en, 'join.problem.length', { length: 12, typed: 8 })).toBe(
      'A code has 12 letters and digits, like K7PQ-2M4X-H8RT. You typed 8.',
    );
  });

  it.each([
    ['es', 1, 'Escribiste 1 carácter.'],
    ['es', 8, 'Escribiste 8 caracteres.'],
    ['fr', 1, 'Vous avez saisi 1 caractère.'],
    ['pt-BR', 13, 'Você digitou 13 caracteres.'],
    // Arabic has six plural categories; its digits are whichever Intl gives `ar` (Latin since CLDR 44).
    ['ar', 1, 'وقد كتبت خانة واحدة.'],
    ['ar', 2, 'وقد كتبت خانتين.'],
    ['ar', 8, `وقد كتبت ${arabic(8)} خانات.`],
    ['ar', 13, `وقد كتبت ${arabic(13)} خانةً.`],
  ] as const)('%s plural: typed %i → …%s', async (locale, typed, ending) => {
    expect(say(await compiled(locale), 'join.problem.length', { length: 12, typed }).endsWith(ending)).toBe(true);
  });
});

describe('negotiateLocale: navigator.languages → one of the six', () => {
  it.each([
    [['es-MX', 'en'], 'es'],
    [['pt-PT'], 'pt-BR'],
    [['pt-br'], 'pt-BR'],
    [['ar-EG', 'fr'], 'ar'],
    [['nl-NL', 'de-AT'], 'de'],
    [['fr-CA'], 'fr'],
    [['ja', 'zh'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, locale) => {
    expect(negotiateLocale(preferred)).toBe(locale);
  });
});
