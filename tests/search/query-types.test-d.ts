import { expectTypeOf, test } from 'vitest';
import { createIndex, parseQuery, snippet } from '../../src/index.js';
import type { HighlightRange, ParsedQuery, Suggestion } from '../../src/index.js';

interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
}

const index = createIndex<Article, 'title' | 'body'>({ id: 'id', fields: ['title', 'body'], store: ['title', 'body'] });

test('query-feature options are typed', () => {
  index.search('كتا', { prefix: 'last', fuzzy: 'auto', maxExpansions: 20, highlight: { fields: ['title'] } });
  index.search('كتا', { prefix: true, fuzzy: 1.5, highlight: true });
  // @ts-expect-error: not a prefix mode
  index.search('كتا', { prefix: 'first' });
  // @ts-expect-error: highlight fields must be stored keys
  index.search('كتا', { highlight: { fields: ['category'] } });
});

test('highlights are keyed by the document fields and hold [start, end, word] ranges', () => {
  const hit = index.search('كتاب', { highlight: true })[0]!;
  expectTypeOf(hit.highlights).toEqualTypeOf<Readonly<Partial<Record<'title' | 'category' | 'body' | 'id', readonly HighlightRange[]>>> | undefined>();
  expectTypeOf<HighlightRange>().toEqualTypeOf<readonly [start: number, end: number, word: string]>();
  expectTypeOf(snippet(hit.doc.body, hit.highlights?.body)).toEqualTypeOf<string>();
});

test('suggest, didYouMean and parseQuery', () => {
  expectTypeOf(index.suggest('الانتخ', { limit: 5 })).toEqualTypeOf<Suggestion[]>();
  expectTypeOf(index.didYouMean('الانتخابت')).toEqualTypeOf<string | undefined>();
  expectTypeOf(parseQuery('"وزير الخارجية"')).toEqualTypeOf<ParsedQuery>();
});
