/**
 * Launches Debian's chromium (never a downloaded browser) through playwright-core, headless, with
 * a fresh temporary profile, for the real-browser tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { buildDemo, serveDirectory } from '../../scripts/serve.mjs';

/** The system chromium; `FAHRAS_CHROMIUM` overrides it. */
export const CHROMIUM_PATH = process.env.FAHRAS_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** A browser context on a fresh profile; `close` also deletes the profile. */
export async function launch(viewport = { width: 1000, height: 700 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install chromium); the tests never download a browser`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'fahras-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport,
    deviceScaleFactor: 1,
    locale: 'ar',
    colorScheme: 'light',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The demo pages built, served on 127.0.0.1 and open in chromium, for one test file. */
export interface DemoSession {
  /** The open page. */
  page: Page;
  /** The folder the demo was built into. */
  dir: string;
  /** The server's base URL (ends with `/`). */
  url: string;
  /** Uncaught page errors and console errors seen so far. */
  pageErrors: string[];
  /** Closes the browser and the server and deletes the built folder. */
  close: () => Promise<void>;
}

/**
 * Builds the demo, serves it, and opens `path` in a fresh chromium; `watch` registers extra
 * listeners before the page loads. Resolves once the page says it is ready.
 */
export async function openDemo(path: string, watch: (page: Page, url: string) => void = () => {}): Promise<DemoSession> {
  const dir = await buildDemo();
  const server = await serveDirectory(dir);
  const browser = await launch();
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  watch(page, server.url);
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return {
    page,
    dir,
    url: server.url,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Clears the search box, types `query` key by key, and waits until the page has searched for it. */
export async function typeQuery(page: Page, query: string): Promise<void> {
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially(query, { delay: 15 });
  await page.waitForFunction((q) => document.getElementById('status')?.dataset.query === q, query);
}
