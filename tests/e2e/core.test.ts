import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { chooseName, createWorkshop, joinByTyping, nextPhase, promptRegion, writeNote } from './flows';
import { auditA11y, type E2E, PHONE, screenshot, startE2E } from './harness';

const [FIRST, SECOND] = WORKING_AGREEMENT_QUESTIONNAIRE.prompts.map((p) => p.text) as [string, string];

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Everything rendered, including text inside closed disclosures and attributes. */
const html = (page: Page) => page.content();

describe('reflect and share', () => {
  it('keeps notes private until the reveal, then shows them to everyone', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    const { code } = await createWorkshop(facilitator, e2e.url);

    const laptop = await (await e2e.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
    await joinByTyping(laptop, e2e.url, `${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()} `);
    await chooseName(laptop, 'Robin');

    const phone = await (await e2e.newContext(PHONE)).newPage();
    await phone.goto(`${e2e.url}/j/${code}`);
    await chooseName(phone, null);

    await expect.poll(() => facilitator.locator('.people summary').textContent()).toBe('3 people here');
    await facilitator.locator('.people summary').click();
    await expect.poll(() => facilitator.locator('.people__list').textContent()).toContain('Robin');
    await facilitator.keyboard.press('Escape');
    await facilitator.locator('.people__list').waitFor({ state: 'hidden' });

    await nextPhase(facilitator, 'Reflect');
    await laptop.locator('.guidance', { hasText: 'Write your own answers' }).waitFor();
    await phone.locator('.guidance', { hasText: 'Write your own answers' }).waitFor();

    const robinNotes = ['Long meetings drain me', 'Between 11 and 1 works best'];
    const phoneNotes = ['School pickup at 3 every day', 'Mornings before 10 are hard'];
    await writeNote(laptop, FIRST, robinNotes[0] as string, 'Need');
    await writeNote(laptop, SECOND, robinNotes[1] as string, 'Nice to have');
    await writeNote(phone, FIRST, phoneNotes[0] as string, 'Need');
    await writeNote(phone, SECOND, phoneNotes[1] as string, null);
    await promptRegion(phone, FIRST).getByText('Only you can see this').waitFor();

    // Before the reveal: counts everywhere, words only on their author's screen.
    await expect
      .poll(() => promptRegion(facilitator, FIRST).locator('.column__count').textContent())
      .toBe('2 notes so far, from 2 people');
    await expect
      .poll(() => promptRegion(laptop, SECOND).locator('.prompt__count').textContent())
      .toBe('2 notes so far, from 2 people');
    for (const text of [...robinNotes, ...phoneNotes]) expect(await html(facilitator)).not.toContain(text);
    for (const text of phoneNotes) expect(await html(laptop)).not.toContain(text);
    for (const text of robinNotes) expect(await html(phone)).not.toContain(text);
    await screenshot(phone, 'participant-360-reflect');
    await screenshot(facilitator, 'facilitator-reflect');

    await nextPhase(facilitator, 'Share');
    await facilitator.getByRole('button', { name: 'Reveal all' }).click();
    // Two people wrote to each question: each would know which notes are the other's, so Accord asks first.
    const question = facilitator.getByRole('dialog', { name: 'Reveal all anyway?' });
    await question.getByText('Too few people wrote to').waitFor();
    await screenshot(facilitator, 'facilitator-reveal-too-few');
    for (const text of [...robinNotes, ...phoneNotes]) expect(await html(facilitator)).not.toContain(text);
    await question.getByRole('button', { name: 'Reveal anyway' }).click();

    for (const page of [facilitator, laptop, phone]) {
      for (const text of [...robinNotes, ...phoneNotes]) await page.locator('.note', { hasText: text }).first().waitFor();
    }
    const revealedNeed = promptRegion(phone, FIRST).locator('.note', { hasText: robinNotes[0] as string });
    expect(await revealedNeed.locator('.tag').textContent()).toBe('Need');
    expect(await promptRegion(phone, FIRST).locator('.note').count()).toBe(2);
    await expect
      .poll(() => phone.locator('[data-live-region] p').allTextContents())
      .toContain('Answers revealed for 7 questions: 4 notes in all.');

    // Nothing wider than a small phone: no sideways scrolling.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await auditA11y(phone)).toEqual([]);
    expect(await auditA11y(laptop)).toEqual([]);
    expect(await auditA11y(facilitator)).toEqual([]);
    await screenshot(phone, 'participant-360-share');
    await screenshot(facilitator, 'facilitator-share');
  });

  it('keeps a note written offline and sends it when the connection is back', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    const { code } = await createWorkshop(facilitator, e2e.url);
    await nextPhase(facilitator, 'Reflect');

    const context = await e2e.newContext(PHONE);
    const phone = await context.newPage();
    await phone.goto(`${e2e.url}/j/${code}`);
    await chooseName(phone, 'Kim');
    await phone.locator('.connection', { hasText: 'Online' }).waitFor();

    await context.setOffline(true);
    await phone.locator('.connection', { hasText: 'Offline' }).waitFor();
    await writeNote(phone, FIRST, 'Written on the train', 'Need');
    await phone.locator('.connection', { hasText: '1 action waiting' }).waitFor();
    expect(await promptRegion(facilitator, FIRST).locator('.column__count').textContent()).toBe('No notes yet');
    await screenshot(phone, 'participant-360-offline');

    await context.setOffline(false);
    await phone.locator('.connection', { hasText: 'Online' }).waitFor();
    await expect.poll(() => phone.locator('.connection').textContent()).toBe('Online');
    await expect
      .poll(() => promptRegion(facilitator, FIRST).locator('.column__count').textContent())
      .toBe('1 note so far, from 1 person');
    await expect(promptRegion(phone, FIRST).locator('.note', { hasText: 'Written on the train' }).count()).resolves.toBe(1);
  });

  it('sends a note written offline after the page was closed and opened again', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    const { boardId, code } = await createWorkshop(facilitator, e2e.url);
    await nextPhase(facilitator, 'Reflect');

    const context = await e2e.newContext(PHONE);
    const first = await context.newPage();
    await first.goto(`${e2e.url}/j/${code}`);
    await chooseName(first, null);
    await context.setOffline(true);
    await first.locator('.connection', { hasText: 'Offline' }).waitFor();
    await writeNote(first, SECOND, 'Kept in this browser', null);
    await first.close();

    await context.setOffline(false);
    // Coming back to the board's own address: this browser's secret is all it needs now.
    const second = await context.newPage();
    await second.goto(`${e2e.url}/b/${boardId}`);
    await expect
      .poll(() => promptRegion(facilitator, SECOND).locator('.column__count').textContent())
      .toBe('1 note so far, from 1 person');
    await promptRegion(second, SECOND).locator('.note', { hasText: 'Kept in this browser' }).waitFor();
    await expect.poll(() => second.locator('.connection').textContent()).toBe('Online');
  });
});

describe('setup', () => {
  it('lets the facilitator shape the questions, and asks before a move that stops participants', async () => {
    const facilitator = await (await e2e.newContext()).newPage();
    await createWorkshop(facilitator, e2e.url);

    await facilitator.getByRole('button', { name: 'Rename' }).click();
    await facilitator.getByLabel('Workshop title').fill('Kestrel team norms');
    await facilitator.getByLabel('Workshop title').press('Enter');
    await facilitator.getByRole('heading', { level: 1, name: 'Kestrel team norms' }).waitFor();

    await facilitator.getByLabel('Question').last().fill('What should we celebrate?');
    await facilitator.getByRole('button', { name: 'Add question' }).click();
    await promptRegion(facilitator, 'What should we celebrate?').waitFor();

    await facilitator.getByRole('button', { name: `Move later: ‘${FIRST}’` }).click();
    await expect.poll(() => facilitator.locator('.column h2').first().textContent()).toBe(SECOND);

    await facilitator.getByRole('button', { name: 'Remove: ‘What should we celebrate?’' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await promptRegion(facilitator, 'What should we celebrate?').waitFor({ state: 'detached' });

    await nextPhase(facilitator, 'Reflect');
    await facilitator.getByRole('button', { name: 'Back to Set up' }).click();
    const dialog = facilitator.getByRole('dialog');
    await dialog.getByText('Participants will not be able to write notes until you start the reflection again.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await facilitator.locator('.stepper__step--current').textContent()).toContain('Reflect');

    await facilitator.getByRole('button', { name: 'Back to Set up' }).click();
    await dialog.getByRole('button', { name: 'Go to Set up' }).click();
    await facilitator.locator('.stepper__step--current', { hasText: 'Set up' }).waitFor();
    expect(await auditA11y(facilitator)).toEqual([]);
    await screenshot(facilitator, 'facilitator-setup');
  });
});
