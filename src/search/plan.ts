/**
 * Query plans: what the executor runs. A plan is a list of clauses; a clause is one query word
 * (or, once the query parser grows, a phrase, a prefix or a fuzzy expansion) made of term
 * sources, each naming term ids per field and a channel.
 *
 * {@link planQuery} is the plain parser: every word of the query becomes one optional clause
 * scoring its stem and its exact form. A richer parser (phrases, operators, prefix, fuzzy) builds
 * the same structures: it can add sources (several term ids for a prefix), mark clauses `must` or
 * `not`, and add source kinds the executor learns to score.
 *
 * ```ts
 * const plan = planQuery('وزير الخارجية', context);
 * plan.clauses.map((c) => c.label);   // ['وزير', 'الخارجية']
 * ```
 * @module
 */
import type { Analyzer } from '../analysis/analyzer.js';
import { Channel } from '../index/postings.js';
import type { ExpandedSource, PhraseSource } from './sources.js';

/** How a clause takes part: optional (`should`), required (`must`) or excluding (`not`). */
export type Occur = 'should' | 'must' | 'not';

/** One source of postings for a clause: a term per field in one channel. */
export interface TermSource {
  /** Source kind; the executor scores `term` sources from postings. */
  readonly kind: 'term';
  /** `termIds[f]`: the term id to read for field f, or -1 (field not matched by this source). */
  readonly termIds: Int32Array;
  /** Channel of the postings to read. */
  readonly channel: Channel;
  /** Multiplier of this source's BM25F score (e.g. the exact-form weight). */
  readonly weight: number;
}

/** Any source of a clause: one term, an expanded term set or a phrase (see `sources.ts`). */
export type PlanSource = TermSource | ExpandedSource | PhraseSource;

/** A unit of the query: counts once for "documents matching more query words first". */
export interface Clause {
  /** What the results' `match` reports for this clause (the query word as written). */
  readonly label: string;
  /** Optional, required or excluding. */
  readonly occur: Occur;
  /** Postings sources whose scores add up. A document matches the clause if any source matches. */
  readonly sources: readonly PlanSource[];
}

/** A query ready to run. */
export interface QueryPlan {
  /** Clauses in query order. */
  readonly clauses: readonly Clause[];
}

/** One analyzer of the index with the fields it serves. */
export interface AnalyzerGroup {
  /** The analyzer. */
  readonly analyzer: Analyzer;
  /** Field numbers analyzed by it. */
  readonly fields: readonly number[];
  /** The exact form indexed for a word with this stem and surface (see the engine). */
  exactForm(term: string, surface: string): string;
}

/** What planning needs from the index. */
export interface PlanContext {
  /** Number of fields. */
  readonly fieldCount: number;
  /** The analyzers and their fields. */
  readonly groups: readonly AnalyzerGroup[];
  /** Term id of a term string, -1 if unknown. */
  lookup(term: string): number;
  /** Weight of exact-form sources. */
  readonly exactBoost: number;
}

interface WordTerms {
  label: string;
  stems: Int32Array;
  exacts: Int32Array;
  key: string;
}

/**
 * Plan a plain query: each analyzed word becomes a `should` clause (or `must` when `required`)
 * with a stem source and an exact-form source; repeated words count once. Stopwords and words
 * without letters yield no clause. Words unknown to the index still yield a clause (which matches
 * nothing), so `combine: 'and'` with an unknown word finds nothing.
 */
export function planQuery(query: string, context: PlanContext, required = false): QueryPlan {
  const F = context.fieldCount;
  const words = new Map<string, WordTerms>();
  const order: WordTerms[] = [];
  context.groups.forEach((group, g) => {
    group.analyzer.run(query, (term, surface, start, end) => {
      const span = `${start}:${end}`;
      let word = words.get(span);
      if (word === undefined) {
        word = { label: query.slice(start, end), stems: new Int32Array(F).fill(-1), exacts: new Int32Array(F).fill(-1), key: '' };
        words.set(span, word);
        order.push(word);
      }
      const exactForm = group.exactForm(term, surface);
      const stem = context.lookup(term);
      const exact = context.lookup(exactForm);
      for (const f of group.fields) {
        word.stems[f] = stem;
        word.exacts[f] = exact;
      }
      word.key += `${g}\u0000${term}\u0000${exactForm}\u0001`;
    });
  });
  const seen = new Set<string>();
  const clauses: Clause[] = [];
  for (const word of order) {
    if (seen.has(word.key)) continue;
    seen.add(word.key);
    clauses.push({
      label: word.label,
      occur: required ? 'must' : 'should',
      sources: [
        { kind: 'term', termIds: word.stems, channel: Channel.Stem, weight: 1 },
        { kind: 'term', termIds: word.exacts, channel: Channel.Exact, weight: context.exactBoost },
      ],
    });
  }
  return { clauses };
}
