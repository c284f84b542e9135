import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_START_COMMAND } from '../../shared/localAddress';
import { createWorkshop, nextPhase } from './flows';
import { auditA11y, type E2E, screenshot, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const WIDTHS = [360, 390, 768, 1280] as const;

/** Fails when the page scrolls sideways at its current width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Screenshots at every width the issue names, each checked for sideways scrolling; back to the laptop size after. */
async function atEveryWidth(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoSidewaysScroll(page);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function rename(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Rename the workshop' }).click();
  await page.getByLabel('Workshop title').fill(title);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe("the facilitator's home", () => {
  it('lists the workshops this browser runs, offers its own code back to it, and forgets on request', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const { code, boardId } = await createWorkshop(page, e2e.url);

    // Served on 127.0.0.1: the invite panel says phones cannot reach it, and how to fix that.
    const warning = page.locator('.invite__local');
    await warning.getByText(`Phones cannot open ${new URL(e2e.url).host}`).waitFor();
    expect(await warning.locator('code').textContent()).toBe(NETWORK_START_COMMAND);
    expect(await auditA11y(page)).toEqual([]);
    await atEveryWidth(page, 'invite-local-address');

    // Renaming is not only for setup.
    await nextPhase(page, 'Reflect');
    await rename(page, 'Team norms, spring');
    await atEveryWidth(page, 'facilitator-renamed-in-reflect');

    await page.goto(`${e2e.url}/`);
    const list = page.getByRole('region', { name: 'Your workshops' });
    const item = list.getByRole('listitem').filter({ hasText: 'Team norms, spring' });
    await expect.poll(() => item.locator('.your-workshops__meta').textContent()).toMatch(/^Reflect · started .+ · last opened /);
    expect(await auditA11y(page)).toEqual([]);
    await atEveryWidth(page, 'home-your-workshops');

    // Typing one's own code asks before making the facilitator a participant.
    await page.getByLabel('Workshop code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('You run this workshop from this browser.').waitFor();
    expect(await auditA11y(page)).toEqual([]);
    await atEveryWidth(page, 'home-own-code');
    await page.getByRole('button', { name: 'Continue as facilitator' }).click();
    await page.waitForURL(`${e2e.url}/b/${boardId}/facilitate`);
    await page.getByRole('heading', { level: 1, name: 'Team norms, spring' }).waitFor();

    // So does the join link; joining as a participant stays possible.
    await page.goto(`${e2e.url}/j/${code}`);
    await page.getByText('You run this workshop from this browser.').waitFor();
    await atEveryWidth(page, 'join-page-own-code');
    await page.getByRole('button', { name: 'Join as a participant' }).click();
    await page.waitForURL(`${e2e.url}/b/${boardId}`);

    // Open goes to the board; Forget, once confirmed, drops the key and the row.
    await page.goto(`${e2e.url}/`);
    await item.getByRole('link', { name: 'Open “Team norms, spring”' }).click();
    await page.waitForURL(`${e2e.url}/b/${boardId}/facilitate`);
    await page.goto(`${e2e.url}/`);
    await item.getByRole('button', { name: 'Forget “Team norms, spring” in this browser' }).click();
    await page.getByRole('button', { name: 'Forget it' }).click();
    await list.getByText('“Team norms, spring” forgotten in this browser.').waitFor();
    expect(await item.count()).toBe(0);
    expect(await page.evaluate((id) => localStorage.getItem(`accord:fkey:${id}`), boardId)).toBeNull();

    // A participant's own code still joins at once.
    const other = await (await e2e.newContext()).newPage();
    await other.goto(`${e2e.url}/`);
    expect(await other.getByRole('region', { name: 'Your workshops' }).count()).toBe(0);
  });
});
