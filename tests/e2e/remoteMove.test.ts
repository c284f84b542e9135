import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/boardDoc';
import { sortedPrompts } from '../../shared/domain/state';
import { randomId } from '../../shared/random';
import { chooseName, promptRegion } from './flows';
import { asFacilitator, facilitatorConnection, type SeededBoard, SIXTY_NOTES, seedGroupBoard } from './groupSeed';
import { type E2E, PHONE, poll, screenshot, startE2E } from './harness';

const TEST_MS = 90_000;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * Remembers, for every note and card on the page, its element and the props React last gave it.
 * React keeps a host element's current props on the element (`__reactProps$…`) and replaces that
 * object whenever the component drawing the element renders again: an unchanged object means the
 * note was not rendered again, whatever the DOM looks like.
 */
function rememberRenders(page: Page): Promise<void> {
  return page.evaluate(() => {
    const propsOf = (element: Element) => {
      const key = Object.keys(element).find((k) => k.startsWith('__reactProps$'));
      return key ? (element as unknown as Record<string, unknown>)[key] : undefined;
    };
    const seen = new Map<Element, unknown>();
    for (const element of document.querySelectorAll('.tnote, .tcard, .group-prompt')) seen.set(element, propsOf(element));
    (window as unknown as { seenRenders: Map<Element, unknown> }).seenRenders = seen;
    (window as unknown as { propsOf: typeof propsOf }).propsOf = propsOf;
  });
}

/** The notes, cards and questions drawn again (or removed) since `rememberRenders`: texts and names. */
function renderedAgain(page: Page): Promise<{ notes: string[]; cards: string[]; prompts: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { seenRenders: Map<Element, unknown>; propsOf: (e: Element) => unknown };
    const notes: string[] = [];
    const cards: string[] = [];
    const prompts: string[] = [];
    for (const [element, props] of w.seenRenders) {
      if (element.isConnected && w.propsOf(element) === props) continue;
      if (element.classList.contains('tnote')) notes.push(element.querySelector('.tnote__text')?.textContent ?? '');
      else if (element.classList.contains('group-prompt')) prompts.push(element.querySelector('h2')?.textContent ?? '');
      else cards.push(element.getAttribute('data-theme-name') ?? 'Not in a theme yet');
    }
    return { notes: notes.sort(), cards: cards.sort(), prompts };
  });
}

describe('a remote move on the participant board', () => {
  it(
    'shows the note in its new theme, and renders again only that note, the two cards it left and joined, and their question',
    async () => {
      const seeded = await seedGroupBoard(e2e.url, SIXTY_NOTES);
      const [first, second] = seeded.promptTexts as [string, string];
      // Themes in the first two prompts, made over the real protocol as a co-facilitator would.
      const board = await boardOf(seeded);
      const prompts = sortedPrompts(board);
      const notesOf = (promptIndex: number) =>
        [...board.notes.values()].filter((n) => n.promptId === prompts[promptIndex]?.id && n.themeId === null);
      const [a1, a2, a3] = notesOf(0);
      const [b1, b2] = notesOf(1);
      if (!a1 || !a2 || !a3 || !b1 || !b2) throw new Error('the seed has too few notes');
      const careId = randomId();
      const hoursId = randomId();
      await asFacilitator(e2e.url, seeded, [
        { type: 'createTheme', themeId: careId, promptId: a1.promptId, name: 'Care', noteIds: [a1.id], beforeThemeId: null },
        { type: 'createTheme', themeId: randomId(), promptId: a1.promptId, name: 'Focus', noteIds: [a2.id], beforeThemeId: null },
        { type: 'createTheme', themeId: hoursId, promptId: b1.promptId, name: 'Hours', noteIds: [b1.id], beforeThemeId: null },
      ]);

      const phone = await (await e2e.newContext(PHONE)).newPage();
      await phone.goto(`${e2e.url}/j/${seeded.joinCode}`);
      await chooseName(phone, 'Robin');
      const care = promptRegion(phone, first).locator('.tcard[data-theme-name="Care"]');
      await poll(() => care.locator('.tnote__text').allTextContents()).toEqual([a1.text]);
      // Off-screen cards are skipped only once each has been drawn; the move comes after that.
      await poll(() => phone.locator('.tlist--skips').count()).toBe(seeded.promptTexts.length);
      await rememberRenders(phone);

      await asFacilitator(e2e.url, seeded, [{ type: 'moveNotes', noteIds: [a3.id], themeId: careId, beforeNoteId: null }]);
      const sorted = (texts: string[]) => [...texts].sort();
      await poll(async () => sorted(await care.locator('.tnote__text').allTextContents())).toEqual(sorted([a1.text, a3.text]));
      const ungrouped = promptRegion(phone, first).locator('.tcard--ungrouped .tnote__text');
      expect(await ungrouped.allTextContents()).not.toContain(a3.text);
      expect(await renderedAgain(phone)).toEqual({ notes: [a3.text], cards: ['Care', 'Not in a theme yet'], prompts: [first] });

      // On screen: the note is drawn where it went; its "just moved" mark goes after a while.
      const moved = care.locator('.tnote', { hasText: a3.text });
      await moved.scrollIntoViewIfNeeded();
      expect((await moved.boundingBox())?.height ?? 0).toBeGreaterThan(20);
      await screenshot(phone, 'remote-move-phone-360');
      await poll(() => moved.getAttribute('class')).not.toContain('tnote--recent');

      // A move in another prompt, far down the page (its cards skipped while off screen), shows when scrolled to.
      await phone.evaluate(() => window.scrollTo(0, 0));
      await rememberRenders(phone);
      await asFacilitator(e2e.url, seeded, [{ type: 'moveNotes', noteIds: [b2.id], themeId: hoursId, beforeNoteId: null }]);
      const hours = promptRegion(phone, second).locator('.tcard[data-theme-name="Hours"]');
      await poll(async () => sorted(await hours.locator('.tnote__text').allTextContents())).toEqual(sorted([b1.text, b2.text]));
      expect(await renderedAgain(phone)).toEqual({ notes: [b2.text], cards: ['Hours', 'Not in a theme yet'], prompts: [second] });
      await hours.scrollIntoViewIfNeeded();
      await poll(() =>
        hours.locator('.tnote', { hasText: b2.text }).evaluate((e) => e.getBoundingClientRect().height),
      ).toBeGreaterThan(20);
    },
    TEST_MS,
  );
});

/** The seeded board as the server holds it, read over a facilitator connection. */
async function boardOf(seeded: SeededBoard) {
  const connection = facilitatorConnection(e2e.url, seeded);
  try {
    const deadline = Date.now() + 10_000;
    while (!(connection.isSynced && connection.status === 'online')) {
      if (Date.now() > deadline) throw new Error('the facilitator connection did not sync');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const board = readBoard(connection.doc);
    if (!board) throw new Error('no board');
    return board;
  } finally {
    connection.destroy();
  }
}
