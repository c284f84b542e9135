import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type RunningServer, startServer } from '../../server/AccordServer';
import { configFromEnv } from '../../server/config';
import { freePort, kill, spawnServer } from '../server/childServer';

/** A 360 px touch phone: the narrowest screen the product is checked at. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } satisfies BrowserContextOptions;

/** Waits for what others see: on a busy two-core machine a change can take more than expect.poll's 1 s to arrive. */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 8000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');

/** Debian's Chromium, never a downloaded one (scripts/ensure-chromium.mjs installs it). */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A real server on a free port with its own data folder, serving the built client, and a browser. */
export interface E2E {
  readonly url: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh browser profile (its own localStorage, so its own participant identity). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-e2e-'));
  const server = await startServer(
    configFromEnv({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: path.join(ROOT, 'dist/client') }, ROOT),
  );
  const browser = await openBrowser();
  return {
    url: server.url,
    server,
    browser: browser.browser,
    newContext: browser.newContext,
    async close() {
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Like {@link E2E}, but the server is `server/main.ts` in a child process, as `npm start` runs it,
 * so that a test can kill it mid-workshop and start it again on the same port and SQLite file.
 */
export interface RestartableE2E extends Omit<E2E, 'server'> {
  /** SIGKILL: no shutdown code runs, exactly like a crash or a power cut of the process. */
  killServer(): Promise<void>;
  /** Starts the server again on the same port and data folder; resolves once it listens. */
  startServer(): Promise<void>;
}

export async function startRestartableE2E(): Promise<RestartableE2E> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-e2e-'));
  const port = await freePort();
  const env = { STATIC_DIR: path.join(ROOT, 'dist/client') };
  let child: ChildProcess | null = await spawnServer(port, dataDir, env);
  const browser = await openBrowser();
  return {
    url: `http://127.0.0.1:${port}`,
    browser: browser.browser,
    newContext: browser.newContext,
    async killServer() {
      if (child) await kill(child);
      child = null;
    },
    async startServer() {
      if (child) throw new Error('the server is already running');
      child = await spawnServer(port, dataDir, env);
    },
    async close() {
      await browser.close();
      if (child) await kill(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Screenshots are for people to look at (test-artifacts/e2e). With E2E_SHOTS=off (as CI runs, where
 * nobody looks) none is taken: a full-page capture is rasterised in software and costs seconds on a
 * long board. The checks beside them (nothing reaches past the window) run either way.
 */
export const TAKE_SHOTS = process.env.E2E_SHOTS !== 'off';

function skipShots(page: Page): void {
  page.screenshot = async () => Buffer.alloc(0);
}

/** Chromium, and fresh contexts on it that are closed with it. */
export async function openBrowser() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newContext(options: BrowserContextOptions = {}) {
      // English unless a test asks otherwise: the page speaks the browser's language (docs/i18n.md),
      // and a machine's own locale must not change what the tests read.
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US', ...options });
      // Well under the test timeout, so that a stuck step fails with its own locator in the message.
      context.setDefaultTimeout(10_000);
      // A first load fetches the whole client: on a loaded two-core machine (the full suite runs two
      // browsers beside their servers) it took more than 10 s twice. Navigation only gets longer.
      context.setDefaultNavigationTimeout(30_000);
      if (!TAKE_SHOTS) context.on('page', skipShots);
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
    },
  };
}

/** One accessibility finding, as much of it as a failing assertion needs to be read. */
export interface A11yViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

let axeSourceCache: string | null = null;
async function axeSource(): Promise<string> {
  axeSourceCache ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSourceCache;
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page; returns serious and critical findings. */
export async function auditA11y(page: Page): Promise<A11yViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // The server's CSP forbids inline scripts, so addScriptTag would be blocked. Evaluating through
  // the DevTools protocol is outside CSP, and keeps the page's CSP enforced for the app itself.
  if (!hasAxe) await page.evaluate(await axeSource());
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(options: unknown): Promise<AxeResult> } }).axe;
    // Content the page skips off screen (content-visibility: auto) has no layout until it is
    // scrolled to: axe would measure its buttons as nothing (a target-size finding, depending on
    // whether a note that just moved had been painted yet). It is audited as it is when on screen.
    const skipped = [...document.querySelectorAll<HTMLElement>('*')].filter(
      (el) => getComputedStyle(el).contentVisibility === 'auto',
    );
    for (const el of skipped) el.style.contentVisibility = 'visible';
    const result = await axe
      .run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      .finally(() => {
        for (const el of skipped) el.style.contentVisibility = '';
      });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** {@link auditA11y} once entrance animations (a toast fading in) have finished: a half-faded toast is not a contrast finding. */
export async function auditSettled(page: Page): Promise<A11yViolation[]> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  return auditA11y(page);
}

/** Where a screenshot named `name` goes (for a shot of the viewport alone: a full-page shot resizes the page, which ends a drag in progress elsewhere). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, `${name}.png`);
}

/** Saves a full-page PNG under test-artifacts/e2e/ for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage: true });
}

/** `text` as a regular expression that matches it literally. */
export const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
