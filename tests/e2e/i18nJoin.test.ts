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

/** The join page as someone whose browser prefers `locale` sees it on a 360 px phone. */
async function openJoin(locale: string, stored: string | null = null): Promise<Page> {
  const context = await e2e.newContext({ locale, viewport: { width: 360, height: 740 } });
  if (stored !== null) await context.addInitScript((choice) => localStorage.setItem('accord:locale', choice), stored);
  const page = await context.newPage();
  await page.goto(`${e2e.url}/j`);
  return page;
}

async function documentLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('the join page in the browser’s language (issue 14)', () => {
  it('speaks Spanish to a Spanish browser, with its plurals, axe clean at 360 px', async () => {
    const page = await openJoin('es-ES');
    await page.getByRole('heading', { level: 1, name: 'Únete a un taller' }).waitFor();
    expect(await page.title()).toBe('Entrando a un taller · Accord');
    expect(await documentLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' });
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByText('Escribe el código que muestra quien facilita el taller.', { exact: true }).waitFor();
    await page.getByLabel('Código del taller').fill('K7PQ-2M4X');
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.getByText(/Escribiste 8 caracteres\.$/).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await auditA11y(page)).toEqual([]);
    await screenshot(page, 'i18n-join-es-360');
    await page.context().close();
  });

  it('speaks Arabic right to left, axe clean at 360 px', async () => {
    const page = await openJoin('ar-EG');
    await page.getByRole('heading', { level: 1, name: 'انضم إلى ورشة عمل' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByLabel('رمز الورشة').fill('K7PQ-2M4X-H');
    await page.getByRole('button', { name: 'انضم' }).click();
    await page.getByText(/وقد كتبت 9 خانات\.$/).waitFor();
    // Mirrored: the heading starts at the right edge of the page.
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(heading && main && Math.abs(heading.x + heading.width - (main.x + main.width)) < 40).toBe(true);
    await expectNoSidewaysScroll(page);
    expect(await auditA11y(page)).toEqual([]);
    await screenshot(page, 'i18n-join-ar-360');
    await page.context().close();
  });

  it('keeps a stored choice over the browser’s language, and English for a browser it cannot serve', async () => {
    const chosen = await openJoin('es-ES', 'de');
    await chosen.getByRole('heading', { level: 1, name: 'Einem Workshop beitreten' }).waitFor();
    expect(await documentLanguage(chosen)).toEqual({ lang: 'de', dir: 'ltr' });
    await expectNoSidewaysScroll(chosen);
    await chosen.context().close();

    const unserved = await openJoin('ja-JP');
    await unserved.getByRole('heading', { level: 1, name: 'Join a workshop' }).waitFor();
    expect(await documentLanguage(unserved)).toEqual({ lang: 'en', dir: '' });
    await unserved.context().close();
  });

  it('switches language from the menu at the foot of the page, at once, and keeps the choice on the next visit', async () => {
    const page = await openJoin('en-GB');
    await page.getByRole('heading', { level: 1, name: 'Join a workshop' }).waitFor();
    const menu = page.getByRole('combobox', { name: 'Language' });
    // Each language is listed in itself, marked with its own language for screen readers.
    expect(await menu.locator('option').allTextContents()).toEqual([
      'English',
      'Español',
      'Français',
      'Deutsch',
      'Português (Brasil)',
      'العربية',
    ]);
    expect(await menu.locator('option[value="ar"]').getAttribute('lang')).toBe('ar');
    await menu.selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'انضم إلى ورشة عمل' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    // Its own label follows the language.
    await page.getByRole('combobox', { name: 'اللغة' }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await auditA11y(page)).toEqual([]);
    await screenshot(page, 'i18n-language-menu-ar-360');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'انضم إلى ورشة عمل' }).waitFor();
    await page.getByRole('combobox', { name: 'اللغة' }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Únete a un taller' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' });
    await page.context().close();
  });
});
