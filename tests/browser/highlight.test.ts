/** The demo page's fallback highlighter and snippet cutter (examples/web/highlight.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSample } from '../../tools/corpus.js';
import { matchRanges, queryTerms, snippet } from '../../examples/web/highlight.js';

const articles = loadSample();
const pol01 = articles.find((a) => a.id === 'pol-01');

describe('matchRanges', () => {
  it('marks the words as written in the text for a query typed with ه for ة and without hamza', () => {
    if (pol01 === undefined) throw new Error('pol-01 is missing from the sample');
    const ranges = matchRanges(pol01.body, queryTerms('اعلن الحكومه'));
    const words = ranges.map((r) => pol01.body.slice(r.start, r.end));
    expect(words).toContain('أعلن');
    expect(words).toContain('الحكومة');
    expect(words.every((w) => w === 'أعلن' || w.includes('حكومة'))).toBe(true);
  });

  it('marks nothing for a query of stopwords only', () => {
    expect(queryTerms('في من على')).toEqual(new Set());
    expect(matchRanges('في البيت من الكتب', queryTerms('في من'))).toEqual([]);
  });
});

describe('snippet', () => {
  it('picks the line with the most marks and keeps short lines whole', () => {
    const text = 'سطر أول بلا شيء\nالنفط والنفط هنا\nسطر ثالث فيه النفط';
    const passage = snippet(text, matchRanges(text, queryTerms('النفط')));
    expect(passage.text).toBe('النفط والنفط هنا');
    expect(passage.ranges.map((r) => passage.text.slice(r.start, r.end))).toEqual(['النفط', 'والنفط']);
    expect(passage.cutStart).toBe(true);
    expect(passage.cutEnd).toBe(true);
  });

  it('without marks, shows the start of the text', () => {
    const passage = snippet('أ ب ج\nد', []);
    expect(passage.text).toBe('أ ب ج');
    expect(passage.cutStart).toBe(false);
  });

  it('on the sample: passages are at most maxLength long, and each range covers the same characters as in the text', () => {
    const words = [...new Set(articles.flatMap((a) => a.body.split(/\s+/)))].filter((w) => w.length > 2);
    fc.assert(
      fc.property(
        fc.constantFrom(...articles),
        fc.subarray(words, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 40, max: 300 }),
        (article, query, maxLength) => {
          const ranges = matchRanges(article.body, queryTerms(query.join(' ')));
          const passage = snippet(article.body, ranges, maxLength);
          expect(passage.text.length).toBeLessThanOrEqual(maxLength);
          const offset = article.body.indexOf(passage.text);
          expect(offset).toBeGreaterThanOrEqual(0);
          for (const r of passage.ranges) {
            expect(passage.text.slice(r.start, r.end)).toBe(article.body.slice(offset + r.start, offset + r.end));
            expect(ranges).toContainEqual({ start: offset + r.start, end: offset + r.end });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
