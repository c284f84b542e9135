import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Phase } from '../../shared/phases';
import { chooseName, downloadOf } from './flows';
import { auditA11y, type E2E, PHONE, screenshot, startE2E } from './harness';
import { openSeedClients } from './seedClients';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('a participant takes the agreement home', () => {
  it('can download it from their own board once the workshop is closed, and not before', async () => {
    const response = await fetch(`${e2e.url}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ templateId: 'working-agreement', title: 'Kestrel team norms' }),
    });
    const created = (await response.json()) as { boardId: string; facilitatorKey: string; joinCode: string };
    const seed = await openSeedClients(e2e.url, created, 0);
    const phone = await (await e2e.newContext(PHONE)).newPage();
    await phone.goto(`${e2e.url}/j/${created.joinCode}`);
    await chooseName(phone, null);

    for (const phase of ['reflect', 'share', 'group', 'vote', 'decide', 'agreement'] satisfies Phase[]) {
      await seed.send(seed.facilitator, { type: 'setPhase', phase, confirm: true });
    }
    await phone.getByRole('region', { name: 'Our agreement' }).waitFor();
    expect(await phone.getByRole('heading', { name: 'Take the agreement with you' }).count()).toBe(0);

    await seed.send(seed.facilitator, { type: 'closeWorkshop' });
    const section = phone.getByRole('region', { name: 'Take the agreement with you' });
    await section.waitFor();
    expect(await section.getByRole('button', { name: 'Download JSON' }).count()).toBe(0);
    const markdown = await downloadOf(phone, 'Download Markdown');
    expect(markdown.name).toBe('kestrel-team-norms-v1.md');
    expect(markdown.text).toMatch(/^# Kestrel team norms\n/);
    const csv = await downloadOf(phone, 'Download CSV');
    expect(csv.name).toBe('kestrel-team-norms-v1.csv');
    expect(csv.text.startsWith('\uFEFFrow,prompt,kind,theme,text,tag,note_votes,theme_votes,decision\r\n')).toBe(true);

    expect(await auditA11y(phone)).toEqual([]);
    for (const width of [360, 390, 768, 1280]) {
      await phone.setViewportSize({ width, height: 800 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(phone, `participant-download-${width}`);
    }
    seed.close();
  });
});
