import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { sleep } from './stats';

/**
 * The participant's first load, measured one way by both `npm run bench` (workload 7) and
 * `npm test` (tests/e2e/participantBudget.test.ts): the gzip -9 size (zlib level 9, as a server
 * would serve it pre-compressed) of every script Chromium fetches from the join link, through the
 * name question, to the board on screen (its phase guidance), the network idle and 500 ms more —
 * a fetch the board starts by itself (a lazy view, a preload) counts. Kilobytes of 1,000 bytes,
 * as Vite's build report counts them.
 */

/** Issue 13 item 8: the target of the bench row. Not met with react-dom and Yjs (bench/README.md). */
export const PARTICIPANT_JS_TARGET_KB = 100;

/**
 * What `npm test` allows: 114.3 kB measured on 2026-12-06 before the languages work; 119.8 kB after
 * the join flow, the participant's pages, the marks and the decision components took their text
 * from the catalogs (issue 14): English's compiled messages sit in the entry chunk, and the
 * decision components' messages include those only facilitators see (bench/README.md, docs/i18n.md).
 * The ceiling is DESIGN.md's own budget, 120 KB: the next conversion on the participant's path must
 * first shrink the catalog part it ships (keys as indexes, facilitator-only messages in the `pages`
 * part). The first load may not grow past it unnoticed; lower it when the load shrinks.
 */
export const PARTICIPANT_JS_CEILING_KB = 120;

export interface LoadedScript {
  readonly url: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface LoadedScripts {
  readonly files: LoadedScript[];
  /** Whether any of them is dnd-kit's code (participants do not drag; DESIGN.md). */
  readonly hasDragAndDrop: boolean;
}

/** Records every script the page loads from now on; call the result to read them. */
export function recordScripts(page: Page): () => LoadedScripts {
  const files: LoadedScript[] = [];
  let hasDragAndDrop = false;
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      const body = await response.body();
      // dnd-kit's accessibility helpers carry these ids; the minifier keeps string literals.
      if (body.includes('DndDescribedBy') || body.includes('DndLiveRegion')) hasDragAndDrop = true;
      files.push({ url: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
    } catch {
      // A response without a body (redirect) carries no script.
    }
  });
  return () => ({ files, hasDragAndDrop });
}

/** Kilobytes (of 1,000 bytes) of gzipped JavaScript the page loaded. */
export function gzipKb(scripts: LoadedScripts): number {
  return scripts.files.reduce((n, f) => n + f.gzipBytes, 0) / 1000;
}

/**
 * Opens the join link on `page` (a fresh context), answers the name question and waits for the
 * board: the participant's first load. Returns the scripts it fetched.
 */
export async function loadParticipantBoard(page: Page, baseUrl: string, joinCode: string, name: string): Promise<LoadedScripts> {
  const scripts = recordScripts(page);
  await page.goto(`${baseUrl}/j/${joinCode}`);
  const nameField = page.getByLabel(/Your name/);
  await nameField.waitFor({ timeout: 15_000 });
  await nameField.fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.guidance').waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await sleep(500);
  return scripts();
}
