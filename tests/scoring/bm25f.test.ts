import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Bm25fScorer, DEFAULT_B, DEFAULT_K1, idf, lengthNorm, saturate } from '../../src/scoring/bm25f.js';
import type { CollectionStatistics } from '../../src/scoring/bm25f.js';

function stats(lengths: number[][]): CollectionStatistics {
  return {
    docCount: lengths.length,
    averageFieldLength: (f) => (lengths.length === 0 ? 0 : lengths.reduce((s, l) => s + l[f]!, 0) / lengths.length),
    fieldLength: (d, f) => lengths[d]![f]!,
  };
}

describe('BM25F functions', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_K1).toBe(1.2);
    expect(DEFAULT_B).toBe(0.75);
  });

  it('idf follows ln(1 + (N - df + 0.5) / (df + 0.5)) and stays positive', () => {
    expect(idf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12);
    expect(idf(10, 10)).toBeGreaterThan(0);
    expect(idf(1000, 1)).toBeGreaterThan(idf(1000, 10));
  });

  it('lengthNorm is 1 at the average length and with b = 0', () => {
    expect(lengthNorm(10, 10, 0.75)).toBe(1);
    expect(lengthNorm(30, 10, 0)).toBe(1);
    expect(lengthNorm(20, 10, 1)).toBe(2);
    expect(lengthNorm(5, 0, 0.75)).toBe(1);
  });

  it('saturate rises from 0 towards k1 + 1', () => {
    expect(saturate(0, 1.2)).toBe(0);
    expect(saturate(1, 1.2)).toBeCloseTo(1, 12);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(saturate(lo, 1.2)).toBeLessThanOrEqual(saturate(hi, 1.2) + 1e-12);
        expect(saturate(hi, 1.2)).toBeLessThan(2.2 + 1e-12);
      }),
    );
  });
});

describe('Bm25fScorer', () => {
  const s = stats([
    [2, 10],
    [4, 30],
  ]);

  it('weights and length-normalizes each field before one saturation', () => {
    const scorer = new Bm25fScorer(s, { k1: 1.2, b: [0.75, 0.5] }, [3, 1]);
    const expected = (3 * 1) / (0.25 + (0.75 * 2) / 3) + (1 * 2) / (0.5 + (0.5 * 10) / 20);
    expect(scorer.weightedTf(0, [1, 2], 0b11)).toBeCloseTo(expected, 12);
    expect(scorer.weightedTf(0, [1, 2], 0b01)).toBeCloseTo((3 * 1) / (0.25 + (0.75 * 2) / 3), 12);
    expect(scorer.docCount).toBe(2);
    expect(scorer.idf(1)).toBeCloseTo(idf(2, 1), 12);
    expect(scorer.saturate(2)).toBeCloseTo(saturate(2, 1.2), 12);
  });

  it('ignores fields with weight 0', () => {
    const scorer = new Bm25fScorer(s, { k1: 1.2, b: [0.75, 0.75] }, [0, 1]);
    expect(scorer.fieldMask).toBe(0b10);
    expect(scorer.weightedTf(1, [5, 0], 0b01)).toBe(0);
  });

  it('a shorter field with the same tf weighs more', () => {
    const scorer = new Bm25fScorer(s, { k1: 1.2, b: [0.75, 0.75] }, [1, 1]);
    expect(scorer.weightedTf(0, [0, 1], 0b10)).toBeGreaterThan(scorer.weightedTf(1, [0, 1], 0b10));
  });
});
