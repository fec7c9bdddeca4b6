/** The query word cache: LRU within one index generation, and never stale across index changes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex } from '../../src/engine.js';
import { GenerationCache } from '../../src/search/cache.js';
import { compileQuery } from '../../src/search/compile.js';
import type { CompileOptions, QueryContext } from '../../src/search/compile.js';
import { PreparedQueries } from '../../src/search/prepared.js';

describe('GenerationCache', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const cache = new GenerationCache<number>(2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    expect(cache.get('a', 0)).toBe(1); // a is now the most recent
    cache.set('c', 3, 0); // drops b
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe(1);
    expect(cache.get('c', 0)).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('empties itself when asked under another generation', () => {
    const cache = new GenerationCache<number>(4);
    cache.set('a', 1, 7);
    expect(cache.get('a', 8)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('a', 2, 8);
    expect(cache.get('a', 7)).toBeUndefined();
    expect(cache.get('a', 8)).toBeUndefined();
  });
});

interface Doc {
  id: number;
  title: string;
  body: string;
}

const WORDS = ['كتاب', 'وكتاب', 'بكتاب', 'الكتاب', 'قال', 'وقال', 'فقال', 'مصر', 'ومصر', 'لمصر', 'أمير', 'امير', 'وزير', 'وزارة', 'زاره'];
const QUERIES = ['كتاب', 'قال مصر', 'ومصر', 'امير', 'أمير وزير', 'وزارة', 'كتا', 'مضر'];

/** A search's answer, in full. */
function answer(index: ReturnType<typeof createIndex<Doc, 'title'>>, q: string, highlight: boolean): unknown {
  const hits = index.search(q, { limit: 50, prefix: 'last', fuzzy: 1, ...(highlight ? { highlight: true } : {}) });
  return { total: hits.total, hits: hits.map((h) => ({ id: h.id, score: h.score, match: h.match, highlights: h.highlights })) };
}

function fresh(live: Doc[]): ReturnType<typeof createIndex<Doc, 'title'>> {
  const index = createIndex<Doc, 'title'>({ id: 'id', fields: { title: { boost: 3 }, body: {} }, store: ['title'], vacuumThreshold: false });
  index.addAll(live);
  return index;
}

/** The same index without its caches (`queryCache: false`: no word cache, every query compiled). */
function uncached(): ReturnType<typeof fresh> {
  return createIndex<Doc, 'title'>({ id: 'id', fields: { title: { boost: 3 }, body: {} }, store: ['title'], vacuumThreshold: false, queryCache: false });
}

describe('the word cache of an index', () => {
  it('answers exactly as the same index without a cache, through adds, removals, updates, vacuums and clears (property)', () => {
    const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), title: text, body: text }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat(30) }),
      fc.record({ op: fc.constant('update' as const), at: fc.nat(30), title: text, body: text }),
      fc.record({ op: fc.constant('vacuum' as const) }),
      fc.record({ op: fc.constant('clear' as const) }),
      fc.record({ op: fc.constant('search' as const), q: fc.constantFrom(...QUERIES), highlight: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const pair = [fresh([]), uncached()];
        let live: Doc[] = [];
        let next = 0;
        for (const s of steps) {
          if (s.op === 'add') {
            const doc = { id: next++, title: s.title, body: s.body };
            for (const index of pair) index.add(doc);
            live.push(doc);
          } else if (s.op === 'remove' || s.op === 'update') {
            const doc = live[s.at % Math.max(1, live.length)];
            if (doc === undefined) continue;
            live = live.filter((d) => d !== doc);
            if (s.op === 'remove') for (const index of pair) index.remove(doc.id);
            else {
              const updated = { id: doc.id, title: s.title, body: s.body };
              for (const index of pair) index.update(updated);
              live.push(updated);
            }
          } else if (s.op === 'vacuum') {
            for (const index of pair) index.vacuum();
          } else if (s.op === 'clear') {
            for (const index of pair) index.clear();
            live = [];
          } else {
            // Searched twice (the second time from the cache) and without the cache.
            const want = answer(pair[1]!, s.q, s.highlight);
            expect(answer(pair[0]!, s.q, s.highlight)).toEqual(want);
            expect(answer(pair[0]!, s.q, s.highlight)).toEqual(want);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is used: a query searched again is not compiled again, a word in another query comes from the word cache', () => {
    const index = fresh([{ id: 1, title: 'قال وزير', body: 'وقال' }]);
    const cache = (index as unknown as { planContext: { wordCache: { size: number } } }).planContext.wordCache;
    index.search('قال وزير');
    expect(cache.size).toBe(2);
    index.search('وزير قال');
    expect(cache.size).toBe(2);
    index.add({ id: 2, title: 'كتاب', body: '' });
    index.search('قال');
    expect(cache.size).toBe(1); // emptied by the add
  });

  it("replays a cached word's highlight terms with the label the query writes", () => {
    const index = fresh([{ id: 1, title: 'قال وزير الخارجية', body: 'وقال الوزير' }]);
    const first = index.search('قال', { highlight: true });
    const again = index.search('قَال', { highlight: true }); // same word, another label (a diacritic)
    expect(first[0]!.highlights).toEqual({ title: [[0, 3, 'قال']] });
    expect(again[0]!.highlights).toEqual({ title: [[0, 3, 'قَال']] });
    expect(again[0]!.match).toEqual({ 'قَال': ['title', 'body'] });
  });
});

describe('the queryCache option', () => {
  it('false: the index keeps no word cache and compiles every query afresh, with the same answers', () => {
    const docs = [{ id: 1, title: 'قال وزير', body: 'وقال' }, { id: 2, title: 'وزارة الخارجية', body: 'امير' }];
    const off = uncached();
    off.addAll(docs);
    const inside = off as unknown as { planContext: { wordCache?: unknown }; prepared: { compile: () => never } };
    expect(inside.planContext.wordCache).toBeUndefined();
    inside.prepared.compile = () => {
      throw new Error('the prepared-query cache was used');
    };
    const on = fresh(docs);
    for (const q of QUERIES) expect(answer(off, q, true)).toEqual(answer(on, q, true));
  });

  it('must be a boolean', () => {
    expect(() => createIndex<Doc>({ id: 'id', fields: { title: {} }, queryCache: 1 as unknown as boolean })).toThrow(/queryCache/);
  });
});

describe('PreparedQueries', () => {
  const index = fresh([{ id: 1, title: 'قال وزير', body: 'وقال' }]);
  const context = (index as unknown as { planContext: QueryContext }).planContext;
  const options: CompileOptions = { prefix: 'last', fuzzy: 0, maxExpansions: 50, variants: true };

  it('reuses a plan for the same text and options in the same generation, and only then', () => {
    const prepared = new PreparedQueries(4);
    const a = prepared.compile('قال وزير', context, options, 1);
    expect(prepared.compile('قال وزير', context, { ...options }, 1)).toBe(a);
    expect(prepared.compile('قال وزير', context, options, 2)).not.toBe(a);
    const b = prepared.compile('قال وزير', context, { ...options, prefix: false }, 2);
    expect(b).not.toBe(prepared.compile('قال وزير', context, options, 2));
    expect(prepared.compile('قال  وزير', context, options, 2)).not.toBe(b);
    expect(prepared.compile('قال وزير', context, { ...options, highlight: [0] }, 2)).not.toBe(prepared.compile('قال وزير', context, options, 2));
  });

  it('gives the plan compileQuery gives', () => {
    const prepared = new PreparedQueries();
    for (const q of ['قال', 'وزير قال', '"قال وزير"', '-قال وزير']) {
      prepared.compile(q, context, options, 0);
      expect(prepared.compile(q, context, options, 0)).toEqual(compileQuery(q, context, options));
    }
  });
});
