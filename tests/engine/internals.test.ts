/** The documented recipe of IndexInternals is enough to copy an index (what export/import will do). */
import { describe, expect, it } from 'vitest';
import { Channel } from '../../src/index/postings.js';
import { ByteBuffer } from '../../src/index/pool.js';
import { ARTICLES, articleIndex } from './helpers.js';

const QUERIES = ['الانتخابات', 'وزير مصر', 'البطولة', 'الكتاب', 'المدارس الجديدة', 'النفط الأسواق'];

describe('IndexInternals', () => {
  it('copying terms, postings and documents through it gives an index with the same results', () => {
    const original = articleIndex();
    original.remove('a2');
    const copy = articleIndex([]);
    const from = original.internals;
    const to = copy.internals;
    for (let t = 0; t < from.terms.size; t++) expect(to.terms.intern(from.terms.term(t))).toBe(t);
    for (let t = 0; t < from.terms.size; t++) {
      for (const c of [Channel.Stem, Channel.Exact]) {
        if (from.postings.docFrequency(t, c) === 0) continue;
        const docs = new ByteBuffer();
        const positions = new ByteBuffer();
        from.postings.gather(t, c, false, docs);
        from.postings.gather(t, c, true, positions);
        to.postings.loadTerm(t, c, docs.bytes.slice(0, docs.length), positions.bytes.slice(0, positions.length), from.postings.lastDoc(t, c), from.postings.docFrequency(t, c));
      }
    }
    const F = from.options.fields.length;
    for (let d = 0; d < from.docs.capacity; d++) {
      const lengths = Array.from({ length: F }, (_, f) => from.docs.fieldLength(d, f));
      to.docs.add(from.docs.externalId(d), from.docs.storedFields(d), lengths);
      if (from.docs.isRemoved(d)) to.docs.remove(d);
    }
    const results = (index: typeof original): unknown => QUERIES.map((q) => index.search(q).map((r) => [r.id, r.score, r.match]));
    expect(results(copy)).toEqual(results(original));
    expect(copy.size).toBe(7);
    expect(from.analyzers.map((a) => a.config)).toEqual(to.analyzers.map((a) => a.config));
    // Both accept further documents alike.
    original.add(ARTICLES[1]!);
    copy.add(ARTICLES[1]!);
    expect(results(copy)).toEqual(results(original));
  });
});
