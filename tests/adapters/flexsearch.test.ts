import { Document, Encoder, Index } from 'flexsearch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { fahrasEncoder } from '../../src/adapters/flexsearch.js';
import { arabicText, SPELLING_CASES, withSynonym } from './cases.js';

function indexOf(doc: string, withFahras: boolean): Index {
  const index = withFahras ? new Index({ encoder: new Encoder(fahrasEncoder()) }) : new Index();
  index.add(1, doc);
  index.add(2, 'نص آخر لا علاقة له');
  return index;
}

describe('fahras/flexsearch: Index', () => {
  for (const { name, doc, query } of SPELLING_CASES) {
    it(`finds ${name} with the fahras encoder`, () => {
      expect(indexOf(doc, true).search(query)).toEqual([1]);
    });
    it(`misses ${name} with FlexSearch's default encoder`, () => {
      expect(indexOf(doc, false).search(query)).toEqual([]);
    });
  }

  it('accepts the options object itself as the encoder', () => {
    const index = new Index({ encoder: fahrasEncoder() });
    index.add(1, 'أعلن الوزير');
    expect(index.search('اعلن')).toEqual([1]);
  });

  it('matches word beginnings with the forward tokenizer', () => {
    const index = new Index({ tokenize: 'forward', encoder: new Encoder(fahrasEncoder()) });
    index.add(1, 'والمكتبات العامة');
    index.add(2, 'نص آخر');
    expect(index.search('مكتب')).toEqual([1]);
  });

  it('drops stopwords on both sides', () => {
    const index = new Index({ encoder: new Encoder(fahrasEncoder()) });
    index.add(1, 'في');
    expect(index.search('في')).toEqual([]);
  });

  it('encodes a text into the terms the fahras analyzer keeps, in order', () => {
    const encoder = new Encoder(fahrasEncoder());
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(arabicText, (text) => {
        // FlexSearch drops a term equal to the one just before it (its own rule, kept).
        const expected = analyzer.analyze(text).map((t) => t.term).filter((t, i, all) => t !== all[i - 1]);
        expect(encoder.encode(text)).toEqual(expected);
      }),
    );
  });

  it('keeps doubled letters (FlexSearch letter deduplication is off)', () => {
    const encoder = new Encoder(fahrasEncoder());
    expect(encoder.encode('مملكة')).toEqual(createAnalyzer().analyze('مملكة').map((t) => t.term));
    expect(new Encoder().encode('مملكة')).toEqual(['ملكة']);
  });

  it('indexes every term a synonym filter gives a word', () => {
    const index = new Index({ encoder: new Encoder(fahrasEncoder(withSynonym)) });
    index.add(1, 'سيارة جديدة');
    expect(index.search('car')).toEqual([1]);
  });

  it('imports an exported index into one built with the same encoder', async () => {
    const parts: Array<[string, string]> = [];
    await indexOf('أعلن الوزير', true).export((key: string, data: string) => {
      parts.push([key, data]);
    });
    const index = new Index({ encoder: new Encoder(fahrasEncoder()) });
    for (const [key, data] of parts) index.import(key, data);
    expect(index.search('اعلن')).toEqual([1]);
  });
});

describe('fahras/flexsearch: Document', () => {
  it('finds documents by any spelling in any field', () => {
    const docs = new Document({
      document: { id: 'id', index: ['title', 'body'] },
      encoder: new Encoder(fahrasEncoder()),
    });
    docs.add({ id: 1, title: 'أعلن الوزير', body: 'افتتاح المستشفى' });
    docs.add({ id: 2, title: 'خبر آخر', body: 'نص آخر' });
    const ids = (query: string): unknown[] => docs.search(query).flatMap((r) => r.result);
    expect(ids('اعلن')).toEqual([1]);
    expect(ids('مستشفي')).toEqual([1]);
  });
});
