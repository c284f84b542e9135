import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Phase } from '../../shared/phases';
import { chooseName } from './flows';
import { auditA11y, type E2E, PHONE, screenshot, startE2E } from './harness';
import { openSeedClients } from './seedClients';

/**
 * The group and decision views are chunks of their own (client/src/pages/participant/phaseViews.ts),
 * fetched one phase ahead. On a slow connection a phase change must still show the new phase at
 * once: its view when it was fetched ahead, else the phase's guidance and a "Loading…" notice, never
 * an empty page.
 */

/** A slow mobile connection (Chrome DevTools' "Slow 3G": 400 ms latency, 50 KB/s down). */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Counts, in the page, every time a "Loading…" notice appears in the board (from now on). */
async function countLoadingNotices(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    window.__loadingNotices = 0;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element && (node.matches('main [aria-busy="true"]') || node.querySelector('main [aria-busy="true"]')))
            window.__loadingNotices += 1;
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  return async () => (await page.evaluate('window.__loadingNotices')) as number;
}

/** Resolves once no request of the page has been in flight for `quietMs`. */
function trackRequests(page: Page): (quietMs: number) => Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return async (quietMs) => {
    while (inFlight > 0 || Date.now() - lastChange < quietMs) await new Promise((r) => setTimeout(r, 50));
  };
}

/** True when the page's main region has visible content (a heading, the guidance, a card). */
async function hasContent(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    return main !== null && main.getBoundingClientRect().height > 100 && (main.textContent ?? '').trim().length > 40;
  });
}

it('on a slow connection, a phase change shows the new phase: its view fetched ahead, or a loading notice', async () => {
  const response = await fetch(`${e2e.url}/api/boards`, {
    method: 'POST',
    body: JSON.stringify({ templateId: 'working-agreement', title: 'Osprey team norms' }),
  });
  const created = (await response.json()) as { boardId: string; facilitatorKey: string; joinCode: string };
  const seed = await openSeedClients(e2e.url, created, 0);
  const setPhase = (phase: Phase) => seed.send(seed.facilitator, { type: 'setPhase', phase, confirm: true });
  await setPhase('reflect');

  const context = await e2e.newContext(PHONE);
  const phone = await context.newPage();
  const cdp = await context.newCDPSession(phone);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const settled = trackRequests(phone);
  const scripts: string[] = [];
  phone.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // The decision view's chunk is held back until the test lets it through: the "not fetched yet" case.
  let releaseDecisions = () => {};
  const decisionsHeld = new Promise<void>((resolve) => {
    releaseDecisions = resolve;
  });
  await phone.route(/ParticipantDecisions-[^/]*\.js$/, async (route) => {
    await decisionsHeld;
    await route.continue();
  });

  // Slow 3G on a busy two-core machine: the first load may take longer than a page's usual 10 s.
  await phone.goto(`${e2e.url}/j/${created.joinCode}`, { timeout: 60_000 });
  await chooseName(phone, 'Robin');
  await phone.waitForLoadState('networkidle');
  // Joining in Reflect fetches no phase view.
  expect(scripts.filter((s) => /Participant(Group|Decisions)-/.test(s))).toEqual([]);
  const loadingNotices = await countLoadingNotices(phone);

  // Share fetches the group view ahead (its chunk, the chunks it imports and its styles); Group
  // then shows it without a loading notice.
  await setPhase('share');
  await phone.locator('.guidance__phase').getByText('Share', { exact: true }).waitFor();
  await settled(1000);
  expect(scripts.some((s) => /ParticipantGroup-/.test(s))).toBe(true);
  await setPhase('group');
  await phone.locator('.guidance__phase').getByText('Group', { exact: true }).waitFor();
  await phone.locator('.group-prompt').first().waitFor({ timeout: 5000 });
  expect(await loadingNotices()).toBe(0);
  expect(await hasContent(phone)).toBe(true);

  // Vote while the decision view's chunk has not arrived: the guidance and a loading notice show.
  await setPhase('vote');
  await phone.locator('.guidance__phase').getByText('Vote', { exact: true }).waitFor();
  await phone.getByText('Loading…').waitFor();
  expect(await hasContent(phone)).toBe(true);
  await screenshot(phone, 'participant-phase-loading-360');
  expect(await auditA11y(phone)).toEqual([]);
  releaseDecisions();
  await phone.locator('.decisions--participant').waitFor({ timeout: 20_000 });
  expect(await phone.getByText('Loading…').count()).toBe(0);
  await screenshot(phone, 'participant-phase-vote-360');
  seed.close();
}, 90_000);
