import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../client/src/i18n/locales/ar.json';
import de from '../../client/src/i18n/locales/de.json';
import type en from '../../client/src/i18n/locales/en.json';
import { randomId } from '../../shared/random';
import { auditSettled, type E2E, PHONE, poll, screenshot, startE2E } from './harness';
import { openSeedClients } from './seedClients';

type Catalog = Readonly<Record<string, string>>;
type Key = keyof typeof en;

/** A laptop: the other width the facilitator's pages are looked at here, besides PHONE's 360 px. */
const LAPTOP = { viewport: { width: 1280, height: 900 } } satisfies BrowserContextOptions;

/**
 * One long German word (48 letters) in the workshop's title: it must wrap, not push the page sideways.
 * Not in the question: the Agreement column (components/decisions/decisions.css) does not wrap a
 * prompt's title yet, and this word there made the page 172 px wider than a 360 px phone.
 */
const LONG_WORD = 'Gemeinschaftsgartenbewässerungsplanungsausschuss';
const CONTENT = {
  de: {
    title: `Sommerklausur ${LONG_WORD}`,
    purpose: 'Wir klären, wer wann gießt, und schreiben auf, worauf wir uns einigen.',
    question: 'Was braucht unser Gemeinschaftsgarten von mir?',
    statement: 'Wir gießen abwechselnd, jede Woche eine andere Person',
  },
  ar: {
    title: 'اتفاق عمل فريق الحديقة المجتمعية',
    purpose: 'نتفق على من يسقي الحديقة ومتى، ونكتب ما نتفق عليه.',
    question: 'ما الذي تحتاجه لجنة الحديقة مني؟',
    statement: 'نتناوب على السقي، كل أسبوع شخص مختلف',
  },
} as const;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** A message with its plain placeholders filled (the texts looked for here have no plural or select). */
function say(catalog: Catalog, key: Key, values: Readonly<Record<string, string>> = {}): string {
  const message = catalog[key];
  if (message === undefined) throw new Error(`no ${key}`);
  if (/\{\w+,/.test(message)) throw new Error(`${key} has a plural or a select: look for something else`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${key} needs {${name}}`);
    return value;
  });
}

/** Nothing reaches past either edge of the window: the page does not scroll sideways, in either direction. */
async function expectNoSidewaysOverflow(page: Page, where: string): Promise<void> {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1);
    });
    return {
      overflow: document.documentElement.scrollWidth - width,
      // The first few elements past an edge, to say what is too wide when the page is.
      culprits: outside
        .slice(0, 5)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent?.slice(0, 50)}`),
    };
  });
  expect(overflow, `${where}: the page scrolls sideways by ${overflow} px: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
}

/** Checks a stage: nothing overflows, axe finds nothing serious, and a full-page screenshot to look at. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoSidewaysOverflow(page, name);
  expect(await auditSettled(page), name).toEqual([]);
  await screenshot(page, name);
}

describe('the facilitator’s setup and agreement stage in German and Arabic (issue 14)', () => {
  it.each([
    ['de-DE', 'de', '360 px', PHONE],
    ['de-DE', 'de', '1280 px', LAPTOP],
    ['ar', 'ar', '360 px', PHONE],
    ['ar', 'ar', '1280 px', LAPTOP],
  ] as const)(
    '%s (%s) at %s: translated, mirrored for Arabic, nothing sideways, axe clean',
    async (locale, lang, _width, device) => {
      const catalog: Catalog = lang === 'de' ? de : ar;
      const content = CONTENT[lang];
      const width = device.viewport.width;
      const shot = (stage: string) => `i18n-facilitator-${stage}-${lang}-${width}`;
      const page = await (await e2e.newContext({ ...device, locale })).newPage();
      // The locale's own digits, as the catalogs' runtime writes a number placeholder.
      const digits = (n: number) =>
        page.evaluate(([l, value]) => new Intl.NumberFormat(l as string).format(value as number), [lang, n]);
      const phase = (key: Key) => say(catalog, key);
      // Between the language's own quotation marks (copy.ts `quoted`; these texts are too short to be cut).
      const quoted = (text: string) => say(catalog, 'common.quoted', { text });

      // A workshop started from the home page, in the browser's language.
      await page.goto(`${e2e.url}/`);
      await page.getByRole('button', { name: say(catalog, 'start.submit'), exact: true }).click();
      await page.waitForURL(/\/b\/[^/]+\/facilitate$/);
      const stepper = page.getByRole('navigation', { name: say(catalog, 'facilitator.stepper.label') });
      await stepper.waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        lang,
        lang === 'ar' ? 'rtl' : 'ltr',
      ]);
      // Mirrored: Back comes first in reading order, so it sits on the right in Arabic and on the left in German.
      const back = await stepper.locator('.stepper__back').boundingBox();
      const next = await stepper.locator('.stepper__next').boundingBox();
      if (!back || !next) throw new Error('no stepper buttons');
      expect(lang === 'ar' ? back.x > next.x : back.x < next.x).toBe(true);
      expect(await stepper.locator('.stepper__back [aria-hidden]').textContent()).toBe(lang === 'ar' ? '→' : '←');
      await stepper.getByText(phase('common.phase.setup')).first().waitFor();

      // Title.
      await page.getByRole('button', { name: say(catalog, 'facilitator.title.renameWorkshop'), exact: true }).click();
      await page.getByLabel(say(catalog, 'facilitator.title.label'), { exact: true }).fill(content.title);
      await page.getByRole('button', { name: say(catalog, 'facilitator.title.save'), exact: true }).click();
      await poll(() => page.locator('h1').textContent()).toBe(content.title);

      // Purpose and settings.
      await page.getByLabel(say(catalog, 'facilitator.purpose.label'), { exact: true }).fill(content.purpose);
      await page.getByRole('button', { name: say(catalog, 'facilitator.purpose.save'), exact: true }).click();
      await page.getByLabel(say(catalog, 'facilitator.settings.showRoster'), { exact: true }).check();
      await page.getByRole('heading', { name: say(catalog, 'facilitator.template.heading'), exact: true }).waitFor();

      // A question of our own, moved to the front.
      const add = page.getByRole('region', { name: say(catalog, 'facilitator.prompt.addHeading'), exact: true });
      await add.getByLabel(say(catalog, 'facilitator.prompt.question'), { exact: true }).fill(content.question);
      await add.getByRole('button', { name: say(catalog, 'facilitator.prompt.add'), exact: true }).click();
      const column = page.getByRole('region', { name: content.question, exact: true });
      await column.waitFor();
      for (let moves = 0; moves < 7; moves++) {
        const earlier = column.getByRole('button', {
          name: say(catalog, 'facilitator.prompt.moveEarlierLabel', { prompt: quoted(content.question) }),
        });
        if (await earlier.isDisabled()) break;
        await earlier.click();
      }
      await poll(() => page.locator('.columns > .column').first().getAttribute('aria-labelledby')).toBe(
        await column.getAttribute('aria-labelledby'),
      );

      // Invite panel, open during setup.
      await page.getByText(say(catalog, 'facilitator.invite.goTo', { host: new URL(e2e.url).host }), { exact: true }).waitFor();
      await page.getByRole('heading', { name: say(catalog, 'facilitator.invite.coFacilitators'), exact: true }).waitFor();

      // Seats: the facilitator's own seat, listed as "you".
      await page.locator('details.seats summary').click();
      await page.locator('.seats__row', { hasText: say(catalog, 'facilitator.seats.you') }).waitFor();

      // Timer: two minutes for everyone.
      await page.getByRole('button', { name: say(catalog, 'facilitator.timer.toggle'), exact: true }).click();
      await page.getByText(say(catalog, 'facilitator.timer.title'), { exact: true }).waitFor();
      await page.getByLabel(say(catalog, 'facilitator.timer.minutes'), { exact: true }).fill('2');
      await page.getByRole('button', { name: say(catalog, 'facilitator.timer.start'), exact: true }).click();
      await page.getByRole('timer').waitFor();
      await check(page, shot('setup'));

      // Reflect, from the stepper; three people write, and the group agrees one statement (seed clients).
      await page
        .getByRole('button', {
          name: say(catalog, 'facilitator.stepper.nextTo', { phase: phase('common.phase.reflect') }),
        })
        .click();
      await page.locator('.stepper__step--current', { hasText: phase('common.phase.reflect') }).waitFor();
      const boardId = /\/b\/([^/]+)\/facilitate/.exec(page.url())?.[1] ?? '';
      const facilitatorKey = await page.evaluate((id) => localStorage.getItem(`accord:fkey:${id}`), boardId);
      const joinCode = await page.locator('[data-join-code]').getAttribute('data-join-code');
      if (!facilitatorKey || !joinCode) throw new Error('no facilitator key or join code in this browser');
      const seed = await openSeedClients(e2e.url, { boardId, facilitatorKey, joinCode }, 3);
      await seed.waitForPhase('reflect');
      const { facilitator, send } = seed;
      const promptId = seed.promptId(content.question);
      for (const [i, author] of seed.authors.entries()) {
        await send(author, {
          type: 'postDraft',
          draftId: randomId(),
          promptId,
          text: `${content.statement} (${i + 1})`,
          tag: null,
        });
      }
      await send(facilitator, { type: 'setPhase', phase: 'share' });
      await send(facilitator, { type: 'reveal', promptId: null, confirmSmallCount: true });
      await send(facilitator, { type: 'setPhase', phase: 'group' });
      const themeId = randomId();
      const noteIds = [...seed.board().notes.values()].filter((n) => n.promptId === promptId).map((n) => n.id);
      await send(facilitator, { type: 'createTheme', themeId, promptId, name: content.statement, noteIds, beforeThemeId: null });
      await send(facilitator, { type: 'setPhase', phase: 'vote' });
      await send(facilitator, { type: 'setPhase', phase: 'decide' });
      const proposalId = randomId();
      await send(facilitator, {
        type: 'openProposal',
        proposalId,
        promptId,
        themeId,
        statement: content.statement,
        rule: 'consensus',
        quorumPercent: 50,
        thresholdPercent: 67,
        previousProposalId: null,
      });
      for (const author of seed.authors) await send(author, { type: 'respond', proposalId, response: 'agree', reason: null });
      await send(facilitator, { type: 'closeProposal', proposalId });
      seed.close();

      // Agreement, from the stepper: a check-in date, then the workshop closed as version 1.
      await page.locator('.stepper__step--current', { hasText: phase('common.phase.decide') }).waitFor();
      await page
        .getByRole('button', {
          name: say(catalog, 'facilitator.stepper.nextTo', { phase: phase('common.phase.agreement') }),
        })
        .click();
      await page
        .getByRole('heading', { name: say(catalog, 'facilitator.agreement.version.closeHeading'), exact: true })
        .waitFor();
      await page.getByLabel(say(catalog, 'facilitator.agreement.checkIn.label'), { exact: true }).fill('2027-06-12');
      await page.getByRole('button', { name: say(catalog, 'facilitator.agreement.checkIn.save'), exact: true }).click();
      await page.locator('[data-check-in="2027-06-12"]').first().waitFor();
      await check(page, shot('agreement'));

      const [one, two] = [await digits(1), await digits(2)];
      await page.getByRole('button', { name: say(catalog, 'facilitator.agreement.version.close'), exact: true }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: say(catalog, 'facilitator.agreement.version.closeConfirm', { version: one }), exact: true })
        .click();
      await page
        .getByRole('heading', { name: say(catalog, 'facilitator.agreement.version.final', { version: one }), exact: true })
        .waitFor();
      await stepper.getByText(say(catalog, 'facilitator.stepper.versionFinal', { version: one }), { exact: true }).waitFor();
      await check(page, shot('closed'));

      // Reopened for version 2: the Revisit stage, with the statement in force since version 1.
      await page
        .getByRole('button', { name: say(catalog, 'facilitator.agreement.version.reopen', { next: two }), exact: true })
        .click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: say(catalog, 'facilitator.agreement.version.reopenConfirm', { next: two }), exact: true })
        .click();
      await page
        .getByRole('heading', { name: say(catalog, 'facilitator.agreement.revisit.heading', { version: two }), exact: true })
        .waitFor();
      const item = page.getByRole('article', { name: content.statement, exact: true });
      await item
        .getByText(say(catalog, 'facilitator.agreement.revisit.inForceSince', { version: one }), { exact: true })
        .waitFor();
      await item
        .getByRole('button', {
          name: say(catalog, 'facilitator.agreement.revisit.amendLabel', { statement: quoted(content.statement) }),
        })
        .waitFor();
      await page
        .locator('.revisit__ways strong', { hasText: say(catalog, 'facilitator.agreement.revisit.wayRetireVerb') })
        .waitFor();
      await check(page, shot('revisit'));
      await page.context().close();
    },
    240_000,
  );
});
