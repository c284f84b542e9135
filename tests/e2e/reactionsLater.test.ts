import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseName } from './flows';
import { asFacilitator, type SeededBoard, seedGroupBoard } from './groupSeed';
import { auditA11y, type E2E, PHONE, poll, startE2E } from './harness';
import { shootAtWidths } from './shots';

const TEST_MS = 60_000;
const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
/** A name no other byte on the board carries, so finding it in a frame would mean it leaked. */
const PHONE_NAME = 'Quillon Phone';
const NOTES = [
  [
    ['Childcare pickups at 3', 'need'],
    ['Too many meetings in a row', null],
    ['Late emails on Sunday', null],
  ],
  [
    ['Core hours 11 to 1', 'need'],
    ['Async standup', null],
  ],
] as const;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Every WebSocket frame the page receives from now on, as latin1 text (Yjs strings are UTF-8 inside). */
function receivedFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('latin1')),
    ),
  );
  return frames;
}

async function join(seeded: SeededBoard, options: BrowserContextOptions, name: string) {
  const page = await (await e2e.newContext(options)).newPage();
  const frames = receivedFrames(page);
  await page.goto(`${e2e.url}/j/${seeded.joinCode}`);
  await chooseName(page, name);
  return { page, frames };
}

const section = (page: Page) => page.locator('.note-reactions');
/** Unfolds the reactions (they stay folded until asked for). */
async function unfold(page: Page) {
  if ((await section(page).getAttribute('open')) === null) await section(page).locator('summary').click();
  await poll(() => section(page).getAttribute('open')).not.toBeNull();
}
const agree = (page: Page, text: string) =>
  section(page)
    .locator('.note', { hasText: text })
    .getByRole('button', { name: /^Plus one/ });

/** Reacts on the phone; the laptop sees the count, not pressed, and no byte it received names the phone. */
async function reactAndCheck(phone: Page, laptop: Page, laptopFrames: string[], text: string, expected: string) {
  const before = laptopFrames.length;
  await agree(phone, text).click();
  await poll(() => agree(phone, text).getAttribute('aria-pressed')).toBe('true');
  await poll(() => agree(laptop, text).getAttribute('aria-label')).toBe(expected);
  expect(await agree(laptop, text).getAttribute('aria-pressed')).toBe('false');
  const during = laptopFrames.slice(before).join('');
  // The count arrived in these frames (the reaction's key), and nothing that names who reacted.
  expect(during).toContain('plusOne');
  const secret = await phone.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('secret'))?.[1] ?? '');
  expect(secret.length).toBeGreaterThan(8);
  expect(during).not.toContain(secret);
  expect(during).not.toContain(PHONE_NAME);
}

it(
  'participants react to revealed notes in Vote and Decide, apart from the dots; another browser gets counts only',
  async () => {
    const seeded = await seedGroupBoard(e2e.url, NOTES as never, 3);
    await asFacilitator(e2e.url, seeded, [
      { type: 'setPhase', phase: 'vote' },
      {
        type: 'openVoteRound',
        roundId: 'r1',
        label: 'Round 1',
        dotsPerPerson: 3,
        maxPerItem: 2,
        facilitatorVotes: false,
        itemIds: null,
      },
    ]);
    const phone = (await join(seeded, PHONE, PHONE_NAME)).page;
    const { page: laptop, frames: laptopFrames } = await join(seeded, LAPTOP, 'Robin');

    // Vote: folded at the end of the page, below every dot button, and said not to be a vote.
    for (const page of [phone, laptop]) {
      await unfold(page);
      expect(await section(page).getByText('Reactions are not votes').count()).toBe(1);
      expect(await section(page).locator('.vote, [class*="dot"]').count()).toBe(0);
      const lastDot = await page.locator('.vote button').last().boundingBox();
      const reactions = await section(page).boundingBox();
      expect(lastDot && reactions && reactions.y > lastDot.y + lastDot.height).toBe(true);
    }
    await reactAndCheck(phone, laptop, laptopFrames, 'Too many meetings', 'Plus one, 1 person');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const violations = await auditA11y(phone);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await shootAtWidths(phone, 'reactions-vote-participant', section(phone));

    // Decide: the same, below the proposals and the agreement.
    await asFacilitator(e2e.url, seeded, [
      { type: 'closeVoteRound', roundId: 'r1', confirmSmallCount: true },
      { type: 'setPhase', phase: 'decide' },
    ]);
    for (const page of [phone, laptop]) {
      await poll(() => page.locator('.vote').count()).toBe(0);
      await unfold(page);
    }
    await poll(() => agree(laptop, 'Too many meetings').getAttribute('aria-label')).toBe('Plus one, 1 person');
    await reactAndCheck(phone, laptop, laptopFrames, 'Core hours', 'Plus one, 1 person');
    expect(await auditA11y(laptop)).toEqual([]);
    await shootAtWidths(laptop, 'reactions-decide-participant');
  },
  TEST_MS,
);
