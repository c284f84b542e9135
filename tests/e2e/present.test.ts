import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardConnection } from '../../client/src/sync/BoardConnection';
import { randomId } from '../../shared/random';
import { auditSettled, type E2E, screenshot, startE2E } from './harness';
import { createSeededBoard } from './seedClients';

const MEETINGS = 'The times that work best for me to meet are…';
const THEME = 'Meet between 11 and 1';
const STATEMENT = 'We meet between 11 and 1.';
const BLOCK_REASON = 'I do the school pickup at 12:30 on Tuesdays.';
/** The widths the projector view is checked at: small and large phones, a tablet, a laptop. */
const WIDTHS = [360, 390, 768, 1280] as const;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Full-page screenshots of one state of the view at every width, back at 1280 px afterwards. */
async function shootWidths(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `present-${name}-${width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function audit(page: Page) {
  expect(await auditSettled(page)).toEqual([]);
}

describe('present view', () => {
  it('follows the workshop: join code, notes, the vote, the open proposal, the outcome, the agreement', async () => {
    const { created, seed } = await createSeededBoard(e2e.url, 2);
    const { facilitator, send, board, promptId } = seed;
    const [robin, sam] = seed.authors as readonly [BoardConnection, BoardConnection];
    const noteId = (text: string) => [...board().notes.values()].find((n) => n.text === text)?.id ?? '';

    const context = await e2e.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The facilitator link leaves the key in this browser; the present view then opens from it.
    await page.goto(created.facilitatorUrl);
    await page.locator('.stepper').waitFor();
    await page.goto(`${e2e.url}/b/${created.boardId}/present`);
    const main = page.locator('.present__main');

    // Arrival: the join code and QR code are large.
    await page.locator('.present__join--arrival .present__code').waitFor();
    await page.locator('.present__join--arrival img.qr').waitFor();
    expect(await page.locator('[data-join-code]').getAttribute('data-join-code')).toBe(created.joinCode);
    await audit(page);
    await shootWidths(page, 'arrival');

    await send(facilitator, { type: 'setPhase', phase: 'reflect' });
    for (const [author, text] of [
      [robin, 'Between 11 and 1'],
      [sam, 'Late mornings, from 11'],
      [robin, 'Not before 10: school run'],
    ] as const) {
      await send(author, { type: 'postDraft', draftId: randomId(), promptId: promptId(MEETINGS), text, tag: null });
    }
    await send(facilitator, { type: 'setPhase', phase: 'share' });
    await send(facilitator, { type: 'reveal', promptId: null, confirmSmallCount: true });
    await send(facilitator, { type: 'focusPrompt', promptId: promptId(MEETINGS) });
    await send(facilitator, { type: 'setPhase', phase: 'group' });
    await send(facilitator, {
      type: 'createTheme',
      themeId: randomId(),
      promptId: promptId(MEETINGS),
      name: THEME,
      noteIds: [noteId('Between 11 and 1'), noteId('Late mornings, from 11')],
      beforeThemeId: null,
    });
    // Group: the spotlighted prompt with its themes; the join code has folded away.
    await main.locator('#present-focus', { hasText: MEETINGS }).waitFor();
    await main.getByText(THEME).first().waitFor();
    expect(await page.locator('.present__join--arrival').count()).toBe(0);
    await shootWidths(page, 'group');

    // Vote: what is voted on and how many voted; no tally until the close, and no spotlight.
    await send(facilitator, { type: 'setPhase', phase: 'vote' });
    const roundId = randomId();
    await send(facilitator, {
      type: 'openVoteRound',
      roundId,
      label: 'Round 1',
      dotsPerPerson: 3,
      maxPerItem: 3,
      facilitatorVotes: false,
      itemIds: null,
    });
    await main.getByRole('heading', { name: 'Round 1: voting now' }).waitFor();
    expect(await main.locator('#present-focus').count()).toBe(0);
    const themeId = [...board().themes.values()].find((t) => t.name === THEME)?.id ?? '';
    await send(robin, { type: 'placeDot', roundId, itemId: themeId });
    await expect.poll(() => main.locator('.voter-count').getAttribute('data-voter-count')).toBe('1');
    expect(await main.locator('[data-tally], .ranking').count()).toBe(0);
    await shootWidths(page, 'vote-open');
    await send(sam, { type: 'placeDot', roundId, itemId: themeId });
    await send(facilitator, { type: 'closeVoteRound', roundId, confirmSmallCount: true });
    await main.getByRole('heading', { name: 'Results: Round 1' }).waitFor();
    expect(await main.locator(`[data-tally="2"]`, { hasText: THEME }).count()).toBe(1);
    await audit(page);
    await shootWidths(page, 'vote-results');

    // Decide: the open statement and how many answered; then the outcome with its reasons, without names.
    await send(facilitator, { type: 'setPhase', phase: 'decide' });
    await main.getByText('No proposal is open yet', { exact: false }).waitFor();
    const propose = async (statement: string) => {
      const proposalId = randomId();
      await send(facilitator, {
        type: 'openProposal',
        proposalId,
        promptId: promptId(MEETINGS),
        themeId,
        statement,
        rule: 'consensus',
        quorumPercent: 50,
        thresholdPercent: 67,
        previousProposalId: null,
      });
      return proposalId;
    };
    const first = await propose(STATEMENT);
    await main.getByRole('heading', { name: STATEMENT }).waitFor();
    await expect.poll(() => main.locator('.voter-count').getAttribute('data-respondent-count')).toBe('0');
    await send(sam, { type: 'respond', proposalId: first, response: 'block', reason: BLOCK_REASON });
    await expect
      .poll(() => main.locator('.voter-count').textContent())
      .toMatch(/^1 of \d+ (person here has|people here have) answered$/);
    expect(await main.locator('.outcome, .counts, .reason').count()).toBe(0);
    await shootWidths(page, 'decide-open');
    await send(robin, { type: 'respond', proposalId: first, response: 'agree', reason: null });
    await send(facilitator, { type: 'closeProposal', proposalId: first, confirmSmallCount: true });
    await main.locator('.outcome--failed').waitFor();
    await main.locator('.reason', { hasText: BLOCK_REASON }).waitFor();
    await audit(page);
    await shootWidths(page, 'decide-outcome');

    const second = await propose('We meet between 11 and 12, except Tuesdays.');
    await send(robin, { type: 'respond', proposalId: second, response: 'agree', reason: null });
    await send(sam, { type: 'respond', proposalId: second, response: 'canLive', reason: null });
    await send(facilitator, { type: 'closeProposal', proposalId: second, confirmSmallCount: true });
    await main.locator('.outcome--passed').waitFor();

    // Agreement: the agreed statement, and no spotlight.
    await send(facilitator, { type: 'setPhase', phase: 'agreement' });
    await main.locator('.agreement__statement', { hasText: 'We meet between 11 and 12, except Tuesdays.' }).waitFor();
    expect(await main.locator('#present-focus').count()).toBe(0);
    await audit(page);
    await shootWidths(page, 'agreement');
    seed.close();
  });
});
