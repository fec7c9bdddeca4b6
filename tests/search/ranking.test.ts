/**
 * Ranking locked over the demo sample (data/sample-articles.json, 40 articles written for the
 * repository). Each expectation was checked by hand against the articles' titles and bodies:
 * title matches first, exact word forms above stem-only matches, more query words above fewer,
 * and spelling variants (no hamza, no article) rank the same as the written form.
 */
import { describe, expect, it } from 'vitest';
import { articlePreset, createIndex } from '../../src/index.js';
import { loadSample } from '../../tools/corpus.js';
import type { CorpusArticle } from '../../tools/corpus.js';

const index = createIndex<CorpusArticle, 'title'>({ ...articlePreset, store: ['title'] });
index.addAll(loadSample());
const top = (q: string, n = 10): string[] => index.search(q, { limit: n }).map((h) => h.id as string);

describe('ranking over the demo sample', () => {
  it('الانتخابات: the four articles with the elections in their title first; the one saying only الانتخابية (stem-only) last of them', () => {
    const ids = top('الانتخابات', 5);
    expect(new Set(ids.slice(0, 3))).toEqual(new Set(['pol-01', 'pol-02', 'pol-06']));
    expect(ids[3]).toBe('pol-05');
    expect(ids[4]).toBe('pol-07');
  });

  it('انتخابات (without the article) and والانتخابات (with و) rank exactly like الانتخابات', () => {
    expect(top('انتخابات')).toEqual(top('الانتخابات'));
    expect(top('والانتخابات')).toEqual(top('الانتخابات'));
  });

  it('اسعار النفط (without hamza): the article with both words in its title first', () => {
    const ids = top('اسعار النفط');
    expect(ids[0]).toBe('eco-01');
    expect(ids).toContain('eco-06');
    expect(ids).toContain('eco-07');
  });

  it('كاس العالم (without hamza): the two World Cup titles, then the squad articles', () => {
    const ids = top('كاس العالم', 4);
    expect(new Set(ids.slice(0, 2))).toEqual(new Set(['spo-01', 'spo-02']));
    expect(new Set(ids.slice(2, 4))).toEqual(new Set(['spo-03', 'spo-08']));
  });

  it('الذكاء الاصطناعي: the three AI titles, then the start-up article mentioning AI in its body', () => {
    const ids = top('الذكاء الاصطناعي', 4);
    expect(new Set(ids.slice(0, 3))).toEqual(new Set(['tec-02', 'tec-03', 'tec-08']));
    expect(ids[3]).toBe('tec-06');
  });

  it('المنتخب: the three titles about the national team before the article mentioning it in its body', () => {
    const ids = top('المنتخب', 4);
    expect(new Set(ids.slice(0, 3))).toEqual(new Set(['spo-01', 'spo-03', 'spo-08']));
    expect(ids[3]).toBe('spo-02');
  });

  it('a title match outweighs several body mentions', () => {
    const hits = index.search('الحكومة', { limit: 40 });
    const titled = hits.filter((h) => h.match['الحكومة']!.includes('title'));
    const bodyOnly = hits.filter((h) => !h.match['الحكومة']!.includes('title'));
    expect(titled.length).toBeGreaterThan(0);
    expect(bodyOnly.length).toBeGreaterThan(0);
    expect(Math.min(...titled.map((h) => h.score))).toBeGreaterThan(Math.max(...bodyOnly.map((h) => h.score)));
  });
});
