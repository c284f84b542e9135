import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '../../shared/random';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { chooseName, promptRegion } from './flows';
import { auditA11y, type E2E, PHONE, screenshot, startE2E } from './harness';
import { openSeedClients } from './seedClients';
import { shootAtWidths } from './shots';

const [FIRST] = WORKING_AGREEMENT_QUESTIONNAIRE.prompts.map((p) => p.text) as [string];

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** A new board from the default template, as the home page makes one. */
async function createBoard() {
  const response = await fetch(`${e2e.url}/api/boards`, { method: 'POST', body: '{}' });
  return (await response.json()) as { boardId: string; facilitatorKey: string; facilitatorUrl: string; joinCode: string };
}

describe('notes written after the reveal', () => {
  it('wait while they would give their writers away; Release now says so and asks first', async () => {
    const created = await createBoard();
    const seed = await openSeedClients(e2e.url, created, 4);
    const { facilitator, authors, send, promptId } = seed;
    const write = (author: number, text: string) =>
      send(authors[author]!, { type: 'postDraft', draftId: randomId(), promptId: promptId(FIRST), text, tag: null });
    await send(facilitator, { type: 'setPhase', phase: 'reflect' });
    for (const [i, text] of ['Long meetings', 'Too many tools', 'Unclear priorities', 'Noise'].entries()) await write(i, text);
    await send(facilitator, { type: 'setPhase', phase: 'share' });
    await send(facilitator, { type: 'reveal', promptId: promptId(FIRST) });
    // Issue #11: one person writes two more notes, another one. Shown now, the first would know who wrote the third.
    await write(0, 'Late: my manager');
    await write(0, 'Late: my commute');
    await write(1, 'Late: the open office');
    seed.close();

    const page = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(created.facilitatorUrl);
    const phone = await (await e2e.newContext(PHONE)).newPage();
    await phone.goto(`${e2e.url}/j/${created.joinCode}`);
    await chooseName(phone, 'Kim');
    const column = promptRegion(page, FIRST);
    await column.locator('.held', { hasText: '3 notes waiting' }).waitFor();
    await expect.poll(() => promptRegion(phone, FIRST).locator('.note').count()).toBe(4);

    await column.getByRole('button', { name: 'Release now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Show these notes now?' });
    await dialog
      .getByText(`Only two people wrote the notes waiting for “${FIRST}”: each of them would know which notes the other wrote.`)
      .waitFor();
    expect(await auditA11y(page)).toEqual([]);
    await screenshot(page, 'share-facilitator-1280-release-now');
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'share-facilitator-360-release-now');
    await dialog.getByRole('button', { name: 'Wait for more people' }).click();
    expect(await promptRegion(phone, FIRST).locator('.note').count()).toBe(4);

    await column.getByRole('button', { name: 'Release now' }).click();
    await dialog.getByRole('button', { name: 'Show now' }).click();
    await expect.poll(() => promptRegion(phone, FIRST).locator('.note').count()).toBe(7);
    await column.locator('.held').waitFor({ state: 'detached' });
  }, 90_000);

  it('a prompt only one person wrote to: Reveal says everyone can see that, and offers to wait (issue #12)', async () => {
    const created = await createBoard();
    const seed = await openSeedClients(e2e.url, created, 1);
    const { facilitator, authors, send, promptId } = seed;
    await send(facilitator, { type: 'setPhase', phase: 'reflect' });
    for (const text of ['Long meetings', 'Too many tools']) {
      await send(authors[0]!, { type: 'postDraft', draftId: randomId(), promptId: promptId(FIRST), text, tag: null });
    }
    await send(facilitator, { type: 'setPhase', phase: 'share' });
    seed.close();

    const page = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(created.facilitatorUrl);
    await promptRegion(page, FIRST)
      .getByRole('button', { name: `Reveal notes for ‘${FIRST.slice(0, 57).trimEnd()}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Reveal anyway?' });
    await dialog
      .getByText(
        `Only one person wrote to “${FIRST}”, and everyone can see that count: revealing its 2 notes now would show the whole group what that one person wrote.`,
      )
      .waitFor();
    expect(await auditA11y(page)).toEqual([]);
    await shootAtWidths(page, 'share-reveal-one-writer', dialog);
    await dialog.getByRole('button', { name: 'Wait for more people' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await promptRegion(page, FIRST)
      .getByRole('button', { name: /^Reveal notes for/ })
      .waitFor();
    expect(await page.content()).not.toContain('Too many tools');
  }, 90_000);
});
