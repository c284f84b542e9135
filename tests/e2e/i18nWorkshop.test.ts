import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES } from '../../client/src/i18n/locales';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { createWorkshop, nextPhase, promptRegion } from './flows';
import { nameTheme } from './groupDrag';
import { auditSettled, type E2E, literally, PHONE, screenshot, startE2E } from './harness';

/**
 * Issue #14's end-to-end check: a whole workshop as three participants on 360 px phones see it,
 * whose browsers speak Spanish, Arabic (right to left) and German (long words), while the
 * facilitator works in English. At every phase each participant's page is in their language (no
 * English sentence from the catalogs on it), fits the phone, and axe finds nothing serious.
 */

const TEST_MS = 240_000;
const STEP_MS = 30_000;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: STEP_MS });

type Catalog = Readonly<Record<string, string>>;
const LOCALES_DIR = path.resolve(import.meta.dirname, '../../client/src/i18n/locales');
const catalog = (locale: string): Catalog => JSON.parse(readFileSync(path.join(LOCALES_DIR, `${locale}.json`), 'utf8'));
const ENGLISH = catalog('en');

/** The key of the English message `text` (there must be exactly one). */
function keyOf(text: string): string {
  const keys = Object.keys(ENGLISH).filter((key) => ENGLISH[key] === text);
  if (keys.length === 0) throw new Error(`no catalog message says “${text}”: is that text converted?`);
  return keys[0] as string;
}

/**
 * What a person reading `locale` sees where English says `english`: the message found by its
 * English text, with simple `{name}` placeholders filled (no plurals: those are checked elsewhere).
 */
function say(locale: string, english: string, values: Readonly<Record<string, string>> = {}): string {
  const template = catalog(locale)[keyOf(english)];
  if (template === undefined) throw new Error(`${locale} has no message for “${english}”`);
  if (/\{\w+,/.test(template)) throw new Error(`“${english}” is a plural or select message: check it another way`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/**
 * English sentences a reader of `locale` must never see: every catalog message without
 * placeholders, long enough to be a sentence or a label, that the language says differently.
 */
function englishOnlyIn(locale: string): string[] {
  const own = catalog(locale);
  return Object.entries(ENGLISH)
    .filter(([key, text]) => !text.includes('{') && text.length >= 10 && own[key] !== text)
    .map(([, text]) => text);
}

/**
 * Confirms closing a vote or a round. Two people are fewer than a result needs to stay anonymous,
 * so the facilitator is asked instead whether to show it anyway.
 */
async function confirmClosing(facilitator: Page, close: string): Promise<void> {
  const name = new RegExp(`^(${close}|Close and show the results)$`);
  await facilitator.getByRole('dialog').getByRole('button', { name }).click();
}

const MEETINGS = WORKING_AGREEMENT_QUESTIONNAIRE.prompts[1]?.text as string;
const THEME = 'Meeting hours';
const STATEMENT = 'We meet between 11 and 1';
/** What the English-speaking facilitator wrote on the board (never translated), longest first. */
const BOARD_CONTENT = [
  WORKING_AGREEMENT_QUESTIONNAIRE.title,
  WORKING_AGREEMENT_QUESTIONNAIRE.purpose,
  ...WORKING_AGREEMENT_QUESTIONNAIRE.prompts.flatMap((p) => [p.text, `${p.text.slice(0, 57).trimEnd()}…`]),
  THEME,
  STATEMENT,
  'Round 1',
  'Zwischen 11 und 13 Uhr',
  'Entre las 11 y la 1',
].sort((a, b) => b.length - a.length);

interface Reader {
  readonly locale: 'es' | 'ar' | 'de';
  readonly browserLocale: string;
  readonly page: Page;
  readonly meetings: string;
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * The Latin words on an Arabic page once the board's own English content and the language menu's
 * names (each language in itself: English, Español…) are taken out; null when there are none.
 */
function latinWords(text: string): RegExpMatchArray | null {
  const kept = [...BOARD_CONTENT, ...Object.values(LOCALE_NAMES)];
  return kept.reduce((rest, content) => rest.split(content).join(' '), text).match(/[A-Za-z]{2,}/g);
}

async function expectInTheirLanguage(reader: Reader, phase: string): Promise<void> {
  const { page, locale } = reader;
  expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({
    lang: locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
  });
  const text = await page.evaluate(() => document.body.innerText);
  const english = englishOnlyIn(locale).filter((sentence) => text.includes(sentence));
  expect(english, `${locale} participant in ${phase} sees English`).toEqual([]);
  if (locale === 'ar') {
    // Arabic is written in its own letters: once the board's own English content is taken out,
    // a Latin word left is an English sentence from somewhere (the server, a shared module).
    expect(latinWords(text), `ar participant in ${phase} sees Latin words`).toBeNull();
  }
  // German's and Arabic's long words included: nothing scrolls sideways on the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.evaluate(() => window.scrollTo(0, 0));
  const violations = await auditSettled(page);
  expect(violations, `${locale} in ${phase}: ${JSON.stringify(violations)}`).toEqual([]);
  await screenshot(page, `i18n-workshop-${phase}-${locale}-360`);
}

describe('a whole workshop in the participants’ languages (issue 14)', () => {
  it(
    'takes a Spanish, an Arabic and a German participant from the link to the agreement, each in their language',
    async () => {
      const facilitator = await (await e2e.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })).newPage();
      facilitator.setDefaultTimeout(STEP_MS);
      const { code, boardId } = await createWorkshop(facilitator, e2e.url, WORKING_AGREEMENT_QUESTIONNAIRE.name);

      const readers: Reader[] = [];
      for (const [locale, browserLocale, meetings] of [
        ['es', 'es-MX', 'Entre las 11 y la 1'],
        ['ar', 'ar-EG', 'بين الحادية عشرة والواحدة'],
        ['de', 'de-DE', 'Zwischen 11 und 13 Uhr'],
      ] as const) {
        const page = await (await e2e.newContext({ ...PHONE, locale: browserLocale })).newPage();
        page.setDefaultTimeout(STEP_MS);
        await page.goto(`${e2e.url}/j/${code}`);
        await page.getByRole('button', { name: new RegExp(`^${say(locale, 'Skip, stay nameless')}`) }).click();
        await page.locator('.guidance').waitFor();
        readers.push({ locale, browserLocale, page, meetings });
      }
      for (const reader of readers) await expectInTheirLanguage(reader, '1-join');

      // Reflect: each writes a note to the meeting-hours question, in their own words.
      await nextPhase(facilitator, 'Reflect');
      for (const { page, locale, meetings } of readers) {
        const region = promptRegion(page, MEETINGS);
        await region.getByLabel(say(locale, 'Your answer')).fill(meetings);
        await region.getByRole('button', { name: say(locale, 'Add note') }).click();
        await region.locator('.note', { hasText: meetings }).first().waitFor();
      }
      for (const reader of readers) await expectInTheirLanguage(reader, '2-reflect');

      // Share: the facilitator reveals the question; both notes reach both phones.
      await nextPhase(facilitator, 'Share');
      await facilitator.getByRole('button', { name: `Reveal notes for ‘${MEETINGS}’` }).click();
      // Two writers only: the facilitator is asked whether to reveal anyway (the notes could be told apart).
      await facilitator.getByRole('dialog').getByRole('button', { name: 'Reveal anyway' }).click();
      for (const { page } of readers) {
        // The author's own note may show twice for a moment (revealed, and still as theirs waiting).
        for (const { meetings } of readers)
          await promptRegion(page, MEETINGS).locator('.note', { hasText: meetings }).first().waitFor();
      }
      for (const reader of readers) await expectInTheirLanguage(reader, '3-share');

      // Group: the facilitator puts both notes in one theme, from the notes' menus.
      await nextPhase(facilitator, 'Group');
      const lane = promptRegion(facilitator, MEETINGS);
      const [first, ...others] = readers.map((r) => r.meetings) as [string, ...string[]];
      await lane.getByRole('button', { name: `Actions for ‘${first}’` }).click();
      await facilitator.getByRole('menuitem', { name: 'New theme…' }).click();
      await nameTheme(facilitator, THEME);
      for (const other of others) {
        await lane.getByRole('button', { name: `Actions for ‘${other}’` }).click();
        await facilitator.getByRole('menuitem', { name: new RegExp(`^‘${THEME}’`) }).click();
      }
      for (const { page } of readers) {
        await poll(() => promptRegion(page, MEETINGS).locator(`.tcard[data-theme-name="${THEME}"] .tnote__text`).count()).toBe(3);
      }
      for (const reader of readers) await expectInTheirLanguage(reader, '4-group');

      // Vote: each puts dots on the theme with the button their language names.
      await nextPhase(facilitator, 'Vote');
      await facilitator.getByRole('button', { name: 'Start the vote' }).click();
      for (const { page, locale } of readers) {
        // The theme's name is quoted with the language's own quotation marks.
        const [before, after] = say(locale, 'Add a dot to {item}').split('{item}') as [string, string];
        const add = page.getByRole('button', { name: new RegExp(`^${literally(before)}.${THEME}.${literally(after)}$`) });
        for (let i = 0; i < 3; i++) await add.click();
      }
      await poll(() => facilitator.locator('.voter-count').textContent()).toMatch(/^3 of \d+ /);
      for (const reader of readers) await expectInTheirLanguage(reader, '5-vote');
      await facilitator.getByRole('button', { name: 'Close the vote…' }).click();
      await confirmClosing(facilitator, 'Close the vote');
      for (const { page } of readers) await page.locator('.ranking__item', { hasText: THEME }).first().waitFor();
      for (const reader of readers) await expectInTheirLanguage(reader, '6-results');

      // Decide: a consensus round; each answers in their language.
      await facilitator.getByRole('button', { name: 'Next: Decide' }).click();
      const theme = facilitator.getByRole('article', { name: THEME });
      await theme.getByRole('button', { name: `Propose an agreement: ‘${THEME}’` }).click();
      await theme.getByLabel('Proposed agreement').fill(STATEMENT);
      await theme.getByRole('button', { name: 'Open the round' }).click();
      for (const { page, locale } of readers) {
        await page.getByRole('heading', { name: STATEMENT, exact: true }).waitFor();
        await page.getByRole('radio', { name: new RegExp(`^${say(locale, 'Agree')}`) }).check();
        await page.getByRole('button', { name: say(locale, 'Send my answer') }).click();
        await page.locator('.response-form__saved').waitFor();
      }
      for (const reader of readers) await expectInTheirLanguage(reader, '7-decide');
      await poll(() => theme.locator('.voter-count').getAttribute('data-respondent-count')).toBe('3');
      await theme.getByRole('button', { name: 'Close the round…' }).click();
      await confirmClosing(facilitator, 'Close the round');

      // Agreement: the statement is locked on both phones, under their language's heading.
      for (const { page, locale } of readers) {
        await page
          .getByRole('region', { name: say(locale, 'Our agreement') })
          .locator('.agreement__item', { hasText: STATEMENT })
          .waitFor();
      }
      for (const reader of readers) await expectInTheirLanguage(reader, '8-agreement');
      // The Arabic page is mirrored: its phase guidance starts at the right edge.
      const ar = readers.find((r) => r.locale === 'ar')?.page as Page;
      const guidance = await ar.locator('.guidance').boundingBox();
      const main = await ar.locator('main').boundingBox();
      expect(guidance && main && Math.abs(guidance.x + guidance.width - (main.x + main.width)) < 40).toBe(true);

      // The projector's view, with the facilitator's browser switched to Arabic: its own words too.
      await facilitator.evaluate(() => localStorage.setItem('accord:locale', 'ar'));
      const present = await facilitator.context().newPage();
      await present.goto(`${e2e.url}/b/${boardId}/present`);
      await present.locator('.present__main').waitFor();
      await poll(() => present.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await present.locator('.present__main', { hasText: STATEMENT }).waitFor();
      expect(latinWords(await present.evaluate(() => document.body.innerText)), 'the present view in Arabic').toBeNull();
      expect(await auditSettled(present)).toEqual([]);
      await screenshot(present, 'i18n-workshop-9-present-ar-1280');
    },
    TEST_MS,
  );
});
