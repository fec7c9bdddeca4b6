/**
 * The demo sample (data/sample-articles.json) is the data behind `npm run demo` and the README.
 * These checks keep it valid and keep it showing what the analysis chain is for: if an edit drops
 * the hamza spellings, the diacritics or the clitic forms, the demo stops demonstrating anything.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface SampleArticle {
  id: string;
  title: string;
  category: string;
  body: string;
}

const samplePath = fileURLToPath(new URL('../../data/sample-articles.json', import.meta.url));
const raw = readFileSync(samplePath, 'utf8');
const parsed: unknown = JSON.parse(raw);

const CATEGORIES = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تكنولوجيا'] as const;
const ID_PREFIX: Record<(typeof CATEGORIES)[number], string> = {
  'سياسة': 'pol',
  'اقتصاد': 'eco',
  'رياضة': 'spo',
  'ثقافة': 'cul',
  'تكنولوجيا': 'tec',
};

function isArticle(value: unknown): value is SampleArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return (
    Object.keys(o).sort().join() === 'body,category,id,title' &&
    typeof o.id === 'string' &&
    typeof o.title === 'string' &&
    typeof o.category === 'string' &&
    typeof o.body === 'string'
  );
}

const articles: SampleArticle[] = Array.isArray(parsed) ? parsed.filter(isArticle) : [];
const texts = articles.map((a) => `${a.title}\n${a.body}`);
/** How many articles contain a match of `re`. */
const count = (re: RegExp): number => texts.filter((t) => re.test(t)).length;
/** Whether some article contains `word` as a whole word (Arabic punctuation and spaces around it). */
const hasWord = (word: string): boolean =>
  texts.some((t) => new RegExp(`(^|[\\s،؛؟«»().:])${word}($|[\\s،؛؟«»().:])`, 'u').test(t));

describe('data/sample-articles.json: shape', () => {
  it('is a JSON array of objects with exactly id, title, category, body', () => {
    expect(Array.isArray(parsed)).toBe(true);
    expect(articles.length).toBe((parsed as unknown[]).length);
  });

  it('is written as 2-space indented JSON ending in a newline', () => {
    expect(raw).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });

  it('has about 40 articles, 8 in each of the five categories', () => {
    expect(articles.length).toBeGreaterThanOrEqual(35);
    expect(articles.length).toBeLessThanOrEqual(50);
    for (const c of CATEGORIES) expect(articles.filter((a) => a.category === c).length, c).toBe(8);
    for (const a of articles) expect(CATEGORIES as readonly string[], a.id).toContain(a.category);
  });

  it('has unique ids of the form <category prefix>-NN', () => {
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const a of articles) {
      const prefix = ID_PREFIX[a.category as (typeof CATEGORIES)[number]];
      expect(a.id).toMatch(new RegExp(`^${prefix}-\\d{2}$`));
    }
  });

  it('has non-empty trimmed fields and bodies of 3 to 6 sentences', () => {
    for (const a of articles) {
      for (const f of [a.id, a.title, a.category, a.body]) {
        expect(f.length, a.id).toBeGreaterThan(0);
        expect(f, a.id).toBe(f.trim());
      }
      const sentences = a.body.split(/[.؟!»](?=\n|$)|\.(?=\s)/u).filter((s) => s.trim().length > 0);
      expect(sentences.length, a.id).toBeGreaterThanOrEqual(3);
      expect(sentences.length, a.id).toBeLessThanOrEqual(6);
      expect(a.body.split('\n').every((p) => p.trim().length > 0), a.id).toBe(true);
    }
  });
});

describe('data/sample-articles.json: the phenomena the demo relies on', () => {
  it('spells hamza in all its seats: أ إ آ ؤ ئ, and both مسؤول and مسئول', () => {
    expect(count(/أ/u)).toBeGreaterThanOrEqual(20);
    expect(count(/إ/u)).toBeGreaterThanOrEqual(10);
    expect(count(/آ/u)).toBeGreaterThanOrEqual(5);
    expect(count(/ؤ/u)).toBeGreaterThanOrEqual(5);
    expect(count(/ئ/u)).toBeGreaterThanOrEqual(10);
    expect(count(/مسؤول/u)).toBeGreaterThanOrEqual(3);
    expect(count(/مسئول/u)).toBeGreaterThanOrEqual(1);
    for (const w of ['رئيس', 'أعلن', 'إطلاق', 'آلاف']) expect(hasWord(w), w).toBe(true);
  });

  it('has diacritics (U+064B–U+0652) on some words, and tatweel (U+0640) in a few places', () => {
    expect(count(/[\u064B-\u0652]/u)).toBeGreaterThanOrEqual(10);
    expect(hasWord('الدَّوْلَةِ')).toBe(true);
    expect(count(/\u0640/u)).toBeGreaterThanOrEqual(2);
    expect(hasWord('الـمـؤتمر')).toBe(true);
  });

  it('ends words in ة and ى', () => {
    expect(count(/ة(?=[\s،؛؟».]|$)/u)).toBeGreaterThanOrEqual(30);
    expect(count(/ى(?=[\s،؛؟».]|$)/u)).toBeGreaterThanOrEqual(20);
  });

  it('uses Arabic punctuation ، ؛ ؟ « »', () => {
    expect(count(/،/u)).toBeGreaterThanOrEqual(30);
    expect(count(/؛/u)).toBeGreaterThanOrEqual(2);
    expect(count(/؟/u)).toBeGreaterThanOrEqual(2);
    expect(count(/«[^»]+»/u)).toBeGreaterThanOrEqual(5);
  });

  it('writes numbers in ASCII and in Arabic-Indic digits, with decimals in both', () => {
    expect(count(/[\u0660-\u0669]/u)).toBeGreaterThanOrEqual(8);
    expect(count(/[0-9]/u)).toBeGreaterThanOrEqual(8);
    expect(count(/[\u0660-\u0669]\u066B[\u0660-\u0669]/u)).toBeGreaterThanOrEqual(2);
    expect(count(/[0-9]\.[0-9]/u)).toBeGreaterThanOrEqual(2);
  });

  it('mentions Latin names (FIFA, iPhone) inside Arabic text', () => {
    expect(count(/\bFIFA\b/u)).toBeGreaterThanOrEqual(1);
    expect(count(/\biPhone\b/u)).toBeGreaterThanOrEqual(2);
  });

  it('has Persian-keyboard letters (ک U+06A9, ی U+06CC) in one or two places only', () => {
    const n = count(/[\u06A9\u06CC]/u);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(3);
  });

  it('has clitic-bearing forms and sound and broken plurals', () => {
    for (const w of ['والكتاب', 'بالانتخابات', 'للحكومة', 'وسيعقد', 'الوزراء', 'المعلمون', 'والمعلمين', 'الانتخابات']) {
      expect(hasWord(w), w).toBe(true);
    }
    expect(count(/(^|\s)(وال|بال|فال|لل)\p{L}{3,}/u)).toBeGreaterThanOrEqual(20);
  });

  it('repeats topics across articles so ranking has something to order', () => {
    expect(count(/انتخاب/u)).toBeGreaterThanOrEqual(5);
    expect(count(/النفط/u)).toBeGreaterThanOrEqual(4);
    expect(count(/المنتخب/u)).toBeGreaterThanOrEqual(4);
    expect(count(/مهرجان/u)).toBeGreaterThanOrEqual(4);
    expect(count(/الذكاء الاصطناعي/u)).toBeGreaterThanOrEqual(4);
  });
});
