import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/boardDoc';
import { seedThemedBoard } from './boardLookSeed';
import { chooseName, promptRegion } from './flows';
import { handle, mouseDrag, themeCard } from './groupDrag';
import { facilitatorConnection } from './groupSeed';
import { type E2E, startE2E } from './harness';
import { SHOT_WIDTHS } from './shots';

/**
 * Issue #12, item 5: messages never cover a card nor take a drag meant for one. On a board full of
 * notes, at every width, a message is shown and its box is compared with every card's.
 */

const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-artifacts/e2e';
/** Cards of the facilitator's lanes and of the participant's board: notes, themes and prompt cards. */
const CARDS = '.gnote, .gtheme, .tnote, .tcard, .note, .card';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * What overlaps the shown message: every card's part that is on screen (below the sticky header
 * that cards scroll beneath), intersected with the message's box; and whatever the message hides
 * where a card should be found under the pointer.
 */
function findOverlaps(page: Page, cards: string) {
  return page.evaluate((selector) => {
    const message = [...document.querySelectorAll('.toast')].find((el) => el.getClientRects().length > 0);
    if (!message)
      return { message: null, overlaps: ['no message shown'], hidden: [], isInHeader: false, lines: 0, pointerEvents: '' };
    const box = message.getBoundingClientRect();
    const header = document.querySelector('.topbar')?.getBoundingClientRect();
    const visibleTop = Math.max(0, header?.bottom ?? 0);
    const overlaps: string[] = [];
    const hidden: string[] = [];
    for (const card of document.querySelectorAll(selector)) {
      const r = card.getBoundingClientRect();
      const top = Math.max(r.top, visibleTop);
      const bottom = Math.min(r.bottom, window.innerHeight);
      if (bottom <= top || r.width === 0) continue;
      if (r.left < box.right && box.left < r.right && top < box.bottom && box.top < bottom) {
        overlaps.push(`${card.className}: ${(card.textContent ?? '').slice(0, 40)}`);
      }
      // The card itself (or something inside it) is what a press at its centre reaches.
      const atCentre = document.elementFromPoint(r.left + r.width / 2, (top + bottom) / 2);
      if (atCentre !== null && !card.contains(atCentre) && !atCentre.contains(card) && message.contains(atCentre)) {
        hidden.push(card.className);
      }
    }
    const rect = { x: box.x, y: box.y, width: box.width, height: box.height };
    const isInHeader = header !== undefined && box.top >= header.top && box.bottom <= header.bottom;
    const text = message.querySelector('.toast__text') as HTMLElement;
    const lines = Math.round(text.offsetHeight / Number.parseFloat(getComputedStyle(text).lineHeight));
    return { message: rect, overlaps, hidden, isInHeader, lines, pointerEvents: getComputedStyle(message).pointerEvents };
  }, cards);
}

/** Shows a message on both pages: the phase moves (Share and back to Group), which everyone is told. */
async function showMessage(send: (phase: 'share' | 'group') => Promise<void>, pages: readonly Page[], phase: 'share' | 'group') {
  await send(phase);
  const name = phase === 'share' ? 'Now: Share.' : 'Now: Group.';
  for (const page of pages) {
    await page.locator('.toast', { hasText: name }).filter({ visible: true }).first().waitFor();
  }
}

describe('messages on a board full of notes', () => {
  it('never overlap a card, at 360, 390, 768 and 1280 px, for the facilitator and a participant, and a drag goes through', async () => {
    const seeded = await seedThemedBoard(e2e.url, 60);
    const seed = facilitatorConnection(e2e.url, seeded);
    await expect.poll(() => seed.isSynced && seed.status === 'online').toBe(true);
    const send = async (phase: 'share' | 'group') => {
      const result = await seed.send({ type: 'setPhase', phase, confirm: true });
      if (!result.ok) throw new Error(result.message);
    };
    const f = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await f.goto(seeded.facilitatorUrl);
    await f.locator('.gnote').first().waitFor();
    const p = await (await e2e.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
    await p.goto(`${e2e.url}/j/${seeded.joinCode}`);
    await chooseName(p, null);
    await p.locator('.tcard').first().waitFor();

    // A running timer makes the header's status as wide as it gets.
    const timer = await seed.send({ type: 'startTimer', durationMs: 10 * 60_000 });
    if (!timer.ok) throw new Error(timer.message);
    await p.locator('.topbar [role="timer"]').waitFor();

    let phase: 'share' | 'group' = 'share';
    for (const width of SHOT_WIDTHS) {
      const height = width < 700 ? 740 : 800;
      for (const page of [f, p]) await page.setViewportSize({ width, height });
      await showMessage(send, [f, p], phase);
      phase = phase === 'share' ? 'group' : 'share';
      // At the top of the page, and scrolled into the middle of the board, where cards pass beneath the header.
      for (const scroll of [0, 0.4]) {
        for (const [who, page] of [
          ['facilitator', f],
          ['participant', p],
        ] as const) {
          await page.evaluate((share) => window.scrollTo(0, document.documentElement.scrollHeight * share), scroll);
          const found = await findOverlaps(page, CARDS);
          const where = `${who} at ${width} px, scrolled ${scroll * 100} %`;
          expect(found.message, where).not.toBeNull();
          expect(found.overlaps, where).toEqual([]);
          expect(found.hidden, where).toEqual([]);
          expect(found.pointerEvents, where).toBe('none');
          // In the header, on one line.
          expect(found.isInHeader, where).toBe(true);
          expect(found.lines, where).toBe(1);
          await page.screenshot({ path: `${SHOTS_DIR}/header-toast-${who}-${width}-${scroll * 100}.png` });
        }
      }
    }

    // Back in Group, with a message shown: a note near the bottom of the screen is dragged onto a theme.
    if (phase === 'group') await showMessage(send, [f], 'group');
    else {
      await showMessage(send, [f], 'share');
      await showMessage(send, [f], 'group');
    }
    await f.setViewportSize({ width: 1280, height: 800 });
    const board = () => readBoard(seed.doc);
    const notes = [...(board()?.notes.values() ?? [])];
    const ungrouped = notes.find((n) => n.themeId === null);
    const theme = [...(board()?.themes.values() ?? [])].find((t) => t.promptId === ungrouped?.promptId);
    const prompt = ungrouped && board()?.prompts.get(ungrouped.promptId);
    if (!ungrouped || !theme || !prompt) throw new Error('no ungrouped note beside a theme');
    const lane = promptRegion(f, prompt.text);
    await f.locator('.toast').filter({ visible: true }).first().waitFor();
    await mouseDrag(f, handle(lane, ungrouped.text), themeCard(lane, theme.name));
    await expect.poll(() => board()?.notes.get(ungrouped.id)?.themeId).toBe(theme.id);
    seed.destroy();
  }, 180_000);
});
