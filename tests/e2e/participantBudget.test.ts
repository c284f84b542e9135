import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseName, createWorkshop, nextPhase } from './flows';
import { type E2E, startE2E } from './harness';

/**
 * DESIGN.md's budget for a participant's first load: the gzipped JavaScript (zlib level 9, as a
 * server would serve it pre-compressed) Chromium fetches from the join link to the board on
 * screen, in kilobytes of 1,000 bytes. `npm run bench` (workload 7) reports the same figure.
 */
const PARTICIPANT_JS_KB = 120;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

function recordScripts(page: Page): { url: string; gzipBytes: number; body: string }[] {
  const files: { url: string; gzipBytes: number; body: string }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (body)
      files.push({
        url: new URL(response.url()).pathname,
        gzipBytes: gzipSync(body, { level: 9 }).length,
        body: body.toString('latin1'),
      });
  });
  return files;
}

it('a participant first load stays within the JavaScript budget and fetches no drag-and-drop code', async () => {
  const facilitator = await (await e2e.newContext()).newPage();
  const board = await createWorkshop(facilitator, e2e.url);
  await nextPhase(facilitator, 'Reflect');
  const page = await (await e2e.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  const files = recordScripts(page);
  await page.goto(`${e2e.url}/j/${board.code}`);
  await chooseName(page, 'Robin');
  await page.waitForLoadState('networkidle');
  const kb = files.reduce((n, f) => n + f.gzipBytes, 0) / 1000;
  console.log(
    `participant first load: ${files.length} scripts, ${kb.toFixed(1)} kB gzipped`,
    files.map((f) => `${f.url} ${(f.gzipBytes / 1000).toFixed(1)}`),
  );
  expect(kb).toBeLessThanOrEqual(PARTICIPANT_JS_KB);
  expect(files.some((f) => f.body.includes('DndDescribedBy') || f.body.includes('DndLiveRegion'))).toBe(false);
}, 30_000);
