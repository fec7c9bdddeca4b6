/**
 * Query features through the engine: prefix, typo tolerance, hamza spellings, phrases, operators.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex } from '../../src/engine.js';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { DOCS, docsIndex, ids } from './helpers.js';

const index = docsIndex();
const all = { limit: 100 };

describe('prefix', () => {
  it('كتا finds والكتاب, بالكتابة, كتابات and الكتاب', () => {
    expect(index.search('كتا').length).toBe(0);
    expect(new Set(ids(index.search('كتا', { ...all, prefix: true })))).toEqual(new Set(['k1', 'k2', 'k3']));
  });

  it('a prefix with its proclitics typed is stripped as if the word went on: بالكت finds بالكتابة, الانتخ finds الانتخابات', () => {
    expect(ids(index.search('بالكت', { ...all, prefix: 'last' }))).toContain('k1');
    expect(new Set(ids(index.search('الانتخ', { ...all, prefix: 'last' })))).toEqual(new Set(['e1', 'e2']));
  });

  it("'last' completes only the last word, and only when the query does not end with a space", () => {
    expect(new Set(ids(index.search('الانتخ الحكوم', { ...all, prefix: 'last' })))).toEqual(new Set(['k3', 'r1']));
    expect(index.search('الانتخ ', { ...all, prefix: 'last' }).length).toBe(0);
    expect(new Set(ids(index.search('الانتخ الحكوم', { ...all, prefix: true })))).toEqual(new Set(['e1', 'e2', 'k3', 'r1']));
  });

  it('a stopword typed last is still completed (في → فيلم)', () => {
    const films = docsIndex([...DOCS, { id: 'f1', title: 'فيلم جديد', category: 'ثقافة', body: 'عرض الفيلم في القاعة.' }]);
    expect(ids(films.search('في', { ...all, prefix: 'last' }))).toContain('f1');
  });

  it('exact matches rank above prefix matches, which rank above typo matches', () => {
    const plain = createIndex<{ id: string; text: string }>({ id: 'id', fields: ['text'], analyzer: { stem: false } });
    plain.addAll([
      { id: 'fuzzy', text: 'كتان' },
      { id: 'prefix', text: 'كتابة' },
      { id: 'exact', text: 'كتاب' },
    ]);
    expect(ids(plain.search('كتاب', { prefix: true, fuzzy: 1 }))).toEqual(['exact', 'prefix', 'fuzzy']);
    // Among prefix matches, the ones the prefix covers most first (كتا: 3/4 of كتاب and كتان, 3/5 of كتابه).
    expect(ids(plain.search('كتا', { prefix: true }))[2]).toBe('prefix');
  });

  it('the expansion is capped by maxExpansions', () => {
    const many = createIndex<{ id: string; text: string }>({ id: 'id', fields: ['text'], analyzer: { stem: false } });
    many.addAll(['كتب', 'كتف', 'كتل', 'كتم'].map((w, i) => ({ id: `d${i}`, text: w })));
    expect(many.search('كت', { prefix: true }).length).toBe(4);
    expect(many.search('كت', { prefix: true, maxExpansions: 2 }).length).toBe(2);
  });

  it('prefix results include the plain results (property)', () => {
    const words = DOCS.flatMap((d) => `${d.title} ${d.body}`.split(/[\s.،]+/)).filter((w) => w.length > 1);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 6 }), (ws, cut) => {
        const q = [...ws.slice(0, -1), ws[ws.length - 1]!.slice(0, cut)].join(' ');
        const plain = new Set(ids(index.search(q, all)));
        const prefixed = new Set(ids(index.search(q, { ...all, prefix: true })));
        for (const id of plain) expect(prefixed.has(id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('typo tolerance', () => {
  it('الانتخابت (a dropped alef) finds الانتخابات with fuzzy, by default (an unknown word), not with fuzzy: false', () => {
    expect(ids(index.search('الانتخابت', { ...all, fuzzy: false }))).not.toContain('e1');
    expect(ids(index.search('الانتخابت', { ...all, fuzzy: 0 }))).not.toContain('e1');
    expect(ids(index.search('الانتخابت', all))[0]).toBe('e1');
    expect(ids(index.search('الانتخابت', { ...all, fuzzy: 'unknown' }))[0]).toBe('e1');
    expect(ids(index.search('الانتخابت', { ...all, fuzzy: 1 }))[0]).toBe('e1');
    expect(ids(index.search('الانتخابت', { ...all, fuzzy: 'auto' }))[0]).toBe('e1');
  });

  it("'auto' allows no edit up to three letters", () => {
    expect(index.search('وزي', { ...all, fuzzy: 'auto' }).length).toBe(0);
    expect(ids(index.search('وزي', { ...all, fuzzy: 1 }))).toContain('w1');
  });

  it('fuzzy 0 and false give the same results; the default gives them too when the word finds something as typed (property)', () => {
    const words = DOCS.flatMap((d) => d.title.split(' '));
    const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.nat(), fc.constantFrom(...letters), (w, at, c) => {
        const i = at % (w.length + 1);
        const q = w.slice(0, i) + c + w.slice(i + 1);
        const exact = index.search(q, { ...all, fuzzy: false });
        expect(index.search(q, { ...all, fuzzy: 0 })).toEqual(exact);
        const byDefault = index.search(q, all);
        if (exact.length > 0) expect(byDefault).toEqual(exact);
        else expect(byDefault).toEqual(index.search(q, { ...all, fuzzy: 'auto' }));
      }),
      { numRuns: 150 },
    );
  });

  it("the default ('unknown') corrects only the words that find nothing as typed", () => {
    // وزير is known: matched as typed, never expanded (fuzzy: 'auto' would add its near spellings).
    expect(index.search('وزير', all)).toEqual(index.search('وزير', { ...all, fuzzy: false }));
    // In a query of a known and an unknown word, only the unknown one is corrected.
    const mixed = index.search('وزير الانتخابت', all);
    expect(ids(mixed)).toContain('e1');
    expect(mixed.find((h) => h.id === 'e1')?.match).toHaveProperty('الانتخابت');
    // A typo match ranks below an exact match: a document holding the typed spelling comes first.
    const typed = docsIndex([...DOCS, { id: 'x1', title: 'الانتخابت', category: 'سياسة', body: '' }]);
    expect(ids(typed.search('الانتخابت', all))).toEqual(['x1']);
  });

  it('a typo match ranks below the exact match of the same word', () => {
    const hits = index.search('وزير', { ...all, fuzzy: 1 });
    expect(hits[0]?.id).toMatch(/^w/);
  });
});

describe('hamza spellings (always on)', () => {
  it.each([
    ['رييس', 'r1'],
    ['ريس الحكومة', 'r1'],
    ['المسوول', 'r2'],
    ['مسول', 'r2'],
  ])('%s finds %s without fuzzy', (q, id) => {
    expect(ids(index.search(q, all))[0]).toBe(id);
  });

  it('a word the index knows is not respelled', () => {
    const withReis = docsIndex([...DOCS, { id: 'x', title: 'ريس', category: '', body: '' }]);
    expect(ids(withReis.search('ريس', all))).toEqual(['x']);
  });

  it('an excluded word is not respelled', () => {
    expect(ids(index.search('الحكومة -رييس', all))).toContain('r1');
  });
});

describe('phrases', () => {
  it('words in order, next to each other, in one field', () => {
    expect(ids(index.search('"وزير الخارجية"', all))).toEqual(['w1']);
    expect(index.search('"الخارجية وزير"', all).length).toBe(0);
  });

  it('a stopword inside the phrase keeps its gap: "وزير في الخارجية" finds that (and, by stems, الوزير في الخارج), not وزير الخارجية', () => {
    expect(ids(index.search('"وزير في الخارجية"', all))).toEqual(['w3', 'w2']);
  });

  it('analysis applies inside phrases: "وزير خارجية" finds وزير الخارجية (same stems)', () => {
    expect(ids(index.search('"وزير خارجية"', all))).toEqual(['w1']);
    expect(ids(index.search('"وَزِيرُ الخارجيّة"', all))).toEqual(['w1']);
  });

  it('a one-word phrase is the word', () => {
    expect(new Set(ids(index.search('"الحكومة"', all)))).toEqual(new Set(ids(index.search('الحكومة', all))));
  });

  it('never returns a document lacking the words in order, and finds every one that has them (property)', () => {
    const vocab = ['وزير', 'الخارجية', 'في', 'سفير', 'مصر', 'الوزير', 'خارجية', 'من'];
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...vocab), { minLength: 2, maxLength: 3 }),
        (texts, phrase) => {
          const docs = texts.map((t, i) => ({ id: `d${i}`, title: t.join(' '), category: '', body: '' }));
          const small = docsIndex(docs);
          const got = new Set(ids(small.search(`"${phrase.join(' ')}"`, all)));
          // Plain scan: the phrase's stems at the query's position offsets.
          const q = analyzer.analyze(phrase.join(' '));
          const expected = new Set<string>();
          if (q.length >= 2) {
            for (const d of docs) {
              const tokens = analyzer.analyze(d.title);
              const at = new Map(tokens.map((t) => [t.position, t.term]));
              if (tokens.some((t) => q.every((w) => at.get(t.position + w.position - q[0]!.position) === w.term))) expected.add(d.id);
            }
            expect(got).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('operators', () => {
  it('+ requires, - excludes', () => {
    expect(ids(index.search('+مباراة الترجي', all))).toEqual(['s1', 's2']);
    expect(ids(index.search('الانتخابات -البلدية', all))).toEqual(['e2']);
  });

  it('OR is one clause matching any of its words (labelled a OR b)', () => {
    const hits = index.search('النفط OR الغاز', all);
    expect(new Set(ids(hits))).toEqual(new Set(['o1', 'o2']));
    expect(Object.keys(hits[0]!.match)).toEqual(['النفط OR الغاز']);
    expect(ids(index.search('(النفط OR الغاز) ارتفاع', { ...all, combine: 'and' }))).toEqual(['o1']);
  });

  it('field scoping: title:مباراة, category:رياضة; an unknown field name is text', () => {
    expect(ids(index.search('title:مباراة', all))).toEqual(['s2']);
    expect(new Set(ids(index.search('category:رياضة', all)))).toEqual(new Set(['s1', 's2']));
    expect(new Set(ids(index.search('nofield:مباراة', all)))).toEqual(new Set(['s1', 's2']));
    expect(ids(index.search('title:"وزير الخارجية"', all))).toEqual(['w1']);
  });

  it.each(['"وزير الخارجية', '-', '+', 'title:', '((', ')))', 'OR', '"', '«', 'title:(', '-(', 'OR OR', '+-+'])('never throws on %s', (q) => {
    expect(() => index.search(q, { prefix: true, fuzzy: 'auto', highlight: true })).not.toThrow();
  });

  it('an unclosed quote falls back to plain words', () => {
    expect(index.search('"وزير الخارجية', all)).toEqual(index.search('وزير الخارجية', all));
  });

  it('validates the new options', () => {
    expect(() => index.search('x', { prefix: 'first' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
    expect(() => index.search('x', { fuzzy: 4 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
    expect(() => index.search('x', { fuzzy: 'yes' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining("'unknown'") as string }) as Error);
    expect(() => index.search('x', { fuzzy: 'unknown' })).not.toThrow();
    expect(() => index.search('x', { maxExpansions: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
  });
});

describe('after changes', () => {
  it('prefix and fuzzy see documents added after the first lookup, and forget removed ones after a vacuum', () => {
    const live = docsIndex();
    expect(live.search('قطا', { prefix: true }).length).toBe(0);
    live.add({ id: 't1', title: 'القطار السريع', category: 'نقل', body: '' });
    expect(ids(live.search('قطا', { prefix: true }))).toEqual(['t1']);
    expect(ids(live.search('القطاز', { fuzzy: 1 }))).toEqual(['t1']);
    live.remove('t1');
    live.vacuum();
    expect(live.search('قطا', { prefix: true }).length).toBe(0);
    live.add({ id: 't2', title: 'قطارات جديدة', category: 'نقل', body: '' });
    expect(ids(live.search('قطا', { prefix: true }))).toEqual(['t2']);
  });
});
