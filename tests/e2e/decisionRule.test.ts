import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBoard, THEME } from './decideSeed';
import { auditA11y, type E2E, startE2E } from './harness';
import { shootAtWidths } from './shots';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const OTHER_THEME = 'No early mornings';

describe('the board’s decision rule (issue #12)', () => {
  it('starts every proposal from the board’s rule, never the last round’s, and says the rule on the button and the result', async () => {
    const seeded = await seedBoard(e2e.url, 'decide', { stay: true });
    const { seed } = seeded;
    const page = await (await e2e.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(seeded.facilitatorUrl);
    const rule = (name: string) => page.getByRole('radio', { name: new RegExp(`^${name}`) });

    // A first proposal: Consensus, as on every board whose rule nobody changed; picked Majority for this one.
    const theme = page.getByRole('article', { name: THEME });
    await theme.getByRole('button', { name: `Propose an agreement: ‘${THEME}’` }).click();
    expect(await rule('Consensus').isChecked()).toBe(true);
    await theme.getByRole('button', { name: 'Open the round, decided by consensus' }).waitFor();
    await theme.getByLabel('Proposed agreement').fill('We meet between 11 and 1.');
    await rule('Majority').check();
    await theme.getByText('For this round only: the board’s rule is consensus').waitFor();
    expect(await auditA11y(page)).toEqual([]);
    await shootAtWidths(page, 'decide-rule-form-majority', theme);
    await theme.getByRole('button', { name: 'Open the round, decided by a 67% majority' }).click();
    await theme.locator('.rule-line', { hasText: 'Majority.' }).waitFor();

    // The facilitator's page shows its own prediction; the seeded people answer the server's round.
    await expect.poll(() => seed.board().proposals.size).toBe(1);
    const [proposal] = [...seed.board().proposals.values()];
    for (const author of seed.authors) {
      await seed.send(author, { type: 'respond', proposalId: proposal?.id ?? '', response: 'agree', reason: null });
    }
    await expect.poll(() => theme.locator('.voter-count').getAttribute('data-respondent-count')).toBe('3');
    await theme.getByRole('button', { name: 'Close the round…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close the round' }).click();
    await theme.locator('.outcome__rule', { hasText: 'Decided by a 67% majority' }).waitFor();
    await shootAtWidths(page, 'decide-rule-result', theme);

    // The next proposal starts from the board's rule again, not from the majority just used.
    const other = page.getByRole('article', { name: OTHER_THEME });
    await other.getByRole('button', { name: `Propose an agreement: ‘${OTHER_THEME}’` }).click();
    expect(await other.getByRole('radio', { name: /^Consensus/ }).isChecked()).toBe(true);
    expect(await other.getByRole('radio', { name: /^Majority/ }).isChecked()).toBe(false);
    await other.getByRole('button', { name: 'Open the round, decided by consensus' }).waitFor();
    await other.getByRole('button', { name: 'Cancel' }).click();

    // The facilitator sets the board's rule; from then on proposals start from it.
    await page.locator('summary', { hasText: 'Purpose and settings' }).click();
    const setting = page.getByRole('region', { name: 'How the group decides' });
    await setting.getByText('Consensus. Passes when nobody blocks').waitFor();
    await setting.getByRole('button', { name: 'Change the rule…' }).click();
    await setting.getByRole('radio', { name: /^Consent/ }).check();
    expect(await auditA11y(page)).toEqual([]);
    await shootAtWidths(page, 'decide-rule-setting', setting);
    await setting.getByRole('button', { name: 'Save the rule' }).click();
    await setting.getByText('Consent. Passes when nobody blocks').waitFor();
    await expect.poll(() => seed.board().meta.settings.decisionRule?.rule).toBe('consent');

    await other.getByRole('button', { name: `Propose an agreement: ‘${OTHER_THEME}’` }).click();
    expect(await other.getByRole('radio', { name: /^Consent/ }).isChecked()).toBe(true);
    await other.getByRole('button', { name: 'Open the round, decided by consent' }).waitFor();

    // Revisiting: retiring the item agreed by majority starts from the board's rule too, and its
    // question reads as one sentence (issue #12: it read “Retire: … 1.”.).
    await seed.send(seed.facilitator, { type: 'setPhase', phase: 'agreement' });
    await seed.send(seed.facilitator, { type: 'closeWorkshop' });
    await seed.send(seed.facilitator, { type: 'reopenWorkshop' });
    await page.getByRole('button', { name: 'Retire ‘We meet between 11 and 1.’' }).click();
    const retire = page.getByRole('form', { name: 'Retire ‘We meet between 11 and 1.’' });
    await retire.getByText('The group is asked: “Retire: We meet between 11 and 1.” If the round passes').waitFor();
    expect(await retire.textContent()).not.toContain('.”.');
    expect(await retire.getByRole('radio', { name: /^Consent/ }).isChecked()).toBe(true);
    await retire.getByRole('button', { name: 'Open the round on retiring it, decided by consent' }).waitFor();
    await shootAtWidths(page, 'decide-rule-retire', retire);
    seed.close();
  }, 60_000);
});
