import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditA11y, type E2E, screenshot, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** The home page as someone whose browser prefers `locale` sees it on a 360 px phone. */
async function openHome(locale: string): Promise<Page> {
  const context = await e2e.newContext({ locale, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${e2e.url}/`);
  return page;
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('the home page in the browser’s language (issue 14)', () => {
  it.each([
    ['de-DE', 'de', 'Einen Workshop starten', 'Workshop starten', 'i18n-home-de-360'],
    ['ar-EG', 'ar', 'بدء ورشة', 'بدء الورشة', 'i18n-home-ar-360'],
  ])('%s: translated, no sideways scroll, axe clean at 360 px', async (locale, lang, heading, button, shot) => {
    const page = await openHome(locale);
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await page.getByRole('button', { name: button }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await expectNoSidewaysScroll(page);
    expect(await auditA11y(page)).toEqual([]);
    await screenshot(page, shot);
    await page.context().close();
  });
});
