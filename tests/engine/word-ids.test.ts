/**
 * The engine caches term ids per analyzer word id (the sink's `wordId`): an index whose analyzers'
 * word caches are tiny (cleared every few words, also by the searches that share the analyzers)
 * must answer exactly like one whose analyzers cache nothing (the per-surface path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/engine.js';
import type { TokenFilter } from '../../src/analysis/analyzer.js';

interface Doc {
  id: number;
  title: string;
  body: string;
  tags: string[];
}

const vocabulary = ['الكتاب', 'كتاب', 'والكتاب', 'بالكتاب', 'مدرسة', 'المدارس', 'في', 'وزير', 'الوزير', 'للوزير', 'تونس', 'السيارة', '2018', 'Gaza', 'كَتَبَ'];
const synonyms: TokenFilter = (term) => (term === 'سيار' ? ['سيار', 'عرب'] : term);

function make(cacheSize: number) {
  return createIndex<Doc>({
    id: 'id',
    fields: {
      title: { boost: 3, analyzer: { stem: false, cacheSize: cacheSize === 0 ? 0 : cacheSize + 1 } },
      body: { analyzer: { cacheSize, filters: [synonyms] } },
      tags: {},
    },
    analyzer: { cacheSize },
  });
}

const words = fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((w) => w.join(' '));
const doc = fc.record({ title: words, body: words, tags: fc.array(words, { maxLength: 3 }) });

function answers(index: ReturnType<typeof make>): string {
  return vocabulary.map((q) => index.search(q, { limit: 100 }).map((r) => `${r.id}:${r.score.toFixed(9)}`).join(',')).join('|');
}

describe('term ids cached by analyzer word id', () => {
  it('property: tiny word caches, cleared under the index by searches, answer like no cache', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(doc, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (cacheSize, docs, removals) => {
        const cached = make(cacheSize);
        const plain = make(0);
        docs.forEach((d, i) => {
          cached.add({ id: i, ...d });
          plain.add({ id: i, ...d });
          if (i % 3 === 1) expect(answers(cached)).toBe(answers(plain)); // searches clear the caches
        });
        for (const r of removals) {
          cached.remove(r % docs.length);
          plain.remove(r % docs.length);
        }
        cached.vacuum();
        plain.vacuum();
        cached.add({ id: docs.length, title: 'وزير الكتاب', body: 'السيارة في تونس', tags: ['المدارس'] });
        plain.add({ id: docs.length, title: 'وزير الكتاب', body: 'السيارة في تونس', tags: ['المدارس'] });
        expect(answers(cached)).toBe(answers(plain));
        expect(cached.stats()).toEqual(plain.stats());
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the ids right across clear()', () => {
    const index = make(3);
    index.add({ id: 1, title: 'وزير', body: 'تونس', tags: [] });
    index.clear();
    index.add({ id: 2, title: 'مدرسة', body: 'الكتاب', tags: ['وزير'] });
    expect(index.search('وزير').map((r) => r.id)).toEqual([2]);
    expect(index.search('تونس')).toHaveLength(0);
    expect(index.search('كتاب').map((r) => r.id)).toEqual([2]);
  });
});
