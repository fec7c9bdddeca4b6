/** The executor on hand-built plans: what a query parser (phrases, operators) can rely on. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex } from '../../src/engine.js';
import { Channel, PostingCursor } from '../../src/index/postings.js';
import { Bm25fScorer } from '../../src/scoring/bm25f.js';
import { Searcher } from '../../src/search/execute.js';
import type { ExecuteParams, ExecutionContext } from '../../src/search/execute.js';
import { FacetCounter } from '../../src/search/facets.js';
import type { Clause, Occur, PlanSource, QueryPlan } from '../../src/search/plan.js';
import { collectExtra } from '../../src/search/sources.js';
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

/**
 * The executor against a reference written plainly: term-at-a-time scoring of every document of
 * every source into a map, then a full sort. Same arithmetic in the same order, so the scores must
 * be equal to the bit, and the pages, totals, matched fields and facets the same.
 */
describe('Searcher equals a plain term-at-a-time reference (property)', () => {
  interface Row {
    id: number;
    title: string;
    cat: string;
    body: string;
  }
  const WORDS = ['كتاب', 'والكتاب', 'مدرسة', 'وزير', 'الوزير', 'تونس', 'مصر', 'سفير', 'نفط', 'بطولة', 'مباراة', 'كتب'];
  const CATS = ['سياسة', 'رياضة', 'اقتصاد'];

  function reference(plan: QueryPlan, context: ExecutionContext, p: ExecuteParams): { total: number; docs: number[]; scores: number[]; masks: number[]; facets: unknown } {
    const { postings, docs } = context;
    const F = docs.fieldCount;
    const scorer = new Bm25fScorer(docs, { k1: context.k1, b: context.bs }, p.weights);
    const cursor = new PostingCursor(F);
    const acc = new Map<number, { score: number; matched: number; required: number; masks: number[] }>();
    const excluded = new Set<number>();
    let requiredClauses = 0;
    plan.clauses.forEach((clause, c) => {
      const occur = clause.occur === 'should' && p.combine === 'and' ? 'must' : clause.occur;
      if (occur === 'must') requiredClauses++;
      const inClause = new Set<number>();
      for (const source of clause.sources) {
        const found = new Map<number, { w: number; mask: number }>();
        const add = (d: number, w: number, mask: number): void => {
          const e = found.get(d);
          if (e === undefined) found.set(d, { w, mask });
          else {
            e.w = e.w + w;
            e.mask |= mask;
          }
        };
        const read = (term: number, channel: Channel, fields: number, weight: number | undefined): void => {
          cursor.reset(postings, term, channel);
          while (cursor.next()) {
            const d = cursor.doc;
            const mask = cursor.fieldMask & fields;
            if (docs.removed[d] === 1 || mask === 0) continue;
            const w = weight === undefined ? scorer.weightedTf(d, cursor.tf, mask) : scorer.weightedTf(d, cursor.tf, mask) * weight;
            if (w > 0) add(d, w, mask);
          }
        };
        if (source.kind === 'term') {
          const seen = new Set<number>();
          for (const term of source.termIds) {
            if (term < 0 || seen.has(term)) continue;
            seen.add(term);
            let fields = 0;
            source.termIds.forEach((t, g) => {
              if (t === term) fields |= 1 << g;
            });
            fields &= scorer.fieldMask;
            if (fields !== 0) read(term, source.channel, fields, undefined);
          }
        } else if (source.kind === 'expanded') {
          source.terms.forEach((term, i) => {
            const wanted = source.fields[i]! & scorer.fieldMask;
            if (wanted !== 0) read(term, source.channel, wanted, source.termWeights[i]!);
          });
        } else {
          collectExtra(source, postings, docs.removed, scorer, cursor, add);
        }
        if (found.size === 0) continue;
        const idf = scorer.idf(found.size);
        for (const [d, { w, mask }] of found) {
          if (occur === 'not') {
            excluded.add(d);
            continue;
          }
          let e = acc.get(d);
          if (e === undefined) acc.set(d, (e = { score: 0, matched: 0, required: 0, masks: new Array<number>(plan.clauses.length).fill(0) }));
          e.score = e.score + source.weight * idf * scorer.saturate(w);
          if (!inClause.has(d)) {
            inClause.add(d);
            e.matched++;
            if (occur === 'must') e.required++;
          }
          e.masks[c] = e.masks[c]! | mask;
        }
      }
    });
    const facets = p.facets.length > 0 ? new FacetCounter(p.facets) : undefined;
    const rows = [...acc.entries()].filter(([d, e]) => {
      if (excluded.has(d) || e.required < requiredClauses) return false;
      const stored = docs.storedFields(d) ?? {};
      if (p.filter !== undefined && !p.filter(stored)) return false;
      facets?.count(stored);
      return true;
    });
    rows.sort(([da, a], [db, b]) => b.matched - a.matched || b.score - a.score || da - db);
    const page = rows.slice(p.offset, p.offset + p.limit);
    return { total: rows.length, docs: page.map(([d]) => d), scores: page.map(([, e]) => e.score), masks: page.flatMap(([, e]) => e.masks), facets: facets?.result() };
  }

  const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));
  const scenario = fc.record({
    docs: fc.array(fc.record({ title: words, cat: fc.constantFrom(...CATS), body: words }), { minLength: 1, maxLength: 90 }),
    removals: fc.array(fc.nat(100), { maxLength: 12 }),
    vacuum: fc.boolean(),
    clauses: fc.array(
      fc.record({
        occur: fc.constantFrom<Occur>('should', 'should', 'must', 'not'),
        sources: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('term' as const), word: fc.constantFrom(...WORDS), channel: fc.constantFrom<Channel>(Channel.Stem, Channel.Exact), weight: fc.constantFrom(1, 0.5) }),
            fc.record({ kind: fc.constant('expanded' as const), words: fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 1, max: 7 }), fc.constantFrom(1, 0.2, 0.75)), { minLength: 1, maxLength: 4 }), channel: fc.constantFrom<Channel>(Channel.Stem, Channel.Exact), weight: fc.constantFrom(1, 0.35) }),
            fc.record({ kind: fc.constant('phrase' as const), words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }) }),
          ),
          { minLength: 0, maxLength: 3 },
        ),
      }),
      { maxLength: 10 },
    ),
    weights: fc.tuple(fc.constantFrom(0, 1, 3), fc.constantFrom(0, 2), fc.constantFrom(1, 0.5)),
    combine: fc.constantFrom<'or' | 'and'>('or', 'and'),
    limit: fc.constantFrom(0, 1, 3, 10, 1000),
    offset: fc.constantFrom(0, 0, 2, 7),
    filter: fc.constantFrom(undefined, 'سياسة', 'رياضة'),
    facets: fc.boolean(),
    k1: fc.constantFrom(0, 0.5, 1.2, 2), // 0: every match saturates to 1, the score bounds are tight
  });

  it('on random indexes and plans (should / must / not, terms, expansions, phrases, removals, filters, facets, pages)', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const index = createIndex<Row>({ id: 'id', fields: { title: { boost: 3 }, cat: { boost: 2 }, body: {} }, store: ['cat'], vacuumThreshold: false, k1: sc.k1 });
        index.addAll(sc.docs.map((d, id) => ({ id, ...d })));
        for (const r of sc.removals) index.remove(r);
        if (sc.vacuum) index.vacuum();
        const x = index.internals;
        const F = 3;
        const stem = (w: string): number => x.terms.lookup(x.analyzers[0]!.stemWord(x.analyzers[0]!.normalizeWord(w)));
        const plan: QueryPlan = {
          clauses: sc.clauses.map((cl, c) => ({
            label: `c${c}`,
            occur: cl.occur,
            sources: cl.sources.map((s): PlanSource => {
              if (s.kind === 'term') return { kind: 'term', termIds: new Int32Array(F).fill(stem(s.word)), channel: s.channel, weight: s.weight };
              if (s.kind === 'expanded') {
                const known = s.words.filter(([w]) => stem(w) >= 0);
                return { kind: 'expanded', channel: s.channel, weight: s.weight, terms: Int32Array.from(known, ([w]) => stem(w)), fields: Int32Array.from(known, ([, m]) => m), termWeights: Float64Array.from(known, ([, , tw]) => tw) };
              }
              return { kind: 'phrase', weight: 1, words: s.words.map((w) => new Int32Array(F).fill(stem(w))), offsets: Int32Array.from(s.words, (_, i) => i) };
            }),
          })),
        };
        const context = { postings: x.postings, docs: x.docs, k1: x.options.k1, bs: x.options.bs };
        const p: ExecuteParams = {
          weights: Float64Array.from(sc.weights),
          combine: sc.combine,
          limit: sc.limit,
          offset: sc.offset,
          filter: sc.filter === undefined ? undefined : (stored) => stored['cat'] === sc.filter,
          facets: sc.facets ? ['cat'] : [],
        };
        const want = reference(plan, context, p);
        // The default Searcher, one reused across queries, and one keeping almost nothing between passes.
        for (const searcher of [shared, new Searcher(), new Searcher(5)]) {
          const got = searcher.execute(plan, context, p);
          expect(got.total).toBe(want.total);
          expect(Array.from(got.docs.subarray(0, got.count))).toEqual(want.docs);
          expect(Array.from(got.scores.subarray(0, got.count))).toEqual(want.scores);
          expect(Array.from(got.masks)).toEqual(want.masks);
          expect(got.facets).toEqual(want.facets);
        }
      }),
      { numRuns: 300 },
    );
  });
  const shared = new Searcher();
});
