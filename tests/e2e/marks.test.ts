import { mkdir } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseName, promptRegion } from './flows';
import { asFacilitator, type SeededBoard, seedGroupBoard } from './groupSeed';
import { auditA11y, type E2E, PHONE, poll, startE2E } from './harness';

/** The widths the issue asks every changed view to be looked at in. */
const WIDTHS = [360, 390, 768, 1280] as const;
const SHOTS = '/tmp/fd-marks-shots';
const TEST_MS = 60_000;

const NOTES = [
  [
    ['Childcare pickups at 3', 'need'],
    ['Too many meetings in a row', null],
    ['Unclear priorities each week', null],
    ['Late emails on Sunday', null],
  ],
  [
    ['Core hours 11 to 1', 'need'],
    ['No meetings on Friday', 'nice'],
    ['Async standup', null],
  ],
] as const;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await e2e?.close();
});

async function participant(seeded: SeededBoard, options: BrowserContextOptions, name: string | null): Promise<Page> {
  const page = await (await e2e.newContext(options)).newPage();
  await page.goto(`${e2e.url}/j/${seeded.joinCode}`);
  await chooseName(page, name);
  return page;
}

/** Screenshots of `page` at every width of the issue, into /tmp/fd-marks-shots. */
async function shootWidths(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

describe('marks, reactions and grouping by participants in Chromium', () => {
  it(
    'reacts on a phone and another person sees the count only; grouping opens from the facilitator’s toolbar',
    async () => {
      const seeded = await seedGroupBoard(e2e.url, NOTES as never, 3);
      const facilitator = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await facilitator.goto(seeded.facilitatorUrl);
      const phone = await participant(seeded, PHONE, null);
      const laptop = await participant(seeded, { viewport: { width: 1024, height: 800 } }, 'Robin');
      const prompt = seeded.promptTexts[0]!;
      const note = (page: Page, text: string) => promptRegion(page, prompt).locator('.tnote', { hasText: text });

      // A reaction: pressed on the phone, a count on the laptop, nothing pressed there.
      const agree = (page: Page) => note(page, 'Too many meetings').getByRole('button', { name: /^Plus one/ });
      await agree(phone).click();
      await poll(() => agree(phone).getAttribute('aria-pressed')).toBe('true');
      await poll(() => agree(laptop).getAttribute('aria-label')).toBe('Plus one, 1 person');
      expect(await agree(laptop).getAttribute('aria-pressed')).toBe('false');
      await agree(laptop).click();
      await poll(() => agree(phone).getAttribute('aria-label')).toBe('Plus one, 2 people');
      // Taken back on the phone.
      await agree(phone).click();
      await poll(() => agree(laptop).getAttribute('aria-label')).toBe('Plus one, 1 person');

      // Grouping: no menu until the facilitator opens it.
      const moveButton = (page: Page, text: string) => note(page, text).getByRole('button', { name: /^Move to/ });
      expect(await moveButton(phone, 'Childcare').count()).toBe(0);
      await facilitator.getByRole('button', { name: 'Participants can group' }).click();
      await moveButton(phone, 'Childcare').waitFor();
      // What the name field holds as the dialog opens is what a person types into: it must be the
      // default already (it came a render later, and replaced the first keystrokes on a busy phone).
      await phone.evaluate(() => {
        const open = HTMLDialogElement.prototype.showModal;
        const seen: (string | undefined)[] = [];
        (window as unknown as { fieldAtOpen: typeof seen }).fieldAtOpen = seen;
        HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
          seen.push(this.querySelector('input')?.value);
          open.call(this);
        };
      });
      // By keyboard: open the menu, go to "A new theme…", name it.
      await moveButton(phone, 'Childcare').focus();
      await phone.keyboard.press('Enter');
      await phone.getByRole('menuitem', { name: 'A new theme…' }).focus();
      await phone.keyboard.press('Enter');
      await phone.getByLabel(/Theme name/).waitFor();
      expect(await phone.evaluate(() => (window as unknown as { fieldAtOpen: unknown }).fieldAtOpen)).toEqual(['Theme 1']);
      await phone.getByLabel(/Theme name/).fill('Family time');
      await phone.getByRole('button', { name: 'Create theme' }).click();
      const theme = (page: Page) => promptRegion(page, prompt).locator('[data-theme-name="Family time"]');
      await poll(() => theme(laptop).locator('.tnote', { hasText: 'Childcare' }).count()).toBe(1);
      // By menu: another note into it, from the laptop.
      await moveButton(laptop, 'Late emails').click();
      await laptop.getByRole('menuitem', { name: '‘Family time’' }).click();
      await poll(() => theme(phone).locator('.tnote', { hasText: 'Late emails' }).count()).toBe(1);
      await poll(() => facilitator.locator('.lane', { hasText: 'Family time' }).count()).toBeGreaterThan(0);
      const violations = await auditA11y(phone);
      expect(violations, JSON.stringify(violations)).toEqual([]);
      await shootWidths(phone, 'group-participant');
      await shootWidths(facilitator, 'group-facilitator');

      // Closed again: the menus go, and the server would refuse anyway.
      await facilitator.getByRole('button', { name: 'Participants can group' }).click();
      await poll(() => moveButton(phone, 'Childcare').count()).toBe(0);
    },
    TEST_MS,
  );

  it(
    'says “done” in reflect and in vote; the facilitator sees how many',
    async () => {
      const seeded = await seedGroupBoard(e2e.url, NOTES as never, 3);
      await asFacilitator(e2e.url, seeded, [
        { type: 'setPhase', phase: 'share' },
        { type: 'setPhase', phase: 'reflect', confirm: true },
      ]);
      const facilitator = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await facilitator.goto(seeded.facilitatorUrl);
      const phone = await participant(seeded, PHONE, null);
      const prompt = seeded.promptTexts[1]!;
      await promptRegion(phone, prompt).getByRole('button', { name: 'I’m done with this question' }).click();
      const done = promptRegion(phone, prompt).locator('.done__button');
      await poll(() => done.getAttribute('aria-pressed')).toBe('true');
      await poll(() => promptRegion(facilitator, prompt).locator('.done-count').textContent()).toBe('1 person is done writing');
      expect(await auditA11y(phone)).toEqual([]);
      await shootWidths(phone, 'reflect-participant');
      await shootWidths(facilitator, 'reflect-facilitator');

      await asFacilitator(e2e.url, seeded, [
        { type: 'setPhase', phase: 'share' },
        { type: 'setPhase', phase: 'group' },
        { type: 'setPhase', phase: 'vote' },
        {
          type: 'openVoteRound',
          roundId: 'round1',
          label: 'Round 1',
          dotsPerPerson: 3,
          maxPerItem: 2,
          facilitatorVotes: false,
          itemIds: null,
        },
      ]);
      const doneVoting = phone.getByRole('button', { name: 'I’m done voting' });
      await doneVoting.click();
      await poll(() => facilitator.locator('.done-count').textContent()).toBe('1 person is done voting');
      await shootWidths(phone, 'vote-participant');
      await shootWidths(facilitator, 'vote-facilitator');
      // Pressed again: taken back.
      await phone.getByRole('button', { name: '✓ Done' }).click();
      await poll(() => facilitator.locator('.done-count').textContent()).toBe('Nobody has said they are done voting yet');
    },
    TEST_MS,
  );
});
