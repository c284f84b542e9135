import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedThemedBoard } from './boardLookSeed';
import { chooseName } from './flows';
import { auditA11y, type E2E, startE2E } from './harness';

/** The widths the board is looked at: a phone, a tablet, a laptop, a projector. */
const LOOK_WIDTHS = [360, 768, 1280, 1920] as const;
/** Issue 15: a note's text holds at least this many characters per line on a 1280 px screen. */
const MIN_CHARS_PER_LINE_AT_1280 = 28;
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-artifacts/e2e';
const TEST_MS = 240_000;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** How far the page reaches past the window's right edge, in px (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** How many average characters (of the element's own font) fit on one line of the element. */
const charsPerLine = (text: Locator) =>
  text.evaluate((el) => {
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const sample = 'We keep meetings between eleven and one, and reply within a day';
    const average = context.measureText(sample).width / sample.length;
    return el.getBoundingClientRect().width / average;
  });

/** The stripe colour of each theme in the first question that has themes. */
const themeColors = (themes: Locator, property: 'borderTopColor' | 'borderLeftColor') =>
  themes.evaluateAll((els, p) => els.map((el) => getComputedStyle(el)[p as 'borderTopColor']), property);

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  for (const width of LOOK_WIDTHS) {
    await page.setViewportSize({ width, height: width < 700 ? 740 : 900 });
    expect(await overflow(page), `${name} at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-${width}.png`, style: '.toasts { display: none; }' });
  }
}

describe('the look of the board', () => {
  for (const total of [10, 60, 300]) {
    it(
      `${total} notes: sticky notes, a colour per theme, wide enough lines, no overflow, axe clean in light and dark`,
      async () => {
        const seeded = await seedThemedBoard(e2e.url, total);
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await e2e.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
          const f = await context.newPage();
          await f.goto(seeded.facilitatorUrl);
          const firstLane = f.locator('.lane').first();
          await firstLane.locator('.gtheme').first().waitFor();
          const present = await context.newPage();
          await present.setViewportSize({ width: 1280, height: 900 });
          await present.goto(`${e2e.url}/b/${seeded.boardId}/present`);
          await present.locator('.tcard').first().waitFor();
          // The projector shows the notes of the question in the spotlight (the board keeps it for the dark pass).
          if (colorScheme === 'light') await firstLane.getByRole('button', { name: /^Spotlight/ }).click();
          await present.locator('.tnote__text').first().waitFor();
          const phoneContext = await e2e.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
          const phone = await phoneContext.newPage();
          await phone.goto(`${e2e.url}/j/${seeded.joinCode}`);
          await chooseName(phone, null);
          await phone.locator('.tcard').first().waitFor();

          // One colour per theme: the first lane's themes (up to eight) never share one.
          const laneColors = await themeColors(firstLane.locator('.gtheme'), 'borderTopColor');
          expect(new Set(laneColors.slice(0, 8)).size).toBe(Math.min(laneColors.length, 8));
          const watched = await themeColors(
            phone.locator('.tlist').first().locator('.tcard:not(.tcard--ungrouped)'),
            'borderLeftColor',
          );
          expect(watched.slice(0, 8)).toEqual(laneColors.slice(0, 8));

          // Readable lines at 1280 px, on the board, on phones' laptops and on the projector.
          const texts = {
            facilitator: firstLane.locator('.gnote__text').first(),
            participant: phone.locator('.tnote__text').first(),
            present: present.locator('.tnote__text').first(),
          };
          for (const [view, text] of Object.entries(texts)) {
            expect(await charsPerLine(text), view).toBeGreaterThanOrEqual(MIN_CHARS_PER_LINE_AT_1280);
          }
          // The ⋯ menu is there for the keyboard, hidden for a pointer that is elsewhere.
          const menu = firstLane.locator('.gnote__menu').first();
          expect(await menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
          await firstLane.locator('.gnote__handle').first().focus();
          expect(await menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
          await f.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

          for (const page of [f, phone, present]) expect(await auditA11y(page)).toEqual([]);
          await shoot(f, `look-${total}-${colorScheme}-facilitator`);
          await shoot(phone, `look-${total}-${colorScheme}-participant`);
          await shoot(present, `look-${total}-${colorScheme}-present`);
          await context.close();
          await phoneContext.close();
        }
      },
      TEST_MS,
    );
  }
});
