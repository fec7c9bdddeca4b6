/** The optional `wordId` / `generation` arguments the analyzer passes its TokenSink. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import type { TokenFilter } from '../../src/analysis/analyzer.js';

interface Call {
  term: string;
  surface: string;
  wordId: number | undefined;
  generation: number | undefined;
}

function calls(analyzer: ReturnType<typeof createAnalyzer>, text: string): Call[] {
  const out: Call[] = [];
  analyzer.run(text, (term, surface, _s, _e, _p, wordId, generation) => out.push({ term, surface, wordId, generation }));
  return out;
}

const vocabulary = ['الكتاب', 'كتاب', 'والكتاب', 'مدرسة', 'المدارس', 'في', 'وزير', 'الوزير', 'تونس', '2018', 'Gaza', 'كَتَبَ'];

describe('TokenSink wordId and generation', () => {
  it('gives each written word one id ≥ 1 within a generation, and different words different ids', () => {
    const a = createAnalyzer();
    const c = calls(a, 'الكتاب في المدرسة والكتاب الكتاب مدرسة');
    expect(c.map((x) => x.surface)).toEqual(['الكتاب', 'المدرسه', 'والكتاب', 'الكتاب', 'مدرسه']);
    const [k1, m1, wk, k2, m2] = c;
    expect(k1!.wordId).toBeGreaterThan(0);
    expect(k2!.wordId).toBe(k1!.wordId);
    expect(new Set([k1!.wordId, m1!.wordId, wk!.wordId, m2!.wordId]).size).toBe(4);
    expect(new Set(c.map((x) => x.generation))).toEqual(new Set([0]));
  });

  it('changes the generation when a full cache drops words, and hands their ids out again', () => {
    // cacheSize 4: the fifth distinct word keeps ids 1 and 2 and drops 3 and 4.
    const a = createAnalyzer({ cacheSize: 4 });
    const c = calls(a, 'وزير تونس مدرسة كتاب سيارة وزير تونس مدرسة');
    expect(c.map((x) => [x.surface, x.wordId, x.generation])).toEqual([
      ['وزير', 1, 0],
      ['تونس', 2, 0],
      ['مدرسه', 3, 0],
      ['كتاب', 4, 0],
      ['سياره', 3, 1],
      ['وزير', 1, 1],
      ['تونس', 2, 1],
      ['مدرسه', 4, 1],
    ]);
  });

  it('counts clears made by other runs of the same analyzer (queries share it)', () => {
    const a = createAnalyzer({ cacheSize: 2 });
    const before = calls(a, 'وزير')[0]!;
    a.analyze('تونس مدرسة كتاب');
    const after = calls(a, 'وزير')[0]!;
    expect(after.generation).not.toBe(before.generation);
  });

  it('passes wordId 0 when caching is off', () => {
    const c = calls(createAnalyzer({ cacheSize: 0 }), 'وزير تونس وزير');
    expect(c.map((x) => x.wordId)).toEqual([0, 0, 0]);
  });

  it('passes wordId 0 for the second and later terms of a word a filter expands', () => {
    const expand: TokenFilter = (term) => (term === 'سيار' ? ['سيار', 'عرب', 'مركب'] : term);
    const c = calls(createAnalyzer({ filters: [expand] }), 'السيارة وزير السيارة');
    expect(c.map((x) => x.term)).toEqual(['سيار', 'عرب', 'مركب', 'وزير', 'سيار', 'عرب', 'مركب']);
    expect(c[0]!.wordId).toBeGreaterThan(0);
    expect(c.map((x) => x.wordId === 0)).toEqual([false, true, true, false, false, true, true]);
    expect(c[4]!.wordId).toBe(c[0]!.wordId);
  });

  it('property: a (wordId, generation) pair always names the same term and surface', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.array(fc.constantFrom(...vocabulary), { maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        (cacheSize, texts) => {
          const a = createAnalyzer({ cacheSize });
          const seen = new Map<string, string>();
          for (const words of texts) {
            for (const x of calls(a, words.join(' '))) {
              expect(x.wordId).toBeGreaterThanOrEqual(0);
              expect(x.wordId).toBeLessThanOrEqual(cacheSize);
              if (x.wordId === 0) continue;
              const key = `${x.wordId}/${x.generation}`;
              const value = `${x.term}/${x.surface}`;
              expect(seen.get(key) ?? value).toBe(value);
              seen.set(key, value);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
