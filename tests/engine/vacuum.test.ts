import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/engine.js';
import { ARTICLES, articleIndex } from './helpers.js';
import type { Article } from './helpers.js';

const QUERIES = ['الانتخابات', 'وزير مصر', 'البطولة', 'الكتاب', 'المدارس الجديدة', 'النفط الأسواق'];

function results(index: ReturnType<typeof articleIndex>): unknown {
  return QUERIES.map((q) => index.search(q, { limit: 20 }).map((r) => [r.id, r.score, r.match]));
}

describe('removal and vacuum', () => {
  it('after removals, results and scores equal those of an index built from the survivors', () => {
    const index = articleIndex();
    index.remove('a2');
    index.remove('a7');
    const fresh = articleIndex(ARTICLES.filter((a) => a.id !== 'a2' && a.id !== 'a7'));
    expect(results(index)).toEqual(results(fresh));
  });

  it('vacuum keeps results and scores identical and reclaims removed documents', () => {
    const index = createIndex<Article, 'title'>({ id: 'id', fields: { title: { boost: 3 }, body: {} }, store: ['title'], vacuumThreshold: false });
    index.addAll(ARTICLES);
    index.remove('a1');
    index.remove('a4');
    expect(index.stats().removed).toBe(2);
    const before = QUERIES.map((q) => index.search(q).map((r) => [r.id, r.score]));
    const terms = index.stats().terms;
    index.vacuum();
    expect(index.stats().removed).toBe(0);
    expect(index.stats().terms).toBeLessThan(terms);
    expect(QUERIES.map((q) => index.search(q).map((r) => [r.id, r.score]))).toEqual(before);
    index.add(ARTICLES[0]!);
    expect(index.search('الانتخابات')[0]!.id).toBe('a1');
    index.vacuum();
    expect(index.stats().removed).toBe(0);
  });

  it('vacuums automatically once the removed share reaches vacuumThreshold', () => {
    const index = createIndex<Article>({ id: 'id', fields: ['title', 'body'], vacuumThreshold: 0.5 });
    index.addAll(ARTICLES);
    for (const id of ['a1', 'a2', 'a3']) index.remove(id);
    expect(index.stats().removed).toBe(3);
    index.remove('a4');
    expect(index.stats().removed).toBe(0);
    expect(index.size).toBe(4);
    expect(index.search('البطولة').map((r) => r.id)).toEqual(['a8']);
  });

  it('memory does not grow with churn: documents replaced over and over keep terms and postings bounded', () => {
    const index = createIndex<Article>({ id: 'id', fields: ['title', 'body'] });
    const words = (round: number, i: number): string => `كلمة${round}x${i} ${ARTICLES[i % 8]!.body}`;
    for (let i = 0; i < 40; i++) index.add({ id: `d${i}`, title: words(0, i), category: '', body: words(0, i) });
    let peak = { terms: 0, postingsBytes: 0 };
    for (let round = 1; round <= 60; round++) {
      for (let i = 0; i < 40; i++) index.update({ id: `d${i}`, title: words(round, i), category: '', body: words(round, i) });
      const s = index.stats();
      if (round === 20) peak = { terms: s.terms, postingsBytes: s.postingsBytes };
      if (round > 20) {
        expect(s.terms).toBeLessThanOrEqual(peak.terms * 1.5);
        expect(s.postingsBytes).toBeLessThanOrEqual(Math.max(peak.postingsBytes * 1.5, 2 * 65536));
      }
    }
    expect(index.size).toBe(40);
    expect(index.search(words(60, 5))[0]!.id).toBe('d5');
  });
});
