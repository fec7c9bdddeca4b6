/**
 * The typed results of `search`.
 *
 * ```ts
 * const hits = index.search('الانتخابات', { facets: ['category'] });
 * hits[0]?.doc.title;        // typed from the index's stored fields
 * hits.total;                // all matches, not just this page
 * hits.facets.category;      // [{ value: 'سياسة', count: 12 }, …]
 * ```
 * @module
 */
import type { DefaultIdKey, DocId, FieldKey, IdKey, StoredDoc } from '../options.js';
import type { FacetCounts } from './facets.js';
import type { HighlightRange } from './highlight.js';

/** One ranked document. */
export interface SearchResult<Doc, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>> {
  /** The document's id. */
  readonly id: DocId<Doc, Id>;
  /** BM25F score (sum over matched query words); > 0. Comparable within one query only. */
  readonly score: number;
  /** The document's stored fields (a copy). */
  readonly doc: StoredDoc<Doc, Stored>;
  /**
   * For each query word this document matched (keyed by the word as written in the query), the
   * fields it matched in, in index field order.
   */
  readonly match: Readonly<Record<string, readonly FieldKey<Doc>[]>>;
  /**
   * With the `highlight` option: per highlighted field whose stored value is a string, the
   * matched words as `[start, end, queryWord]` ranges into the stored text (sorted, disjoint, each
   * a whole word with its clitics and diacritics; see docs/queries.md). Absent without the option.
   */
  readonly highlights?: Readonly<Partial<Record<FieldKey<Doc>, readonly HighlightRange[]>>>;
}

/**
 * The page of results, best first (more matched query words first, then higher score, then
 * insertion order), with the total number of matches and the facet counts.
 */
export type SearchResults<Doc, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>, Facet extends string = never> = SearchResult<
  Doc,
  Stored,
  Id
>[] & {
  /** Number of matching documents (after `filter`), on all pages. */
  readonly total: number;
  /** Counts per value of each requested facet field, over all matching documents. */
  readonly facets: FacetCounts<Facet>;
};
