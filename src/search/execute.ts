/**
 * Runs a {@link QueryPlan}: term-at-a-time BM25F scoring into per-document accumulators, then
 * filtering, facet counting and bounded top-k selection.
 *
 * For each clause and each of its sources, the postings of the source's term ids are read once;
 * each live document gets its BM25F weighted tf (fields weighted and length-normalized), the
 * source's document frequency is the number of such documents (so removed documents never
 * count), and each document's score grows by `weight · idf · saturate(tf~)`. A document's rank
 * key is (clauses matched, score, insertion order).
 *
 * ```ts
 * const searcher = new Searcher();
 * const raw = searcher.execute(plan, context, params);
 * raw.docs.subarray(0, raw.count);   // internal ids, best first
 * ```
 * Scratch arrays are reused between queries, so a Searcher runs one query at a time.
 * @module
 */
import { growInt32 } from '../index/arrays.js';
import type { DocumentTable } from '../index/documents.js';
import { PostingCursor } from '../index/postings.js';
import type { Postings } from '../index/postings.js';
import { Bm25fScorer } from '../scoring/bm25f.js';
import { FacetCounter } from './facets.js';
import type { FacetCount } from './facets.js';
import type { StoredPredicate } from './filter.js';
import type { PlanSource, QueryPlan } from './plan.js';
import { collectExtra } from './sources.js';
import { TopK } from './topk.js';

/** What the executor reads. */
export interface ExecutionContext {
  /** The postings. */
  readonly postings: Postings;
  /** The document table (tombstones, lengths, stored fields, statistics). */
  readonly docs: DocumentTable<Record<string, unknown>>;
  /** BM25 k1. */
  readonly k1: number;
  /** Per-field BM25 b. */
  readonly bs: Float64Array;
}

/** Per-query parameters. */
export interface ExecuteParams {
  /** Per-field weight (boost × query boost; 0 = not searched). */
  readonly weights: Float64Array;
  /** `'and'` makes every non-excluding clause required. */
  readonly combine: 'or' | 'and';
  /** Results wanted after `offset`. */
  readonly limit: number;
  /** Results skipped. */
  readonly offset: number;
  /** Keep only documents whose stored fields pass. */
  readonly filter: StoredPredicate | undefined;
  /** Stored fields to count values of. */
  readonly facets: readonly string[];
}

/** The executor's answer, in internal ids. */
export interface RawResults {
  /** Number of matching documents (after filter), all pages. */
  readonly total: number;
  /** Number of results in this page. */
  readonly count: number;
  /** Internal document ids, best first (`count` valid entries). */
  readonly docs: Int32Array;
  /** Scores, parallel to `docs`. */
  readonly scores: Float64Array;
  /** `masks[r * clauses + c]`: fields (bits) in which clause c matched result r. */
  readonly masks: Int32Array;
  /** Facet counts, when facets were requested. */
  readonly facets: Record<string, FacetCount[]> | undefined;
}

/** Executes plans; owns reusable scratch arrays. */
export class Searcher {
  /** True while a query runs (a filter that searches again must use another Searcher). */
  busy = false;
  private stamp = 0;
  private touchMark = new Int32Array(0);
  private sourceMark = new Int32Array(0);
  private clauseMark = new Int32Array(0);
  private resultMark = new Int32Array(0);
  private excludedMark = new Int32Array(0);
  private acc = new Float64Array(0);
  private sourceW = new Float64Array(0);
  private sourceFields = new Int32Array(0);
  private matched = new Int32Array(0);
  private required = new Int32Array(0);
  private hitIndex = new Int32Array(0);
  private touched = new Int32Array(1024);
  private sourceDocs = new Int32Array(1024);
  private hitDocs = new Int32Array(1024);
  private hitMasks = new Int32Array(1024);
  private readonly top = new TopK();
  private cursor: PostingCursor | null = null;

  private ensureDocs(n: number): void {
    if (this.acc.length >= n) return;
    const size = Math.max(n, Math.ceil(this.acc.length * 1.5));
    this.touchMark = new Int32Array(size);
    this.sourceMark = new Int32Array(size);
    this.clauseMark = new Int32Array(size);
    this.resultMark = new Int32Array(size);
    this.excludedMark = new Int32Array(size);
    this.acc = new Float64Array(size);
    this.sourceW = new Float64Array(size);
    this.sourceFields = new Int32Array(size);
    this.matched = new Int32Array(size);
    this.required = new Int32Array(size);
    this.hitIndex = new Int32Array(size);
    this.stamp = 0;
  }

  private nextStamp(): number {
    if (this.stamp >= 0x7ffffff0) {
      this.touchMark.fill(0);
      this.sourceMark.fill(0);
      this.clauseMark.fill(0);
      this.resultMark.fill(0);
      this.excludedMark.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Run `plan`. */
  execute(plan: QueryPlan, context: ExecutionContext, params: ExecuteParams): RawResults {
    this.busy = true;
    try {
      return this.run(plan, context, params);
    } finally {
      this.busy = false;
    }
  }

  private run(plan: QueryPlan, context: ExecutionContext, params: ExecuteParams): RawResults {
    const docs = context.docs;
    const F = docs.fieldCount;
    this.ensureDocs(docs.capacity);
    if (this.cursor === null || this.cursor.fieldCount !== F) this.cursor = new PostingCursor(F);
    const scorer = new Bm25fScorer(docs, { k1: context.k1, b: context.bs }, params.weights);
    const queryStamp = this.nextStamp();
    const clauses = plan.clauses;
    const C = clauses.length;
    const clauseHitStart = new Int32Array(C + 1);
    let touchedCount = 0;
    let hitCount = 0;
    let requiredClauses = 0;
    const excludeStamp = queryStamp;

    for (let c = 0; c < C; c++) {
      const clause = clauses[c]!;
      const occur = clause.occur === 'should' && params.combine === 'and' ? 'must' : clause.occur;
      if (occur === 'must') requiredClauses++;
      const clauseStamp = this.nextStamp();
      clauseHitStart[c] = hitCount;
      for (const source of clause.sources) {
        const n = this.collectSource(source, context, scorer);
        if (n === 0) continue;
        const idf = scorer.idf(n);
        const sourceDocs = this.sourceDocs;
        for (let i = 0; i < n; i++) {
          const d = sourceDocs[i]!;
          if (occur === 'not') {
            this.excludedMark[d] = excludeStamp;
            continue;
          }
          if (this.touchMark[d] !== queryStamp) {
            this.touchMark[d] = queryStamp;
            this.acc[d] = 0;
            this.matched[d] = 0;
            this.required[d] = 0;
            if (touchedCount === this.touched.length) this.touched = growInt32(this.touched, touchedCount + 1);
            this.touched[touchedCount++] = d;
          }
          this.acc[d] = this.acc[d]! + source.weight * idf * scorer.saturate(this.sourceW[d]!);
          if (this.clauseMark[d] !== clauseStamp) {
            this.clauseMark[d] = clauseStamp;
            this.matched[d] = this.matched[d]! + 1;
            if (occur === 'must') this.required[d] = this.required[d]! + 1;
            if (hitCount === this.hitDocs.length) {
              this.hitDocs = growInt32(this.hitDocs, hitCount + 1);
              this.hitMasks = growInt32(this.hitMasks, hitCount + 1);
            }
            this.hitIndex[d] = hitCount;
            this.hitDocs[hitCount] = d;
            this.hitMasks[hitCount++] = this.sourceFields[d]!;
          } else {
            const h = this.hitIndex[d]!;
            this.hitMasks[h] = this.hitMasks[h]! | this.sourceFields[d]!;
          }
        }
      }
    }
    clauseHitStart[C] = hitCount;

    // Select.
    const top = this.top;
    top.reset(params.offset + params.limit);
    const filter = params.filter;
    const facets = params.facets.length > 0 ? new FacetCounter(params.facets) : undefined;
    let total = 0;
    const touched = this.touched;
    for (let i = 0; i < touchedCount; i++) {
      const d = touched[i]!;
      if (this.excludedMark[d] === excludeStamp) continue;
      if (this.required[d]! < requiredClauses) continue;
      if (filter !== undefined || facets !== undefined) {
        const stored = docs.storedFields(d) ?? {};
        if (filter !== undefined && !filter(stored)) continue;
        facets?.count(stored);
      }
      total++;
      top.offer(d, this.matched[d]!, this.acc[d]!);
    }
    const kept = top.drain();
    const count = Math.max(0, kept - params.offset);
    const resultDocs = top.docs.slice(params.offset, kept);
    const scores = top.scores.slice(params.offset, kept);

    // Which clause matched which fields, for the page only.
    const masks = new Int32Array(count * C);
    if (count > 0 && C > 0) {
      const resultStamp = this.nextStamp();
      for (let r = 0; r < count; r++) {
        const d = resultDocs[r]!;
        this.resultMark[d] = resultStamp;
        this.hitIndex[d] = r;
      }
      for (let c = 0; c < C; c++) {
        for (let h = clauseHitStart[c]!; h < clauseHitStart[c + 1]!; h++) {
          const d = this.hitDocs[h]!;
          if (this.resultMark[d] === resultStamp) masks[this.hitIndex[d]! * C + c] = this.hitMasks[h]!;
        }
      }
    }
    return { total, count, docs: resultDocs, scores, masks, facets: facets?.result() };
  }

  /**
   * Read a source's postings into `sourceDocs` / `sourceW` / `sourceFields` (one entry per live
   * document with a positive weighted tf); returns the number of documents (its df).
   */
  private collectSource(source: PlanSource, context: ExecutionContext, scorer: Bm25fScorer): number {
    const cursor = this.cursor!;
    const removed = context.docs.removed;
    const stamp = this.nextStamp();
    let n = 0;
    if (source.kind !== 'term') {
      // Expanded term sets and phrases (sources.ts): same accumulation as below.
      collectExtra(source, context.postings, removed, scorer, cursor, (d, w, mask) => {
        n = this.accumulate(d, w, mask, stamp, n);
      });
      return n;
    }
    const ids = source.termIds;
    const F = ids.length;
    for (let f = 0; f < F; f++) {
      const term = ids[f]!;
      if (term < 0) continue;
      // Fields read with this term id (once per distinct id), restricted to searched fields.
      let fields = 0;
      let seenBefore = false;
      for (let g = 0; g < F; g++) {
        if (ids[g] !== term) continue;
        if (g < f) seenBefore = true;
        fields |= 1 << g;
      }
      if (seenBefore) continue;
      fields &= scorer.fieldMask;
      if (fields === 0) continue;
      cursor.reset(context.postings, term, source.channel);
      while (cursor.next()) {
        const d = cursor.doc;
        if (removed[d] === 1) continue;
        const mask = cursor.fieldMask & fields;
        if (mask === 0) continue;
        const w = scorer.weightedTf(d, cursor.tf, mask);
        if (!(w > 0)) continue;
        n = this.accumulate(d, w, mask, stamp, n);
      }
    }
    return n;
  }

  /**
   * Adds weight `w`, found in the fields of `mask`, to document `d` for the source being collected
   * (`stamp`); `n` is how many documents the source has reached so far. Returns the new count.
   */
  private accumulate(d: number, w: number, mask: number, stamp: number, n: number): number {
    if (this.sourceMark[d] !== stamp) {
      this.sourceMark[d] = stamp;
      this.sourceW[d] = w;
      this.sourceFields[d] = mask;
      if (n === this.sourceDocs.length) this.sourceDocs = growInt32(this.sourceDocs, n + 1);
      this.sourceDocs[n] = d;
      return n + 1;
    }
    this.sourceW[d] = this.sourceW[d]! + w;
    this.sourceFields[d] = this.sourceFields[d]! | mask;
    return n;
  }
}
