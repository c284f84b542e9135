import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../client/src/i18n/locales/de.json';
import en from '../../client/src/i18n/locales/en.json';
import { sortedPrompts } from '../../shared/domain/state';
import { DE } from '../../shared/i18n/content/de';
import { ES } from '../../shared/i18n/content/es';
import { FR } from '../../shared/i18n/content/fr';
import type { ContentText } from '../../shared/i18n/content/types';
import type { Phase } from '../../shared/phases';
import { auditSettled, type E2E, PHONE, poll, screenshot, startE2E } from './harness';
import { openSeedClients, type SeedClients } from './seedClients';

type Catalog = Readonly<Record<keyof typeof en, string>>;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Every content language, as both selects list them: value, `lang`, and the name in itself. */
const LANGUAGE_OPTIONS = [
  ['en', 'en', 'English'],
  ['es', 'es', 'Español'],
  ['fr', 'fr', 'Français'],
  ['de', 'de', 'Deutsch'],
  ['pt-BR', 'pt-BR', 'Português (Brasil)'],
  ['ar', 'ar', 'العربية'],
];

async function optionsOf(select: Locator): Promise<string[][]> {
  return select
    .locator('option')
    .evaluateAll((options) => (options as HTMLOptionElement[]).map((o) => [o.value, o.lang, o.textContent ?? '']));
}

/** Nothing reaches past either edge of the window: the page does not scroll sideways. */
async function expectNoSidewaysOverflow(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where}: the page scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
}

async function check(page: Page, name: string): Promise<void> {
  await expectNoSidewaysOverflow(page, name);
  expect(await auditSettled(page), name).toEqual([]);
  await screenshot(page, name);
}

/** Starts the workshop from the home page; resolves with seed clients on the board it opened. */
async function startWorkshop(page: Page, catalog: Catalog): Promise<SeedClients> {
  await page.getByRole('button', { name: catalog['start.submit'], exact: true }).click();
  await page.waitForURL(/\/b\/[^/]+\/facilitate$/);
  const boardId = /\/b\/([^/]+)\/facilitate/.exec(page.url())?.[1] ?? '';
  const facilitatorKey = await page.evaluate((id) => localStorage.getItem(`accord:fkey:${id}`), boardId);
  const joinCode = await page.locator('[data-join-code]').getAttribute('data-join-code');
  if (!facilitatorKey || !joinCode) throw new Error('no facilitator key or join code in this browser');
  return openSeedClients(e2e.url, { boardId, facilitatorKey, joinCode }, 0);
}

/** The board holds the built-in template's words in `content`'s language, and records it. */
function expectTemplateIn(seed: SeedClients, content: ContentText, language: string): void {
  const board = seed.board();
  const template = content.templates['working-agreement'];
  expect(board.meta.contentLanguage).toBe(language);
  expect(board.meta.title).toBe(template.title);
  expect(board.meta.purpose).toBe(template.purpose);
  expect(sortedPrompts(board).map((p) => p.text)).toEqual([...template.prompts]);
}

async function toAgreement(seed: SeedClients): Promise<void> {
  for (const phase of ['reflect', 'share', 'group', 'vote', 'decide', 'agreement'] satisfies Phase[]) {
    await seed.send(seed.facilitator, { type: 'setPhase', phase, confirm: true });
  }
}

/** Clicks a download button; the file's text, and the address it was fetched from. */
async function download(page: Page, scope: Locator, button: string): Promise<{ text: string; url: string }> {
  const [request, file] = await Promise.all([
    page.waitForRequest((r) => /\/api\/boards\/[^/]+\/(export\.\w+|checkin\.ics)/.test(r.url())),
    page.waitForEvent('download'),
    scope.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { text: await readFile(await file.path(), 'utf8'), url: request.url() };
}

describe('the workshop’s language on the start page and in the exports (issue 14)', () => {
  it('a German facilitator starts a German board and downloads its files in French, at 360 px', async () => {
    const page = await (await e2e.newContext({ ...PHONE, locale: 'de-DE' })).newPage();
    await page.goto(`${e2e.url}/`);

    // The workshop's language defaults to the interface's, and the templates are shown in it.
    const language = page.getByLabel(de['start.languageLabel'], { exact: true });
    expect(await language.inputValue()).toBe('de');
    expect(await optionsOf(language)).toEqual(LANGUAGE_OPTIONS);
    const name = page.locator('.choice__name', { hasText: DE.templates['working-agreement'].name });
    await name.waitFor();
    expect(await name.getAttribute('lang')).toBe('de');
    expect(await page.getByLabel(de['start.titleLabel']).getAttribute('placeholder')).toBe(
      DE.templates['working-agreement'].title,
    );
    await check(page, 'i18n-start-de-360');

    // The board's prompts are the German template's.
    const seed = await startWorkshop(page, de);
    expectTemplateIn(seed, DE, 'de');
    await poll(() => page.locator('h1').textContent()).toBe(DE.templates['working-agreement'].title);
    await page.getByRole('region', { name: DE.templates['working-agreement'].prompts[0], exact: true }).waitFor();

    // The agreement stage, with a check-in date so that the calendar file is offered.
    await toAgreement(seed);
    seed.close();
    await page.getByLabel(de['facilitator.agreement.checkIn.label'], { exact: true }).fill('2027-06-12');
    await page.getByRole('button', { name: de['facilitator.agreement.checkIn.save'], exact: true }).click();
    await page.locator('[data-check-in="2027-06-12"]').first().waitFor();
    const exports = page.getByRole('region', { name: de['agreement.export.title'], exact: true });
    const filesLanguage = exports.getByLabel(de['agreement.export.languageLabel'], { exact: true });
    expect(await filesLanguage.inputValue()).toBe('de');
    expect(await optionsOf(filesLanguage)).toEqual(LANGUAGE_OPTIONS);
    await exports.scrollIntoViewIfNeeded();
    await check(page, 'i18n-export-de-360');

    // In the board's language until another is chosen: German headings.
    const german = await download(page, exports, de['agreement.export.downloadMd']);
    expect(new URL(german.url).search).toBe('?lang=de');
    expect(german.text).toContain(`## ${DE.exports.agreementHeading}\n`);

    // French files for a French-speaking group: headings, columns and the calendar event.
    await filesLanguage.selectOption('fr');
    const markdown = await download(page, exports, de['agreement.export.downloadMd']);
    expect(new URL(markdown.url).searchParams.getAll('lang')).toEqual(['fr']);
    expect(markdown.text).toContain(`## ${FR.exports.agreementHeading}\n`);
    expect(markdown.text).toContain(FR.exports.nothingAgreed);
    expect(markdown.text).not.toContain(DE.exports.agreementHeading);
    // The board's own words stay German.
    expect(markdown.text).toContain(`# ${DE.templates['working-agreement'].title}\n`);
    const csv = await download(page, exports, de['agreement.export.downloadCsv']);
    expect(new URL(csv.url).searchParams.get('lang')).toBe('fr');
    // After the byte order mark that spreadsheets need to read UTF-8.
    expect(csv.text.split(/\r?\n/)[0]).toBe(`\ufeff${FR.exports.csvColumns.join(',')}`);
    const ics = await download(page, exports, de['agreement.export.downloadIcs']);
    expect(new URL(ics.url).searchParams.get('lang')).toBe('fr');
    expect(ics.text).toMatch(/^SUMMARY;LANGUAGE=fr:/m);
    // The board's own file is the board, in no language: no ?lang=.
    const json = await download(page, exports, de['agreement.export.downloadJson']);
    expect(new URL(json.url).search).toBe('');
    await page
      .locator('.toast__text')
      .getByText(de['agreement.export.downloaded'].replace('{name}', 'unsere-arbeitsvereinbarung-v1.json'))
      .waitFor();
    await page.context().close();
  }, 120_000);

  it('an English facilitator chooses Spanish: Spanish templates and board, whose files default to Spanish', async () => {
    const page = await (await e2e.newContext({ ...PHONE })).newPage();
    await page.goto(`${e2e.url}/`);
    const language = page.getByLabel(en['start.languageLabel'], { exact: true });
    expect(await language.inputValue()).toBe('en');
    await page.locator('.choice__name', { hasText: 'Working agreement questionnaire' }).waitFor();

    await language.selectOption('es');
    const name = page.locator('.choice__name', { hasText: ES.templates['working-agreement'].name });
    await name.waitFor();
    expect(await name.getAttribute('lang')).toBe('es');
    // The summary is Spanish, the count around it English (the reader's own language).
    const summary = page.locator('.choice__summary', { hasText: ES.templates['working-agreement'].summary });
    expect(await summary.textContent()).toBe(`${ES.templates['working-agreement'].summary} 7 questions.`);
    expect(await summary.locator('[lang="es"]').textContent()).toBe(ES.templates['working-agreement'].summary);
    await check(page, 'i18n-start-en-chooses-es-360');

    const seed = await startWorkshop(page, en);
    expectTemplateIn(seed, ES, 'es');
    await toAgreement(seed);
    seed.close();
    const exports = page.getByRole('region', { name: en['agreement.export.title'], exact: true });
    const filesLanguage = exports.getByLabel(en['agreement.export.languageLabel'], { exact: true });
    // The board's language, not the interface's.
    expect(await filesLanguage.inputValue()).toBe('es');
    const markdown = await download(page, exports, en['agreement.export.downloadMd']);
    expect(new URL(markdown.url).searchParams.get('lang')).toBe('es');
    expect(markdown.text).toContain(`## ${ES.exports.agreementHeading}\n`);
    // No check-in date: no calendar file to offer.
    expect(await exports.getByRole('button', { name: en['agreement.export.downloadIcs'] }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
