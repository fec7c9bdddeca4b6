/**
 * The relevance sets' file format (bench/relevance/queries.json, queries-typing.json).
 * @module
 */

/** The ways a query was rewritten from the article's words; see perturb.ts for each rule. */
export type PerturbationName = BasicPerturbationName | TypingPerturbationName;

/** The rules of queries.json (generate.ts). */
export type BasicPerturbationName =
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

/** The rules of queries-typing.json (generate-typing.ts): habits queries.json does not have. */
export type TypingPerturbationName =
  | 'typo-neighbour'
  | 'typo-drop'
  | 'typo-swap'
  | 'typo-double'
  | 'pronoun'
  | 'teh-suffix'
  | 'dual'
  | 'plural'
  | 'al-clitic'
  | 'alef-initial'
  | 'corpus-variant'
  | 'split-join'
  | 'word-order'
  | 'stopword'
  | 'question';

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
