import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardConnection } from '../../client/src/sync/BoardConnection';
import { randomId } from '../../shared/random';
import { type E2E, screenshot, startE2E } from './harness';
import { createSeededBoard } from './seedClients';

const MEETINGS = 'The times that work best for me to meet are…';
const THEME = 'Meet between 11 and 1';
const STATEMENT = 'We meet between 11 and 1.';
/** The facilitator's header may take at most this share of the screen's height, at every width (issue #12). */
const MAX_HEADER_SHARE = 0.15;
/** Small and large phones, a tablet, a laptop: width and a usual height. */
const SCREENS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;
const PHONE = { width: 390, height: 844 };

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** At every screen: the header's height, nothing in it overlapping, no sideways scrolling; then back to the phone. */
async function checkHeader(page: Page, name: string) {
  const figures: string[] = [];
  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    await screenshot(page, `facilitator-${name}-${screen.width}`);
    const header = page.locator('.topbar--facilitator');
    await header.screenshot({ path: `test-artifacts/e2e/facilitator-header-${name}-${screen.width}.png` });
    const height = (await header.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
    figures.push(`${screen.width}: ${Math.round(height)} px`);
    expect(height, `${name}: header at ${screen.width}×${screen.height}`).toBeLessThanOrEqual(screen.height * MAX_HEADER_SHARE);
    const controls = await header.locator('button:visible, a:visible, summary:visible, .stepper__step:visible').all();
    const boxes = await Promise.all(controls.map(async (c) => ({ box: await c.boundingBox(), text: await c.textContent() })));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const isOverlap = a.box !== null && b.box !== null && overlaps(a.box, b.box);
        expect(isOverlap, `${name} at ${screen.width}: “${a.text}” overlaps “${b.text}”`).toBe(false);
      }
    }
    const title = await header.locator('h1').boundingBox();
    expect(title?.width ?? 0, `${name}: title squeezed away at ${screen.width}`).toBeGreaterThanOrEqual(48);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: sideways scroll at ${screen.width}`).toBeLessThanOrEqual(0);
    // No stray bar before a heading: every disclosure's chevron is drawn as a box, not as an empty inline.
    const strayChevrons = await page
      .locator('details > summary')
      .evaluateAll((summaries) =>
        summaries
          .filter((s) => s.getClientRects().length > 0 && getComputedStyle(s, '::before').display === 'inline')
          .map((s) => s.textContent ?? ''),
      );
    expect(strayChevrons, `${name} at ${screen.width}`).toEqual([]);
  }
  await page.setViewportSize(PHONE);
  return figures.join(', ');
}

describe('the facilitator on a phone', () => {
  it('runs a whole workshop at 390 px with a header under 15 % of the screen at every width', async () => {
    const { created, seed } = await createSeededBoard(e2e.url, 2);
    const [robin, sam] = seed.authors as readonly [BoardConnection, BoardConnection];
    const context = await e2e.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(created.facilitatorUrl);
    const figures: Record<string, string> = {};

    // A running timer makes the header's status as wide as it gets.
    await page.getByRole('button', { name: 'Timer', exact: true }).click();
    await page.getByRole('button', { name: '10 min' }).click();
    await page.locator('.topbar--facilitator [role="timer"]').waitFor();
    figures.setup = await checkHeader(page, 'setup');

    await page.getByRole('button', { name: 'Next: Reflect' }).click();
    // The seeded participants write only once the server has moved the board on.
    await expect.poll(() => seed.board().meta.phase).toBe('reflect');
    for (const [author, text] of [
      [robin, 'Between 11 and 1'],
      [sam, 'Late mornings, from 11'],
    ] as const) {
      await seed.send(author, { type: 'postDraft', draftId: randomId(), promptId: seed.promptId(MEETINGS), text, tag: null });
    }
    figures.reflect = await checkHeader(page, 'reflect');
    await page.getByRole('button', { name: 'Next: Share' }).click();
    await page.getByRole('button', { name: 'Reveal all' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Reveal/ })
      .click();
    await page.locator('.note', { hasText: 'Between 11 and 1' }).first().waitFor();
    // The reveal's news: one message of one line, in the header, letting clicks through.
    const toast = page.locator('.toast').filter({ visible: true });
    await toast.first().waitFor();
    expect(await toast.count()).toBe(1);
    expect((await toast.boundingBox())?.height).toBeLessThanOrEqual(48);
    expect(await page.locator('.toasts').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(await page.locator('[data-live-region]').textContent()).toContain('Answers revealed');
    figures.share = await checkHeader(page, 'share');

    await page.getByRole('button', { name: 'Next: Group' }).click();
    await page.locator('.stepper__step--current', { hasText: 'Group' }).waitFor();
    // The stepper shows the browser's own prediction: the seeded facilitator's command, on another
    // connection, waits for the server's copy of the board to be in Group.
    await expect.poll(() => seed.board().meta.phase).toBe('group');
    const noteId = (text: string) => [...seed.board().notes.values()].find((n) => n.text === text)?.id ?? '';
    await seed.send(seed.facilitator, {
      type: 'createTheme',
      themeId: randomId(),
      promptId: seed.promptId(MEETINGS),
      name: THEME,
      noteIds: [noteId('Between 11 and 1'), noteId('Late mornings, from 11')],
      beforeThemeId: null,
    });
    figures.group = await checkHeader(page, 'group');
    // Everything is revealed: no Reveal all left standing, disabled, during Group.
    expect(await page.getByRole('button', { name: 'Reveal all' }).count()).toBe(0);

    // A timer that ran out during Group does not greet the vote with "Time is up".
    await seed.send(seed.facilitator, { type: 'startTimer', durationMs: 10 * 60_000 });
    await seed.send(seed.facilitator, { type: 'addTime', ms: -(10 * 60_000 - 1500) });
    await page.locator('.topbar--facilitator .countdown--done').waitFor();
    await page.getByRole('button', { name: 'Next: Vote' }).click();
    await expect.poll(() => page.locator('.topbar--facilitator [role="timer"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Start the vote' }).click();
    await expect.poll(() => seed.board().voteRounds.size).toBe(1);
    const round = [...seed.board().voteRounds.values()][0];
    const theme = [...seed.board().themes.values()][0];
    if (!round || !theme) throw new Error('no round or theme');
    for (const author of [robin, sam]) await seed.send(author, { type: 'placeDot', roundId: round.id, itemId: theme.id });
    figures.vote = await checkHeader(page, 'vote');
    await page.getByRole('button', { name: 'Close the vote…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Close/ })
      .click();
    await page.locator('[data-tally="2"]').waitFor();

    await page.getByRole('button', { name: 'Next: Decide' }).click();
    const article = page.getByRole('article', { name: THEME });
    await article.getByRole('button', { name: `Propose an agreement: ‘${THEME}’` }).click();
    await article.getByLabel('Proposed agreement').fill(STATEMENT);
    await article.getByRole('button', { name: 'Open the round' }).click();
    await expect.poll(() => seed.board().proposals.size).toBe(1);
    const proposal = [...seed.board().proposals.values()][0];
    if (!proposal) throw new Error('no proposal');
    for (const author of [robin, sam]) {
      await seed.send(author, { type: 'respond', proposalId: proposal.id, response: 'agree', reason: null });
    }
    figures.decide = await checkHeader(page, 'decide');
    await article.getByRole('button', { name: 'Close the round…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Close/ })
      .click();

    await page.getByRole('button', { name: 'Next: Agreement' }).click();
    await page.getByRole('region', { name: 'Our agreement' }).getByText(STATEMENT).waitFor();
    figures.agreement = await checkHeader(page, 'agreement');
    const next = page.locator('.stepper__next');
    expect(await next.isDisabled()).toBe(true);
    expect(await next.textContent()).toBe('Next Close the workshop below');
    await page.getByRole('button', { name: 'Close the workshop…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Close/ })
      .click();
    await page.locator('.version-badge', { hasText: 'final' }).waitFor();
    figures.closed = await checkHeader(page, 'closed');
    expect(await next.textContent()).toBe('Next Version 1 is final');
    console.log(JSON.stringify(figures, null, 1));
    seed.close();
  }, 90_000);
});
