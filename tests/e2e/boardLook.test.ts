import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/boardDoc';
import type { Command } from '../../shared/commands';
import { notesInContainer, themesOfPrompt } from '../../shared/domain/groupCommands';
import { type BoardState, sortedPrompts } from '../../shared/domain/state';
import { undoOfDeleteNotes } from '../../shared/domain/undoPlans';
import { seedThemedBoard } from './boardLookSeed';
import { chooseName } from './flows';
import { facilitatorConnection } from './groupSeed';
import { auditA11y, type E2E, startE2E } from './harness';

/** The widths the board is looked at: a phone, a tablet, a laptop, a projector. */
const LOOK_WIDTHS = [360, 768, 1280, 1920] as const;
/** Issue 15: a note's text holds at least this many characters per line on a 1280 px screen. */
const MIN_CHARS_PER_LINE_AT_1280 = 28;
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-artifacts/e2e';
const TEST_MS = 240_000;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** How far the page reaches past the window's right edge, in px (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** How many average characters (of the element's own font) fit on one line of the element. */
const charsPerLine = (text: Locator) =>
  text.evaluate((el) => {
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const sample = 'We keep meetings between eleven and one, and reply within a day';
    const average = context.measureText(sample).width / sample.length;
    return el.getBoundingClientRect().width / average;
  });

/** The stripe colour of each theme in the first question that has themes. */
const themeColors = (themes: Locator, property: 'borderTopColor' | 'borderLeftColor') =>
  themes.evaluateAll((els, p) => els.map((el) => getComputedStyle(el)[p as 'borderTopColor']), property);

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  for (const width of LOOK_WIDTHS) {
    await page.setViewportSize({ width, height: width < 700 ? 740 : 900 });
    expect(await overflow(page), `${name} at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-${width}.png`, style: '.toasts { display: none; }' });
  }
}

describe('the look of the board', () => {
  for (const total of [10, 60, 300]) {
    it(
      `${total} notes: sticky notes, a colour per theme, wide enough lines, no overflow, axe clean in light and dark`,
      async () => {
        const seeded = await seedThemedBoard(e2e.url, total);
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await e2e.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
          const f = await context.newPage();
          await f.goto(seeded.facilitatorUrl);
          const firstLane = f.locator('.lane').first();
          await firstLane.locator('.gtheme').first().waitFor();
          const present = await context.newPage();
          await present.setViewportSize({ width: 1280, height: 900 });
          await present.goto(`${e2e.url}/b/${seeded.boardId}/present`);
          await present.locator('.tcard').first().waitFor();
          // The projector shows the notes of the question in the spotlight (the board keeps it for the dark pass).
          if (colorScheme === 'light') await firstLane.getByRole('button', { name: /^Spotlight/ }).click();
          await present.locator('.tnote__text').first().waitFor();
          const phoneContext = await e2e.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
          const phone = await phoneContext.newPage();
          await phone.goto(`${e2e.url}/j/${seeded.joinCode}`);
          await chooseName(phone, null);
          await phone.locator('.tcard').first().waitFor();

          // One colour per theme: the first lane's themes (up to eight) never share one.
          const laneColors = await themeColors(firstLane.locator('.gtheme'), 'borderTopColor');
          expect(new Set(laneColors.slice(0, 8)).size).toBe(Math.min(laneColors.length, 8));
          const watched = await themeColors(
            phone.locator('.tlist').first().locator('.tcard:not(.tcard--ungrouped)'),
            'borderLeftColor',
          );
          expect(watched.slice(0, 8)).toEqual(laneColors.slice(0, 8));

          // Readable lines at 1280 px, on the board, on phones' laptops and on the projector.
          const texts = {
            facilitator: firstLane.locator('.gnote__text').first(),
            participant: phone.locator('.tnote__text').first(),
            present: present.locator('.tnote__text').first(),
          };
          for (const [view, text] of Object.entries(texts)) {
            expect(await charsPerLine(text), view).toBeGreaterThanOrEqual(MIN_CHARS_PER_LINE_AT_1280);
          }
          // The ⋯ menu is there for the keyboard, hidden for a pointer that is elsewhere.
          const menu = firstLane.locator('.gnote__menu').first();
          expect(await menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
          await firstLane.locator('.gnote__handle').first().focus();
          expect(await menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
          await f.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

          for (const page of [f, phone, present]) expect(await auditA11y(page)).toEqual([]);
          await shoot(f, `look-${total}-${colorScheme}-facilitator`);
          await shoot(phone, `look-${total}-${colorScheme}-participant`);
          await shoot(present, `look-${total}-${colorScheme}-present`);
          await context.close();
          await phoneContext.close();
        }
      },
      TEST_MS,
    );
  }
});

/** Issue 15: how far (px) the note under the pointer may move when someone else changes the board elsewhere. */
const MAX_SHIFT_PX = 1;

describe('a board that holds still while others act', () => {
  it(
    'the note under the pointer stays put when a co-facilitator moves, deletes and restores notes above it; in its own theme only changes above it move it',
    async () => {
      const seeded = await seedThemedBoard(e2e.url, 60);
      const f = await (await e2e.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await f.goto(seeded.facilitatorUrl);
      await f.locator('.lane').nth(1).locator('.gtheme').first().waitFor();
      const co = facilitatorConnection(e2e.url, seeded);
      try {
        await expect.poll(() => co.isSynced && co.status === 'online', { timeout: 10_000 }).toBe(true);
        const board = () => readBoard(co.doc) as BoardState;
        const [first, second] = sortedPrompts(board());
        if (!first || !second) throw new Error('two prompts expected');
        const themesOf = (promptId: string) => themesOfPrompt(board(), promptId);
        const idsIn = (promptId: string, themeId: string | null) => notesInContainer(board(), promptId, themeId).map((n) => n.id);
        const send = async (command: Command) => {
          const result = await co.send(command);
          if (!result.ok) throw new Error(`${command.type}: ${result.message}`);
        };

        // The pointer rests on the second note of the second question's first theme, in the middle of the window.
        const target = themesOf(second.id)[0]!;
        const [, pointed, below] = [...idsIn(second.id, target.id), undefined];
        if (!pointed) throw new Error('the theme needs two notes');
        const note = f.locator(`[data-note-id="${pointed}"]`);
        await note.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const box = async () => {
          // Two frames: the change is drawn and any anchoring done.
          await f.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const b = await note.boundingBox();
          if (!b) throw new Error('the note is gone');
          return b;
        };
        const start = await box();
        await f.mouse.move(start.x + start.width / 3, start.y + start.height / 2);
        const underPointer = () =>
          f.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-note-id]')?.getAttribute('data-note-id'), {
            x: start.x + start.width / 3,
            y: start.y + start.height / 2,
          });
        expect(await underPointer()).toBe(pointed);
        const notesShown = () => f.locator('.gnote').count();
        const expectStill = async (what: string) => {
          const now = await box();
          expect(Math.abs(now.y - start.y), what).toBeLessThanOrEqual(MAX_SHIFT_PX);
          expect(Math.abs(now.x - start.x), what).toBeLessThanOrEqual(MAX_SHIFT_PX);
          expect(await underPointer(), what).toBe(pointed);
        };

        // Above it, in the first question: its first theme grows by every ungrouped note…
        const grown = themesOf(first.id)[0]!;
        const loose = idsIn(first.id, null);
        expect(loose.length).toBeGreaterThan(0);
        await send({ type: 'moveNotes', noteIds: loose, themeId: grown.id, beforeNoteId: null });
        await expect.poll(() => f.locator('.lane').first().locator('.gungrouped .gnote').count()).toBe(0);
        await expectStill('a theme above grew');
        // …then two of its notes are deleted (it shrinks)…
        const before = board();
        const gone = idsIn(first.id, grown.id).slice(0, 2);
        const shown = await notesShown();
        await send({ type: 'deleteNotes', noteIds: gone });
        await expect.poll(notesShown).toBe(shown - 2);
        await expectStill('notes above were deleted');
        // …and they come back (the undo adds them).
        await send(undoOfDeleteNotes(before, gone)!);
        await expect.poll(notesShown).toBe(shown);
        await expectStill('notes above came back');
        // A new theme gathering notes above.
        await send({
          type: 'createTheme',
          themeId: 'new-above',
          promptId: first.id,
          name: 'New above',
          noteIds: idsIn(first.id, grown.id).slice(0, 3),
          beforeThemeId: null,
        });
        await f.locator('.gtheme', { hasText: 'New above' }).waitFor();
        await expectStill('a theme was made above');

        // In its own theme: a note added after it, and one deleted after it, leave it where it is.
        const other = themesOf(second.id)[1]!;
        const incoming = idsIn(second.id, other.id)[0]!;
        await send({ type: 'moveNotes', noteIds: [incoming], themeId: target.id, beforeNoteId: null });
        await f.locator(`.gtheme [data-note-id="${incoming}"]`).waitFor();
        await expect.poll(() => idsIn(second.id, target.id).at(-1)).toBe(incoming);
        await expectStill('a note joined its theme below it');
        if (below) {
          await send({ type: 'deleteNotes', noteIds: [below] });
          await f.locator(`[data-note-id="${below}"]`).waitFor({ state: 'detached' });
          await expectStill('a note below it in its theme was deleted');
        }
        // A note put before it in its own theme may move it, and only down.
        await send({ type: 'moveNotes', noteIds: [incoming], themeId: target.id, beforeNoteId: pointed });
        await expect
          .poll(() => idsIn(second.id, target.id).indexOf(incoming))
          .toBeLessThan(idsIn(second.id, target.id).indexOf(pointed));
        const after = await box();
        expect(after.y).toBeGreaterThan(start.y);
        await f.screenshot({ path: `${SHOTS_DIR}/stable-under-pointer-1280.png` });
      } finally {
        co.destroy();
      }
    },
    TEST_MS,
  );
});
