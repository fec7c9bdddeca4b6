/**
 * The one small interface every library in the benchmark is driven through, so that each
 * concern (indexing, query, memory, relevance) is written once for all of them.
 * @module
 */
import type { CorpusArticle } from '../../tools/corpus.js';

/** Options of one timed search. */
export interface PeerSearchOptions {
  /** Maximum number of ids to return. */
  limit: number;
  /** As-you-type: the last query word may be the start of a longer word. */
  prefix?: boolean;
  /** Maximum edit distance per query word (absolute, not a fraction). */
  fuzzy?: number;
}

/** What a library can do beyond plain search; missing features are reported as "n/a". */
export interface PeerFeatures {
  /** Honours {@link PeerSearchOptions.prefix}. */
  prefix: boolean;
  /** Honours {@link PeerSearchOptions.fuzzy}. */
  fuzzy: boolean;
  /** Implements {@link Peer.exportBytes} and {@link Peer.load}. */
  export: boolean;
  /** Implements {@link Peer.search} at all (the split+Map floor does not). */
  search: boolean;
}

/** One library, configured, holding at most one index at a time. */
export interface Peer {
  /** Feature flags; a concern skips what a peer lacks and prints "n/a". */
  readonly features: PeerFeatures;
  /** Index `docs` (replacing any earlier index). Synchronous where the library allows. */
  build(docs: readonly CorpusArticle[]): void | Promise<void>;
  /** Number of documents the current index holds, counted by the library itself where it can. */
  count(docs: readonly CorpusArticle[]): number;
  /** Ids of the best `limit` documents for `query`, best first. */
  search(query: string, options: PeerSearchOptions): string[];
  /** The current index serialized the way the library documents it (bytes as stored on disk). */
  exportBytes?(): Uint8Array | Promise<Uint8Array>;
  /** Replace the current index with one loaded from {@link Peer.exportBytes}' output. */
  load?(bytes: Uint8Array): void | Promise<void>;
}

/** Thrown by a peer factory when the library cannot run yet (not a benchmark failure). */
export class PeerUnavailable extends Error {
  override readonly name = 'PeerUnavailable';
}
