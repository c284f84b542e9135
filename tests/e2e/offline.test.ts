import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { chooseName, createWorkshop, nextPhase, promptRegion, writeNote } from './flows';
import { auditA11y, type E2E, PHONE, screenshot, startE2E } from './harness';

const [FIRST, SECOND] = WORKING_AGREEMENT_QUESTIONNAIRE.prompts.map((p) => p.text) as [string, string];
/** The widths the workshop was checked at: small and common phones, a tablet, a laptop. */
const WIDTHS = [360, 390, 768, 1280] as const;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const toasts = (page: Page) => page.locator('.toast__text').allTextContents();
const composerKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('accord:composer:')));

describe('offline', () => {
  it('shows a banner that stays in view while actions wait, and says "added" only once the server has the note', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    const { code } = await createWorkshop(facilitator, e2e.url);
    await nextPhase(facilitator, 'Reflect');

    const context = await e2e.newContext(PHONE);
    const phone = await context.newPage();
    await phone.goto(`${e2e.url}/j/${code}`);
    await chooseName(phone, 'Kim');
    await phone.locator('.connection', { hasText: 'Online' }).waitFor();
    const banner = phone.locator('.offline-banner');
    expect(await banner.count()).toBe(0);

    await context.setOffline(true);
    await phone.locator('.connection', { hasText: 'Offline' }).waitFor();
    // Offline with nothing waiting: the header says it, no banner.
    expect(await banner.count()).toBe(0);
    await writeNote(phone, FIRST, 'Written in the tunnel', null);
    await banner.waitFor();
    expect(await banner.textContent()).toContain('1 action waits on this device');
    await expect.poll(() => toasts(phone)).toContain('Saved on this device. It will be sent when you are back online.');
    expect((await toasts(phone)).some((text) => text.startsWith('Note added'))).toBe(false);

    // Scrolled to the last question, the banner is still on screen (the header is not).
    await promptRegion(phone, WORKING_AGREEMENT_QUESTIONNAIRE.prompts.at(-1)?.text ?? '').scrollIntoViewIfNeeded();
    const box = await banner.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(10);
    expect(await auditA11y(phone)).toEqual([]);
    for (const width of WIDTHS) {
      await phone.setViewportSize({ width, height: 740 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await phone.screenshot({ path: `/tmp/fd-undo-shots/offline-banner-${width}.png` });
    }
    await screenshot(phone, 'participant-offline-banner');

    await context.setOffline(false);
    await banner.waitFor({ state: 'detached' });
    await expect
      .poll(() => toasts(phone))
      .toContain('Note added. Only you can see it until the facilitator reveals the answers.');
    await expect
      .poll(() => promptRegion(facilitator, FIRST).locator('.column__count').textContent())
      .toBe('1 note so far, from 1 person');
  });

  it("shows the banner above the facilitator's sticky top bar, never over it", async () => {
    const context = await e2e.newContext();
    const facilitator = await context.newPage();
    await createWorkshop(facilitator, e2e.url);
    await nextPhase(facilitator, 'Reflect');
    await context.setOffline(true);
    await facilitator.locator('.connection', { hasText: 'Offline' }).waitFor();
    const region = promptRegion(facilitator, FIRST);
    await region.getByRole('button', { name: /^Write a note/ }).click();
    await region.getByLabel('Your answer').fill('Written by the facilitator offline');
    await region.getByRole('button', { name: 'Add note' }).click();
    const banner = facilitator.locator('.offline-banner');
    await banner.waitFor();
    for (const width of WIDTHS) {
      await facilitator.setViewportSize({ width, height: 800 });
      await facilitator.evaluate(() => window.scrollTo(0, 600));
      const [bannerBox, barBox] = [await banner.boundingBox(), await facilitator.locator('.topbar--facilitator').boundingBox()];
      expect(bannerBox?.y).toBe(0);
      expect(Math.round(barBox?.y ?? 0)).toBeGreaterThanOrEqual(Math.floor((bannerBox?.height ?? 0) - 1));
      await facilitator.screenshot({ path: `/tmp/fd-undo-shots/offline-facilitator-${width}.png` });
    }
    await context.setOffline(false);
    await banner.waitFor({ state: 'detached' });
    await facilitator.evaluate(() => window.scrollTo(0, 600));
    expect((await facilitator.locator('.topbar--facilitator').boundingBox())?.y).toBe(0);
  });

  it('keeps half-typed text on this device across a reload, and forgets it once the note is added', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    const { code } = await createWorkshop(facilitator, e2e.url);
    await nextPhase(facilitator, 'Reflect');

    const phone = await (await e2e.newContext(PHONE)).newPage();
    await phone.goto(`${e2e.url}/j/${code}`);
    await chooseName(phone, null);
    const answer = () => promptRegion(phone, SECOND).getByLabel('Your answer');
    await answer().fill('Half a thought about');
    expect(await composerKeys(phone)).toHaveLength(1);
    await phone.reload();
    await promptRegion(phone, SECOND).waitFor();
    expect(await answer().inputValue()).toBe('Half a thought about');
    expect(await promptRegion(phone, FIRST).getByLabel('Your answer').inputValue()).toBe('');
    // Kept only here: nothing about it reached the workshop.
    expect(await promptRegion(facilitator, SECOND).locator('.column__count').textContent()).toBe('No notes yet');

    await answer().fill('Half a thought about mornings');
    await promptRegion(phone, SECOND).getByRole('button', { name: 'Add note' }).click();
    await promptRegion(phone, SECOND).locator('.note', { hasText: 'Half a thought about mornings' }).waitFor();
    expect(await composerKeys(phone)).toEqual([]);
    await phone.reload();
    await promptRegion(phone, SECOND).locator('.note', { hasText: 'Half a thought about mornings' }).waitFor();
    expect(await answer().inputValue()).toBe('');
  });
});
