/**
 * fahras: Arabic-first full-text search.
 * @module
 */
export { FahrasError } from './errors.js';
export type { FahrasErrorCode, FahrasErrorDetails } from './errors.js';
export type { Token } from './analysis/types.js';
export { analyze, createAnalyzer } from './analysis/analyzer.js';
export type { Analyzer, AnalyzerOptions, TokenSink } from './analysis/analyzer.js';
