import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_COMMAND } from '../../shared/protocol';
import { formatJoinCode } from '../../shared/random';
import { chooseName, promptRegion } from './flows';
import { handle, mouseDrag, nameTheme, themeCard } from './groupDrag';
import { type SeededBoard, type SeedNote, seedGroupBoard } from './groupSeed';
import { artifactPath, auditA11y, type E2E, literally, PHONE, poll, screenshot, startE2E } from './harness';

const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 800 } };
/** Each test is a whole group phase with three browsers; the budget per test is 40 s. */
// Generous: a loaded two-core CI machine runs Chromium pages and the server side by side.
const TEST_MS = 90_000;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

interface Room {
  readonly seeded: SeededBoard;
  readonly facilitator: Page;
  readonly laptop: Page;
  readonly phone: Page;
  /** Command frames the facilitator's page sent, decoded. */
  readonly commands: { type: string; noteIds?: string[] }[];
}

/** A board in the group phase, its facilitator on a laptop, and two participants watching (one on a 360 px phone). */
async function openRoom(notes?: readonly (readonly SeedNote[])[], initScript?: () => void): Promise<Room> {
  const seeded = await seedGroupBoard(e2e.url, notes);
  const facilitatorContext = await e2e.newContext(LAPTOP);
  if (initScript) await facilitatorContext.addInitScript(initScript);
  const facilitator = await facilitatorContext.newPage();
  const commands: Room['commands'] = [];
  facilitator.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string' || payload[0] !== MESSAGE_COMMAND) return;
      const json = payload.toString('utf8');
      const start = json.indexOf('{');
      if (start >= 0) commands.push((JSON.parse(json.slice(start)) as { command: Room['commands'][number] }).command);
    }),
  );
  await facilitator.goto(seeded.facilitatorUrl);
  const laptop = await (await e2e.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  const phone = await (await e2e.newContext(PHONE)).newPage();
  await Promise.all([laptop.goto(`${e2e.url}/j/${seeded.joinCode}`), phone.goto(`${e2e.url}/j/${seeded.joinCode}`)]);
  await Promise.all([chooseName(laptop, 'Robin'), chooseName(phone, null)]);
  await facilitator.locator('.lane').first().waitFor();
  for (const page of [laptop, phone]) await page.locator('.tcard').first().waitFor();
  return { seeded, facilitator, laptop, phone, commands };
}

const poolCount = (lane: Locator) => lane.locator('.gungrouped .gnote').count();

/** The notes of a theme as a participant sees them, in order. */
function watchedTheme(page: Page, prompt: string, name: string): Promise<string[]> {
  return promptRegion(page, prompt).locator(`.tcard[data-theme-name="${name}"] .tnote__text`).allTextContents();
}
function watchedThemes(page: Page, prompt: string): Promise<(string | null)[]> {
  return promptRegion(page, prompt)
    .locator('.tcard[data-theme-name]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-theme-name')));
}

/** The notes of a lane that show a drop hint, with the hint: [text, combine | before | after]. */
function dropHints(lane: Locator): Promise<string[][]> {
  return lane
    .locator('.gnote[data-drop]')
    .evaluateAll((notes) =>
      notes.map((n) => [n.querySelector('.gnote__text')?.textContent ?? '', n.getAttribute('data-drop') ?? '']),
    );
}

/** Both participants see `name` holding exactly `notes` (in any order unless `isOrdered`). */
async function expectWatched(room: Room, prompt: string, name: string, notes: string[], isOrdered = false): Promise<void> {
  for (const page of [room.laptop, room.phone]) {
    await expect
      .poll(async () => {
        const seen = await watchedTheme(page, prompt, name);
        return isOrdered ? seen : [...seen].sort();
      })
      .toEqual(isOrdered ? notes : [...notes].sort());
  }
}

describe('group phase', () => {
  it(
    'clusters by mouse drag while two participants watch the notes move live',
    async () => {
      const room = await openRoom();
      const { facilitator: f } = room;
      const P = room.seeded.promptTexts[0] as string;
      const lane = promptRegion(f, P);

      // A note dropped on another ungrouped note starts a theme with both, named with a default to type over.
      // While held there, that note alone says so (the list around it does not light up as a target).
      await mouseDrag(f, handle(lane, 'Childcare pickups at 3'), handle(lane, 'Caring for a parent'), { release: false });
      await expect.poll(() => dropHints(lane)).toEqual([['Caring for a parent', 'combine']]);
      expect(await lane.locator('.gnote__drop-label').allTextContents()).toEqual(['New theme with both']);
      expect(await lane.locator('.gungrouped--over').count()).toBe(0);
      await f.screenshot({ path: artifactPath('group-drag-combine') });
      await f.mouse.up();
      expect(await nameTheme(f, 'Family care')).toBe('Caring for a parent');
      await expectWatched(room, P, 'Family care', ['Caring for a parent', 'Childcare pickups at 3']);

      // Into a theme (dropped on its header: at the end).
      await mouseDrag(f, handle(lane, 'School run in the morning'), themeCard(lane, 'Family care').locator('.gtheme__count'));
      await expectWatched(room, P, 'Family care', ['Caring for a parent', 'Childcare pickups at 3', 'School run in the morning']);

      // Onto "New theme".
      await mouseDrag(f, handle(lane, 'Too many meetings in a row'), lane.locator('.gnew'));
      await nameTheme(f, 'Meetings');
      await expectWatched(room, P, 'Meetings', ['Too many meetings in a row']);

      // While the facilitator drags, both participants see the note marked as being moved.
      await mouseDrag(f, handle(lane, 'Notifications all day long'), themeCard(lane, 'Meetings').locator('.gtheme__count'), {
        release: false,
      });
      for (const page of [room.laptop, room.phone]) {
        await expect
          // The note's words and its flag (a participant's reactions below them are not part of the move).
          .poll(() => page.locator('.tnote--moving').locator('.tnote__text, .tnote__flag').allTextContents())
          .toEqual(['Notifications all day long', 'Being moved']);
      }
      await screenshot(room.phone, 'group-participant-360-live-drag');
      await f.mouse.up();
      await expectWatched(room, P, 'Meetings', ['Too many meetings in a row', 'Notifications all day long'], true);
      for (const page of [room.laptop, room.phone]) await poll(() => page.locator('.tnote--moving').count()).toBe(0);

      // Between themes, before another note (upper half of it).
      await mouseDrag(f, handle(lane, 'Childcare pickups at 3'), handle(lane, 'Too many meetings in a row'), { dy: -8 });
      await expectWatched(
        room,
        P,
        'Meetings',
        ['Childcare pickups at 3', 'Too many meetings in a row', 'Notifications all day long'],
        true,
      );
      // After a note (its lower half): the line shows under that note alone, and the note lands there.
      await mouseDrag(f, handle(lane, 'Childcare pickups at 3'), handle(lane, 'Too many meetings in a row'), {
        dy: 8,
        release: false,
      });
      await expect.poll(() => dropHints(lane)).toEqual([['Too many meetings in a row', 'after']]);
      expect(await themeCard(lane, 'Meetings').getAttribute('class')).not.toContain('gtheme--over');
      await f.screenshot({ path: artifactPath('group-drag-after-note') });
      await f.mouse.up();
      await expectWatched(
        room,
        P,
        'Meetings',
        ['Too many meetings in a row', 'Childcare pickups at 3', 'Notifications all day long'],
        true,
      );
      expect(await dropHints(lane)).toEqual([]);
      // Out to the ungrouped notes.
      await mouseDrag(f, handle(lane, 'Childcare pickups at 3'), lane.locator('.gungrouped__title'));
      await expectWatched(room, P, 'Meetings', ['Too many meetings in a row', 'Notifications all day long'], true);
      await expect
        .poll(() => promptRegion(room.phone, P).locator('.tcard--ungrouped').textContent())
        .toContain('Childcare pickups at 3');

      // Multi-select (Ctrl-click, Shift-click, a note's ⋯ menu): dragging one selected note moves all, in one command.
      await handle(lane, 'Childcare pickups at 3').click({ modifiers: ['Control'] });
      await handle(lane, 'Slow laptop and VPN drops').click({ modifiers: ['Shift'] });
      expect(await lane.getByRole('checkbox').count()).toBe(0);
      await lane.getByRole('button', { name: 'Actions for ‘Noise in the open office’' }).click();
      await f.getByRole('menuitem', { name: 'Select' }).click();
      await f.getByText('3 notes selected').waitFor();
      const before = room.commands.length;
      await mouseDrag(f, handle(lane, 'Slow laptop and VPN drops'), themeCard(lane, 'Family care').locator('.gtheme__count'));
      await expectWatched(room, P, 'Family care', [
        'Caring for a parent',
        'School run in the morning',
        'Childcare pickups at 3',
        'Slow laptop and VPN drops',
        'Noise in the open office',
      ]);
      const sent = room.commands.slice(before);
      expect(sent.map((c) => c.type)).toEqual(['moveNotes']);
      expect(sent[0]?.noteIds).toHaveLength(3);

      // A theme dragged onto another merges into it, after confirming.
      await mouseDrag(
        f,
        themeCard(lane, 'Meetings').locator('.gtheme__grip'),
        themeCard(lane, 'Family care').locator('.gtheme__count'),
      );
      await f.getByRole('dialog').getByRole('button', { name: 'Merge into ‘Family care’' }).click();
      await poll(async () => [
        await lane.locator('.gtheme').count(),
        await f.locator('[data-live-region] p').allTextContents(),
      ]).toEqual([1, expect.arrayContaining(['‘Meetings’ merged into ‘Family care’.'])]);
      for (const page of [room.laptop, room.phone]) await poll(() => watchedThemes(page, P)).toEqual(['Family care']);
      await expectWatched(room, P, 'Family care', [
        'Caring for a parent',
        'School run in the morning',
        'Childcare pickups at 3',
        'Slow laptop and VPN drops',
        'Noise in the open office',
        'Too many meetings in a row',
        'Notifications all day long',
      ]);
      await screenshot(f, 'group-facilitator-mouse');
      await screenshot(room.phone, 'group-participant-360-mouse');
    },
    TEST_MS,
  );

  it(
    'clusters twenty notes with the keyboard alone: dnd-kit keyboard drags, the Move to menu, multi-select and merge',
    async () => {
      const twenty: SeedNote[] = Array.from({ length: 20 }, (_, i) => [
        `Answer ${String(i + 1).padStart(2, '0')}`,
        i % 4 === 0 ? 'need' : null,
      ]);
      const room = await openRoom([twenty], () => {
        const counts = { pointer: 0 };
        (window as unknown as { pointerEvents: typeof counts }).pointerEvents = counts;
        for (const type of ['pointerdown', 'mousedown', 'touchstart', 'pointermove'])
          window.addEventListener(type, (event) => event.isTrusted && counts.pointer++, true);
      });
      const { facilitator: f } = room;
      const P = room.seeded.promptTexts[0] as string;
      const lane = promptRegion(f, P);
      const live = lane.locator('[id^="DndLiveRegion"]');
      const isOnHandle = () => f.evaluate(() => document.activeElement?.classList.contains('gnote__handle') ?? false);
      const say = async (pattern: RegExp) => poll(() => live.textContent()).toMatch(pattern);
      /** Space on the focused note; dnd-kit's keyboard sensor starts listening on a later task, as a person would wait. */
      const pickUp = async (what: RegExp) => {
        await f.keyboard.press('Space');
        await say(what);
        await f.waitForTimeout(120);
      };

      const started = Date.now();
      let tabs = 0;
      while (!(await isOnHandle()) && tabs < 60) {
        await f.keyboard.press('Tab');
        tabs++;
      }
      expect(await isOnHandle()).toBe(true);

      // 1. Space, Down (onto the next ungrouped note), Space: a new theme with both.
      await pickUp(/^Picked up note/);
      await f.keyboard.press('ArrowDown');
      await say(/^Moved over note .* in Ungrouped: drop to start a new theme with both\.$/);
      await f.keyboard.press('Space');
      await nameTheme(f, 'Care');
      // 2. The Move to menu: Tab to it, Enter, End ("Delete note…"), Up ("New theme…"), Enter.
      await poll(isOnHandle).toBe(true);
      await f.keyboard.press('Tab');
      await f.keyboard.press('Enter');
      await f.getByRole('menu').waitFor();
      await f.keyboard.press('End');
      await f.keyboard.press('ArrowUp');
      await f.keyboard.press('Enter');
      await nameTheme(f, 'Meetings');
      // 3. A keyboard drag onto "New theme" (Left from the ungrouped notes).
      await poll(isOnHandle).toBe(true);
      await pickUp(/^Picked up note/);
      await f.keyboard.press('ArrowLeft');
      await say(/^Moved over New theme/);
      await f.keyboard.press('Space');
      await nameTheme(f, 'Tools');

      // The rest, round-robin: Space, Right × k (Right from the ungrouped notes reaches the first theme), Space.
      const themes = ['Care', 'Meetings', 'Tools'];
      let k = 0;
      while ((await poolCount(lane)) > 0) {
        await poll(isOnHandle).toBe(true);
        const remaining = await poolCount(lane);
        const name = themes[k++ % themes.length] as string;
        await pickUp(/^Picked up note/);
        for (let i = 0; i <= themes.indexOf(name); i++) {
          await f.keyboard.press('ArrowRight');
          await say(new RegExp(`^Moved over theme ‘${themes[i]}’`));
        }
        await f.keyboard.press('Space');
        await poll(() => poolCount(lane)).toBe(remaining - 1);
      }
      await expect
        .poll(async () => (await Promise.all(themes.map((t) => watchedTheme(room.phone, P, t)))).flat().length)
        .toBe(20);
      const clusteringMs = Date.now() - started;
      console.log(`keyboard-only clustering of 20 notes (3 themes created, ${tabs} Tabs to the first note): ${clusteringMs} ms`);

      // A keyboard drag walks a theme note by note: Down from its first note stops before the next
      // ones, which alone show the line; Space places it there.
      {
        const tools = themeCard(lane, 'Tools');
        const [first, second, third, ...rest] = await tools.locator('.gnote__text').allTextContents();
        await tools.locator('.gnote__handle').first().focus();
        await pickUp(/^Picked up note/);
        await f.keyboard.press('ArrowDown');
        await say(
          new RegExp(`^Moved over note ‘${literally(second ?? '')}’ in theme ‘Tools’: drop to place it before this note\\.$`),
        );
        await f.keyboard.press('ArrowDown');
        await say(new RegExp(`^Moved over note ‘${literally(third ?? '')}’ in theme ‘Tools’`));
        await expect.poll(() => dropHints(lane)).toEqual([[third, 'before']]);
        expect(await tools.getAttribute('class')).not.toContain('gtheme--over');
        await f.keyboard.press('Space');
        await poll(() => watchedTheme(room.laptop, P, 'Tools')).toEqual([second, first, third, ...rest]);
      }

      // Multi-select from each note's ⋯ menu (Tab from the note reaches it), then one menu moves both.
      const tools = themeCard(lane, 'Tools');
      const toolNotes = await tools.locator('.gnote__text').allTextContents();
      await tools.locator('.gnote__handle').first().focus();
      await f.keyboard.press('Tab');
      expect(
        await tools
          .locator('.gnote__menu')
          .first()
          .evaluate((el) => getComputedStyle(el).opacity),
      ).toBe('1');
      await f.keyboard.press('Enter');
      await f.getByRole('menuitem', { name: 'Select' }).waitFor();
      await f.keyboard.press('Enter');
      await f.keyboard.press('Tab');
      await f.keyboard.press('Tab');
      await f.keyboard.press('Enter');
      await f.getByRole('menuitem', { name: 'Select' }).waitFor();
      await f.keyboard.press('Enter');
      await f.getByText('2 notes selected').waitFor();
      await f.keyboard.press('Enter');
      await f.getByRole('menuitem', { name: 'Deselect' }).waitFor();
      await f.getByRole('menuitem', { name: /^‘Care’/ }).waitFor();
      await f.keyboard.press('Home');
      while (!(await f.evaluate(() => document.activeElement?.textContent?.startsWith('‘Care’'))))
        await f.keyboard.press('ArrowDown');
      await f.keyboard.press('Enter');
      await poll(() => watchedTheme(room.laptop, P, 'Tools')).toEqual(toolNotes.slice(2));

      // Merge with a keyboard drag of the theme's handle: Space, Right, Space, then confirm.
      await themeCard(lane, 'Meetings').locator('.gtheme__grip').focus();
      await pickUp(/^Picked up theme ‘Meetings’/);
      await f.keyboard.press('ArrowRight');
      await say(/^Moved over theme ‘Tools’: drop to merge the two themes\.$/);
      await f.keyboard.press('Space');
      await f.getByRole('dialog').getByRole('button', { name: 'Merge into ‘Tools’' }).focus();
      await f.keyboard.press('Enter');
      for (const page of [room.laptop, room.phone]) await poll(() => watchedThemes(page, P)).toEqual(['Care', 'Tools']);
      await poll(() => f.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Theme ‘Tools’/);

      const pointerEvents = await f.evaluate(
        () => (window as unknown as { pointerEvents: { pointer: number } }).pointerEvents.pointer,
      );
      expect(pointerEvents).toBe(0);
      await screenshot(f, 'group-facilitator-keyboard');
    },
    TEST_MS,
  );

  it(
    'does every move from the menus: new theme, move, ungroup, reorder, rename, merge, delete, needs only',
    async () => {
      const room = await openRoom();
      const { facilitator: f } = room;
      const P = room.seeded.promptTexts[1] as string;
      const lane = promptRegion(f, P);
      const menuOf = (text: string) => lane.getByRole('button', { name: `Actions for ‘${text}’` });
      const choose = async (item: RegExp | string) => f.getByRole('menuitem', { name: item }).click();

      await menuOf('Between 11 and 1').click();
      await choose('New theme…');
      await nameTheme(f, 'Late morning');
      for (const text of ['Late mornings, from 11', 'Not before 10: school run']) {
        await menuOf(text).click();
        await choose(/^‘Late morning’/);
      }
      await menuOf('Never on Fridays after 3').click();
      await choose('New theme…');
      await nameTheme(f, 'Fridays');
      await expectWatched(
        room,
        P,
        'Late morning',
        ['Between 11 and 1', 'Late mornings, from 11', 'Not before 10: school run'],
        true,
      );

      // Reorder within a theme, and take a note back out.
      await menuOf('Not before 10: school run').click();
      await choose('Move up');
      await expectWatched(
        room,
        P,
        'Late morning',
        ['Between 11 and 1', 'Not before 10: school run', 'Late mornings, from 11'],
        true,
      );
      await menuOf('Between 11 and 1').click();
      await choose('Ungrouped');
      await expectWatched(room, P, 'Late morning', ['Not before 10: school run', 'Late mornings, from 11'], true);

      // Themes: move earlier, rename in place, merge, delete.
      await themeCard(lane, 'Fridays').getByRole('button', { name: 'More actions for ‘Fridays’' }).click();
      await choose('Move earlier');
      for (const page of [room.laptop, room.phone]) await poll(() => watchedThemes(page, P)).toEqual(['Fridays', 'Late morning']);
      await themeCard(lane, 'Late morning').getByRole('button', { name: 'More actions for ‘Late morning’' }).click();
      await choose('Rename');
      await f.getByLabel('New name for the theme ‘Late morning’').fill('Late mornings');
      await f.keyboard.press('Enter');
      for (const page of [room.laptop, room.phone])
        await poll(() => watchedThemes(page, P)).toEqual(['Fridays', 'Late mornings']);

      // Selection mode from the toolbar: a checkbox on every note, then one move for the selection.
      expect(await lane.getByRole('checkbox').count()).toBe(0);
      await f.getByRole('button', { name: 'Select', exact: true }).click();
      for (const text of ['Tuesdays and Thursdays', 'Short stand-ups only'])
        await lane.getByRole('checkbox', { name: `Select ‘${text}’` }).check();
      await f.getByRole('button', { name: 'Move selected to…' }).click();
      await choose(/^‘Fridays’/);
      await expectWatched(room, P, 'Fridays', ['Never on Fridays after 3', 'Short stand-ups only', 'Tuesdays and Thursdays']);

      await themeCard(lane, 'Fridays').getByRole('button', { name: 'Merge ‘Fridays’ into…' }).click();
      await choose(/^‘Late mornings’/);
      await f.getByRole('dialog').getByRole('button', { name: 'Merge into ‘Late mornings’' }).click();
      for (const page of [room.laptop, room.phone]) await poll(() => watchedThemes(page, P)).toEqual(['Late mornings']);
      await expectWatched(room, P, 'Late mornings', [
        'Not before 10: school run',
        'Late mornings, from 11',
        'Never on Fridays after 3',
        'Tuesdays and Thursdays',
        'Short stand-ups only',
      ]);

      // Needs only: the other notes hide on the facilitator's board, the counts stay.
      await f.getByRole('button', { name: 'Needs only' }).click();
      await expect
        .poll(() => themeCard(lane, 'Late mornings').locator('.gnote__text').allTextContents())
        .toEqual(['Not before 10: school run', 'Never on Fridays after 3']);
      expect(await themeCard(lane, 'Late mornings').locator('.gtheme__count').textContent()).toBe('5 notes · 2 needs');
      await f.getByRole('button', { name: 'Needs only' }).click();

      await themeCard(lane, 'Late mornings').getByRole('button', { name: 'More actions for ‘Late mornings’' }).click();
      await choose('Delete theme…');
      await f.getByRole('dialog').getByText('Its 5 notes go back to Ungrouped. No note is deleted.').waitFor();
      await f.getByRole('dialog').getByRole('button', { name: 'Delete theme' }).click();
      for (const page of [room.laptop, room.phone]) {
        await poll(() => watchedThemes(page, P)).toEqual([]);
        await poll(() => promptRegion(page, P).locator('.tnote').count()).toBe(9);
      }
    },
    TEST_MS,
  );

  it(
    'runs a timer everyone sees, follows the spotlight, shows the projector view, and passes axe',
    async () => {
      const room = await openRoom();
      const { facilitator: f, laptop, phone } = room;
      const P1 = room.seeded.promptTexts[0] as string;
      const P4 = room.seeded.promptTexts[3] as string;
      await mouseDrag(
        f,
        handle(promptRegion(f, P1), 'Childcare pickups at 3'),
        handle(promptRegion(f, P1), 'Caring for a parent'),
      );
      await nameTheme(f, 'Family care');

      await f.getByRole('button', { name: 'Timer', exact: true }).click();
      await f.getByRole('button', { name: '3 min' }).click();
      const shown = async (page: Page) => (await page.getByRole('timer').textContent()) ?? '';
      /** Seconds left on a page's timer ("3:41" → 221). */
      const secondsLeft = async (page: Page) => {
        const [minutes, seconds] = (await shown(page)).split(':').map(Number);
        return (minutes ?? 0) * 60 + (seconds ?? 0);
      };
      /** Everyone's countdown agrees with the facilitator's to within two seconds. */
      const isInStep = async (page: Page) => Math.abs((await secondsLeft(page)) - (await secondsLeft(f))) <= 2;
      for (const page of [f, laptop, phone]) await poll(() => shown(page)).toMatch(/^(3:00|2:5\d)$/);
      await expect
        .poll(async () => (await phone.locator('[data-live-region] p').allTextContents()).join())
        .toMatch(/Timer started: (3 minutes|2 minutes 5\d seconds)\./);
      await f.getByRole('button', { name: /^\+1 min/ }).click();
      for (const page of [laptop, phone]) {
        await poll(() => secondsLeft(page)).toBeGreaterThan(180);
        await poll(() => isInStep(page)).toBe(true);
      }

      // The spotlight: participants are taken to the question and see it marked; they can still scroll away.
      await promptRegion(f, P4)
        .getByRole('button', { name: /^Spotlight/ })
        .click();
      for (const page of [laptop, phone]) {
        const card = promptRegion(page, P4);
        await poll(() => card.getAttribute('class')).toContain('prompt--focused');
        // Just below the sticky header, not under it.
        await poll(() =>
          card.evaluate((el) => {
            const below = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
            const top = el.getBoundingClientRect().top;
            return top >= below - 1 && top < below + 48;
          }),
        ).toBe(true);
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // At the top of the page: axe counts a checkbox half under the sticky header as too close to
      // the header's buttons, which depends only on where the smooth scroll to the spotlight stopped.
      await f.evaluate(() => window.scrollTo(0, 0));
      expect(await auditA11y(f)).toEqual([]);
      expect(await auditA11y(phone)).toEqual([]);
      expect(await auditA11y(laptop)).toEqual([]);
      await screenshot(f, 'group-facilitator-timer');
      await screenshot(phone, 'group-participant-360-timer');

      const present = await f.context().newPage();
      await present.setViewportSize({ width: 1280, height: 720 });
      await present.goto(`${e2e.url}/b/${room.seeded.boardId}/present`);
      await present.getByRole('heading', { name: P4 }).waitFor();
      // Past the arrival phases the join code is folded away until asked for.
      await present.getByRole('button', { name: 'Show join code' }).click();
      await poll(() => present.locator('.present__code').textContent()).toContain(formatJoinCode(room.seeded.joinCode));
      await present.locator('img.qr').waitFor();
      await poll(() => isInStep(present)).toBe(true);
      expect(await auditA11y(present)).toEqual([]);
      await screenshot(present, 'group-present');

      await f.bringToFront();
      await f.getByRole('button', { name: 'Stop the timer' }).click();
      for (const page of [laptop, phone, present]) await poll(() => page.getByRole('timer').count()).toBe(0);
    },
    TEST_MS,
  );
});
