/**
 * Type tests: the document type flows from createIndex to every result. Checked by tsc (the
 * project typecheck) and by vitest's expectTypeOf; the calls that must not compile sit in
 * functions that never run.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { articlePreset, createIndex } from '../../src/index.js';
import type { FacetCount, SearchIndex, SearchResult } from '../../src/index.js';

interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
  views?: number;
}

const stored = createIndex<Article, 'title' | 'category'>({
  id: 'id',
  fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
  store: ['title', 'category'],
});
type StoredHit = ReturnType<typeof stored.search>[number];

describe('createIndex types', () => {
  it('stored keys given as a type argument type `doc` as Pick<Doc, Stored>', () => {
    expectTypeOf<StoredHit['doc']>().toEqualTypeOf<Pick<Article, 'title' | 'category'>>();
    expectTypeOf<StoredHit['id']>().toEqualTypeOf<string>();
    expectTypeOf<StoredHit['score']>().toEqualTypeOf<number>();
    expectTypeOf<StoredHit['match']>().toEqualTypeOf<Readonly<Record<string, readonly ('id' | 'title' | 'category' | 'body' | 'views')[]>>>();
    expectTypeOf(stored.get).returns.toEqualTypeOf<Pick<Article, 'title' | 'category'> | undefined>();
    expectTypeOf(stored).toEqualTypeOf<SearchIndex<Article, 'title' | 'category', 'id'>>();
    expectTypeOf<StoredHit>().toEqualTypeOf<SearchResult<Article, 'title' | 'category'>>();
  });

  it('without the stored keys, `doc` is Partial<Doc>', () => {
    const index = createIndex<Article>({ ...articlePreset, store: ['title', 'category'] });
    expectTypeOf<ReturnType<typeof index.search>[number]['doc']>().toEqualTypeOf<Partial<Article>>();
  });

  it('store may only name the stored keys; fields and id only keys of Doc', () => {
    const mistakes = (): void => {
      // @ts-expect-error 'body' is not among the stored keys
      createIndex<Article, 'title'>({ id: 'id', fields: ['title'], store: ['body'] });
      // @ts-expect-error 'nope' is not a field of Article
      createIndex<Article>({ id: 'id', fields: { nope: {} } });
      // @ts-expect-error 'bodyx' is not a key of Article
      createIndex<Article>({ id: 'bodyx', fields: ['title'] });
      // @ts-expect-error boost must be a number
      createIndex<Article>({ id: 'id', fields: { title: { boost: '3' } } });
    };
    expect(mistakes).toBeTypeOf('function');
  });

  it('a numeric id field types results and methods with numbers', () => {
    interface Row {
      key: number;
      text: string;
    }
    const index = createIndex<Row, 'text', 'key'>({ id: 'key', fields: ['text'], store: ['text'] });
    expectTypeOf<ReturnType<typeof index.search>[number]['id']>().toEqualTypeOf<number>();
    expectTypeOf(index.remove).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(index.add).parameter(0).toEqualTypeOf<Row>();
  });

  it('search options are typed by the document: fields, boost, filter, facets', () => {
    const hits = stored.search('x', { fields: ['title'], boost: { body: 2 }, filter: { category: 'رياضة' }, facets: ['category'] });
    expectTypeOf(hits.total).toEqualTypeOf<number>();
    expectTypeOf(hits.facets.category).toEqualTypeOf<readonly FacetCount[]>();
    stored.search('x', { filter: (doc) => doc.title.length > 3 });
    const mistakes = (): void => {
      // @ts-expect-error 'body' is not stored, so it cannot be a facet
      stored.search('x', { facets: ['body'] });
      // @ts-expect-error unknown field
      stored.search('x', { fields: ['nope'] });
      // @ts-expect-error combine is 'or' | 'and'
      stored.search('x', { combine: 'xor' });
      // @ts-expect-error filter values are scalars
      stored.search('x', { filter: { title: { a: 1 } } });
    };
    expect(mistakes).toBeTypeOf('function');
  });
});

describe('createIndex without type arguments', () => {
  it('indexes plain records, ids string or number', () => {
    const index = createIndex({ id: 'id', fields: ['title'], store: ['title'] });
    type Hit = ReturnType<typeof index.search>[number];
    expectTypeOf<Hit['id']>().toEqualTypeOf<string | number>();
    expectTypeOf<Hit['doc']>().toMatchTypeOf<Record<string, unknown>>();
    expectTypeOf(index.add).parameter(0).toEqualTypeOf<Record<string, unknown>>();
  });
});
