/**
 * The Web Worker example in a real browser: worker.html starts worker.js, which fetches
 * sample.fahras (the demo sample saved with `index.export()`), loads it with `loadIndex`, and
 * answers the queries the page sends by message. The page itself bundles no fahras code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, typeQuery as typeInto } from './chromium.js';
import type { DemoSession } from './chromium.js';

let demo: DemoSession;
let page: DemoSession['page'];
let dir = '';
let pageErrors: string[] = [];
const workers: string[] = [];

beforeAll(async () => {
  demo = await openDemo('worker.html', (p) => p.on('worker', (worker) => workers.push(worker.url())));
  ({ page, dir, pageErrors } = demo);
});

afterAll(async () => {
  await demo?.close();
});

const typeQuery = (query: string): Promise<void> => typeInto(page, query);

describe('fahras in a Web Worker (chromium)', () => {
  it('the worker loads the saved index: 40 documents', async () => {
    expect(workers).toEqual([`${demo.url}worker.js`]);
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
