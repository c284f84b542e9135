import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardConnection } from '../../client/src/sync/BoardConnection';
import type { Command } from '../../shared/commands';
import { randomId } from '../../shared/random';
import { chooseName } from './flows';
import { auditSettled as audit, type E2E, PHONE, screenshot, startE2E } from './harness';
import { openSeedClients } from './seedClients';
import { SHOT_WIDTHS, shootAtWidths } from './shots';

const LAPTOP = { viewport: { width: 1366, height: 800 } };
const PURPOSE = 'The purpose we share is…';
const NORM = 'A norm we should make explicit is…';
const BRING = 'What I bring (skills, resources, relationships) is…';
const PURPOSE_AGREED = 'We win safe, affordable housing for every family in the valley';
const NORM_V1 = 'We decide by consent and share minutes within two days';
const NORM_V2 = 'We decide by consent and share minutes, translated, within two days';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

interface SeededBoard {
  readonly boardId: string;
  readonly facilitatorUrl: string;
  readonly readerUrl: string;
  readonly readerKey: string;
  readonly joinCode: string;
}

/**
 * A coalition board (SMARTIE items) brought to the Agreement phase with raw commands from node
 * clients, as decide.test.ts does: notes from three authors, revealed, grouped, and two statements
 * passed by consensus. The authors leave before the browsers arrive.
 */
async function seedAgreement(): Promise<SeededBoard> {
  const response = await fetch(`${e2e.url}/api/boards`, {
    method: 'POST',
    body: JSON.stringify({ templateId: 'coalition-building', title: 'Valley housing coalition' }),
  });
  const created = (await response.json()) as SeededBoard & { facilitatorKey: string; joinCode: string };
  const seed = await openSeedClients(e2e.url, created, 3);
  const { facilitator, send, board, promptId } = seed;
  const authors = seed.authors as readonly [BoardConnection, BoardConnection, BoardConnection];
  const noteIds = (texts: readonly string[]) => texts.map((t) => [...board().notes.values()].find((n) => n.text === t)?.id ?? '');

  await send(facilitator, { type: 'setPhase', phase: 'reflect' });
  const notes: [string, string, 0 | 1 | 2][] = [
    [PURPOSE, 'Affordable housing for families', 0],
    [PURPOSE, 'Stop evictions in the valley', 1],
    [PURPOSE, 'Housing is a right', 2],
    [NORM, 'Decide by consent', 0],
    [NORM, 'Minutes shared within two days', 1],
    [NORM, 'Rotate who chairs', 2],
    [BRING, 'A meeting hall on Tuesdays', 0],
    [BRING, 'Spanish and Tagalog translation', 1],
  ];
  for (const [prompt, text, author] of notes) {
    await send(authors[author], { type: 'postDraft', draftId: randomId(), promptId: promptId(prompt), text, tag: null });
  }
  await send(facilitator, { type: 'setPhase', phase: 'share' });
  // Three writers, one note each per question: each would see only two by others, so the reveal is confirmed.
  await send(facilitator, { type: 'reveal', promptId: null, confirmSmallCount: true });
  await send(facilitator, { type: 'setPhase', phase: 'group' });
  const theme = async (prompt: string, name: string, texts: readonly string[]) => {
    const themeId = randomId();
    const command: Command = {
      type: 'createTheme',
      themeId,
      promptId: promptId(prompt),
      name,
      noteIds: noteIds(texts),
      beforeThemeId: null,
    };
    await send(facilitator, command);
    return themeId;
  };
  const housing = await theme(PURPOSE, 'Housing for all', ['Affordable housing for families', 'Stop evictions in the valley']);
  const deciding = await theme(NORM, 'How we decide', ['Decide by consent', 'Minutes shared within two days']);
  await theme(BRING, 'Places and languages', ['A meeting hall on Tuesdays', 'Spanish and Tagalog translation']);
  await send(facilitator, { type: 'setPhase', phase: 'vote' });
  await send(facilitator, { type: 'setPhase', phase: 'decide' });
  for (const [prompt, themeId, statement] of [
    [PURPOSE, housing, PURPOSE_AGREED],
    [NORM, deciding, NORM_V1],
  ] as const) {
    const proposalId = randomId();
    await send(facilitator, {
      type: 'openProposal',
      proposalId,
      promptId: promptId(prompt),
      themeId,
      statement,
      rule: 'consensus',
      quorumPercent: 50,
      thresholdPercent: 67,
      previousProposalId: null,
    });
    await send(authors[0], { type: 'respond', proposalId, response: 'agree', reason: null });
    await send(authors[1], { type: 'respond', proposalId, response: 'canLive', reason: 'I would rather name the towns.' });
    await send(authors[2], { type: 'respond', proposalId, response: 'agree', reason: null });
    await send(facilitator, { type: 'closeProposal', proposalId });
  }
  await send(facilitator, { type: 'setPhase', phase: 'agreement' });
  seed.close();
  return created;
}

/** The whole document fits the window at every width of SHOT_WIDTHS (nothing scrolls sideways); then screenshots. */
async function fitsAndShoot(page: Page, name: string) {
  const before = page.viewportSize();
  for (const width of SHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width);
  }
  if (before) await page.setViewportSize(before);
  await shootAtWidths(page, name);
}

/** Confirms the open dialog with its button. */
async function confirm(page: Page, label: string) {
  await page.getByRole('dialog').getByRole('button', { name: label }).click();
}

describe('revisit', () => {
  it('v1 closes, reopens, one item is amended by the participants, v2 closes; compare, read-only page, Markdown and print show v2', async () => {
    const seeded = await seedAgreement();
    const facilitator = await (await e2e.newContext(LAPTOP)).newPage();
    // The browser that created the board keeps the read-only key (the home page stores it from the create response).
    await facilitator.goto(`${e2e.url}/`);
    await facilitator.evaluate(
      ([boardId, key]) => localStorage.setItem(`accord:rkey:${boardId}`, key as string),
      [seeded.boardId, seeded.readerKey],
    );
    await facilitator.goto(seeded.facilitatorUrl);
    const join = async (name: string, options: typeof LAPTOP | typeof PHONE) => {
      const page = await (await e2e.newContext(options)).newPage();
      await page.goto(`${e2e.url}/j/${seeded.joinCode}`);
      await chooseName(page, name);
      return page;
    };
    const [robin, kim] = await Promise.all([join('Robin', LAPTOP), join('Kim', PHONE)]);
    const participants = [robin, kim] as const;
    await expect.poll(() => facilitator.locator('.people summary').textContent()).toBe('3 people here');

    // Version 1: action details on one item (a SMARTIE board asks for them), a check-in date, then close.
    const agreement = facilitator.getByRole('region', { name: 'Our agreement' });
    await agreement.getByRole('button', { name: `Fill in the SMARTIE details: ‘${NORM_V1}’` }).click();
    await facilitator.getByLabel('Owner: who makes it happen').fill('Rosa (convener)');
    await facilitator.getByLabel('Measure: how we will know it is done').fill('Minutes in the shared folder within 48 hours');
    await facilitator.getByRole('textbox', { name: 'Deadline' }).fill('2027-03-31');
    await facilitator.getByLabel('Inclusion and equity check').fill('Minutes are translated, so every member can follow.');
    await facilitator.getByRole('button', { name: 'Save action details' }).click();
    await agreement.locator('.smartie', { hasText: 'Rosa (convener)' }).waitFor();
    await facilitator.getByLabel('Check-in date').fill('2027-06-12');
    await facilitator.getByRole('button', { name: 'Save the date' }).click();
    await facilitator.locator('[data-check-in="2027-06-12"]').waitFor();
    expect(await audit(facilitator)).toEqual([]);
    await screenshot(facilitator, 'revisit-facilitator-agreement-smartie');

    await facilitator.getByRole('button', { name: 'Close the workshop…' }).click();
    await confirm(facilitator, 'Close as version 1');
    await facilitator.getByRole('heading', { name: 'Version 1 is final' }).waitFor();
    await kim.locator('[data-version="1"]', { hasText: 'final' }).waitFor();

    // Version 2: only the changed item goes through a round, answered in the participants' browsers.
    await facilitator.getByRole('button', { name: 'Reopen for version 2…' }).click();
    await confirm(facilitator, 'Reopen for version 2');
    await facilitator.getByRole('heading', { name: 'Revisit: version 2' }).waitFor();
    await fitsAndShoot(facilitator, 'revisit-facilitator-v2-start');
    await facilitator.getByRole('button', { name: `Amend ‘${NORM_V1}’` }).click();
    const wording = facilitator.getByLabel('Proposed new wording');
    expect(await wording.inputValue()).toBe(NORM_V1);
    await wording.fill(NORM_V2);
    await facilitator.getByRole('button', { name: 'Open the round on the new wording' }).click();
    for (const page of participants) {
      const card = page.getByRole('article', { name: NORM_V2 });
      // What is being amended: the wording in force, then the proposed one.
      expect(await card.locator('.change__old').textContent()).toBe(NORM_V1);
      await page.getByRole('radio', { name: /^Agree/ }).check();
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.locator('.response-form__saved', { hasText: 'You answered Agree' }).waitFor();
    }
    expect(await kim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(kim, 'revisit-participant-360-amendment');
    await fitsAndShoot(kim, 'revisit-participant-v2-amendment');
    const round = facilitator.locator('.open-proposal');
    await fitsAndShoot(facilitator, 'revisit-facilitator-v2-round');
    expect(await round.locator('.change__old').textContent()).toBe(NORM_V1);
    await expect.poll(() => round.locator('.voter-count').getAttribute('data-respondent-count')).toBe('2');
    await facilitator.getByRole('button', { name: 'Close the round…' }).click();
    // Two answers: the outcome would show each one's answer, and the dialog says so.
    await facilitator.getByRole('dialog').getByText('Only 2 people have answered').waitFor();
    await confirm(facilitator, 'Close and show the results');
    await facilitator.getByRole('article', { name: NORM_V2 }).getByText('Amended in version 2').waitFor();

    await facilitator.getByRole('button', { name: 'Back to Agreement' }).click();
    await facilitator.getByRole('button', { name: 'Close the workshop…' }).click();
    await confirm(facilitator, 'Close as version 2');
    await facilitator.getByRole('heading', { name: 'Version 2 is final' }).waitFor();
    await kim.getByRole('region', { name: 'Our agreement' }).getByText(NORM_V2).waitFor();

    // Compare version 1 with version 2: the amended item, old and new wording side by side.
    const versions = facilitator.getByRole('region', { name: 'Versions' });
    expect(await versions.locator('[data-version-number]').allTextContents()).toEqual([
      expect.stringMatching(/^Version 1 · closed .+ · 2 items$/),
      expect.stringMatching(/^Version 2 · closed .+ · 2 items$/),
    ]);
    await versions.getByLabel('Compare').selectOption({ label: 'Version 1' });
    await versions.getByLabel('with').selectOption({ label: 'Version 2' });
    await versions.getByRole('button', { name: 'Compare' }).click();
    expect(await versions.locator('.diff__summary').textContent()).toBe('1 amended, 0 added, 0 retired, 1 unchanged.');
    const amended = versions.locator('.diff__item--amended');
    expect(await amended.locator('.diff__side--old .diff__statement').textContent()).toBe(NORM_V1);
    expect(await amended.locator('.diff__side--new .diff__statement').textContent()).toBe(NORM_V2);
    expect(await audit(facilitator)).toEqual([]);
    await screenshot(facilitator, 'revisit-facilitator-v2-compare');

    // The read-only link, in a browser that never joined: v2 and its history, no presence.
    const reader = await (await e2e.newContext(LAPTOP)).newPage();
    await reader.goto(seeded.readerUrl);
    await reader.getByRole('region', { name: 'Our agreement' }).getByText(NORM_V2).waitFor();
    await expect.poll(() => reader.url()).toBe(`${e2e.url}/r/${seeded.boardId}`);
    expect(await reader.locator('[data-version="2"]').textContent()).toMatch(/^Version 2 · final/);
    expect(await reader.locator('[data-check-in="2027-06-12"]').count()).toBe(1);
    await reader.getByText('1 earlier or retired item').click();
    await reader.locator('.agreement__item--ended', { hasText: NORM_V1 }).waitFor();
    await reader.getByRole('region', { name: 'Versions' }).getByRole('button', { name: 'Compare' }).click();
    await reader.locator('.diff__item--amended .diff__side--new', { hasText: NORM_V2 }).waitFor();
    expect(await facilitator.locator('.people summary').textContent()).toBe('3 people here');
    expect(await audit(reader)).toEqual([]);
    await screenshot(reader, 'revisit-reader-laptop');

    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('valley-housing-coalition-v2.md');
    const markdown = await readFile((await download.path()) as string, 'utf8');
    expect(markdown).toContain(`• ${NORM_V2}`);
    expect(markdown).toContain('Version 2, final.');
    expect(markdown).toContain(`~~${NORM_V1}~~`);

    // Print: the agreement, its records and what we know about each other, and nothing of the page around them.
    await reader.emulateMedia({ media: 'print' });
    expect(await reader.locator('.print-doc').isVisible()).toBe(true);
    expect(await reader.locator('#root').isVisible()).toBe(false);
    expect(await reader.locator('.print-doc button').count()).toBe(0);
    await reader.locator('.print-doc').getByText(NORM_V2).waitFor();
    await screenshot(reader, 'revisit-reader-print');

    const phoneReader = await (await e2e.newContext(PHONE)).newPage();
    await phoneReader.goto(seeded.readerUrl);
    await phoneReader.getByRole('region', { name: 'Our agreement' }).getByText(NORM_V2).waitFor();
    expect(await phoneReader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await audit(phoneReader)).toEqual([]);
    await screenshot(phoneReader, 'revisit-reader-360');
  }, 90_000);
});

describe('templates', () => {
  it('starts a two-person board that shows names, saves it as a template, starts from that template, and imports a board from its JSON export', async () => {
    const facilitator = await (await e2e.newContext(LAPTOP)).newPage();
    await facilitator.goto(`${e2e.url}/`);
    const partnering = facilitator.getByRole('radio', { name: /^Partnering conversation/ });
    expect(await facilitator.locator('.choice', { has: partnering }).textContent()).toContain('Names are shown on notes');
    await partnering.check();
    await facilitator.getByRole('button', { name: 'Start a workshop' }).click();
    await facilitator.waitForURL(/\/b\/[^/]+\/facilitate$/);
    const boardId = /\/b\/([^/]+)\/facilitate/.exec(facilitator.url())?.[1] as string;
    const code = (await facilitator.locator('[data-join-code]').getAttribute('data-join-code')) as string;
    // The read-only link came with the create response and is offered in the share panel (open during setup).
    await facilitator.getByRole('button', { name: 'Copy read-only link' }).waitFor();
    expect(await facilitator.locator('.settings__fixed').textContent()).toContain('Names are shown');

    await facilitator.getByLabel('Template name').fill('Our partnership, our way');
    await facilitator.getByRole('button', { name: 'Save as a template' }).click();
    await facilitator.locator('.save-template', { hasText: 'Template “Our partnership, our way” saved' }).waitFor();

    // With two people anonymity is pointless: a name is needed, and notes carry it.
    const alex = await (await e2e.newContext(PHONE)).newPage();
    await alex.goto(`${e2e.url}/j/${code}`);
    expect(await alex.getByRole('button', { name: /^Skip/ }).count()).toBe(0);
    await alex.getByText('Names are shown on this board').waitFor();
    await alex.getByLabel(/Your name/).fill('Alex');
    await alex.getByRole('button', { name: 'Continue' }).click();
    await facilitator.getByRole('button', { name: 'Next: Reflect' }).click();
    const offer = alex.getByRole('region', { name: 'What I can offer you:', exact: true });
    await offer.getByText('your notes are signed “Alex”').waitFor();
    await offer.getByLabel('Your answer').fill('Two afternoons a week of data work');
    await offer.getByRole('button', { name: 'Add note' }).click();
    await offer.locator('.note', { hasText: 'Two afternoons a week of data work' }).waitFor();
    await facilitator.getByRole('button', { name: 'Next: Share' }).click();
    await facilitator.getByRole('button', { name: 'Reveal all' }).click();
    await alex.locator('.guidance', { hasText: 'with their authors’ names' }).waitFor();
    for (const page of [alex, facilitator]) {
      const note = page
        .getByRole('region', { name: 'What I can offer you:', exact: true })
        .locator('.note', { hasText: 'Two afternoons' });
      expect(await note.locator('.note__author').textContent()).toBe('— Alex');
    }
    expect(await alex.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await audit(alex)).toEqual([]);
    await screenshot(alex, 'templates-participant-360-named-notes');

    // The saved template on the home page starts a board with the same questions, names shown.
    await facilitator.goto(`${e2e.url}/`);
    const saved = facilitator.getByRole('radio', { name: /^Our partnership, our way/ });
    expect(await facilitator.locator('.choice', { has: saved }).textContent()).toContain('4 questions');
    expect(await audit(facilitator)).toEqual([]);
    await screenshot(facilitator, 'templates-home');
    await saved.check();
    await facilitator.getByRole('button', { name: 'Start a workshop' }).click();
    await facilitator.waitForURL((url) => url.pathname.endsWith('/facilitate') && !url.pathname.includes(boardId));
    await facilitator.locator('.prompt-editor').nth(3).waitFor();
    expect(await facilitator.locator('.prompt-editor').count()).toBe(4);
    expect(await facilitator.locator('.settings__fixed').textContent()).toContain('Names are shown');

    // Import: the JSON export of the first board becomes a new board with its notes.
    const key = await facilitator.evaluate((id) => localStorage.getItem(`accord:fkey:${id}`), boardId);
    const exported = await fetch(`${e2e.url}/api/boards/${boardId}/export.json`, { headers: { authorization: `Bearer ${key}` } });
    await facilitator.goto(`${e2e.url}/`);
    await facilitator.getByLabel('Exported board (.json)').setInputFiles({
      name: 'our-partnership-v1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await exported.text()),
    });
    await facilitator.getByRole('button', { name: 'Import the board' }).click();
    await facilitator.waitForURL((url) => url.pathname.endsWith('/facilitate') && !url.pathname.includes(boardId));
    // The facilitator key leaves the address bar at once (the screen may be projected).
    await expect.poll(() => facilitator.url()).not.toContain('#');
    await facilitator
      .getByRole('region', { name: 'What I can offer you:', exact: true })
      .locator('.note', { hasText: 'Two afternoons a week of data work' })
      .waitFor();
  }, 90_000);
});
