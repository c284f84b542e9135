import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWAY_AFTER_HIDDEN_MS } from '../../shared/limits';
import { chooseName, createWorkshop } from './flows';
import { auditA11y, type E2E, PHONE, screenshot, startE2E } from './harness';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/e2e');

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Opens the facilitator's People panel (once) and returns it. */
async function peoplePanel(facilitator: Page) {
  const panel = facilitator.locator('details.seats');
  if (!(await panel.evaluate((el) => (el as HTMLDetailsElement).open))) await panel.locator('summary').click();
  return panel;
}

describe('joining and seats', () => {
  it('sends someone with only the board id to the join page, lists seats for the facilitator, and removes one', async () => {
    const facilitator = await (await e2e.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const { code, boardId } = await createWorkshop(facilitator, e2e.url);

    // The read-only link names the board: opening the board with it is not joining.
    const stranger = await (await e2e.newContext(PHONE)).newPage();
    await stranger.goto(`${e2e.url}/b/${boardId}`);
    await stranger.waitForURL(/\/j$/);
    await stranger.getByRole('heading', { name: 'Join a workshop' }).waitFor();
    await stranger.getByText('To take part, type the code the facilitator shows you.').waitFor();
    expect(await auditA11y(stranger)).toEqual([]);

    // With the code, the same page lets them in.
    await stranger.getByLabel('Workshop code').fill(code);
    await stranger.getByRole('button', { name: 'Join' }).click();
    await stranger.waitForURL(new RegExp(`/b/${boardId}$`));
    await chooseName(stranger, 'Sam');

    const robin = await (await e2e.newContext(PHONE)).newPage();
    await robin.goto(`${e2e.url}/j/${code}`);
    await chooseName(robin, 'Robin');
    // The join token is spent once the server knows the browser: nothing of it stays behind.
    await expect
      .poll(() => robin.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('accord:jtoken:'))))
      .toEqual([]);

    const panel = await peoplePanel(facilitator);
    // The facilitator's own browser holds a seat too (to take part when the settings allow it).
    await expect.poll(() => panel.locator('summary').textContent()).toBe('People · 3 seats, 3 connected');
    await expect
      .poll(() => panel.locator('.seats__row').allTextContents())
      .toEqual(['RobinRemove', 'SamRemove', 'You · facilitator']);
    await screenshot(facilitator, 'facilitator-seats-1280');
    expect(await auditA11y(facilitator)).toEqual([]);

    await panel.getByRole('button', { name: 'Remove Sam’s seat' }).click();
    const dialog = facilitator.getByRole('dialog', { name: 'Remove Sam’s seat?' });
    await dialog.getByText('Nobody is told what it wrote or chose.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Remove seat' }).click();

    await stranger.getByRole('heading', { name: 'You were removed from this workshop' }).waitFor();
    await screenshot(stranger, 'participant-360-removed');
    expect(await auditA11y(stranger)).toEqual([]);
    await expect.poll(() => panel.locator('summary').textContent()).toBe('People · 2 seats, 2 connected');
    await expect.poll(() => panel.locator('.seats__row').allTextContents()).toEqual(['RobinRemove', 'You · facilitator']);

    // Sam may come back, but only through the code, as a new seat.
    await stranger.getByRole('link', { name: 'Join again with the code' }).click();
    await stranger.waitForURL(/\/j$/);
    await stranger.getByLabel('Workshop code').fill(code);
    await stranger.getByRole('button', { name: 'Join' }).click();
    // The browser still knows the name Sam chose; the seat is new.
    await stranger.locator('.guidance').waitFor();
    await expect.poll(() => panel.locator('summary').textContent()).toBe('People · 3 seats, 3 connected');
  }, 90_000);

  it('shows the seats panel on a phone, and marks someone away once their page has been hidden a minute', async () => {
    const facilitator = await (await e2e.newContext(PHONE)).newPage();
    const { code } = await createWorkshop(facilitator, e2e.url);
    const person = await (await e2e.newContext(PHONE)).newPage();
    await person.clock.install();
    await person.goto(`${e2e.url}/j/${code}`);
    await chooseName(person, 'Alexandra Longname-Example');
    const panel = await peoplePanel(facilitator);
    await expect.poll(() => panel.locator('.seats__row').count()).toBe(2);
    await panel.screenshot({ path: path.join(ARTIFACTS, 'facilitator-seats-360.png') });
    expect(await facilitator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Another tab, a locked phone: after a minute the person no longer counts as here (nor in a quorum).
    const setVisibility = (state: 'hidden' | 'visible') =>
      person.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await person.clock.runFor(AWAY_AFTER_HIDDEN_MS - 5_000);
    expect(await panel.locator('.seats__row', { hasText: 'Alexandra' }).textContent()).not.toContain('away');
    await person.clock.runFor(6_000);
    await expect
      .poll(() => panel.locator('.seats__row', { hasText: 'away' }).textContent())
      .toBe('Alexandra Longname-Example · awayRemove');
    await expect.poll(() => facilitator.locator('.people').first().textContent()).toContain('1 person here');
    await setVisibility('visible');
    await expect
      .poll(() => panel.locator('.seats__row', { hasText: 'Alexandra' }).textContent())
      .toBe('Alexandra Longname-ExampleRemove');
    await expect.poll(() => facilitator.locator('.people').first().textContent()).toContain('2 people here');
  }, 60_000);
});
