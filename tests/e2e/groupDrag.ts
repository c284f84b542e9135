import type { Locator, Page } from 'playwright-core';

/** A note's drag handle in a facilitator's group lane. */
export const handle = (lane: Locator, text: string) => lane.locator('.gnote', { hasText: text }).locator('.gnote__handle');
/** A theme's card in a facilitator's group lane, by the start of its name. */
export const themeCard = (lane: Locator, name: string) =>
  lane.locator('.gtheme', { has: lane.page().locator('.gtheme__name', { hasText: new RegExp(`^${name}`) }) });

/** Scrolls so that both elements are on screen, away from the edges where dragging scrolls the page. */
export async function bringIntoView(page: Page, from: Locator, to: Locator): Promise<void> {
  const [a, b] = [await from.elementHandle(), await to.elementHandle()];
  await page.evaluate(
    ([x, y]) => {
      const top = Math.min(x!.getBoundingClientRect().top, y!.getBoundingClientRect().top);
      const bottom = Math.max(x!.getBoundingClientRect().bottom, y!.getBoundingClientRect().bottom);
      window.scrollBy(0, (top + bottom) / 2 - window.innerHeight / 2);
    },
    [a, b] as const,
  );
}

/** Presses the mouse on `from`, moves in steps onto `to` (offset from its centre), and optionally releases. */
export async function mouseDrag(page: Page, from: Locator, to: Locator, options: { dy?: number; release?: boolean } = {}) {
  await bringIntoView(page, from, to);
  const start = await from.boundingBox();
  if (!start) throw new Error('nothing to drag');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 12, { steps: 4 });
  const end = await to.boundingBox();
  if (!end) throw new Error('nowhere to drop');
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2 + (options.dy ?? 0), { steps: 12 });
  if (options.release === false) return;
  await page.waitForTimeout(60);
  await page.mouse.up();
}

/** Types over the suggested name in the theme-name dialog and confirms; returns the suggestion. */
export async function nameTheme(page: Page, name: string): Promise<string> {
  const field = page.getByRole('dialog').getByLabel(/Theme name/);
  const suggested = await field.inputValue();
  await field.fill(name);
  await field.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  return suggested;
}
