import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKING_AGREEMENT_QUESTIONNAIRE } from '../../shared/templates';
import { Cluster } from '../cluster/lib/cluster';
import { OwnerWatch } from '../cluster/lib/ownerWatch';
import {
  deleteRedisKeys,
  dropSchema,
  probePostgres,
  probeRedis,
  runTag,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
} from '../cluster/lib/services';
import { chooseName, createWorkshop, nextPhase, promptRegion, writeNote } from './flows';
import { openBrowser, PHONE, screenshot } from './harness';

const [FIRST] = WORKING_AGREEMENT_QUESTIONNAIRE.prompts.map((p) => p.text) as [string];

/**
 * Long enough for a killed owner's lease to run out (LEASE_TTL_MS, 5 s) and the pages' backoff to
 * bring them back, on a loaded machine; the failover suite measures the bounds themselves.
 */
const BACK_WITHIN_MS = 30_000;

const skipReason = await probePostgres();
if (skipReason) console.log(`[e2e] cluster failover in Chromium skipped: ${skipReason}. Set TEST_DATABASE_URL to run it.`);
const redisUrl = skipReason || (await probeRedis()) ? null : TEST_REDIS_URL;

const connection = (page: Page) => page.locator('output.connection').first().textContent();

describe.skipIf(skipReason !== null)('a workshop in Chromium on two Accord nodes behind a balancer', () => {
  const tag = runTag();
  let cluster: Cluster;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    cluster = await Cluster.start({
      size: 2,
      databaseUrl: TEST_DATABASE_URL,
      schema: tag,
      redisUrl,
      redisPrefix: `${tag}:`,
    });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    await dropSchema(TEST_DATABASE_URL, tag);
    if (redisUrl) await deleteRedisKeys(redisUrl, `${tag}:`);
  });

  it('goes on when the node that owns the board is killed: every page comes back by itself, keeps what was written, and new notes arrive', async () => {
    const url = cluster.balancer.httpUrl;
    const facilitator = await (await browser.newContext()).newPage();
    const { code, boardId } = await createWorkshop(facilitator, url);
    const robin = await (await browser.newContext()).newPage();
    await robin.goto(`${url}/j/${code}`);
    await chooseName(robin, 'Robin');
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${url}/j/${code}`);
    await chooseName(phone, null);
    await expect.poll(() => facilitator.locator('.people summary').textContent()).toBe('3 people here');

    await nextPhase(facilitator, 'Reflect');
    await phone.locator('.guidance', { hasText: 'Write your own answers' }).waitFor();
    await writeNote(robin, FIRST, 'Written before the failover', 'Need');
    const count = () => promptRegion(facilitator, FIRST).locator('.column__count').textContent();
    await expect.poll(count).toBe('1 note so far, from 1 person');

    // The balancer hands connections out in turn: the three pages entered through both nodes, and
    // the board lives on one of them.
    const owners = new OwnerWatch(TEST_DATABASE_URL, tag);
    const ownerNow = async () => {
      await owners.poll();
      return { nodeId: owners.current(boardId)?.nodeId ?? null, epoch: owners.current(boardId)?.epoch ?? 0 };
    };
    const before = await ownerNow();
    expect(before.nodeId).toMatch(/^node-[12]$/);
    await cluster.node(before.nodeId as string).kill();
    await cluster.markDown(before.nodeId as string);

    // Written while the board has no live owner: it waits in the page's outbox, then goes.
    await writeNote(phone, FIRST, 'Written during the failover', null);
    for (const page of [facilitator, robin, phone]) {
      await expect.poll(() => connection(page), { timeout: BACK_WITHIN_MS }).toBe('Online');
    }
    await expect.poll(count, { timeout: BACK_WITHIN_MS }).toBe('2 notes so far, from 2 people');
    const after = await ownerNow();
    await owners.stop();
    expect(after.nodeId).not.toBe(before.nodeId);
    expect(after.nodeId).toMatch(/^node-[12]$/);
    expect(after.epoch).toBeGreaterThan(before.epoch);
    await screenshot(facilitator, 'cluster-failover-facilitator-after');

    // A note written after the failover, and the reveal: everyone sees both notes.
    await writeNote(robin, FIRST, 'Written after the failover', null);
    await expect.poll(count, { timeout: BACK_WITHIN_MS }).toBe('3 notes so far, from 2 people');
    await nextPhase(facilitator, 'Share');
    await facilitator.getByRole('button', { name: 'Reveal all' }).click();
    await facilitator.getByRole('dialog', { name: 'Reveal all anyway?' }).getByRole('button', { name: 'Reveal anyway' }).click();
    for (const page of [facilitator, robin, phone]) {
      for (const text of ['Written before the failover', 'Written during the failover', 'Written after the failover']) {
        await page.locator('.note', { hasText: text }).first().waitFor();
      }
    }
    await screenshot(phone, 'cluster-failover-participant-360-share');
  });
});
