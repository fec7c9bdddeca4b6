/**
 * fahras: Arabic-first full-text search.
 * @module
 */
export { FahrasError } from './errors.js';
export type { FahrasErrorCode, FahrasErrorDetails } from './errors.js';
export type { Token } from './analysis/types.js';
export { analyze, createAnalyzer } from './analysis/analyzer.js';
export type { Analyzer, AnalyzerOptions, TokenSink } from './analysis/analyzer.js';
export { parseArticle } from './ingest/article.js';
export type { ArticleWarning, ArticleWarningCode, ParsedArticle } from './ingest/article.js';
export { FOOTER_PATTERNS, MAX_FOOTER_LINE_LENGTH, isFooterLine } from './ingest/boilerplate.js';
export type { FooterPattern } from './ingest/boilerplate.js';
