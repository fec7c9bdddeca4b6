/** The messages between the demo page and the search worker (worker.ts). */

/** One article of data/sample-articles.json. */
export interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
}

/** The stored fields of the saved sample index. */
export type Stored = 'title' | 'category';

/** Page → worker. */
export type FromPage =
  /** Fetch the saved index at `url` and load it. */
  | { readonly type: 'load'; readonly url: string }
  /** Search; the answer carries the same `id`. */
  | { readonly type: 'search'; readonly id: number; readonly query: string; readonly limit: number };

/** One result as the worker sends it (plain data: structured-clone friendly). */
export interface WorkerHit {
  readonly id: string;
  readonly score: number;
  readonly title: string;
  readonly category: string;
}

/** Worker → page. */
export type ToPage =
  /** The index is loaded: its size, the bytes fetched, and the time to fetch and load (ms). */
  | { readonly type: 'ready'; readonly documents: number; readonly bytes: number; readonly ms: number }
  /** The answer to a search. */
  | { readonly type: 'results'; readonly id: number; readonly query: string; readonly total: number; readonly ms: number; readonly hits: readonly WorkerHit[] }
  /** A failure; `id` is the search's, or undefined for a failed load. */
  | { readonly type: 'error'; readonly id: number | undefined; readonly message: string };
