/**
 * fahras: Arabic-first full-text search.
 * @module
 */
export { FahrasError } from './errors.js';
export type { FahrasErrorCode, FahrasErrorDetails } from './errors.js';
export type { Token } from './analysis/types.js';
export { analyze, createAnalyzer } from './analysis/analyzer.js';
export type { Analyzer, AnalyzerOptions, TokenSink } from './analysis/analyzer.js';
export { ANALYSIS_VERSION } from './analysis/analyzer.js';
export type { AnalyzerConfig, TokenFilter } from './analysis/analyzer.js';
export { normalize, normalizeWord, DEFAULT_NORMALIZE_OPTIONS } from './analysis/normalize.js';
export type { NormalizeOptions, Normalized, ResolvedNormalizeOptions } from './analysis/normalize.js';
export { tokenize } from './analysis/tokenize.js';
export type { RawToken } from './analysis/tokenize.js';
export { DEFAULT_STOPWORDS } from './analysis/stopwords.js';
export { lightStem, stripProclitics, stripSuffixes } from './analysis/stem.js';
export type { Stemmer } from './analysis/stem.js';
export { synonymFilter } from './analysis/filters.js';
export { parseArticle } from './ingest/article.js';
export type { ArticleWarning, ArticleWarningCode, ParsedArticle } from './ingest/article.js';
export { FOOTER_PATTERNS, MAX_FOOTER_LINE_LENGTH, isFooterLine } from './ingest/boilerplate.js';
export type { FooterPattern } from './ingest/boilerplate.js';
export { createIndex, SearchIndex, DEFAULT_CHUNK_SIZE } from './engine.js';
export type { AddAllAsyncOptions, AddProgress, IndexStats } from './engine.js';
export { loadIndex, loadIndexAsync, inspectIndex, DEFAULT_CHUNK_BUDGET_MS } from './serialize/read.js';
export type { IndexInfo, LoadIndexAsyncOptions } from './serialize/read.js';
export type { LoadIndexOptions, SavedField, SavedMetadata } from './serialize/metadata.js';
export { FORMAT_VERSION } from './serialize/format.js';
export { articlePreset, ARRAY_ITEM_GAP, DEFAULT_EXACT_BOOST, DEFAULT_LIMIT, DEFAULT_VACUUM_THRESHOLD, MAX_FIELD_COUNT } from './options.js';
export type {
  DefaultIdKey,
  DocId,
  FieldKey,
  FieldOptions,
  FieldsOption,
  FieldValue,
  Filter,
  FilterValue,
  IdKey,
  IndexOptions,
  SearchOptions,
  StoredDoc,
  StoredKey,
} from './options.js';
export type { SearchResult, SearchResults } from './search/results.js';
export type { FacetCount, FacetCounts } from './search/facets.js';
export { parseQuery } from './search/parser.js';
export type { ParsedQuery, QueryClause, QueryOccur, QueryPhrase, QueryUnit, QueryWord } from './search/parser.js';
export type { HighlightRange } from './search/highlight.js';
export { snippet, DEFAULT_SNIPPET_LENGTH } from './search/snippet.js';
export type { SnippetOptions, SnippetRange } from './search/snippet.js';
export { DEFAULT_SUGGEST_LIMIT } from './search/suggest.js';
export type { SuggestOptions, Suggestion } from './search/suggest.js';
export { DEFAULT_MAX_EXPANSIONS } from './options.js';
export { DEFAULT_MAX_FIELD_LENGTH, DEFAULT_MAX_QUERY_LENGTH, DEFAULT_MAX_QUERY_TERMS } from './options.js';
export { MAX_WORD_LENGTH } from './analysis/analyzer.js';
export { FUZZY_WEIGHT, PREFIX_WEIGHT, SPELLING_WEIGHT } from './search/expand.js';
export { DEFAULT_B, DEFAULT_K1 } from './scoring/bm25f.js';
