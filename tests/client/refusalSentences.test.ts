import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REFUSAL_KEYS, refusalSentence } from '../../client/src/i18n/errors';
import { activateLocale, loadPageMessages } from '../../client/src/i18n/i18n';
import { LOCALES } from '../../client/src/i18n/locales';
import rawEnglish from '../../client/src/i18n/locales/en.json';
import { prepareRefusals, refusalText } from '../../client/src/i18n/refusalText';
import { partOf } from '../../scripts/i18n/catalogPlugin';
import { placeholdersOf } from '../../scripts/i18n/compileCatalog';
import { messageOrder } from '../../scripts/i18n/messageIndex';
import { REFUSAL_IDS, REFUSALS, type RefusalId, refusalMessage } from '../../shared/domain/refusals';
import { compiled, say } from './compiledCatalogs';

/** Client code's keys are indexes once built (scripts/i18n/messageIndex.ts): back to the key. */
const order = messageOrder(rawEnglish, partOf);
const keyOf = (id: RefusalId): string => order.keys[REFUSAL_KEYS[id] as unknown as number] ?? `(no key for ${id})`;
const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);

/** Placeholders that are counts, limits or a version: the rest are words. */
const NUMBERS = new Set(['version', 'max', 'dots', 'minutes', 'notes', 'min', 'more', 'voters', 'respondents', 'kib']);
const WORDS: Readonly<Record<string, string>> = { phase: 'group', from: 'vote', to: 'setup', label: 'Round 2' };

/** Values for a refusal's English message: each placeholder of its catalog message, a count set to `n`. */
function sample(source: string, n: number): Record<string, string | number> {
  return Object.fromEntries(placeholdersOf(source).map((name) => [name, NUMBERS.has(name) ? n : (WORDS[name] ?? `the ${name}`)]));
}

describe('every refusal is said in every language', () => {
  it('has one catalog key per refusal id, and no key for an id that is gone', () => {
    expect(Object.keys(REFUSAL_KEYS).sort()).toEqual([...REFUSAL_IDS].sort());
    expect(new Set(Object.values(REFUSAL_KEYS)).size).toBe(REFUSAL_IDS.length);
    for (const id of REFUSAL_IDS) expect([`error.${id}`, `facilitator.error.${id}`]).toContain(keyOf(id));
  });

  it.each(LOCALES)('%s has a message for every refusal id', async (locale) => {
    const catalog = await compiled(locale);
    const missing = REFUSAL_IDS.filter((id) => catalog[keyOf(id)] === undefined);
    expect(missing).toEqual([]);
  });

  it('English’s catalog says exactly what the server sends, for one and for several', async () => {
    const english = await compiled('en');
    for (const id of REFUSAL_IDS) {
      const source = (rawEnglish as Record<string, string>)[keyOf(id)] ?? '';
      // A sentence without values is a plain string on both sides.
      expect(typeof REFUSALS[id] === 'string', id).toBe(placeholdersOf(source).length === 0);
      for (const n of [1, 2, 7]) {
        const values = sample(source, n);
        const sent = (refusalMessage as (reason: RefusalId, values?: object) => string)(id, values);
        expect(say(english, keyOf(id), values), `${id} with ${n}`).toBe(sent);
      }
    }
  });

  it('keeps what a participant can be refused in the board part, which a participant’s first load has', () => {
    const participants: RefusalId[] = [
      'notAllowed',
      'workshopClosed',
      'wrongPhase',
      'removedFromWorkshop',
      'tooManyNotesPerPerson',
      'draftNotEditable',
      'draftNotDeletable',
      'noteNotShown',
      'voteClosed',
      'dotsUsedUp',
      'tooManyDotsOnItem',
      'noDotOnItem',
      'notRespondent',
      'blockNeedsReason',
      'joinCodeUnknown',
      'joinTooManyWrongCodes',
      'joinServerBusy',
      'exportNotClosed',
    ];
    expect(participants.filter((id) => partOf(keyOf(id)) === 'pages')).toEqual([]);
  });
});

describe('refusalSentence', () => {
  beforeAll(() => {
    // activateLocale marks <html>; this much of a page is all it needs here.
    vi.stubGlobal('document', { documentElement: { lang: 'en', dir: 'ltr' } });
  });
  afterAll(async () => {
    await activateLocale('en');
    vi.unstubAllGlobals();
  });

  const dots = (n: number) => ({ message: `You have used all ${n} of your dots.`, reason: 'dotsUsedUp', values: { dots: n } });

  it('says a participant’s refusal in Spanish and in Arabic (with Arabic digits and plural forms)', async () => {
    expect(refusalSentence(dots(3))).toBe('You have used all 3 of your dots.');
    // English needs nothing more: the server's own sentence is said.
    expect(refusalText(dots(3))).toBe('You have used all 3 of your dots.');
    await activateLocale('es');
    // Choosing Spanish fetches the refusals' table and words (the catalogs' `later` part).
    await prepareRefusals('es');
    expect(refusalText(dots(3))).toBe('Ya has usado tus 3 puntos.');
    expect(refusalSentence(dots(3))).toBe('Ya has usado tus 3 puntos.');
    expect(refusalSentence(dots(1))).toBe('Ya has usado tu único punto.');
    expect(refusalSentence({ message: 'x', reason: 'joinTooManyWrongCodes', values: { minutes: 1 } })).toMatch(
      /^Se han probado demasiados códigos incorrectos desde tu red\. Espera un minuto, /,
    );
    await activateLocale('ar');
    expect(refusalSentence(dots(3))).toBe(`لقد استخدمت نقاطك الـ${arabic(3)} كلها.`);
    expect(refusalSentence(dots(2))).toBe('لقد استخدمت نقطتيك كلتيهما.');
    expect(refusalSentence({ message: 'x', reason: 'tooManyNotesPerPerson', values: { max: 20 } })).toBe(
      `يمكنك أن تكتب ${arabic(20)} ملاحظةً على الأكثر لسؤال واحد.`,
    );
  });

  it('says a facilitator’s refusal once the pages’ words are loaded, and the server’s English before', async () => {
    await activateLocale('es');
    const small = { message: 'Only 2 people have voted: …', reason: 'smallVote', values: { voters: 2 } };
    expect(refusalSentence(small)).toBe(small.message);
    await loadPageMessages();
    expect(refusalSentence(small)).toBe(
      'Solo han votado 2 personas: cada una podría deducir de los resultados dónde puso sus puntos la otra.',
    );
    expect(refusalSentence({ message: 'x', reason: 'phaseJump', values: { from: 'vote', to: 'setup' } })).toBe(
      'No puedes pasar directamente de «Votar» a «Preparar».',
    );
  });

  it('falls back to the server’s English for a reason it does not know, and ignores values it cannot show', async () => {
    await activateLocale('es');
    expect(refusalSentence({ message: 'A newer refusal.', reason: 'fromTheFuture' })).toBe('A newer refusal.');
    expect(refusalSentence({ message: 'An older server.' })).toBe('An older server.');
    expect(refusalSentence({ message: 'x', reason: 'toString' })).toBe('x');
    expect(refusalSentence({ message: 'x', reason: 'voteClosed', values: { evil: { toString: 1 } } })).toBe(
      'Esta votación está cerrada.',
    );
  });
});
