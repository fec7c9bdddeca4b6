import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { fahrasMiniSearch } from '../../src/adapters/minisearch.js';
import { arabicText, SPELLING_CASES, withSynonym } from './cases.js';

interface Doc {
  id: number;
  title: string;
  body: string;
}

function searchOf(docs: readonly Doc[], withFahras: boolean): MiniSearch<Doc> {
  const fields = ['title', 'body'];
  const search = withFahras ? new MiniSearch<Doc>({ fields, ...fahrasMiniSearch() }) : new MiniSearch<Doc>({ fields });
  search.addAll(docs);
  return search;
}

const ids = (search: MiniSearch<Doc>, query: string, prefix = false): unknown[] =>
  search.search(query, { prefix }).map((r) => r.id);

describe('fahras/minisearch', () => {
  for (const { name, doc, query } of SPELLING_CASES) {
    const docs = [
      { id: 1, title: 'عنوان', body: doc },
      { id: 2, title: 'خبر آخر', body: 'نص آخر لا علاقة له' },
    ];
    it(`finds ${name} with the fahras options`, () => {
      expect(ids(searchOf(docs, true), query)).toEqual([1]);
    });
    it(`misses ${name} with MiniSearch's defaults, even with prefix search`, () => {
      expect(ids(searchOf(docs, false), query, true)).toEqual([]);
    });
  }

  it('keeps the words of the analyzer (clitics attached) and maps each to its term', () => {
    const { tokenize, processTerm } = fahrasMiniSearch();
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(arabicText, (text) => {
        const tokens = analyzer.analyze(text);
        const words = tokenize(text);
        expect(words).toEqual(tokens.map((t) => t.surface));
        expect(words.map((w) => processTerm(w))).toEqual(tokens.map((t) => t.term));
      }),
    );
  });

  it('maps a stopword or punctuation to nothing, so MiniSearch drops it', () => {
    const { processTerm } = fahrasMiniSearch();
    expect(processTerm('،')).toBeNull();
    expect(processTerm('في')).toBeNull();
  });

  it('finds word beginnings with prefix search on stems', () => {
    const search = searchOf(
      [
        { id: 1, title: 'والمكتبات العامة', body: '' },
        { id: 2, title: 'نص آخر', body: '' },
      ],
      true,
    );
    expect(ids(search, 'مكتب', true)).toEqual([1]);
  });

  it('suggests through the same analysis', () => {
    const search = searchOf([{ id: 1, title: 'أعلن الوزير', body: 'المدرسة' }], true);
    expect(search.autoSuggest('اعلن').length).toBeGreaterThan(0);
  });

  it('removes a document through the same analysis', () => {
    const docs = [
      { id: 1, title: 'أعلن الوزير', body: 'المدرسة' },
      { id: 2, title: 'أعلن المدير', body: 'المدرسة' },
    ];
    const search = searchOf(docs, true);
    search.remove(docs[0]!);
    expect(ids(search, 'اعلن')).toEqual([2]);
  });

  it('indexes every term a synonym filter gives a word, and keeps the word once', () => {
    const { tokenize, processTerm } = fahrasMiniSearch(withSynonym);
    expect(tokenize('سيارة جديدة')).toEqual(['سياره', 'جديده']);
    expect(processTerm('سياره')).toEqual(['سيار', 'car']);
    const search = new MiniSearch<Doc>({ fields: ['title', 'body'], ...fahrasMiniSearch(withSynonym) });
    search.add({ id: 1, title: 'سيارة جديدة', body: '' });
    expect(search.search('car').map((r) => r.id)).toEqual([1]);
  });

  it('reloads a saved index given the same options', () => {
    const saved = JSON.stringify(searchOf([{ id: 1, title: 'أعلن الوزير', body: 'المستشفى' }], true));
    const loaded = MiniSearch.loadJSON<Doc>(saved, { fields: ['title', 'body'], ...fahrasMiniSearch() });
    expect(ids(loaded, 'اعلن')).toEqual([1]);
    expect(ids(loaded, 'مستشفي')).toEqual([1]);
  });
});
