import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex } from '../../src/engine.js';
import { tokenize } from '../../src/analysis/tokenize.js';
import { DOCS, docsIndex } from './helpers.js';

const index = docsIndex();

/** The highlighted words of a hit's field, as written. */
function marked(hit: { highlights?: Readonly<Partial<Record<string, readonly (readonly [number, number, string])[]>>>; doc: Partial<Record<string, unknown>> }, field: string): string[] {
  const text = hit.doc[field] as string;
  return (hit.highlights?.[field] ?? []).map(([s, e]) => text.slice(s, e));
}

describe('highlight', () => {
  it('covers the whole written word, clitics and diacritics included: كتاب marks all of وَالكِتَابُ', () => {
    const hit = index.search('كتاب', { highlight: true }).find((h) => h.id === 'k1')!;
    expect(marked(hit, 'title')).toEqual(['وَالكِتَابُ']);
    expect(marked(hit, 'body')).toEqual(['بالكتابة', 'الكتاب']);
    expect(hit.highlights?.title?.[0]).toEqual([0, 11, 'كتاب']);
  });

  it('marks prefix and hamza-spelling matches', () => {
    const prefixed = index.search('كتا', { prefix: true, highlight: true }).find((h) => h.id === 'k2')!;
    expect(marked(prefixed, 'title')).toEqual(['كتابات']);
    const respelled = index.search('المسوول', { highlight: true })[0]!;
    expect(marked(respelled, 'title')).toEqual(['المسؤول']);
  });

  it('marks typo matches', () => {
    const hit = index.search('الانتخابت', { fuzzy: 1, highlight: true })[0]!;
    expect(marked(hit, 'title')).toEqual(['الانتخابات']);
  });

  it('marks a phrase only where its words stand in order', () => {
    const hit = index.search('"وزير الخارجية" سفير', { highlight: true })[0]!;
    expect(hit.id).toBe('w1');
    expect(marked(hit, 'body')).toEqual(['وزير', 'الخارجية', 'سفير']);
    expect(hit.highlights?.body?.map((r) => r[2])).toEqual(['"وزير الخارجية"', '"وزير الخارجية"', 'سفير']);
  });

  it('never marks an excluded word, and marks a field-scoped word in that field only', () => {
    const hit = index.search('الخارجية -سفير', { highlight: true })[0]!;
    expect(hit.id).toBe('w3');
    const title = index.search('title:مباراة', { highlight: true })[0]!;
    expect(marked(title, 'title')).toEqual(['مباراة']);
    expect(marked(title, 'body')).toEqual([]);
  });

  it('{ fields } picks the fields; without the option there are no highlights', () => {
    const hit = index.search('كتاب', { highlight: { fields: ['title'] } })[0]!;
    expect(Object.keys(hit.highlights!)).toEqual(['title']);
    expect(index.search('كتاب')[0]!.highlights).toBeUndefined();
    expect(index.search('كتاب', { highlight: false })[0]!.highlights).toBeUndefined();
  });

  it('only stored, indexed fields can be highlighted', () => {
    const titles = createIndex<{ id: string; title: string; body: string; url: string }>({ id: 'id', fields: ['title', 'body'], store: ['title', 'url'] });
    titles.add({ id: '1', title: 'وزير الخارجية', body: 'وزير', url: 'x' });
    expect(Object.keys(titles.search('وزير', { highlight: true })[0]!.highlights!)).toEqual(['title']);
    expect(() => titles.search('وزير', { highlight: { fields: ['body'] } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
    expect(() => titles.search('وزير', { highlight: { fields: ['url'] } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
    expect(() => titles.search('وزير', { highlight: 'yes' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
  });

  it('ranges lie inside the field, are sorted and disjoint, and cover whole words (property)', () => {
    const words = ['وَالكِتَابُ', 'الكتـــاب', 'بالكتابة', 'كتب', 'وزير', 'الخارجيّة', 'في', 'رئيس', 'المسؤولين', '«الانتخابات»', 'Gaza', '٢٠٢٤', 'مصر،', '😀'];
    const queries = ['كتاب', 'كتا', 'وزير الخارجية', '"وزير الخارجية"', 'رييس', 'الانتخاب', 'gaza 2024', 'مسوول', 'كتب -وزير'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...queries),
        fc.constantFrom(' ', '  ', '\n', ' - '),
        fc.boolean(),
        fc.constantFrom<0 | 1 | 'auto'>(0, 1, 'auto'),
        (texts, query, sep, prefix, fuzzy) => {
          const docs = texts.map((t, i) => ({ id: `d${i}`, title: t.join(sep), category: '', body: t.slice().reverse().join(sep) }));
          const small = docsIndex(docs);
          for (const hit of small.search(query, { highlight: true, prefix, fuzzy, limit: 100 })) {
            for (const field of ['title', 'body'] as const) {
              const text = hit.doc[field]!;
              const bounds = new Set(tokenize(text).map((t) => `${t.start}:${t.end}`));
              let last = 0;
              for (const [s, e] of hit.highlights![field]!) {
                expect(s).toBeGreaterThanOrEqual(last);
                expect(e).toBeGreaterThan(s);
                expect(e).toBeLessThanOrEqual(text.length);
                expect(bounds.has(`${s}:${e}`)).toBe(true);
                last = e;
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every hit of a plain query has at least one highlight in a field it matched', () => {
    for (const q of ['الانتخابات', 'وزير', 'كتاب', 'اسعار الغاز']) {
      for (const hit of index.search(q, { highlight: true, limit: 100 })) {
        const fields = new Set(Object.values(hit.match).flat());
        expect([...fields].some((f) => (hit.highlights?.[f]?.length ?? 0) > 0)).toBe(true);
      }
    }
    expect(DOCS.length).toBeGreaterThan(0);
  });
});
