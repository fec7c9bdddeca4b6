/**
 * The relevance set's file format (bench/relevance/queries.json).
 * @module
 */

/** The ways a query was rewritten from the article's words; see perturb.ts for each rule. */
export type PerturbationName =
  | 'hamza-alef'
  | 'hamza-seat'
  | 'teh-marbuta'
  | 'alef-maksura'
  | 'al-drop'
  | 'al-add'
  | 'clitic'
  | 'singular'
  | 'diacritic'
  | 'tatweel'
  | 'persian';

/** One query with its relevant article ids. */
export interface RelevanceQuery {
  /** Stable id within the set (k… known-item, t… topical). */
  id: string;
  /** known-item: one relevant article; topical: every article whose title has all the words. */
  kind: 'known-item' | 'topical';
  /** Where the words came from. */
  from: 'title' | 'body';
  /** The query as a reader types it. */
  query: string;
  /** Relevant ANT ids. */
  relevant: string[];
  /** The rewrites applied, in application order ([] for an untouched control query). */
  perturbations: PerturbationName[];
}

/** The whole file. */
export interface RelevanceSet {
  description: string;
  generator: string;
  seed: number;
  corpus: string;
  counts: Record<string, number>;
  queries: RelevanceQuery[];
}
