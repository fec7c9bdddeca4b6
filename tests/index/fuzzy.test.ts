import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TermLookup, sortTerms } from '../../src/index/fuzzy.js';
import type { EditCosts } from '../../src/index/fuzzy.js';
import { TermDictionary } from '../../src/index/terms.js';
import { ARABIC_EDIT_COSTS, EDIT } from '../../src/search/edits.js';

/** Reference: weighted optimal-string-alignment distance by the full table. */
function distance(a: string, b: string, costs: EditCosts): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= m; i++) d[0]![i] = d[0]![i - 1]! + costs.indel(a.charCodeAt(i - 1), i >= 2 ? a.charCodeAt(i - 2) : -1);
  for (let j = 1; j <= n; j++) {
    const tc = b.charCodeAt(j - 1);
    const tp = j >= 2 ? b.charCodeAt(j - 2) : -1;
    const ins = costs.indel(tc, tp);
    d[j]![0] = d[j - 1]![0]! + ins;
    for (let i = 1; i <= m; i++) {
      const qc = a.charCodeAt(i - 1);
      let v = d[j - 1]![i - 1]! + (qc === tc ? 0 : costs.substitution(qc, tc));
      v = Math.min(v, d[j - 1]![i]! + ins, d[j]![i - 1]! + costs.indel(qc, i >= 2 ? a.charCodeAt(i - 2) : -1));
      if (costs.transposition > 0 && i >= 2 && j >= 2 && qc === tp && a.charCodeAt(i - 2) === tc && qc !== tc) v = Math.min(v, d[j - 2]![i - 2]! + costs.transposition);
      d[j]![i] = v;
    }
  }
  return d[n]![m]!;
}

function dictionary(words: readonly string[]): TermDictionary {
  const terms = new TermDictionary();
  for (const w of words) terms.intern(w);
  return terms;
}

function fuzzyIds(lookup: TermLookup, query: string, budget: number, costs: EditCosts = ARABIC_EDIT_COSTS): Map<number, number> {
  const out = new Map<number, number>();
  lookup.fuzzy(query, budget, costs, (id, cost) => out.set(id, cost));
  return out;
}

const WORDS = ['كتاب', 'كتابه', 'كتابات', 'كتب', 'مكتب', 'مكتبه', 'رءيس', 'رءيسي', 'رءاسه', 'مسءول', 'مسءوليه', 'انتخابات', 'انتخابي', 'قلم', 'ضابط', 'ظابط', 'مدرسه', 'مدرسسه'];

describe('sortTerms', () => {
  it('orders like a code-unit string sort, with small and large alphabets (property)', () => {
    const check = (words: string[]): void => {
      const distinct = [...new Set(words)];
      const starts = new Int32Array(distinct.length + 1);
      const keys = new Uint16Array(distinct.reduce((a, w) => a + w.length, 0));
      let at = 0;
      distinct.forEach((w, x) => {
        starts[x] = at;
        for (let i = 0; i < w.length; i++) keys[at + i] = w.charCodeAt(i);
        at += w.length;
      });
      starts[distinct.length] = at;
      const order = [...sortTerms(keys, starts)].map((x) => distinct[x]);
      expect(order).toEqual(distinct.slice().sort());
    };
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('ا', 'ب', 'ء', 'a', '0') }), { maxLength: 80 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 400 }), check), { numRuns: 50 });
  });
});

describe('TermLookup.forEachPrefix', () => {
  it('finds every term starting with the prefix, in term order', () => {
    const terms = dictionary(WORDS);
    const lookup = new TermLookup(terms);
    const got: string[] = [];
    lookup.forEachPrefix('كتا', (id) => {
      got.push(terms.term(id));
    });
    expect(got).toEqual(['كتاب', 'كتابات', 'كتابه']);
  });

  it('stops when visit returns false; the empty prefix visits all', () => {
    const terms = dictionary(WORDS);
    const lookup = new TermLookup(terms);
    let n = 0;
    lookup.forEachPrefix('كت', () => ++n < 2);
    expect(n).toBe(2);
    n = 0;
    lookup.forEachPrefix('', () => void n++);
    expect(n).toBe(WORDS.length);
  });
});

describe('TermLookup.fuzzy', () => {
  it('Arabic confusions cost half an edit: رييس reaches رءيس, ظابط reaches ضابط, مدرسه reaches مدرسسه', () => {
    const terms = dictionary(WORDS);
    const lookup = new TermLookup(terms);
    expect(fuzzyIds(lookup, 'رييس', 1).get(terms.lookup('رءيس'))).toBe(1);
    expect(fuzzyIds(lookup, 'ضابط', 1).get(terms.lookup('ظابط'))).toBe(1);
    expect(fuzzyIds(lookup, 'مدرسه', 1).get(terms.lookup('مدرسسه'))).toBe(1);
    // An ordinary substitution costs a whole edit.
    expect(fuzzyIds(lookup, 'قلم', 1).size).toBe(1);
    expect(fuzzyIds(lookup, 'قلب', EDIT).has(terms.lookup('قلم'))).toBe(true);
    expect(fuzzyIds(lookup, 'قلب', EDIT - 1).has(terms.lookup('قلم'))).toBe(false);
  });

  it('budget 0 finds the word itself only', () => {
    const terms = dictionary(WORDS);
    const lookup = new TermLookup(terms);
    expect([...fuzzyIds(lookup, 'كتاب', 0)]).toEqual([[terms.lookup('كتاب'), 0]]);
    expect(fuzzyIds(lookup, 'كتابx', 0).size).toBe(0);
  });

  it('matches a brute-force weighted distance over random dictionaries, with growth between queries (property)', () => {
    const letter = fc.constantFrom('ا', 'ب', 'ت', 'ط', 'ء', 'ي', 'و', 'س', 'ص', 'ه', 'ة');
    const word = fc.array(letter, { minLength: 0, maxLength: 7 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 20 }), word, fc.integer({ min: 0, max: 5 }), (first, later, query, budget) => {
        const terms = dictionary(first);
        const lookup = new TermLookup(terms);
        const check = (): void => {
          const expected = new Map<number, number>();
          for (let id = 0; id < terms.size; id++) {
            const d = distance(query, terms.term(id), ARABIC_EDIT_COSTS);
            if (d <= budget) expected.set(id, d);
          }
          expect(fuzzyIds(lookup, query, budget)).toEqual(expected);
          const prefixed: number[] = [];
          lookup.forEachPrefix(query, (id) => void prefixed.push(id));
          const want = [...Array(terms.size).keys()].filter((id) => terms.term(id).startsWith(query));
          expect(prefixed.sort((a, b) => a - b)).toEqual(want);
        };
        check();
        for (const w of later) terms.intern(w);
        check();
      }),
      { numRuns: 300 },
    );
  });

  it('a filter holds only accepted terms and picks up terms accepted later when its version changes', () => {
    const terms = dictionary(['كتاب', 'كتابه', 'والكتاب']);
    const accepted = new Set([terms.lookup('كتاب')]);
    let version = 0;
    const lookup = new TermLookup(terms, { accept: (id) => accepted.has(id), version: () => version });
    const prefix = (p: string): string[] => {
      const out: string[] = [];
      lookup.forEachPrefix(p, (id) => void out.push(terms.term(id)));
      return out;
    };
    expect(prefix('كتا')).toEqual(['كتاب']);
    accepted.add(terms.lookup('كتابه'));
    expect(prefix('كتا')).toEqual(['كتاب']);
    version++;
    expect(prefix('كتا')).toEqual(['كتاب', 'كتابه']);
    expect(lookup.size).toBe(2);
  });

  it('invalidate rebuilds after the dictionary is compacted', () => {
    const terms = dictionary(['كتاب', 'قلم', 'كتب']);
    const lookup = new TermLookup(terms);
    expect(fuzzyIds(lookup, 'كتب', 0).get(terms.lookup('كتب'))).toBe(0);
    terms.compact((id) => terms.term(id) !== 'قلم');
    lookup.invalidate();
    const found = fuzzyIds(lookup, 'كتب', 0);
    expect([...found.keys()].map((id) => terms.term(id))).toEqual(['كتب']);
  });
});
