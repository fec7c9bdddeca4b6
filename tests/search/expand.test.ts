import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { TermLookup } from '../../src/index/fuzzy.js';
import { TermDictionary } from '../../src/index/terms.js';
import { expandFuzzy, expandPrefix, hamzaVariants, prefixCandidates } from '../../src/search/expand.js';
import type { ExpansionIndex } from '../../src/search/expand.js';
import { EDIT, fuzzyBudget } from '../../src/search/edits.js';

const analyzer = createAnalyzer();

/** A dictionary of exact forms with made-up document frequencies. */
function expansionIndex(frequencies: Record<string, number>): { index: ExpansionIndex; terms: TermDictionary } {
  const terms = new TermDictionary();
  const df: number[] = [];
  for (const [w, n] of Object.entries(frequencies)) df[terms.intern(w)] = n;
  const lookup = new TermLookup(terms);
  return { terms, index: { termLookup: () => lookup, exactFrequency: (id) => df[id] ?? 0, termLength: (id) => terms.termLength(id), termText: (id) => terms.term(id) } };
}

describe('prefixCandidates', () => {
  it.each([
    ['كتا', ['كتا']],
    ['والكتا', ['والكتا', 'كتا']],
    ['بالكت', ['بالكت', 'كت']],
    ['الانتخ', ['الانتخ', 'انتخ']],
    ['الج', ['الج', 'ج']],
    ['وز', ['وز']],
  ])('%s → %j', (prefix, expected) => {
    expect(prefixCandidates(prefix, analyzer)).toEqual(expected);
  });

  it('with minStripped 0, a bare proclitic completes to anything', () => {
    expect(prefixCandidates('ال', analyzer, 0)).toEqual(['ال', '']);
  });
});

describe('expandPrefix', () => {
  it('keeps the most frequent completions, weighted by how much the prefix covers', () => {
    const { index, terms } = expansionIndex({ كتاب: 10, كتابات: 30, كتابه: 5, كتب: 50, قلم: 99, كتان: 0 });
    const found = expandPrefix(['كتا'], new Set(), index, 2);
    expect([...found.keys()].map((id) => terms.term(id))).toEqual(['كتابات', 'كتاب']);
    expect(found.get(terms.lookup('كتاب'))).toBeCloseTo(3 / 4);
    expect(found.get(terms.lookup('كتابات'))).toBeCloseTo(3 / 6);
    // Excluded ids and words no document holds are left out.
    const rest = expandPrefix(['كتا'], new Set([terms.lookup('كتابات')]), index, 10);
    expect([...rest.keys()].map((id) => terms.term(id)).sort()).toEqual(['كتاب', 'كتابه']);
  });
});

describe('expandFuzzy', () => {
  it('cheapest first, then most frequent; never the word itself', () => {
    const { index, terms } = expansionIndex({ رءيس: 5, رءيسي: 40, رييس: 1, ريس: 3 });
    const found = expandFuzzy('رييس', EDIT, new Set(), index, 10);
    const words = [...found.keys()].map((id) => terms.term(id));
    expect(words[0]).toBe('رءيس');
    expect(words).not.toContain('رييس');
    expect(found.get(terms.lookup('رءيس'))!).toBeGreaterThan(found.get(terms.lookup('رءيسي'))!);
    expect(expandFuzzy('رييس', 0, new Set(), index, 10).size).toBe(0);
  });
});

describe('hamzaVariants', () => {
  it('respells hamza seats and adds or drops a hamza, never at the first letter', () => {
    expect(hamzaVariants('رييس')).toContain('رءيس');
    expect(hamzaVariants('مسوول')).toContain('مسءول');
    expect(hamzaVariants('ريس')).toContain('رءيس');
    expect(hamzaVariants('شي')).toContain('شيء');
    expect(hamzaVariants('رءيس')).toEqual(expect.arrayContaining(['رييس', 'رويس', 'رايس', 'ريس']));
    expect(hamzaVariants('اسد').some((v) => v.startsWith('ء'))).toBe(false);
    expect(hamzaVariants('رييس')).not.toContain('رييس');
  });
});

describe('fuzzyBudget', () => {
  it("'auto': no edit up to 3 letters, 1 up to 7, 2 from 8; numbers are edits, halves count", () => {
    expect([3, 4, 7, 8].map((n) => fuzzyBudget(n, 'auto'))).toEqual([0, EDIT, EDIT, 2 * EDIT]);
    expect(fuzzyBudget(3, 1)).toBe(EDIT);
    expect(fuzzyBudget(9, 0.5)).toBe(1);
  });
});
