/**
 * What a worker sends back to the runner: one line on stdout, the marker then JSON.
 * @module
 */
import type { CheckResult } from './checks.js';
import type { DocSource } from './dataset.js';
import type { ExportResult } from './export.js';
import type { IndexingResult } from './indexing.js';
import type { QueryResult } from './query.js';
import type { RelevanceRun } from './relevance.js';

/** The marker in front of the worker's one JSON result line. */
export const RESULT_MARKER = '@@bench-result ';

/** Everything one worker measured. */
export interface WorkerResult {
  lib: string;
  size: number;
  source: DocSource;
  docs: number;
  bytes: number;
  status: 'ok' | 'failed' | 'unavailable';
  message?: string;
  indexing?: IndexingResult;
  export?: ExportResult | { na: string };
  query?: QueryResult;
  relevance?: RelevanceRun;
  checks: CheckResult[];
  /** Wall time of the whole worker process, set by the runner (ms). */
  elapsedMs?: number;
}

