/** WordCache against a model: a list of words in id order, cut to the first half when full. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordCache, hashRange } from '../../src/analysis/wordcache.js';

describe('WordCache', () => {
  it('finds a word by its range in a larger text, without the slice', () => {
    const cache = new WordCache(10);
    const text = 'xx كتاب yy';
    const h = hashRange(text, 3, 7);
    expect(cache.get(text, 3, 7, h)).toBe(0);
    expect(cache.add(text, 3, 7, h)).toBe(1);
    expect(cache.get('كتاب', 0, 4, hashRange('كتاب', 0, 4))).toBe(1);
    expect(cache.get('كتب', 0, 3, hashRange('كتب', 0, 3))).toBe(0);
  });

  it('property: ids and generations follow the keep-the-first-half model', () => {
    const word = fc.string({ unit: fc.constantFrom('ا', 'ب', 'ت', 'a', 'b', '\u064E', 'ﻻ'), maxLength: 5 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 6 }), fc.array(word, { maxLength: 80 }), (limit, hotIds, words) => {
        // (hotIds: how many first ids live in the small table; the model does not depend on it)
        const cache = new WordCache(limit, hotIds);
        let model: string[] = [];
        let generation = 0;
        for (const w of words) {
          const text = `«${w}»`;
          const h = hashRange(text, 1, 1 + w.length);
          const expected = model.indexOf(w) + 1;
          expect(cache.get(text, 1, 1 + w.length, h)).toBe(expected);
          if (expected > 0) continue;
          if (limit > 0 && model.length >= limit) {
            model = model.slice(0, limit >> 1);
            generation++;
          }
          if (limit > 0) model.push(w);
          expect(cache.add(text, 1, 1 + w.length, h)).toBe(limit === 0 ? 0 : model.length);
          expect(cache.generation).toBe(generation);
          expect(cache.size).toBe(model.length);
        }
        cache.clear();
        expect(cache.size).toBe(0);
        expect(cache.generation).toBe(generation + 1);
        for (const w of words) expect(cache.get(w, 0, w.length, hashRange(w, 0, w.length))).toBe(0);
        // Filled again after a clear, ids restart at 1 in first-seen order.
        const again = [...new Set(words)].slice(0, limit);
        again.forEach((w, i) => expect(cache.add(w, 0, w.length, hashRange(w, 0, w.length))).toBe(i + 1));
        again.forEach((w, i) => expect(cache.get(w, 0, w.length, hashRange(w, 0, w.length))).toBe(i + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds words on both sides of the small table after drops (ids up to the limit)', () => {
    const cache = new WordCache(1000, 100);
    const word = (i: number): string => `ك${i}`;
    const lookup = (w: string): number => cache.get(w, 0, w.length, hashRange(w, 0, w.length));
    for (let i = 1; i <= 1000; i++) expect(cache.add(word(i), 0, word(i).length, hashRange(word(i), 0, word(i).length))).toBe(i);
    for (const i of [1, 100, 101, 500, 1000]) expect(lookup(word(i))).toBe(i);
    cache.add('x', 0, 1, hashRange('x', 0, 1)); // full: keeps ids 1 … 500
    expect(cache.generation).toBe(1);
    for (const i of [1, 100, 101, 500]) expect(lookup(word(i))).toBe(i);
    expect(lookup(word(501))).toBe(0);
    expect(lookup('x')).toBe(501);
  });

  it('holds ids above 65,535 (two code units in the pool)', () => {
    const cache = new WordCache(70_000);
    let last = 0;
    for (let i = 0; i < 70_000; i++) {
      const w = `w${i}`;
      last = cache.add(w, 0, w.length, hashRange(w, 0, w.length));
    }
    expect(last).toBe(70_000);
    expect(cache.get('w69999', 0, 6, hashRange('w69999', 0, 6))).toBe(70_000);
    expect(cache.get('w65536', 0, 6, hashRange('w65536', 0, 6))).toBe(65_537);
  });
});
