import { describe, expect, it } from 'vitest';
import { bigramSimilarity, compareTitles, titleKey } from '../../src/ingest/title-match.js';

describe('titleKey', () => {
  it.each([
    ['ما بعد أستانا 16.. محور', 'ما بعد استانا 16 محور'],
    ['إِدْلِب', 'ادلب'],
    ['الـقـاهرة', 'القاهره'],
    ['مستشفى «آمن»!', 'مستشفي امن'],
    ['  Moscow   TALKS ', 'moscow talks'],
  ])('%s → %s', (input, key) => {
    expect(titleKey(input)).toBe(key);
  });
});

describe('bigramSimilarity', () => {
  it('is 1 for equal strings, 0 for disjoint or too short ones, symmetric in between', () => {
    expect(bigramSimilarity('لافروف', 'لافروف')).toBe(1);
    expect(bigramSimilarity('abc', 'xyz')).toBe(0);
    expect(bigramSimilarity('a', 'ab')).toBe(0);
    const s = bigramSimilarity('تشاويش اوغلو', 'تشاووش اوغلو');
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(1);
    expect(bigramSimilarity('تشاووش اوغلو', 'تشاويش اوغلو')).toBe(s);
  });
});

describe('compareTitles', () => {
  const title = 'ما بعد أستانا 16.. محور مباحثات هاتفية بين لافروف وكل من تشاويش أوغلو وبيدرسن';
  it('same, similar and different', () => {
    expect(compareTitles('ما بعد استانا 16 - محور مباحثات هاتفية بين لافروف وكل من تشاويش اوغلو وبيدرسن', title)).toBe('same');
    expect(compareTitles(title.replace('تشاويش', 'تشاووش'), title)).toBe('similar');
    expect(compareTitles('بحث وزير الخارجية الروسي، سيرغي لافروف، ونظيره التركي في اتصال هاتفي.', title)).toBe('different');
    expect(compareTitles('سياسي', title)).toBe('different');
    expect(compareTitles('...', title)).toBe('different');
  });

  it('accepts a breadcrumb shortened with an ellipsis only as a prefix', () => {
    expect(compareTitles(title, 'ما بعد أستانا 16.. محور مباحثات…')).toBe('same');
    expect(compareTitles(title, 'ما بعد أستانا 16.. محور مباحثات...')).toBe('same');
    expect(compareTitles('محور مباحثات', 'ما بعد أستانا 16.. محور مباحثات…')).toBe('different');
  });
});
