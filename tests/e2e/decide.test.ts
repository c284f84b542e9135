import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BARRIERS, MEETINGS, type SeededBoard, seedBoard, THEME } from './decideSeed';
import { addDots, chooseName } from './flows';
import { auditSettled as audit, type E2E, PHONE, screenshot, startE2E } from './harness';
import { shootAtWidths } from './shots';

const LAPTOP = { viewport: { width: 1366, height: 800 } };
const BLOCK_REASON = 'I do the school pickup at 12:30 on Tuesdays, so a meeting then means I cannot come.';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** A facilitator on a laptop and three participants, one of them on a 360 px phone. */
async function openBrowsers(seeded: SeededBoard) {
  const facilitator = await (await e2e.newContext(LAPTOP)).newPage();
  await facilitator.goto(seeded.facilitatorUrl);
  const join = async (name: string, options = LAPTOP) => {
    const page = await (await e2e.newContext(options)).newPage();
    await page.goto(`${e2e.url}/j/${seeded.joinCode}`);
    await chooseName(page, name);
    return page;
  };
  const [robin, sam, kim] = await Promise.all([join('Robin'), join('Sam'), join('Kim', PHONE)]);
  await expect.poll(() => facilitator.locator('.people summary').textContent()).toBe('4 people here');
  return { facilitator, robin, sam, kim, participants: [robin, sam, kim] as const };
}

/** One question's card or column on any of the decision views. */
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** What dot tallies look like on screen; none of it may exist before the vote closes. */
const dotTallies = (page: Page) => page.locator('[data-tally], .ranking').count();

/** What the answers to a round look like on screen; none of it may exist before the round closes. */
const answerCounts = (page: Page) => page.locator('.outcome, .counts, .reason').count();

describe('vote', () => {
  it('keeps dots secret until the close, enforces the budget, then ranks for everyone', async () => {
    const seeded = await seedBoard(e2e.url, 'vote');
    const { facilitator, robin, sam, kim, participants } = await openBrowsers(seeded);

    await facilitator.getByRole('heading', { name: 'Start a vote' }).waitFor();
    await facilitator.getByRole('button', { name: 'Start the vote' }).click();
    await expect.poll(() => facilitator.locator('.voter-count').textContent()).toBe('0 of 3 people here have voted');
    for (const page of participants) await page.locator('.vote-budget__left', { hasText: '5 of 5 dots left' }).waitFor();

    await addDots(robin, THEME, 3);
    // The per-item cap: the button stays focusable and says why, before anything is sent (by keyboard here).
    await robin.getByRole('button', { name: `Add a dot to ‘${THEME}’` }).press('Enter');
    await robin.locator('.toast--error', { hasText: 'You can put at most 3 dots on one item.' }).waitFor();
    await addDots(robin, 'No early mornings', 2);
    await robin.locator('.vote-budget__left', { hasText: '0 of 5 dots left' }).waitFor();
    await robin.getByRole('button', { name: 'Add a dot to ‘Childcare’' }).press('Enter');
    await robin.locator('.toast--error', { hasText: 'You have used all 5 of your dots.' }).waitFor();

    await addDots(sam, THEME, 2);
    await addDots(sam, 'Childcare', 1);
    await addDots(kim, THEME, 1);
    await addDots(kim, 'No early mornings', 1);
    await kim.getByRole('button', { name: 'Take a dot back from ‘No early mornings’' }).click();
    await addDots(kim, 'Mental exhaustion', 1);
    await kim.locator('.vote-budget__left', { hasText: '3 of 5 dots left' }).waitFor();
    await expect.poll(() => facilitator.locator('.voter-count').textContent()).toBe('3 of 3 people here have voted');

    // Before the close nobody, the facilitator included, has a tally to show.
    for (const page of [facilitator, ...participants]) expect(await dotTallies(page)).toBe(0);
    expect(await kim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const page of [facilitator, kim, robin]) expect(await audit(page)).toEqual([]);
    await screenshot(kim, 'decide-participant-360-vote-open');
    await screenshot(facilitator, 'decide-facilitator-vote-open');

    await facilitator.getByRole('button', { name: 'Close the vote…' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Close the vote' }).click();
    for (const page of [facilitator, ...participants]) {
      const first = region(page, MEETINGS).locator('.ranking__item').first();
      await expect.poll(() => first.textContent()).toMatch(/^1st.*Meet between 11 and 1.*6 dots$/);
      // Childcare and Mental exhaustion got one dot each: a tie, said as one.
      await expect
        .poll(() => region(page, BARRIERS).locator('.ranking__place').allTextContents())
        .toEqual(['Tied 1st', 'Tied 1st']);
    }
    expect(await region(kim, MEETINGS).locator('.ranking__item', { hasText: 'No early mornings' }).textContent()).toContain(
      '2 dots',
    );
    // Issue #12: one ranking across the questions, bars on one scale, and items nobody chose listed apart, unranked.
    const overall = region(facilitator, 'All questions together').locator('.ranking__item');
    expect(await overall.locator('.ranking__place').allTextContents()).toEqual(['1st', '2nd', 'Tied 3rd', 'Tied 3rd']);
    // The two tied notes come in board order, which the reveal shuffled.
    const names = await overall.locator('.item-summary__name').allTextContents();
    expect([...names.slice(0, 2), ...names.slice(2).sort()]).toEqual([
      THEME,
      'No early mornings',
      'Childcare',
      'Mental exhaustion',
    ]);
    const barOf = (name: string) =>
      region(facilitator, BARRIERS).locator('.ranking__item', { hasText: name }).locator('.ranking__bar span');
    // 1 dot against the board's most (6), not against the question's most (1).
    expect(await barOf('Childcare').evaluate((el) => (el as HTMLElement).style.width)).toMatch(/^16\.66/);
    const meetings = region(facilitator, MEETINGS);
    expect(await meetings.locator('.ranking__item', { hasText: 'Afternoons after 2 are fine' }).count()).toBe(0);
    expect(await meetings.locator('.ranking__unchosen li').allTextContents()).toEqual(['Afternoons after 2 are fine']);
    await shootAtWidths(facilitator, 'vote-results', facilitator.getByRole('region', { name: /^Results:/ }));
    await shootAtWidths(kim, 'vote-results-participant', null);
    for (const page of [facilitator, kim]) expect(await audit(page)).toEqual([]);
    await screenshot(kim, 'decide-participant-360-vote-results');
    await screenshot(facilitator, 'decide-facilitator-vote-results');

    // A run-off on the top items of each question: only those are on the phones.
    await facilitator.getByRole('button', { name: 'Run-off…' }).click();
    await facilitator.getByRole('button', { name: 'Start the run-off' }).click();
    await kim.getByRole('heading', { name: 'Vote: Run-off' }).waitFor();
    expect(await kim.locator('.vote-item').count()).toBe(4);
    expect(await kim.getByRole('button', { name: 'Add a dot to ‘Afternoons after 2 are fine’' }).count()).toBe(0);
  }, 90_000);
});

describe('decide', () => {
  it('shows a block’s reason to everyone without a name; the revised statement passes into everyone’s Agreement column', async () => {
    const seeded = await seedBoard(e2e.url, 'decide');
    const { facilitator, robin, sam, kim, participants } = await openBrowsers(seeded);

    const theme = facilitator.getByRole('article', { name: THEME });
    await expect.poll(() => theme.locator('.decision__standing').textContent()).toBe('2 dots in Round 1');
    await theme.getByRole('button', { name: `Propose an agreement: ‘${THEME}’` }).click();
    const statement = theme.getByLabel('Proposed agreement');
    expect(await statement.inputValue()).toBe(THEME);
    await statement.fill('We meet between 11 and 1');
    await theme.getByRole('button', { name: 'Open the round' }).click();

    for (const page of participants) await page.getByRole('heading', { name: 'We meet between 11 and 1' }).waitFor();
    await robin.getByRole('radio', { name: /^Agree/ }).check();
    await robin.getByRole('button', { name: 'Send my answer' }).click();
    // An answer can change until the close.
    await sam.getByRole('radio', { name: /^Agree/ }).check();
    await sam.getByRole('button', { name: 'Send my answer' }).click();
    await sam.getByRole('radio', { name: /^Can live with it/ }).check();
    await sam.getByRole('textbox', { name: /Your reason/ }).fill('I would prefer 10 to 12, but this works.');
    await sam.getByRole('button', { name: 'Change my answer' }).click();
    await sam.locator('.response-form__saved', { hasText: 'You answered Can live with it with a reason.' }).waitFor();
    // A block without a reason is refused on the spot, with the difference between a barrier and a preference.
    await kim.getByRole('radio', { name: /^Block/ }).check();
    await kim.getByRole('button', { name: 'Send my answer' }).click();
    await kim.locator('.form__error', { hasText: 'a block needs a reason' }).waitFor();
    expect(await kim.getByRole('textbox', { name: /real barrier/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    await kim.getByRole('textbox', { name: /real barrier/ }).fill(BLOCK_REASON);
    await kim.getByRole('button', { name: 'Send my answer' }).click();
    await kim.locator('.response-form__saved', { hasText: 'You answered Block' }).waitFor();

    await expect.poll(() => theme.locator('.voter-count').getAttribute('data-respondent-count')).toBe('3');
    for (const page of [facilitator, ...participants]) expect(await answerCounts(page)).toBe(0);
    // Kim's reason is in Kim's own form only.
    for (const page of [facilitator, robin, sam]) expect(await page.content()).not.toContain(BLOCK_REASON.slice(0, 30));
    expect(await kim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const page of [facilitator, kim, robin]) expect(await audit(page)).toEqual([]);
    await screenshot(kim, 'decide-participant-360-round-open');
    await screenshot(facilitator, 'decide-facilitator-round-open');

    await theme.getByRole('button', { name: 'Close the round…' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Close the round' }).click();
    for (const page of [facilitator, ...participants]) {
      const reason = page.locator('.reason--block').first();
      await expect.poll(() => reason.locator('.reason__text').textContent()).toBe(BLOCK_REASON);
      // Unattributed: the reason carries its kind of answer and nothing else.
      expect(await reason.textContent()).toBe(`Block${BLOCK_REASON}`);
      await page.getByText('Not passed: 1 person blocked.').first().waitFor();
    }
    expect(await robin.locator('.reason').count()).toBe(2);
    for (const page of [facilitator, kim]) expect(await audit(page)).toEqual([]);
    await screenshot(kim, 'decide-participant-360-round-failed');
    await screenshot(facilitator, 'decide-facilitator-round-failed');

    await theme.getByRole('button', { name: `Revise and ask again: ‘${THEME}’` }).click();
    const revised = 'We meet between 11 and 1, and never at 12:30 on Tuesdays';
    await theme.getByLabel('Proposed agreement').fill(revised);
    await theme.getByRole('button', { name: 'Ask again' }).click();
    for (const page of participants) {
      await page.getByRole('heading', { name: revised }).waitFor();
      await page.getByRole('radio', { name: /^Agree/ }).check();
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.locator('.response-form__saved', { hasText: 'You answered Agree' }).waitFor();
    }
    await expect.poll(() => theme.locator('.voter-count').getAttribute('data-respondent-count')).toBe('3');
    await theme.getByRole('button', { name: 'Close the round…' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Close the round' }).click();

    for (const page of [facilitator, ...participants]) {
      const agreement = page.getByRole('region', { name: 'Our agreement' });
      const item = agreement.locator('.agreement__item', { hasText: revised });
      await item.waitFor();
      expect(await item.locator('.agreement__status').textContent()).toBe('Locked');
      expect(await item.locator('.agreement__record').textContent()).toMatch(
        /^Agreed by consensus in round 2, .+: 3 agree, 0 can live with it, 0 blocks$/,
      );
    }
    // The failed first round stays in the history, with its reasons.
    await kim.getByText('Round 1 · not passed').waitFor();
    await screenshot(kim, 'decide-participant-360-round-passed');
    await screenshot(facilitator, 'decide-facilitator-round-passed');

    // Unlocking asks why, and the reason stays in everyone's record.
    await facilitator.getByRole('button', { name: 'Next: Agreement' }).click();
    await facilitator.getByRole('button', { name: `Unlock ‘${revised}’` }).click();
    await facilitator.getByLabel(/Why unlock it/).fill('Tuesday pickups moved to 1 pm');
    await facilitator.getByRole('button', { name: 'Unlock', exact: true }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click();
    for (const page of [facilitator, kim]) {
      await page.locator('.agreement__unlocked', { hasText: 'because “Tuesday pickups moved to 1 pm”' }).waitFor();
    }
    expect(await audit(kim)).toEqual([]);
    await screenshot(kim, 'decide-participant-360-agreement');
    await screenshot(facilitator, 'decide-facilitator-agreement');
  }, 90_000);
});

describe('results from one or two people', () => {
  it('asks before closing a vote or a round only one person took part in, and says what that would show', async () => {
    const seeded = await seedBoard(e2e.url, 'vote');
    const facilitator = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await facilitator.goto(seeded.facilitatorUrl);
    const robin = await (await e2e.newContext(PHONE)).newPage();
    await robin.goto(`${e2e.url}/j/${seeded.joinCode}`);
    await chooseName(robin, 'Robin');

    await facilitator.getByRole('button', { name: 'Start the vote' }).click();
    await addDots(robin, THEME, 2);
    await expect.poll(() => facilitator.locator('.voter-count').getAttribute('data-voter-count')).toBe('1');
    await facilitator.getByRole('button', { name: 'Close the vote…' }).click();
    const voteDialog = facilitator.getByRole('dialog', { name: 'Close the vote anyway?' });
    await voteDialog.getByText('Only 1 person has voted: the results would show exactly where they put their dots.').waitFor();
    expect(await audit(facilitator)).toEqual([]);
    await screenshot(facilitator, 'decide-facilitator-1280-close-vote-one-voter');
    await facilitator.setViewportSize({ width: 360, height: 740 });
    await screenshot(facilitator, 'decide-facilitator-360-close-vote-one-voter');
    await facilitator.setViewportSize({ width: 1280, height: 800 });
    // Cancel keeps the vote open: nothing is published.
    await voteDialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dotTallies(robin)).toBe(0);
    await facilitator.getByRole('button', { name: 'Close the vote…' }).click();
    await voteDialog.getByRole('button', { name: 'Close and show the results' }).click();
    await expect.poll(() => region(robin, MEETINGS).locator('.ranking__item').first().textContent()).toMatch(/2 dots$/);

    await facilitator.getByRole('button', { name: 'Next: Decide' }).click();
    const theme = facilitator.getByRole('article', { name: THEME });
    await theme.getByRole('button', { name: `Propose an agreement: ‘${THEME}’` }).click();
    await theme.getByRole('button', { name: 'Open the round' }).click();
    await robin.getByRole('radio', { name: /^Agree/ }).check();
    await robin.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => theme.locator('.voter-count').getAttribute('data-respondent-count')).toBe('1');
    await theme.getByRole('button', { name: 'Close the round…' }).click();
    const roundDialog = facilitator.getByRole('dialog', { name: 'Close the round anyway?' });
    await roundDialog.getByText('Only 1 person has answered: the result would show their answer').waitFor();
    await screenshot(facilitator, 'decide-facilitator-1280-close-round-one-answer');
    await roundDialog.getByRole('button', { name: 'Close and show the results' }).click();
    await robin.getByRole('region', { name: 'Our agreement' }).locator('.agreement__item', { hasText: THEME }).waitFor();
  }, 90_000);
});
