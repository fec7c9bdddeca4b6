import { describe, expect, it } from 'vitest';
import { ADDED_PROCLITICS, MIN_CLITIC_BASE, cliticVariants } from '../../src/search/clitics.js';
import { createIndex } from '../../src/index.js';

/** A frequency table standing in for the index: written form → documents holding its stem. */
function table(entries: Record<string, number>): (form: string) => number {
  return (form) => entries[form] ?? 0;
}

describe('cliticVariants', () => {
  it('strips a bare و, then a ب, when the rest is more frequent', () => {
    expect(cliticVariants('وبمصر', table({ وبمصر: 1, بمصر: 5, مصر: 50 }))).toEqual(['بمصر', 'مصر']);
  });

  it('keeps a root و when the rest is rarer (وزارة is not و + زاره)', () => {
    expect(cliticVariants('وزاره', table({ وزاره: 900, زاره: 12 }))).toEqual([]);
  });

  it('adds proclitics the index holds, only when rarer than the word (قال → وقال; زير ↛ وزير)', () => {
    expect(cliticVariants('قال', table({ قال: 100, وقال: 80, فقال: 10, بقال: 0 }))).toEqual(['وقال', 'فقال']);
    expect(cliticVariants('زير', table({ زير: 3, وزير: 500 }))).toEqual([]);
  });

  it('reaches other proclitics through the clitic-free form (ومصر → بمصر)', () => {
    expect(cliticVariants('ومصر', table({ ومصر: 4, مصر: 50, بمصر: 9, لمصر: 60 }))).toEqual(['مصر', 'بمصر']);
  });

  it(`keeps at least ${MIN_CLITIC_BASE} letters, leaves ال forms and non-Arabic words alone`, () => {
    const everything = (): number => 1;
    expect(cliticVariants('ولد', everything).some((v) => v.length < 3)).toBe(false);
    expect(cliticVariants('بحث', everything)).not.toContain('حث');
    expect(cliticVariants('الكتاب', everything)).toEqual([]);
    expect(cliticVariants('g20', everything)).toEqual([]);
    expect(cliticVariants('', everything)).toEqual([]);
  });

  it('is bounded', () => {
    const out = cliticVariants('وبمصر', () => 1);
    expect(out.length).toBeLessThanOrEqual(2 + 3 * ADDED_PROCLITICS.length);
    expect(new Set(out).size).toBe(out.length);
  });
});

describe('clitic variants in search', () => {
  const docs = [
    { id: 'a', body: 'وقال الوزير ان الاتفاق تم' },
    { id: 'b', body: 'قال المتحدث ان الاجتماع انتهى' },
    { id: 'c', body: 'قال مصدر ان الوفد وصل ومصر' },
    { id: 'd', body: 'مصر تستضيف القمة في مصر' },
  ];
  const index = createIndex<{ id: string; body: string }>({ id: 'id', fields: { body: {} } });
  index.addAll(docs);

  it('a query word finds its clitic forms, ranked below the word itself', () => {
    const ids = index.search('قال').map((h) => h.id);
    expect(ids).toContain('a');
    expect(ids.indexOf('a')).toBeGreaterThan(Math.max(ids.indexOf('b'), ids.indexOf('c')));
  });

  it('a query word with a bare proclitic finds the word without it', () => {
    expect(index.search('ومصر').map((h) => h.id)).toContain('d');
  });

  it('variants: false matches the analyzed words only', () => {
    expect(index.search('قال', { variants: false }).map((h) => h.id)).not.toContain('a');
    expect(index.search('ومصر', { variants: false }).map((h) => h.id)).toEqual(['c']);
  });
});
