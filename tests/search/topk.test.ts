import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TopK } from '../../src/search/topk.js';

describe('TopK', () => {
  it('keeps the k best by (count desc, score desc, doc asc), best first (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }),
        fc.nat(40),
        (items, k) => {
          const top = new TopK();
          top.reset(k);
          items.forEach(([count, score], doc) => top.offer(doc, count, score / 4));
          const n = top.drain();
          const expected = items
            .map(([count, score], doc) => ({ doc, count, score: score / 4 }))
            .sort((a, b) => b.count - a.count || b.score - a.score || a.doc - b.doc)
            .slice(0, k);
          expect(n).toBe(expected.length);
          expect(Array.from(top.docs.subarray(0, n))).toEqual(expected.map((e) => e.doc));
          expect(Array.from(top.scores.subarray(0, n))).toEqual(expected.map((e) => e.score));
          expect(Array.from(top.counts.subarray(0, n))).toEqual(expected.map((e) => e.count));
        },
      ),
    );
  });

  it('k = 0 keeps nothing and the heap is reusable', () => {
    const top = new TopK();
    top.reset(0);
    top.offer(1, 1, 1);
    expect(top.drain()).toBe(0);
    top.reset(2);
    top.offer(1, 1, 1);
    top.offer(2, 1, 3);
    top.offer(3, 1, 2);
    expect(top.drain()).toBe(2);
    expect(Array.from(top.docs.subarray(0, 2))).toEqual([2, 3]);
  });
});
