import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptRegion } from './flows';
import { mouseDrag } from './groupDrag';
import { asFacilitator, type SeededBoard, type SeedNote, seedGroupBoard } from './groupSeed';
import { auditSettled, type E2E, poll, screenshot, startE2E } from './harness';

/** The widths the facilitator's group and vote stages are checked at: a phone and a laptop. */
const WIDTHS = [360, 1280] as const;
/** Each test seeds a board, then walks two stages at two widths in one browser. */
const TEST_MS = 120_000;

/** Notes of the first prompt (a question to agree on), with German long words among them. */
const NOTES: readonly (readonly SeedNote[])[] = [
  [
    ['Kinderbetreuungsverpflichtungen am Nachmittag', 'need'],
    ['Besprechungen nur zwischen 11 und 13 Uhr', null],
    ['Rückmeldungen schriftlich', null],
    ['Arbeitszeitflexibilisierung', 'need'],
  ],
];

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** The facilitator's board as someone whose browser prefers `locale` sees it, `width` pixels wide. */
async function openAsFacilitator(seeded: SeededBoard, locale: string, width: number): Promise<Page> {
  const context = await e2e.newContext({ locale, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(seeded.facilitatorUrl);
  return page;
}

const hasNoSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const documentDirection = (page: Page) => page.evaluate(() => document.documentElement.dir);
const poolCount = (lane: Locator) => lane.locator('.gungrouped .gnote').count();

/** Looks at the page at each width: nothing scrolls sideways, axe finds nothing serious, a screenshot is kept. */
async function checkAtWidths(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await ready();
    expect(await hasNoSidewaysScroll(page), `${name} at ${width} px scrolls sideways`).toBe(true);
    expect(await auditSettled(page), `${name} at ${width} px`).toEqual([]);
    await screenshot(page, `${name}-${width}`);
  }
}

describe('the facilitator’s group and vote stages in the browser’s language (issue 14)', () => {
  it(
    'speaks German: long words wrap at 360 px, the vote starts from a translated form, axe clean',
    async () => {
      const seeded = await seedGroupBoard(e2e.url, NOTES);
      const page = await openAsFacilitator(seeded, 'de-DE', 1280);
      const lane = promptRegion(page, seeded.promptTexts[0] as string);
      await lane.locator('.gnote').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      await page.getByRole('button', { name: 'Nur Bedürfnisse' }).waitFor();
      await page.getByRole('button', { name: 'Alle dürfen gruppieren' }).waitFor();
      await lane.getByRole('heading', { name: /^Ohne Thema \(4 Notizen\)$/ }).waitFor();
      await lane.getByText(/^4 Notizen · 2 Bedürfnisse · 0 Themen · \d Personen haben geschrieben$/).waitFor();
      // A theme named with a long German word, made from a note's ⋯ menu.
      await lane.locator('.gnote', { hasText: 'Kinderbetreuungs' }).locator('.gnote__menu').click();
      await page.getByRole('menuitem', { name: 'Neues Thema…' }).click();
      const name = page.getByRole('dialog').getByLabel('Name des Themas (1 Notiz kommt hinein)');
      await name.fill('Kinderbetreuungsverpflichtungen');
      await name.press('Enter');
      await lane.getByRole('button', { name: 'Zusammenführen „Kinderbetreuungsverpflichtungen“ in…' }).waitFor();
      await lane.getByText('1 Notiz · 1 Bedürfnis', { exact: true }).waitFor();
      await checkAtWidths(page, 'i18n-facilitator-group-de', () => lane.locator('.gnote').first().waitFor());

      await asFacilitator(e2e.url, seeded, [{ type: 'setPhase', phase: 'vote' }]);
      await page.getByRole('heading', { name: 'Eine Abstimmung starten' }).waitFor();
      expect(await page.getByLabel('Name der Abstimmung').inputValue()).toBe('Runde 1');
      await checkAtWidths(page, 'i18n-facilitator-vote-form-de', () =>
        page.getByRole('heading', { name: 'Worüber die Gruppe abstimmen kann' }).waitFor(),
      );
      await page.getByRole('button', { name: 'Abstimmung starten' }).click();
      await page.getByRole('button', { name: 'Abstimmung schließen…' }).waitFor();
      await page
        .getByText(/^\d+ Punkte? pro Person, höchstens \d+ auf einem Eintrag · 4 Einträge · du stimmst nicht ab$/)
        .waitFor();
      await checkAtWidths(page, 'i18n-facilitator-vote-open-de', () =>
        page.getByRole('heading', { name: 'Worüber die Gruppe abstimmt' }).waitFor(),
      );
      await page.getByRole('button', { name: 'Abstimmung schließen…' }).click();
      await page.getByRole('dialog').getByText('Runde 1 schließen?').waitFor();
      await page
        .getByRole('dialog')
        .getByText('Noch hat niemand abgestimmt. Wenn du jetzt schließt, endet die Abstimmung ohne Punkte.')
        .waitFor();
      await page.context().close();
    },
    TEST_MS,
  );

  it(
    'speaks Arabic right to left: notes grouped with the keyboard (Left is forward) and the menu, the vote form mirrored, axe clean',
    async () => {
      const seeded = await seedGroupBoard(e2e.url, NOTES);
      const page = await openAsFacilitator(seeded, 'ar', 1280);
      const lane = promptRegion(page, seeded.promptTexts[0] as string);
      await lane.locator('.gnote').first().waitFor();
      expect(await documentDirection(page)).toBe('rtl');
      await page.getByRole('button', { name: 'الحاجات فقط' }).waitFor();
      await lane.getByRole('heading', { name: /^ليست في محور/ }).waitFor();
      const live = lane.locator('[id^="DndLiveRegion"]');
      const say = (pattern: RegExp) => poll(() => live.textContent()).toMatch(pattern);
      const pool = lane.locator('.gungrouped .gnote');
      /** Space on the first note in no theme; dnd-kit's keyboard sensor listens from a later task, as a person would wait. */
      const pickUp = async () => {
        await pool.first().locator('.gnote__handle').focus();
        await page.keyboard.press('Space');
        await say(/^التقطت الملاحظة/);
        await page.waitForTimeout(120);
      };

      // A keyboard drag: Space, Down onto the next note in no theme, Space, then name the new theme.
      await pickUp();
      await page.keyboard.press('ArrowDown');
      await say(/^فوق الملاحظة .* في «ليست في محور»: أفلت لبدء محور جديد بالاثنتين\.$/);
      await page.keyboard.press('Space');
      const dialog = page.getByRole('dialog');
      const name = dialog.getByLabel('اسم المحور (تدخله ملاحظتان)');
      await name.fill('رعاية');
      await name.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await poll(() => poolCount(lane)).toBe(2);

      // The Move to menu of a note: its theme entry, in Arabic quotes.
      await pool.first().locator('.gnote__menu').click();
      await page.getByRole('menuitem', { name: /^«رعاية»/ }).click();
      await poll(() => poolCount(lane)).toBe(1);

      // Right to left the themes lie to the left: Right goes back to New theme, Left forward to the notes in no theme, then round to the first theme.
      await pickUp();
      await page.keyboard.press('ArrowRight');
      await say(/^فوق «محور جديد»: أفلت لبدء محور جديد\.$/);
      await page.keyboard.press('ArrowLeft');
      await say(/^فوق «ليست في محور»: إنها ليست في محور أصلًا، فالإفلات هنا لا يغيّر شيئًا\.$/);
      await page.keyboard.press('ArrowLeft');
      await say(/^فوق المحور «رعاية»: أفلت لإضافتها في النهاية\.$/);
      await page.keyboard.press('Space');
      await poll(() => poolCount(lane)).toBe(0);
      await lane.getByText(/^[4٤] ملاحظات · حاجتان$/).waitFor();
      await page.getByRole('button', { name: /^تراجع: نقل الملاحظة «.+» إلى «رعاية»$/ }).waitFor();
      // A pointer drag, right to left: a note of the theme dropped on New theme starts a second one.
      await mouseDrag(page, lane.locator('.gtheme .gnote__handle').first(), lane.locator('.gnew'));
      const naming = page.getByRole('dialog').getByRole('textbox');
      await naming.fill('وقت');
      await naming.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await poll(() => lane.locator('.gtheme').count()).toBe(2);
      await checkAtWidths(page, 'i18n-facilitator-group-ar', () => lane.locator('.gtheme').first().waitFor());

      await asFacilitator(e2e.url, seeded, [{ type: 'setPhase', phase: 'vote' }]);
      const heading = page.getByRole('heading', { name: 'بدء تصويت' });
      await heading.waitFor();
      // Mirrored: the form's heading starts at the right edge of its panel.
      const [title, panel] = [await heading.boundingBox(), await page.locator('.vote-form').boundingBox()];
      expect(title && panel && Math.abs(title.x + title.width - (panel.x + panel.width)) < 40).toBe(true);
      await checkAtWidths(page, 'i18n-facilitator-vote-form-ar', () => heading.waitFor());
      await page.getByRole('button', { name: 'بدء التصويت' }).click();
      await page.getByRole('button', { name: 'إغلاق التصويت…' }).waitFor();
      await checkAtWidths(page, 'i18n-facilitator-vote-open-ar', () =>
        page.getByRole('heading', { name: 'ما يصوّت عليه الفريق' }).waitFor(),
      );
      await page.context().close();
    },
    TEST_MS,
  );
});
