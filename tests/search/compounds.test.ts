/** Split and joined spellings (search/compounds.ts), and the unknown-word typo fallback beside them. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { createIndex } from '../../src/engine.js';
import type { IndexInternals } from '../../src/engine.js';
import { Channel } from '../../src/index/postings.js';
import {
  COMPOUND_SHARE,
  COMPOUND_WEIGHT,
  MAX_SPLIT_COUNTS,
  MAX_SPLIT_LENGTH,
  bestSplit,
  commonEnough,
  joinedTerm,
  splitWeight,
  withAlternatives,
} from '../../src/search/compounds.js';
import type { CompoundIndex, LiveCounts, OwnDocuments } from '../../src/search/compounds.js';
import type { QueryContext } from '../../src/search/compile.js';
import { ids } from './helpers.js';

const analyzer = createAnalyzer();

interface Doc {
  id: string;
  title: string;
  body?: string;
}

function textIndex(docs: Doc[]): ReturnType<typeof createIndex<Doc, 'title'>> {
  const index = createIndex<Doc, 'title'>({ id: 'id', fields: { title: { boost: 3 }, body: {} }, store: ['title'], vacuumThreshold: false });
  index.addAll(docs);
  return index;
}

/** Filler documents so that idf is not degenerate. */
const FILLER: Doc[] = ['مباراة ودية للمنتخب', 'ارتفاع أسعار النفط', 'نتائج الانتخابات البلدية', 'الحكومة تعلن خطة جديدة', 'افتتاح معرض الكتاب'].map((title, i) => ({ id: `f${i}`, title }));

describe('commonEnough', () => {
  it('accepts a spelling held by no document, or the rarer in at least COMPOUND_SHARE of the other', () => {
    expect(commonEnough(0, 1000)).toBe(true);
    expect(commonEnough(1000, 0)).toBe(true);
    expect(commonEnough(50, 50)).toBe(true);
    expect(commonEnough(COMPOUND_SHARE * 1000, 1000)).toBe(true);
    expect(commonEnough(1000, COMPOUND_SHARE * 1000)).toBe(true);
    expect(commonEnough(19, 1000)).toBe(false);
    expect(commonEnough(1000, 19)).toBe(false);
  });
});

describe('joinedTerm', () => {
  it('joins two normalized words and stems the result', () => {
    expect(joinedTerm('وست', 'هام', analyzer)).toEqual({ surface: 'وستهام', term: analyzer.stemWord('وستهام') });
    expect(joinedTerm('عبد', 'الله', analyzer)?.surface).toBe('عبدالله');
  });

  it('gives nothing for a stopword or a word longer than MAX_SPLIT_LENGTH', () => {
    expect(joinedTerm('ف', 'ي', analyzer)).toBeUndefined();
    expect(joinedTerm('ا'.repeat(MAX_SPLIT_LENGTH), 'ب', analyzer)).toBeUndefined();
  });
});

describe('splitWeight', () => {
  it('is COMPOUND_WEIGHT for an unknown word, and falls as the typed spelling gets more common', () => {
    expect(splitWeight(0, 10, 1000)).toBeCloseTo(COMPOUND_WEIGHT, 12);
    const weights = [1, 10, 100, 500].map((own) => splitWeight(own, 10, 1000));
    for (let i = 1; i < weights.length; i++) expect(weights[i]!).toBeLessThan(weights[i - 1]!);
    for (const w of weights) expect(w).toBeGreaterThan(0);
  });
});

describe('withAlternatives', () => {
  it('blends alternatives into a term source at the given term weight, keeping channel and weight', () => {
    const source = withAlternatives({ kind: 'term', termIds: Int32Array.of(4, -1, 4), channel: Channel.Stem, weight: 1 }, new Map([[9, 0b010], [4, 0b111]]), 0.5);
    expect(source.kind).toBe('expanded');
    expect(source.channel).toBe(Channel.Stem);
    expect(source.weight).toBe(1);
    const byId = new Map([...source.terms].map((id, i) => [id, [source.fields[i], source.termWeights[i]]]));
    expect(byId.get(4)).toEqual([0b101, 1]); // the word's own term keeps its fields and weight 1
    expect(byId.get(9)).toEqual([0b010, 0.5]);
  });

  it('adds to an expanded source without changing its terms', () => {
    const base = { kind: 'expanded' as const, channel: Channel.Exact, weight: 0.5, terms: Int32Array.of(1, 2), fields: Int32Array.of(1, 3), termWeights: Float64Array.of(1, 0.2) };
    const source = withAlternatives(base, new Map([[7, 1]]), 0.9);
    expect([...source.terms]).toEqual([1, 2, 7]);
    expect([...source.fields]).toEqual([1, 3, 1]);
    expect([...source.termWeights]).toEqual([1, 0.2, 0.9]);
    expect(source.weight).toBe(0.5);
  });
});

describe('bestSplit', () => {
  /** A made-up index: stem → documents, and "a b" → documents where a stands right before b. */
  function fake(stems: Record<string, number>, phrases: Record<string, number>, short?: (count: number, atLeast: number) => number): CompoundIndex & { counted: string[] } {
    const names = Object.keys(stems);
    const counted: string[] = [];
    return {
      counted,
      lookup: (term) => names.indexOf(term),
      stemFrequency: (id) => stems[names[id]!] ?? 0,
      phraseDocuments: (a, b, _fields, atLeast = 0) => {
        counted.push(`${names[a]} ${names[b]}`);
        const count = phrases[`${names[a]} ${names[b]}`] ?? 0;
        // A count short of `atLeast` may be answered by any number below it.
        return short !== undefined && count < atLeast ? short(count, atLeast) : count;
      },
    };
  }
  const own = (n: number): OwnDocuments => ({ atLeast: n, count: () => n });
  const stem = (w: string): string => analyzer.stemWord(w);

  it('keeps the cut whose halves meet in the most documents', () => {
    const index = fake({ [stem('فيس')]: 40, [stem('بوك')]: 30, [stem('في')]: 500, [stem('سبوك')]: 5 }, { [`${stem('فيس')} ${stem('بوك')}`]: 25, [`${stem('في')} ${stem('سبوك')}`]: 1 });
    const split = bestSplit('فيسبوك', analyzer, 1, own(0), index);
    expect(split?.terms).toEqual([stem('فيس'), stem('بوك')]);
    expect(split?.documents).toBe(25);
  });

  it('never cuts a stopword or the proclitics off, and keeps two letters a half', () => {
    const index = fake({ [stem('ال')]: 900, [stem('كتاب')]: 300, [stem('ب')]: 900, [stem('الكتا')]: 300 }, { [`${stem('ال')} ${stem('كتاب')}`]: 200 });
    expect(bestSplit('الكتاب', analyzer, 1, own(0), index)).toBeUndefined();
    expect(index.counted).toEqual([]);
  });

  it('needs the rarer spelling to reach COMPOUND_SHARE of the other, unless the word is unknown', () => {
    const index = fake({ [stem('وست')]: 10, [stem('هام')]: 400 }, { [`${stem('وست')} ${stem('هام')}`]: 3 });
    expect(bestSplit('وستهام', analyzer, 1, own(0), index)?.documents).toBe(3);
    expect(bestSplit('وستهام', analyzer, 1, own(150), index)?.documents).toBe(3);
    expect(bestSplit('وستهام', analyzer, 1, own(151), index)).toBeUndefined(); // 3 < 2 % of 151
    // The other way round: a typed spelling rarer than the split is kept as long as it reaches 2 % of it.
    const common = fake({ [stem('وست')]: 400, [stem('هام')]: 400 }, { [`${stem('وست')} ${stem('هام')}`]: 300 });
    expect(bestSplit('وستهام', analyzer, 1, own(6), common)?.documents).toBe(300);
    expect(bestSplit('وستهام', analyzer, 1, own(5), common)).toBeUndefined();
  });

  it('counts no phrase whose halves are too rare for the share (bound by the rarer half)', () => {
    const index = fake({ [stem('وست')]: 2, [stem('هام')]: 400 }, { [`${stem('وست')} ${stem('هام')}`]: 2 });
    expect(bestSplit('وستهام', analyzer, 1, own(1000), index)).toBeUndefined();
    expect(index.counted).toEqual([]);
  });

  it('counts at most MAX_SPLIT_COUNTS cuts, the most frequent halves first, and stops once no cut left can win', () => {
    // Every cut of بببببببببب has two held halves; the longer halves are rarer.
    const word = 'ب'.repeat(10);
    const stems: Record<string, number> = {};
    const phrases: Record<string, number> = {};
    for (let k = 2; k <= 8; k++) {
      stems[stem(word.slice(0, k))] = 100 - 10 * k;
      stems[stem(word.slice(k))] = 100 - 10 * (10 - k);
      phrases[`${stem(word.slice(0, k))} ${stem(word.slice(k))}`] = 5;
    }
    const many = fake(stems, phrases);
    expect(bestSplit(word, analyzer, 1, own(0), many)?.documents).toBe(5);
    expect(many.counted.length).toBe(MAX_SPLIT_COUNTS);
    // A first count as high as every other cut's bound ends the search.
    const early = fake(stems, { ...phrases, [`${stem(word.slice(0, 5))} ${stem(word.slice(5))}`]: 50 });
    expect(bestSplit(word, analyzer, 1, own(0), early)?.documents).toBe(50);
    expect(early.counted).toEqual([`${stem(word.slice(0, 5))} ${stem(word.slice(5))}`]);
  });

  it('with a written test, looks no further at a cut whose halves are not both written as words', () => {
    const index = fake({ [stem('فيس')]: 40, [stem('بوك')]: 30 }, { [`${stem('فيس')} ${stem('بوك')}`]: 25 });
    expect(bestSplit('فيسبوك', analyzer, 1, own(0), index, (part) => part !== 'بوك')).toBeUndefined();
    expect(index.counted).toEqual([]);
    expect(bestSplit('فيسبوك', analyzer, 1, own(0), index, () => true)?.documents).toBe(25);
  });

  it('decides the same when the index answers a count short of the one asked for with any number below it (property)', () => {
    const word = 'ب'.repeat(10);
    const cuts = [2, 3, 4, 5, 6, 7, 8];
    const shortAnswers = [(): number => 0, (_count: number, atLeast: number): number => atLeast - 1];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 7, maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1 }),
        (bounds, counts, n, answer) => {
          const stems: Record<string, number> = {};
          const phrases: Record<string, number> = {};
          cuts.forEach((k, i) => {
            stems[stem(word.slice(0, k))] = 400;
            stems[stem(word.slice(k))] = bounds[i]!;
            phrases[`${stem(word.slice(0, k))} ${stem(word.slice(k))}`] = Math.min(counts[i]!, bounds[i]!);
          });
          const exact = bestSplit(word, analyzer, 1, own(n), fake(stems, phrases));
          expect(bestSplit(word, analyzer, 1, own(n), fake(stems, phrases, shortAnswers[answer]))).toEqual(exact);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves words longer than MAX_SPLIT_LENGTH whole', () => {
    const index = fake({}, {});
    expect(bestSplit('ب'.repeat(MAX_SPLIT_LENGTH + 1), analyzer, 1, own(0), index)).toBeUndefined();
  });
});

/** White box: the live counts and the dictionary of an index. */
function internals(index: unknown): { live: LiveCounts; lookup: (term: string) => number } {
  const ctx = (index as { planContext: QueryContext }).planContext;
  return { live: ctx.live!, lookup: (term) => ctx.lookup(term) };
}

describe('LiveCounts', () => {
  const VOCABULARY = ['شمس', 'قمر', 'نجم', 'بحر'];
  const doc = fc.record({ title: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 6 }), body: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 6 }) });

  it('counts the live documents holding a stem, and holding one stem right before another, as a brute force does (property)', () => {
    fc.assert(
      // settled: the postings settled after the adds, so counts read the streams in place.
      fc.property(fc.array(fc.tuple(doc, fc.boolean()), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (docs, fields, settled) => {
        const index = createIndex<{ id: number; title: string; body: string }>({ id: 'id', fields: ['title', 'body'], analyzer: { stem: false }, vacuumThreshold: false });
        docs.forEach(([d], i) => index.add({ id: i, title: d.title.join(' '), body: d.body.join(' ') }));
        docs.forEach(([, removed], i) => removed && index.remove(i));
        const postings = (index as unknown as { internals: IndexInternals }).internals.postings;
        // Settled, the counts read the streams in place (unsettled, they gather copies, unless no
        // document had a word at all: then there is nothing to copy either).
        if (settled) {
          postings.compact();
          expect(postings.inPlaceBytes()).toBeDefined();
        }
        const { live, lookup } = internals(index);
        const generation = 1;
        const liveDocs = docs.filter(([, removed]) => !removed).map(([d]) => d);
        for (const a of VOCABULARY) {
          const ia = lookup(a);
          const holding = liveDocs.filter((d) => d.title.includes(a) || d.body.includes(a)).length;
          expect(ia < 0 ? 0 : live.stem(ia, generation)).toBe(holding);
          if (ia >= 0) expect(live.holds(ia, Channel.Stem, generation)).toBe(holding > 0);
          for (const b of VOCABULARY) {
            const ib = lookup(b);
            if (ia < 0 || ib < 0) continue;
            const adjacent = (words: string[]): boolean => words.some((w, i) => w === a && words[i + 1] === b);
            const want = liveDocs.filter((d) => ((fields & 1) !== 0 && adjacent(d.title)) || ((fields & 2) !== 0 && adjacent(d.body))).length;
            // Asked for at least `atLeast`: a shorter count is any number below it (and is not
            // remembered: the exact count is given when asked again without it).
            const atLeast = (ia * 7 + ib * 3 + fields) % 5;
            const some = live.phrase(ia, ib, fields, generation, atLeast);
            if (want >= atLeast) expect(some).toBe(want);
            else expect(some).toBeLessThan(atLeast);
            expect(live.phrase(ia, ib, fields, generation)).toBe(want);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('split spellings through search', () => {
  const docs: Doc[] = [...FILLER, { id: 'split', title: 'موقع فيس بوك يطلق خدمة' }, { id: 'joined', title: 'شركة فيسبوك تطلق خدمة' }];

  it('a word also finds the documents that write it as two words, below those that write it as typed', () => {
    const index = textIndex(docs);
    expect(ids(index.search('فيسبوك'))).toEqual(['joined', 'split']);
    expect(index.search('فيسبوك')[1]!.match).toEqual({ فيسبوك: ['title'] });
    expect(ids(index.search('فيسبوك', { variants: false }))).toEqual(['joined']);
  });

  it('a word the index does not know finds its split spelling (and is then not typo-corrected)', () => {
    const index = textIndex([...FILLER, { id: 'split', title: 'نادي وست هام يفوز' }, { id: 'near', title: 'وستهان' }]);
    expect(ids(index.search('وستهام'))).toEqual(['split']);
    // Without the split spelling, the unknown word is corrected by the 'auto' typo budget.
    expect(ids(index.search('وستهام', { variants: false }))).toEqual(['near']);
    expect(index.search('وستهام', { variants: false, fuzzy: false }).length).toBe(0);
  });

  it('a split that occurs too rarely next to the word as typed is left out, and taken once it reaches the share', () => {
    // فيسبوك in 100 documents: the phrase needs 2 (2 %).
    const common = Array.from({ length: 100 }, (_, i) => ({ id: `j${i}`, title: `فيسبوك خبر ${i}` }));
    const once = textIndex([...FILLER, ...common, { id: 's1', title: 'فيس بوك' }]);
    expect(ids(once.search('فيسبوك', { limit: 200 }))).not.toContain('s1');
    const twice = textIndex([...FILLER, ...common, { id: 's1', title: 'فيس بوك' }, { id: 's2', title: 'فيس بوك' }]);
    expect(ids(twice.search('فيسبوك', { limit: 200 }))).toContain('s1');
  });

  it('is not looked up inside a phrase or for an excluded word', () => {
    const index = textIndex([...docs, { id: 'both', title: 'خدمة جديدة' }]);
    expect(ids(index.search('"فيسبوك"'))).toEqual(['joined']);
    expect(ids(index.search('خدمة -فيسبوك'))).toEqual(expect.arrayContaining(['split', 'both']));
  });

  it('highlights the two words of the split spelling', () => {
    const index = textIndex(docs);
    const hit = index.search('فيسبوك', { highlight: true }).find((h) => h.id === 'split')!;
    expect(hit.highlights?.title).toEqual([
      [5, 8, 'فيسبوك'],
      [9, 12, 'فيسبوك'],
    ]);
  });

  it('an index without query caches (queryCache: false) answers the same, through changes', () => {
    const make = (queryCache: boolean): ReturnType<typeof createIndex<Doc, 'title'>> => {
      const index = createIndex<Doc, 'title'>({ id: 'id', fields: { title: { boost: 3 }, body: {} }, store: ['title'], vacuumThreshold: false, queryCache });
      index.addAll(docs);
      return index;
    };
    const [cached, uncached] = [make(true), make(false)];
    const queries = ['فيسبوك', 'فيس بوك', 'موقع فيسبوك', 'الانتخابت', 'فيسبوك -خدمة'];
    const same = (): void => {
      for (const q of queries) expect(uncached.search(q, { highlight: true })).toEqual(cached.search(q, { highlight: true }));
    };
    same();
    for (const index of [cached, uncached]) index.remove('split');
    same();
    for (const index of [cached, uncached]) index.add({ id: 'split2', title: 'فيس بوك' });
    same();
  });

  it('follows the index: a split spelling added or removed later is seen at once (caches are per generation)', () => {
    const index = textIndex(FILLER.concat({ id: 'joined', title: 'شركة فيسبوك' }));
    expect(ids(index.search('فيسبوك'))).toEqual(['joined']);
    index.add({ id: 'split', title: 'موقع فيس بوك' });
    expect(ids(index.search('فيسبوك'))).toEqual(['joined', 'split']);
    index.remove('split');
    expect(ids(index.search('فيسبوك'))).toEqual(['joined']);
  });
});

describe('joined spellings through search', () => {
  // Titles of the same length, so that only the spelling tells them apart.
  const docs: Doc[] = [...FILLER, { id: 'split', title: 'نادي وست هام يفوز' }, { id: 'joined', title: 'نادي وستهام يخسر اليوم' }];

  it('two adjacent words also find the word they make, matching both words, below the spelling as typed', () => {
    const index = textIndex(docs);
    const hits = index.search('وست هام');
    expect(ids(hits)).toEqual(['split', 'joined']);
    expect(hits[1]!.match).toEqual({ وست: ['title'], هام: ['title'] });
    expect(ids(index.search('وست هام', { variants: false }))).toEqual(['split']);
    expect(ids(index.search('وست هام', { combine: 'and' }))).toEqual(['split', 'joined']);
  });

  it('joins only words of single-word clauses, of the same scope, with only whitespace between them', () => {
    const index = textIndex(docs);
    expect(ids(index.search('وست-هام'))).toEqual(['split']);
    expect(ids(index.search('title:وست هام'))).toEqual(['split']);
    expect(ids(index.search('"وست هام"'))).toEqual(['split']);
    expect(index.search('(وست OR نادي) هام').find((h) => h.id === 'joined')?.match).toEqual({ 'وست OR نادي': ['title'] });
    expect(ids(index.search('وست -هام'))).toEqual([]);
  });

  it('highlights the joined word', () => {
    const index = textIndex(docs);
    const hit = index.search('وست هام', { highlight: true }).find((h) => h.id === 'joined')!;
    expect(hit.highlights?.title?.map(([s, e]) => [s, e])).toEqual([[5, 11]]);
  });

  it('ignores a joined form no live document holds any more', () => {
    const index = textIndex(docs);
    index.remove('joined');
    expect(ids(index.search('وست هام'))).toEqual(['split']);
    const fresh = textIndex(docs.filter((d) => d.id !== 'joined'));
    expect(index.search('وست هام')).toEqual(fresh.search('وست هام'));
  });
});

describe('the unknown-word fallback on a churned index', () => {
  it('a word whose only documents were removed is unknown, as in a fresh index over the live documents', () => {
    const docs: Doc[] = [...FILLER, { id: 'gone', title: 'الانتخابت' }, { id: 'e1', title: 'الانتخابات التشريعية' }];
    const churned = textIndex(docs);
    churned.remove('gone');
    const fresh = textIndex(docs.filter((d) => d.id !== 'gone'));
    expect(ids(fresh.search('الانتخابت'))[0]).toBe('e1');
    expect(ids(churned.search('الانتخابت', { fuzzy: false }))).toEqual([]);
    expect(churned.search('الانتخابت')).toEqual(fresh.search('الانتخابت'));
  });

  it('a completion held only by removed documents does not count as a match (found by the saved-index property test)', () => {
    // An unstemmed field: الكتاب is not a term there, only a typo of والكتاب, and the prefix
    // completion الكتابات is held by a removed document only.
    const make = (docs: { id: string; body: string }[]): ReturnType<typeof createIndex<{ id: string; body: string }>> => {
      const index = createIndex<{ id: string; body: string }>({ id: 'id', fields: ['body'], analyzer: { stem: false }, vacuumThreshold: false });
      index.addAll(docs);
      return index;
    };
    const churned = make([{ id: 'a', body: 'الكتابات' }, { id: 'b', body: 'والكتاب' }]);
    churned.remove('a');
    const fresh = make([{ id: 'b', body: 'والكتاب' }]);
    expect(ids(fresh.search('الكتاب', { prefix: true }))).toEqual(['b']);
    expect(churned.search('الكتاب', { prefix: true })).toEqual(fresh.search('الكتاب', { prefix: true }));
  });
});
