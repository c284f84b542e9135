import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The widths issue #12 asks every changed view to be looked at: two phones, a tablet, a laptop. */
export const SHOT_WIDTHS = [360, 390, 768, 1280] as const;

/** Where these screenshots go, for people to look at; SHOTS_DIR overrides it. */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-artifacts/e2e';

/**
 * Screenshots `target` (a region, or the whole page) at every width of {@link SHOT_WIDTHS}, and
 * fails when it reaches past the window at any of them; the viewport is put back afterwards.
 */
export async function shootAtWidths(page: Page, name: string, target: Locator | null = null): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of SHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    // What is looked at must fit: nothing inside it reaches past the right edge of the window.
    const overflow = await (target ?? page.locator('body')).evaluate((root) => {
      const right = Math.max(...[root, ...root.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right));
      return Math.ceil(right - document.documentElement.clientWidth);
    });
    if (overflow > 0) throw new Error(`${name} reaches ${overflow} px past the window at ${width} px`);
    const path = `${SHOTS_DIR}/${name}-${width}.png`;
    // A full-page capture clipped to the target: sticky bars sit at the top of the page, not over it.
    const box = target ? await target.boundingBox() : null;
    const scrollY = await page.evaluate(() => window.scrollY);
    const clip = box ? { x: 0, y: box.y + scrollY, width, height: box.height } : undefined;
    // Passing messages would cover what is being looked at; they are looked at on their own.
    await page.screenshot({ path, fullPage: true, style: '.toasts { display: none; }', ...(clip ? { clip } : {}) });
  }
  await page.setViewportSize(before);
}

/**
 * How long one full-page capture may take: a long board is rasterised in software (no GPU), which
 * on a shared two-core machine running other browsers took over 20 s.
 */
const SHOOT_TIMEOUT_MS = 60_000;

/** A full-page screenshot of `page` as it is now, into the same folder, for people to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true, timeout: SHOOT_TIMEOUT_MS });
}
