/**
 * The Web Worker example in a real browser: worker.html starts worker.js, which fetches
 * sample.fahras (the demo sample saved with `index.export()`), loads it with `loadIndex`, and
 * answers the queries the page sends by message. The page itself bundles no fahras code.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, serveDirectory } from '../../scripts/serve.mjs';
import { launch } from './chromium.js';

let dir = '';
let server: { url: string; close: () => Promise<void> } | undefined;
let browser: Awaited<ReturnType<typeof launch>> | undefined;
let page: Page;
const pageErrors: string[] = [];
const workers: string[] = [];

beforeAll(async () => {
  dir = await buildDemo();
  server = await serveDirectory(dir);
  browser = await launch();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`${server.url}worker.html`);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function typeQuery(query: string): Promise<void> {
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially(query, { delay: 15 });
  await page.waitForFunction((q) => document.getElementById('status')?.dataset.query === q, query);
}

describe('fahras in a Web Worker (chromium)', () => {
  it('the worker loads the saved index: 40 documents', async () => {
    expect(workers).toEqual([`${server?.url ?? ''}worker.js`]);
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status).toContain('40 مقالاً');
    expect(status).toContain(`${readFileSync(join(dir, 'sample.fahras')).byteLength} بايت`);
  });

  it('the page bundles no fahras code: it only posts messages', () => {
    const pageCode = readFileSync(join(dir, 'worker-page.js'), 'utf8');
    expect(pageCode).not.toMatch(/loadIndex|FahrasError|createIndex|bm25/i);
    expect(readFileSync(join(dir, 'worker.js'), 'utf8')).toContain('CORRUPT_INDEX');
  });

  it('answers a query typed without hamza with the ranked oil articles', async () => {
    await typeQuery('اسعار النفط');
    const titles = await page.locator('#results .hit-title').allTextContents();
    expect(titles.slice(0, 3)).toEqual([
      'أسعار النفط ترتفع إلى أعلى مستوى في ستة أشهر',
      'صادرات النفط والغاز تسجّل رقماً قياسياً',
      'مجموعة «أوبك+» تقرر تمديد خفض الإنتاج',
    ]);
    expect(Number(await page.locator('#status').getAttribute('data-total'))).toBe(titles.length);
  });

  it('typed key by key (one message per key), the page shows the answer to the last query (ه for ة)', async () => {
    await typeQuery('رئيس الحكومه');
    const titles = await page.locator('#results .hit-title').allTextContents();
    expect(titles.slice(0, 2)).toEqual([
      'رئيس الدولة يكلّف شخصية مستقلة بتشكيل الحكومة الجديدة',
      'رئيس الحكومة يعلن موعد الانتخابات البرلمانية',
    ]);
  });

  it('raised no page or worker error', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.locator('#status').getAttribute('data-error')).toBeNull();
  });
});
