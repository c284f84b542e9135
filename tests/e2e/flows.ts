import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/**
 * Creates a workshop from the home page (from `template`, a template's name, when given; else the
 * first one); leaves the page on the facilitator board.
 */
export async function createWorkshop(page: Page, baseUrl: string, template?: string): Promise<{ code: string; boardId: string }> {
  await page.goto(`${baseUrl}/`);
  if (template) await page.getByRole('radio', { name: new RegExp(`^${template}`) }).check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  await page.waitForURL(/\/b\/[^/]+\/facilitate$/);
  const code = await page.locator('[data-join-code]').getAttribute('data-join-code');
  const boardId = /\/b\/([^/]+)\/facilitate/.exec(page.url())?.[1];
  if (!code || !boardId) throw new Error('no join code or board id on the facilitator page');
  return { code, boardId };
}

/** Answers the name question: a name, or null to skip. */
export async function chooseName(page: Page, name: string | null): Promise<void> {
  if (name === null) await page.getByRole('button', { name: /^Skip/ }).click();
  else {
    await page.getByLabel(/Your name/).fill(name);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.locator('.guidance').waitFor();
}

/** Joins by typing the code on the home page, as a person would (here in lower case with a dash). */
export async function joinByTyping(page: Page, baseUrl: string, typed: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Workshop code').fill(typed);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByLabel(/Your name/).waitFor();
}

/** The card (participant) or column (facilitator) of one prompt. */
export function promptRegion(page: Page, promptText: string): Locator {
  return page.getByRole('region', { name: promptText, exact: true });
}

/** Writes a note with an optional tag through the prompt's composer. */
export async function writeNote(page: Page, promptText: string, text: string, tag: 'Need' | 'Nice to have' | null) {
  const region = promptRegion(page, promptText);
  await region.getByLabel('Your answer').fill(text);
  if (tag === 'Need') await region.getByRole('radio', { name: 'Need (non-negotiable)' }).check();
  if (tag === 'Nice to have') await region.getByRole('radio', { name: 'Nice to have' }).check();
  await region.getByRole('button', { name: 'Add note' }).click();
  await region.locator('.note', { hasText: text }).waitFor();
}

/** Moves the workshop one phase on from the facilitator's stepper. */
export async function nextPhase(page: Page, phaseName: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${phaseName}` }).click();
  await page.locator('.stepper__step--current', { hasText: phaseName }).waitFor();
}

/** Puts `count` dots on an item of the open vote, one click each. */
export async function addDots(page: Page, item: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await page.getByRole('button', { name: `Add a dot to ‘${item}’` }).click();
}

/** The text of the file a click on `button` downloads, and its name. */
export async function downloadOf(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}
