import { describe, expect, it } from 'vitest';
import { MIN_VARIANT_COUNT, confirmVariants, cosine, oneChange, sameWord, variantCandidates, variationDistance } from '../../bench/relevance/variants.js';
import type { FormProfile } from '../../bench/relevance/variants.js';

describe('oneChange', () => {
  it('drops an inner long vowel and swaps consonants of one foreign sound', () => {
    const out = oneChange('كيمبردج');
    expect(out).toContain('كمبردج');
    expect(out).toContain('كيمبردغ');
    expect(out).toContain('قيمبردج');
  });
  it('never touches the first or last letter as a vowel, an ending, or a doubled vowel', () => {
    expect(oneChange('اوباما')).not.toContain('وباما');
    expect(oneChange('روايتها')).not.toContain('روايته');
    expect(oneChange('يذهبون')).not.toContain('يذهبن');
    expect(oneChange('هاارتس')).not.toContain('هارتس');
  });
});

describe('variantCandidates', () => {
  it('pairs forms one change apart, both frequent and long enough, once each', () => {
    const counts = new Map([
      ['لاجارد', 10],
      ['لاغارد', 20],
      ['جيل', 50],
      ['غيل', 50],
      ['فيدرر', MIN_VARIANT_COUNT - 1],
      ['فيدرير', 40],
    ]);
    expect(variantCandidates(counts)).toEqual([['لاجارد', 'لاغارد']]);
  });
});

describe('cosine and variationDistance', () => {
  const m = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));
  it('cosine: 1 for proportional vectors, 0 for disjoint ones', () => {
    expect(cosine(m({ a: 1, b: 2 }), m({ a: 2, b: 4 }))).toBeCloseTo(1);
    expect(cosine(m({ a: 1 }), m({ b: 1 }))).toBe(0);
    expect(cosine(m({}), m({ b: 1 }))).toBe(0);
  });
  it('variationDistance: 0 for the same shares, 1 for disjoint sources', () => {
    expect(variationDistance(m({ AL: 1, SK: 1 }), m({ AL: 5, SK: 5 }))).toBeCloseTo(0);
    expect(variationDistance(m({ AL: 3 }), m({ SK: 7 }))).toBeCloseTo(1);
    expect(variationDistance(m({ AL: 1, SK: 1 }), m({ AL: 1 }))).toBeCloseTo(0.5);
  });
});

describe('sameWord and confirmVariants', () => {
  const profile = (neighbours: Record<string, number>, articles: number[], sources: Record<string, number>): FormProfile => ({
    neighbours: new Map(Object.entries(neighbours)),
    articles: new Set(articles),
    sources: new Map(Object.entries(sources)),
  });
  const a = profile({ '<المدرب': 5, '>الفرنسي': 3 }, [1, 2, 3], { AL: 3 });
  const b = profile({ '<المدرب': 4, '>الفرنسي': 2 }, [4, 5], { SK: 2 });
  it('accepts a pair used in the same places, never together, by different sources', () => {
    expect(sameWord(a, b)).toBe(true);
    expect(confirmVariants([['x', 'y']], new Map([['x', a], ['y', b]]))).toEqual(new Map([['x', ['y']], ['y', ['x']]]));
  });
  it('rejects different contexts, one shared article, or the same sources', () => {
    expect(sameWord(a, profile({ '<الكتاب': 5 }, [4, 5], { SK: 2 }))).toBe(false);
    expect(sameWord(a, profile({ '<المدرب': 4, '>الفرنسي': 2 }, [3, 5], { SK: 2 }))).toBe(false);
    expect(sameWord(a, profile({ '<المدرب': 4, '>الفرنسي': 2 }, [4, 5], { AL: 2 }))).toBe(false);
    expect(confirmVariants([['x', 'z']], new Map([['x', a]]))).toEqual(new Map());
  });
});
