import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNDO_NO_LONGER_APPLIES } from '../../shared/domain/undoCommands';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { chooseName, createWorkshop, nextPhase, promptRegion, writeNote } from './flows';
import { seedGroupBoard } from './groupSeed';
import { auditA11y, type E2E, PHONE, poll, screenshot, startE2E } from './harness';

const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 800 } };
/** The widths the workshop was checked at: small and common phones, a tablet, a laptop. */
const WIDTHS = [360, 390, 768, 1280] as const;
const TEST_MS = 60_000;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const toasts = (page: Page) => page.locator('.toast__text').allTextContents();

/** The themes of a prompt as a participant sees them, each with its notes in order. */
function watched(page: Page, prompt: string): Promise<Record<string, string[]>> {
  return promptRegion(page, prompt)
    .locator('.tcard[data-theme-name]')
    .evaluateAll((cards) =>
      Object.fromEntries(
        cards.map((card) => [
          card.getAttribute('data-theme-name') ?? '',
          [...card.querySelectorAll('.tnote__text')].map((n) => n.textContent ?? ''),
        ]),
      ),
    );
}

async function nameTheme(page: Page, name: string): Promise<void> {
  const field = page.getByRole('dialog').getByLabel(/Theme name/);
  await field.fill(name);
  await field.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function shoot(page: Page, name: string, height: number, subject: Locator): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height });
    await subject.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `/tmp/fd-undo-shots/${name}-${width}.png` });
  }
}

describe('undo', () => {
  it(
    'takes back moves, a new theme, a merge and a theme delete (button and Ctrl+Z), for everyone, and refuses an overtaken undo',
    async () => {
      const seeded = await seedGroupBoard(e2e.url);
      const f = await (await e2e.newContext(LAPTOP)).newPage();
      await f.goto(seeded.facilitatorUrl);
      const phone = await (await e2e.newContext(PHONE)).newPage();
      await phone.goto(`${e2e.url}/j/${seeded.joinCode}`);
      await chooseName(phone, null);
      await f.locator('.lane').first().waitFor();
      const P = seeded.promptTexts[1] as string;
      const lane = promptRegion(f, P);
      const menuOf = (text: string) => lane.getByRole('button', { name: `Actions for ‘${text}’` });
      const choose = (item: RegExp | string) => f.getByRole('menuitem', { name: item }).click();
      const theme = (name: string): Locator =>
        lane.locator('.gtheme', { has: f.locator('.gtheme__name', { hasText: new RegExp(`^${name}`) }) });
      const undoButton = f.getByRole('button', { name: /^Undo/ });
      expect(await undoButton.isDisabled()).toBe(true);

      await menuOf('Between 11 and 1').click();
      await choose('New theme…');
      await nameTheme(f, 'Late');
      await menuOf('Late mornings, from 11').click();
      await choose(/^‘Late’/);
      await poll(() => watched(phone, P)).toEqual({ Late: ['Between 11 and 1', 'Late mornings, from 11'] });

      // The button names what it takes back, and the server does it: the phone sees it.
      await poll(() => undoButton.getAttribute('aria-label')).toBe('Undo moving note ‘Late mornings, from 11’ to ‘Late’');
      await shoot(f, 'undo-group-facilitator', 800, undoButton);
      await f.setViewportSize(LAPTOP.viewport ?? { width: 1366, height: 800 });
      await undoButton.click();
      await poll(() => watched(phone, P)).toEqual({ Late: ['Between 11 and 1'] });
      await poll(() => toasts(f)).toContain('Undone: moving note ‘Late mornings, from 11’ to ‘Late’.');
      // Ctrl+Z takes back the new theme: its note goes back where it was.
      await f.keyboard.press('Control+z');
      await poll(() => watched(phone, P)).toEqual({});
      await poll(() => undoButton.isDisabled()).toBe(true);

      // A merge, undone: the theme is back, with its name, place and notes in order.
      await menuOf('Between 11 and 1').click();
      await choose('New theme…');
      await nameTheme(f, 'Late');
      await menuOf('Never on Fridays after 3').click();
      await choose('New theme…');
      await nameTheme(f, 'Fridays');
      await menuOf('Tuesdays and Thursdays').click();
      await choose(/^‘Fridays’/);
      const before = { Late: ['Between 11 and 1'], Fridays: ['Never on Fridays after 3', 'Tuesdays and Thursdays'] };
      await poll(() => watched(phone, P)).toEqual(before);
      await theme('Fridays').getByRole('button', { name: 'Merge ‘Fridays’ into…' }).click();
      await choose(/^‘Late’/);
      await f.getByRole('dialog').getByRole('button', { name: 'Merge into ‘Late’' }).click();
      await poll(async () => Object.keys(await watched(phone, P))).toEqual(['Late']);
      await undoButton.click();
      await poll(() => watched(phone, P)).toEqual(before);
      expect(Object.keys(await watched(phone, P))).toEqual(['Late', 'Fridays']);

      // A theme delete, undone with the shortcut.
      await theme('Late').getByRole('button', { name: 'More actions for ‘Late’' }).click();
      await choose('Delete theme…');
      await f.getByRole('dialog').getByRole('button', { name: 'Delete theme' }).click();
      await poll(async () => Object.keys(await watched(phone, P))).toEqual(['Fridays']);
      // Cmd+Z, as on a Mac.
      await f.keyboard.press('Meta+z');
      await poll(() => watched(phone, P)).toEqual(before);

      // A co-facilitator moves the note meanwhile: the undo says it no longer applies and changes nothing.
      await menuOf('Short stand-ups only').click();
      await choose(/^‘Fridays’/);
      await poll(() => watched(phone, P)).toEqual({ ...before, Fridays: [...before.Fridays, 'Short stand-ups only'] });
      const co = await (await e2e.newContext(LAPTOP)).newPage();
      await co.goto(seeded.facilitatorUrl);
      await promptRegion(co, P).getByRole('button', { name: 'Actions for ‘Short stand-ups only’' }).click();
      await co.getByRole('menuitem', { name: 'Ungrouped' }).click();
      await poll(() => watched(phone, P)).toEqual(before);
      await poll(async () => (await theme('Fridays').locator('.gnote__text').allTextContents()).length).toBe(2);
      await undoButton.click();
      await poll(() => toasts(f)).toContain(UNDO_NO_LONGER_APPLIES);
      await f.waitForTimeout(300);
      expect(await watched(phone, P)).toEqual(before);
      expect(await auditA11y(f)).toEqual([]);
      await screenshot(f, 'undo-overtaken');
    },
    TEST_MS,
  );

  it(
    'deletes revealed notes from the ⋯ menu (by keyboard) and in Select mode, for everyone, and brings them back in place with Ctrl+Z and Undo',
    async () => {
      const seeded = await seedGroupBoard(e2e.url);
      const f = await (await e2e.newContext(LAPTOP)).newPage();
      await f.goto(seeded.facilitatorUrl);
      const phone = await (await e2e.newContext(PHONE)).newPage();
      await phone.goto(`${e2e.url}/j/${seeded.joinCode}`);
      await chooseName(phone, null);
      await f.locator('.lane').first().waitFor();
      const P = seeded.promptTexts[1] as string;
      const lane = promptRegion(f, P);
      const menuOf = (text: string) => lane.getByRole('button', { name: `Actions for ‘${text}’` });
      const choose = (item: RegExp | string) => f.getByRole('menuitem', { name: item }).click();
      /** Every note of the prompt the phone shows, theme by theme, then the ungrouped ones. */
      const seen = () => promptRegion(phone, P).locator('.tnote__text').allTextContents();
      const spoken = () => f.locator('[data-live-region]').textContent();

      for (const text of ['Between 11 and 1', 'Late mornings, from 11', 'Not before 10: school run']) {
        await menuOf(text).click();
        if (text === 'Between 11 and 1') {
          await choose('New theme…');
          await nameTheme(f, 'Late');
        } else await choose(/^‘Late’/);
      }
      const late = ['Between 11 and 1', 'Late mornings, from 11', 'Not before 10: school run'];
      await poll(() => watched(phone, P)).toEqual({ Late: late });
      const everything = await seen();
      expect(everything).toHaveLength(9);

      // By keyboard: focus ⋯, open it, the last item is Delete; the dialog asks; focus goes to the next note.
      await menuOf('Late mornings, from 11').focus();
      await f.keyboard.press('Enter');
      await f.keyboard.press('End');
      await poll(() => f.evaluate(() => document.activeElement?.textContent)).toBe('Delete note…');
      for (const width of [360, 768, 1280, 1920]) {
        await f.setViewportSize({ width, height: 800 });
        await f.evaluate(() => document.activeElement?.scrollIntoView({ block: 'center' }));
        await f.screenshot({ path: `/tmp/fd-undo-shots/delete-note-menu-${width}.png` });
      }
      await f.setViewportSize(LAPTOP.viewport ?? { width: 1366, height: 800 });
      await f.keyboard.press('Enter');
      const dialog = f.getByRole('dialog');
      await dialog.getByText('Note ‘Late mornings, from 11’ disappears from everyone’s board.', { exact: false }).waitFor();
      await f.screenshot({ path: '/tmp/fd-undo-shots/delete-note-dialog-1366.png' });
      await dialog.getByRole('button', { name: 'Delete note' }).click();
      await poll(() => watched(phone, P)).toEqual({ Late: ['Between 11 and 1', 'Not before 10: school run'] });
      await poll(() => f.evaluate(() => document.activeElement?.textContent)).toBe('Not before 10: school runNeed');
      const deleted = 'Note ‘Late mornings, from 11’ deleted. Undo: Ctrl+Z or Cmd+Z, or the Undo button.';
      await poll(() => toasts(f)).toContain(deleted);
      await poll(spoken).toContain(deleted);
      const undoButton = f.getByRole('button', { name: /^Undo/ });
      expect(await undoButton.getAttribute('aria-label')).toBe('Undo deleting note ‘Late mornings, from 11’');
      expect(await phone.content()).not.toContain('Late mornings, from 11');
      await f.keyboard.press('Control+z');
      await poll(() => watched(phone, P)).toEqual({ Late: late });
      await poll(seen).toEqual(everything);

      // Select mode: two notes of the prompt, deleted at once, back at once with the button.
      await f.getByRole('button', { name: 'Select', exact: true }).click();
      await lane.getByRole('checkbox', { name: 'Select ‘Tuesdays and Thursdays’' }).check();
      await lane.getByRole('checkbox', { name: 'Select ‘Late mornings, from 11’' }).check();
      for (const width of [360, 768, 1280, 1920]) {
        await f.setViewportSize({ width, height: 800 });
        await f.getByRole('button', { name: 'Delete selected…' }).scrollIntoViewIfNeeded();
        await f.screenshot({ path: `/tmp/fd-undo-shots/delete-selected-${width}.png` });
      }
      await f.setViewportSize(LAPTOP.viewport ?? { width: 1366, height: 800 });
      await f.getByRole('button', { name: 'Delete selected…' }).click();
      await dialog.getByRole('button', { name: 'Delete 2 notes' }).click();
      await poll(seen).toEqual(everything.filter((t) => t !== 'Tuesdays and Thursdays' && t !== 'Late mornings, from 11'));
      await poll(() => f.locator('.gtoolbar__count').count()).toBe(0);
      await undoButton.click();
      await poll(seen).toEqual(everything);
      await poll(() => toasts(f)).toContain('Undone: deleting 2 notes.');
      expect(await auditA11y(f)).toEqual([]);
    },
    TEST_MS,
  );

  it('offers to bring back a deleted note, as the same private note', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    const { code } = await createWorkshop(facilitator, e2e.url);
    await nextPhase(facilitator, 'Reflect');
    const first = WORKING_AGREEMENT_QUESTIONNAIRE.prompts[0]?.text as string;
    const phone = await (await e2e.newContext(PHONE)).newPage();
    await phone.goto(`${e2e.url}/j/${code}`);
    await chooseName(phone, null);
    await writeNote(phone, first, 'Deleted by mistake', 'Need');
    const count = () => promptRegion(facilitator, first).locator('.column__count').textContent();
    await poll(count).toBe('1 note so far, from 1 person');

    const region = promptRegion(phone, first);
    await region.getByRole('button', { name: 'Delete note: Deleted by mistake' }).click();
    await poll(count).toBe('No notes yet');
    const undo = region.getByRole('button', { name: 'Undo deleting note ‘Deleted by mistake’' });
    await undo.waitFor();
    // Focus was on the note's Delete button, gone now: it moves to Undo.
    await poll(() => undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await region.getByText('Note deleted.').waitFor();
    expect(await auditA11y(phone)).toEqual([]);
    await shoot(phone, 'undo-note-deleted', 740, undo);
    await undo.click();
    await region.locator('.note', { hasText: 'Deleted by mistake' }).getByText('Need').waitFor();
    await poll(count).toBe('1 note so far, from 1 person');
    expect(await undo.count()).toBe(0);
    // Still private: the facilitator sees the count only.
    expect(await facilitator.content()).not.toContain('Deleted by mistake');
  });
});
