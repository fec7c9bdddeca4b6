/** The executor on hand-built plans: what a query parser (phrases, operators) can rely on. */
import { describe, expect, it } from 'vitest';
import { Channel } from '../../src/index/postings.js';
import { Searcher } from '../../src/search/execute.js';
import type { ExecuteParams } from '../../src/search/execute.js';
import type { Clause, Occur, QueryPlan } from '../../src/search/plan.js';
import { articleIndex } from '../engine/helpers.js';

const index = articleIndex();
const { terms, postings, docs, options } = index.internals;
const context = { postings, docs, k1: options.k1, bs: options.bs };
const params: ExecuteParams = { weights: Float64Array.from(options.boosts), combine: 'or', limit: 10, offset: 0, filter: undefined, facets: [] };

function clause(stem: string, occur: Occur = 'should'): Clause {
  const id = terms.lookup(stem);
  return { label: stem, occur, sources: [{ kind: 'term', termIds: Int32Array.from(options.fields, () => id), channel: Channel.Stem, weight: 1 }] };
}

function run(plan: QueryPlan, extra: Partial<ExecuteParams> = {}): string[] {
  const raw = new Searcher().execute(plan, context, { ...params, ...extra });
  return Array.from(raw.docs.subarray(0, raw.count), (d) => docs.externalId(d) as string);
}

describe('Searcher on hand-built plans', () => {
  it('should clauses: any match; more clauses matched first', () => {
    expect(run({ clauses: [clause('وزير'), clause('كتاب')] })).toEqual(['a6', 'a3']);
  });

  it('must clauses are required, not clauses exclude', () => {
    expect(run({ clauses: [clause('وزير', 'must'), clause('كتاب')] }).sort()).toEqual(['a3', 'a6']);
    expect(run({ clauses: [clause('وزير', 'must'), clause('كتاب', 'must')] })).toEqual(['a6']);
    expect(run({ clauses: [clause('وزير'), clause('كتاب', 'not')] })).toEqual(['a3']);
    expect(run({ clauses: [clause('كتاب', 'not')] })).toEqual([]);
  });

  it("combine 'and' makes should clauses required but leaves not clauses excluding", () => {
    expect(run({ clauses: [clause('وزير'), clause('مصر'), clause('كتاب', 'not')] }, { combine: 'and' })).toEqual(['a3']);
  });

  it('a clause may read several terms (as a prefix or fuzzy expansion will); it counts once', () => {
    const expanded: Clause = { ...clause('وزير'), sources: [...clause('وزير').sources, ...clause('كتاب').sources] };
    const raw = new Searcher().execute({ clauses: [expanded] }, context, params);
    expect(raw.total).toBe(2);
    expect(Array.from(raw.masks.subarray(0, raw.count)).every((m) => m !== 0)).toBe(true);
  });

  it('an empty plan matches nothing', () => {
    expect(run({ clauses: [] })).toEqual([]);
  });
});
