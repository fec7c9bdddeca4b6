/**
 * The demo page in a real browser: built from examples/web with esbuild (ESM), served from
 * 127.0.0.1, driven in Debian's chromium. Types queries the way readers type Arabic and checks the
 * ranked titles, the <mark> elements (on the characters as written in the article), the category
 * facet and the status line.
 *
 * FAHRAS_SCREENSHOT=1 npm run test:browser also writes docs/screenshot.png (1000×700).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, typeQuery as typeInto } from './chromium.js';
import type { DemoSession } from './chromium.js';

const root = resolve(import.meta.dirname, '../..');
const shots = mkdtempSync(join(tmpdir(), 'fahras-shots-'));

let demo: DemoSession;
let page: DemoSession['page'];
let pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  demo = await openDemo('', (p, url) => {
    const origin = new URL(url).origin;
    p.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) foreignRequests.push(request.url());
    });
  });
  ({ page, pageErrors } = demo);
});

afterAll(async () => {
  await demo?.close();
  rmSync(shots, { recursive: true, force: true });
});

/** Clears the search box, types `query` key by key, and waits until the page has searched for it. */
const typeQuery = (query: string): Promise<void> => typeInto(page, query);

async function titles(): Promise<string[]> {
  return page.locator('#results .hit-title').allTextContents();
}

async function marks(selector: string): Promise<string[]> {
  return page.locator(`${selector} mark`).allTextContents();
}

async function facets(): Promise<Record<string, number>> {
  const buttons = await page.locator('#facets .facet').evaluateAll((nodes) =>
    nodes.map((n) => [n.querySelector('.facet-label')?.textContent ?? '', n.querySelector('.facet-count')?.textContent ?? '']),
  );
  // Counts are written with Arabic-Indic digits.
  const toNumber = (s: string): number => Number(s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
  return Object.fromEntries(buttons.map(([label, count]) => [label, toNumber(count ?? '')]));
}

async function total(): Promise<number> {
  return Number(await page.locator('#status').getAttribute('data-total'));
}

/** The query word each <mark> matched (its title attribute). */
async function markWords(selector: string): Promise<string[]> {
  return page.locator(`${selector} mark`).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title') ?? ''));
}

describe('demo page in chromium', () => {
  it('loads the sample, indexes it in the page and offers example queries', async () => {
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#status').textContent()).toContain('٤٠');
    expect(await page.locator('#examples .example').count()).toBeGreaterThan(3);
    expect(await facets()).toEqual({ 'الكل': 40, 'سياسة': 8, 'اقتصاد': 8, 'رياضة': 8, 'ثقافة': 8, 'تكنولوجيا': 8 });
  });

  it('no hamza: اسعار النفط ranks the oil articles first and marks أسعار and النفط as written', async () => {
    await typeQuery('اسعار النفط');
    const ranked = await titles();
    expect(ranked.slice(0, 3)).toEqual([
      'أسعار النفط ترتفع إلى أعلى مستوى في ستة أشهر',
      'صادرات النفط والغاز تسجّل رقماً قياسياً',
      'مجموعة «أوبك+» تقرر تمديد خفض الإنتاج',
    ]);
    expect(await total()).toBe(ranked.length);
    expect(await marks('#results .hit:first-child .hit-title')).toEqual(['أسعار', 'النفط']);
    expect(await markWords('#results .hit:first-child .hit-title')).toEqual(['اسعار', 'النفط']);
    // The snippet of the body is marked too, on the article's spelling.
    const snippetMarks = await marks('#results .hit:first-child .hit-snippet');
    expect(snippetMarks).toContain('أسعار');
    expect(snippetMarks).toContain('النفط');
    expect(await page.locator('#results .hit:first-child .hit-snippet').textContent()).toContain('ارتفعت أسعار النفط');
    const all = await markWords('#results');
    expect(all.length).toBeGreaterThan(ranked.length);
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status).toMatch(/ملّي ثانية/);
    expect(Number(await page.locator('#status').getAttribute('data-ms'))).toBeGreaterThanOrEqual(0);
  });

  it('ه for ة: رئيس الحكومه finds الحكومة and marks the ة spelling from the article', async () => {
    await typeQuery('رئيس الحكومه');
    const ranked = await titles();
    expect(ranked.slice(0, 2)).toEqual([
      'رئيس الدولة يكلّف شخصية مستقلة بتشكيل الحكومة الجديدة',
      'رئيس الحكومة يعلن موعد الانتخابات البرلمانية',
    ]);
    expect(await marks('#results .hit:nth-child(2) .hit-title')).toEqual(['رئيس', 'الحكومة']);
    expect(await marks('#results')).not.toContain('الحكومه');
  });

  it('as you type, the last word is a prefix: الانتخ finds and marks الانتخابات, للانتخابات, الانتخابية', async () => {
    await typeQuery('الانتخ');
    const ranked = await titles();
    expect(ranked.length).toBeGreaterThanOrEqual(4);
    const words = await marks('#results .hit-title');
    expect(words).toEqual(expect.arrayContaining(['الانتخابات', 'للانتخابات', 'الانتخابية']));
    for (const word of words) expect(word).toContain('انتخ');
  });

  it('a typo (السنما for السينما) still finds the film festival and marks السينما', async () => {
    await typeQuery('مهرجان السنما');
    expect(await titles()).toContain('افتتاح الدورة الثلاثين لمهرجان السينما الدولي');
    const hit = page.locator('#results .hit[data-id="cul-01"] .hit-title');
    expect(await hit.locator('mark').allTextContents()).toEqual(['لمهرجان', 'السينما']);
  });

  it('an unknown word (البرلمن) gets a did-you-mean link that searches for the correction', async () => {
    await typeQuery('البرلمن');
    const link = page.locator('#status .did-you-mean');
    expect(await link.textContent()).toBe('البرلمان');
    await link.click();
    await page.waitForFunction(() => document.getElementById('status')?.dataset.query === 'البرلمان');
    expect(await page.locator('#q').inputValue()).toBe('البرلمان');
    expect(await page.locator('#status .did-you-mean').count()).toBe(0);
    const found = await marks('#results .hit:first-child');
    expect(found.length).toBeGreaterThan(0);
    for (const word of found) expect(word).toContain('البرلمان');
  });

  it('the category facet shows counts and filters the results when clicked', async () => {
    await typeQuery('اسعار النفط');
    const counts = await facets();
    expect(counts['الكل']).toBe(await total());
    expect(counts['اقتصاد']).toBeGreaterThan(0);
    expect(counts['سياسة']).toBeGreaterThan(0);
    await page.locator('#facets .facet[data-value="سياسة"]').click();
    await page.waitForFunction(() => document.getElementById('status')?.dataset.category === 'سياسة');
    const categories = await page.locator('#results .hit-category').allTextContents();
    expect(categories.length).toBe(counts['سياسة']);
    expect(new Set(categories)).toEqual(new Set(['سياسة']));
    expect(await total()).toBe(counts['سياسة']);
    // Clicking again clears the filter.
    await page.locator('#facets .facet[data-value="سياسة"]').click();
    await page.waitForFunction(() => document.getElementById('status')?.dataset.category === '');
    expect(await total()).toBe(counts['الكل']);
  });

  it('a Persian-keyboard query (ک ی) finds the AI articles; clearing the box shows the examples again', async () => {
    await typeQuery('الذکاء الاصطناعی');
    const ranked = await titles();
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    for (const title of ranked.slice(0, 3)) expect(title).toContain('ذكاء الاصطناعي');
    // The marks are on the article's ك and ي, not on the query's ک and ی.
    expect(await marks('#results .hit:first-child .hit-title')).toEqual(['الذكاء', 'الاصطناعي']);
    await typeQuery('');
    expect(await page.locator('#results .hit').count()).toBe(0);
    expect(await page.locator('#examples').isVisible()).toBe(true);
  });

  it('takes a screenshot of a search', async () => {
    await typeQuery('اسعار النفط');
    // Run the same search a few more times (Enter), so the time shown is a warm one, not the first.
    for (let i = 0; i < 5; i++) await page.locator('#q').press('Enter');
    await page.locator('#q').blur();
    await page.mouse.move(0, 0);
    const file = join(shots, 'screenshot.png');
    await page.screenshot({ path: file });
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1000);
    expect(png.readUInt32BE(20)).toBe(700);
    if (process.env.FAHRAS_SCREENSHOT === '1') copyFileSync(file, join(root, 'docs/screenshot.png'));
  });

  it('raised no page error and requested nothing outside the local server', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
