/**
 * Bounded cost: the documented limits exist with their defaults, refuse or cut what exceeds them,
 * and the worst query one can build does at most a stated multiple of a plain query's work.
 *
 * Work is counted, not timed: every posting the executor reads is decoded by `PostingBlock.read`
 * (whose answer is the number of postings) or, for phrases, stepped through by
 * `PostingCursor.next`; the test counts both with spies. (A settled index also matches and scores
 * its dense lists without decoding them; the index here is too small to settle, so every read is
 * counted.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_WORD_LENGTH } from '../../src/analysis/analyzer.js';
import { createIndex } from '../../src/engine.js';
import type { IndexInternals } from '../../src/engine.js';
import { TermLookup } from '../../src/index/fuzzy.js';
import { PostingBlock, PostingCursor } from '../../src/index/postings.js';
import { DEFAULT_MAX_EXPANSIONS, DEFAULT_MAX_FIELD_LENGTH, DEFAULT_MAX_QUERY_LENGTH, DEFAULT_MAX_QUERY_TERMS, MAX_FIELD_COUNT } from '../../src/options.js';
import { expectError, failsUnchanged, looseIndex, snapshot } from './helpers.js';
import type { Loose } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('documented limits and their defaults', () => {
  it('exist with the values docs/limits.md states', () => {
    expect(DEFAULT_MAX_FIELD_LENGTH).toBe(1_000_000);
    expect(DEFAULT_MAX_QUERY_TERMS).toBe(32);
    expect(DEFAULT_MAX_QUERY_LENGTH).toBe(512);
    expect(DEFAULT_MAX_EXPANSIONS).toBe(50);
    expect(MAX_WORD_LENGTH).toBe(255);
    expect(MAX_FIELD_COUNT).toBe(30);
  });

  it('are checked like every other option', () => {
    for (const bad of [0, -1, 1.5, '5', Number.NaN, null]) {
      expect(() => createIndex({ id: 'id', fields: ['t'], maxFieldLength: bad as number })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
      expect(() => looseIndex().search('وزير', { maxQueryTerms: bad as number })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
      expect(() => looseIndex().search('وزير', { maxQueryLength: bad as number })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    }
    expect(() => looseIndex().search('وزير', { maxQueryTerms: 1025 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => looseIndex().search('وزير', { maxQueryLength: 65537 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => createIndex({ id: 'id', fields: ['t'], maxFieldLenght: 5 } as never)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION' }));
    expect(() => looseIndex().search('وزير', { maxQueryTerm: 5 } as never)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION' }));
  });
});

describe('maxFieldLength', () => {
  const fiveMegabytes = 'وزير الخارجية في تونس book 2020 '.repeat(170_000); // 5.3 million code units

  it('a 5 MB field: FIELD_TOO_LONG naming the field and the id; add and update leave the index unchanged', () => {
    expect(fiveMegabytes.length).toBeGreaterThan(5_000_000);
    const index = looseIndex();
    const err = failsUnchanged(index, () => index.add({ id: 'huge', title: 'عنوان', body: fiveMegabytes }), 'FIELD_TOO_LONG');
    expect(err.details).toMatchObject({ id: 'huge', field: 'body' });
    expect(err.message).toMatch(/body.*huge.*maxFieldLength/);
    failsUnchanged(index, () => index.update({ id: 'a1', title: 'زرافة', body: fiveMegabytes }), 'FIELD_TOO_LONG');
  });

  it('counts an array by its items together, a number by its text; the limit itself is allowed', () => {
    const index = looseIndex([], { maxFieldLength: 10 });
    index.add({ id: 'ok', title: 'ك'.repeat(10), body: ['12345', 12345] });
    expectError(() => index.add({ id: 'long', title: 'ك'.repeat(11) }), 'FIELD_TOO_LONG');
    expectError(() => index.add({ id: 'arr', body: ['123456', 12345] }), 'FIELD_TOO_LONG');
    expectError(() => index.add({ id: 'num', body: 12345678901 }), 'FIELD_TOO_LONG');
    expect(index.size).toBe(1);
  });

  it('stored-only fields are not limited; Infinity lifts the limit (a 5 MB field is then indexed whole)', () => {
    const index = looseIndex([], { maxFieldLength: 100 });
    index.add({ id: 's', title: 'وزير', tag: 'x'.repeat(1000) });
    expect(index.get('s')).toEqual({ tag: 'x'.repeat(1000) });
    const unlimited = looseIndex([{ id: 'a', title: 'تونس' }], { maxFieldLength: Infinity });
    unlimited.add({ id: 'huge', title: 'عنوان', body: fiveMegabytes });
    expect(unlimited.search('الخارجية').map((h) => h.id)).toEqual(['huge']);
    expect(unlimited.search('تونس').map((h) => h.id).sort()).toEqual(['a', 'huge']);
  });
});

/** A deterministic corpus: 1,500 documents over a 300-word vocabulary, word frequencies Zipf-like. */
function corpus(): { docs: Loose[]; vocabulary: string[] } {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const vocabulary: string[] = [];
  let seed = 12345;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  while (vocabulary.length < 300) {
    let w = '';
    for (let i = 0; i < 4 + Math.floor(random() * 3); i++) w += letters[Math.floor(random() * letters.length)];
    if (!vocabulary.includes(w)) vocabulary.push(w);
  }
  const docs: Loose[] = [];
  for (let d = 0; d < 1500; d++) {
    const words: string[] = [];
    for (let i = 0; i < 30; i++) words.push(vocabulary[Math.floor(vocabulary.length * random() ** 3)]!);
    docs.push({ id: d, title: words.slice(0, 5).join(' '), body: words.join(' ') });
  }
  return { docs, vocabulary };
}

/** Postings read by one search. */
function work(run: () => unknown): number {
  const steps = vi.spyOn(PostingCursor.prototype, 'next');
  const blocks = vi.spyOn(PostingBlock.prototype, 'read');
  run();
  let n = steps.mock.calls.length;
  for (const r of blocks.mock.results) if (r.type === 'return') n += r.value as number;
  steps.mockRestore();
  blocks.mockRestore();
  return n;
}

describe('maxQueryTerms and the cost of the worst query', () => {
  const { docs, vocabulary } = corpus();
  const index = looseIndex(docs);
  // The 10,000-term query: every word of the vocabulary, the most frequent first, over and over.
  const hostile = Array.from({ length: 10_000 }, (_, i) => vocabulary[i % vocabulary.length]!).join(' ');

  it('reads every posting it counts: its index is not settled, so no list is scored without a decode', () => {
    // One addAll whose streams did not settle (the pool would be empty after a settle): no dense lists.
    const postings = (index as unknown as { internals: IndexInternals }).internals.postings;
    expect(postings.inPlaceBytes()).toBeUndefined();
  });

  it('a 10,000-term query answers exactly like its first maxQueryTerms words', () => {
    const first = vocabulary.slice(0, DEFAULT_MAX_QUERY_TERMS).join(' ');
    const a = index.search(hostile, { limit: 50 });
    const b = index.search(first, { limit: 50 });
    expect(a.total).toBe(b.total);
    expect(a.map((h) => [h.id, h.score])).toEqual(b.map((h) => [h.id, h.score]));
    expect(Object.keys(a[0]!.match).length).toBeLessThanOrEqual(DEFAULT_MAX_QUERY_TERMS);
  });

  it('a word past the limit finds nothing; raising maxQueryTerms brings it back', () => {
    const small = looseIndex([{ id: 'far', title: 'زرافة' }, { id: 'near', title: 'وزير' }]);
    const q = `${'وزير '.repeat(3)}${Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ')} زرافة`;
    expect(small.search(q).map((h) => h.id)).toEqual(['near']);
    expect(small.search(q, { maxQueryTerms: 1024 }).map((h) => h.id).sort()).toEqual(['far', 'near']);
  });

  it(`the worst plain query reads at most maxQueryTerms × the postings of the costliest single word`, () => {
    const costliest = Math.max(...vocabulary.map((w) => work(() => index.search(w))));
    const plain = work(() => index.search(vocabulary[0]!));
    const worst = work(() => index.search(hostile));
    expect(plain).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(DEFAULT_MAX_QUERY_TERMS * costliest);
    // …and the caps are what keep it there: without them the same query reads far more.
    const uncapped = work(() => index.search(hostile, { maxQueryTerms: 1024, maxQueryLength: 65536 }));
    expect(uncapped).toBeGreaterThan(2 * worst);
  });

  it('with prefix and typo expansion: at most maxQueryTerms × (2 + 2 × maxExpansions) lists, each no longer than the costliest word', () => {
    const costliest = Math.max(...vocabulary.map((w) => work(() => index.search(w))));
    const bound = DEFAULT_MAX_QUERY_TERMS * (2 + 2 * DEFAULT_MAX_EXPANSIONS) * costliest;
    const shortWords = Array.from({ length: 10_000 }, (_, i) => vocabulary[i % vocabulary.length]!.slice(0, 2)).join(' ');
    for (const q of [hostile, shortWords]) {
      for (const options of [{ prefix: true }, { fuzzy: 2 }, { prefix: true, fuzzy: 2 }, { prefix: true, fuzzy: 'auto' }] as const) {
        expect(work(() => index.search(q, options))).toBeLessThanOrEqual(bound);
      }
    }
    // The words past maxQueryTerms are not even expanded: as many dictionary walks as the first 32 alone
    // (each on a fresh index: a word searched before comes from the index's word cache, no walk).
    const first = vocabulary.slice(0, DEFAULT_MAX_QUERY_TERMS).join(' ');
    const walks = (q: string): number => {
      const fresh = looseIndex(docs);
      const fuzzy = vi.spyOn(TermLookup.prototype, 'fuzzy');
      const prefix = vi.spyOn(TermLookup.prototype, 'forEachPrefix');
      fresh.search(q, { prefix: true, fuzzy: 2 });
      const n = fuzzy.mock.calls.length + prefix.mock.calls.length;
      vi.restoreAllMocks();
      return n;
    };
    expect(walks(first)).toBeGreaterThan(0);
    expect(walks(hostile)).toBe(walks(first));
    expect(work(() => index.search(hostile, { prefix: true, fuzzy: 2 }))).toBe(work(() => index.search(first, { prefix: true, fuzzy: 2 })));
  });

  it('empty, whitespace-only and stopword-only queries read nothing and find nothing', () => {
    for (const q of ['', '   ', '\n\t ', 'في من على', '،؟!.', 'ـــ ًٌٍ']) {
      expect(work(() => expect(index.search(q)).toHaveLength(0))).toBe(0);
    }
  });

  it('maxQueryLength: text past it is not read, and the cut falls on whitespace, never inside a word', () => {
    const small = looseIndex([{ id: 'far', title: 'زرافة' }, { id: 'near', title: 'وزير' }, { id: 'cut', title: 'الخارجية' }]);
    const q = `وزير ${'كلمة '.repeat(120)}زرافة`;
    expect(q.length).toBeGreaterThan(DEFAULT_MAX_QUERY_LENGTH);
    expect(small.search(q).map((h) => h.id)).toEqual(['near']);
    expect(small.search(q, { maxQueryLength: 65536, maxQueryTerms: 1024 }).map((h) => h.id).sort()).toEqual(['far', 'near']);
    // 'الخارجية' straddles the limit: dropped whole, not searched as a prefix of itself
    const straddle = `${'ا'.repeat(10)} ${'كلمة '.repeat(99)}وزير الخارجية`;
    const at = straddle.indexOf('الخارجية');
    expect(small.search(straddle, { maxQueryLength: at + 3, maxQueryTerms: 1024 }).map((h) => h.id)).toEqual(['near']);
    expect(small.search(straddle, { maxQueryLength: at + 'الخارجية'.length, maxQueryTerms: 1024 }).map((h) => h.id).sort()).toEqual(['cut', 'near']);
  });

  it('a 1,000,000-character query neither throws nor reads more than the cap allows', () => {
    const long = `${vocabulary[0]} `.repeat(200_000);
    const before = snapshot(index, [0, 1]);
    expect(work(() => index.search(long))).toBe(work(() => index.search(vocabulary[0]!)));
    expect(snapshot(index, [0, 1])).toEqual(before);
  });
});
