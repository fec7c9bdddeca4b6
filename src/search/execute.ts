/**
 * Runs a {@link QueryPlan}: BM25F scoring of the documents that can reach the page, filtering,
 * facet counting and bounded top-k selection.
 *
 * A document's rank key is (clauses matched, score, insertion order); its score sums, over the
 * plan's sources in order, `weight · idf · saturate(tf~)`, where tf~ is the source's BM25F
 * weighted tf in the document (fields weighted and length-normalized; for a source of several
 * terms, the sum over them in order, each times its term weight) and the source's document
 * frequency is the number of live documents it matches (so removed documents never count).
 *
 * Two passes, both exact:
 * 1. match: every source's postings are decoded once (kept for pass 2 up to a budget); each live
 *    posting in a searched field makes its document match the source and the clause. This gives
 *    each source's document frequency, each document's clauses matched, and, after the exclusions,
 *    requirements and the filter, the total, the facets and how many documents match each number
 *    of clauses.
 * 2. score: rank is by clauses matched first, so only the documents matching at least `L` clauses
 *    can reach the page, `L` being the largest number such that `offset + limit` documents match
 *    `L` clauses or more. Only they are scored, from the decoded postings (a source's candidates
 *    found in its long lists by galloping search, in a dense list keeping its frequencies by
 *    rank, with nothing decoded), with every addition in the same order as
 *    scoring everything would make it, so scores are equal to the bit.
 * A two-word query whose words meet in enough documents scores just those documents.
 *
 * ```ts
 * const searcher = new Searcher();
 * const raw = searcher.execute(plan, context, params);
 * raw.docs.subarray(0, raw.count);   // internal ids, best first
 * ```
 * Scratch arrays are reused between queries, so a Searcher runs one query at a time.
 * @module
 */
import { growFloat64, growInt32 } from '../index/arrays.js';
import type { DocumentTable } from '../index/documents.js';
import { PostingBlock, PostingCursor } from '../index/postings.js';
import type { DenseList } from '../index/dense.js';
import { SKIP_INTERVAL } from '../index/dense.js';
import type { Channel, Postings } from '../index/postings.js';
import { Bm25fScorer } from '../scoring/bm25f.js';
import { FacetCounter } from './facets.js';
import type { FacetCount } from './facets.js';
import type { StoredPredicate } from './filter.js';
import type { PlanSource, QueryPlan } from './plan.js';
import type { PhraseSource } from './sources.js';
import { collectExtra } from './sources.js';
import { lowestBit, popcount, wordsFor } from '../index/bits.js';
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

/**
 * Most decoded postings kept between the two passes (about 20 bytes each with three fields); the
 * lists past it are decoded again for pass 2, so a hostile query costs time, not memory.
 */
export const KEPT_POSTINGS = 1 << 20;

/**
 * Smallest field weight and term weight for which a posting in a searched field is sure to give a
 * positive weighted tf (no underflow to 0); below them pass 1 computes the weighted tf to decide.
 */
const SAFE_FIELD_WEIGHT = 1e-250;
const SAFE_TERM_WEIGHT = 1e-20;

/** `listFields` of a list holding a phrase's matches (weighted tfs computed in pass 1). */
const PHRASE = -1;

// The bitsets of a query, each `words` long, one after the other in `bits`: the documents of the
// source being read, of the clause being read, excluded, in every required clause, eligible (then
// candidates), the bit planes of each document's number of clauses matched (plane j: bit j), then,
// for a plan of few sources, each source's documents.
const SOURCE = 0;
const CLAUSE = 1;
const EXCLUDED = 2;
const REQUIRED = 3;
const ELIGIBLE = 4;
const PLANES = 5;

/**
 * Most sources whose documents are kept apart, so that pass 2 knows which candidates to look for
 * in each source's lists (a plain query of a few words has 2 a word).
 */
const TRACKED_SOURCES = 8;

/** A list is searched for its documents to score (galloping) when it has this many times more postings. */
const GALLOP_RATIO = 4;

/** Clause counts up to which the documents per number of clauses matched are counted word-wise. */
const WORDWISE_LEVELS = 8;

/** Executes plans; owns reusable scratch arrays. */
export class Searcher {
  /** True while a query runs (a filter that searches again must use another Searcher). */
  busy = false;
  private stamp = 0;
  // Per document (indexed by internal id), touched for pass 2's candidates only.
  private sourceMark = new Int32Array(0);
  private resultMark = new Int32Array(0);
  private acc = new Float64Array(0);
  private sourceW = new Float64Array(0);
  private sourceFields = new Int32Array(0);
  private hitIndex = new Int32Array(0);
  // Bitsets (see above), `words` per set; words [dirtyLo, dirtyHi) may be non-zero in any of them.
  private bits = new Int32Array(0);
  private words = 0;
  private sets = 0;
  private dirtyLo = 0;
  private dirtyHi = 0;
  // Growing lists.
  private sourceDocs = new Int32Array(1024);
  private hitDocs = new Int32Array(1024);
  private hitMasks = new Int32Array(1024);
  private hitClauses = new Int32Array(1024);
  private hitCount = 0;
  /** The documents to score in one source, increasing. */
  private targets = new Int32Array(1024);
  /** The bitset words holding candidates (pass 2), increasing: `candidateWords[0, candidateCount)`. */
  private candidateWords = new Int32Array(64);
  private candidateCount = 0;
  private levels = new Int32Array(16);
  // The lists of pass 1, per list: term, fields read (PHRASE for a phrase's matches), term weight,
  // first entry in the block (-1: not kept) and entry count.
  private listTerm = new Int32Array(64);
  private listFields = new Int32Array(64);
  private listWeight = new Float64Array(64);
  private listStart = new Int32Array(64);
  private listCount = new Int32Array(64);
  /** The dense list a list was matched with in pass 1 (its postings not decoded), else undefined. */
  private listDense: (DenseList | undefined)[] = [];
  // Per source of the plan, in order: its clause, channel, document frequency (0 when it is not
  // scored), weight, and its lists [sourceLists[s], sourceLists[s + 1]).
  private sourceClause = new Int32Array(64);
  private sourceChannel = new Int32Array(64);
  private sourceDf = new Int32Array(64);
  private sourceWeight = new Float64Array(64);
  private sourceLists = new Int32Array(65);
  /** Per tracked source, the bitset words its documents lie in: [sourceLo, sourceHi). */
  private sourceLo = new Int32Array(64);
  private sourceHi = new Int32Array(64);
  /** Weighted tf of each phrase match, parallel to the block entries of phrase lists. */
  private phraseW = new Float64Array(256);
  /** Block entries kept for pass 2 (the query's decoded lists, up to the budget). */
  private kept = 0;
  /** Pass 2 scores every live posting of every source (see `run`). */
  private everyPosting = false;
  /** Sources whose documents have their own bitset (all of them, or 0 when there are too many). */
  private tracked = 0;
  /** Bit planes of the current query. */
  private planes = 0;
  /** Bytes of the kept lists' streams in the block. */
  private keptBytes = 0;
  /** A range of bitset words: of the clause being matched, then of all matching documents. */
  private rangeLo = 0;
  private rangeHi = 0;
  private readonly top = new TopK();
  private cursor: PostingCursor | null = null;
  private block: PostingBlock | null = null;

  /**
   * @param keptPostings - most decoded postings kept between the passes (default
   *   {@link KEPT_POSTINGS}); lists past it are decoded twice. Results do not depend on it.
   */
  constructor(private readonly keptPostings = KEPT_POSTINGS) {}

  /** Size the per-document arrays for `n` internal ids and the bitsets for `extra` sets past the fixed ones. */
  private ensureDocs(n: number, extra: number): void {
    if (this.acc.length < n) {
      const size = Math.max(n, Math.ceil(this.acc.length * 1.5));
      this.sourceMark = new Int32Array(size);
      this.resultMark = new Int32Array(size);
      this.acc = new Float64Array(size);
      this.sourceW = new Float64Array(size);
      this.sourceFields = new Int32Array(size);
      this.hitIndex = new Int32Array(size);
      this.stamp = 0;
    }
    const words = wordsFor(n);
    if (words > this.words || PLANES + extra > this.sets) {
      this.words = Math.max(words, Math.ceil(this.words * 1.5));
      this.sets = Math.max(PLANES + extra, this.sets);
      this.bits = new Int32Array(this.words * this.sets);
      this.dirtyLo = this.dirtyHi = 0;
    } else if (this.dirtyHi > this.dirtyLo) {
      // Clear what the previous query left (also after a filter threw).
      for (let set = 0; set < this.sets; set++) this.bits.fill(0, set * this.words + this.dirtyLo, set * this.words + this.dirtyHi);
      this.dirtyLo = this.dirtyHi = 0;
    }
  }

  private nextStamp(): number {
    if (this.stamp >= 0x7ffffff0) {
      this.sourceMark.fill(0);
      this.resultMark.fill(0);
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
      if (this.block !== null && this.block.capacity > this.keptPostings * 2) this.block.release();
    }
  }

  /** Register list `l`. */
  private addList(l: number, term: number, fields: number, weight: number): void {
    if (l >= this.listTerm.length) {
      this.listTerm = growInt32(this.listTerm, l + 1);
      this.listFields = growInt32(this.listFields, l + 1);
      this.listWeight = growFloat64(this.listWeight, l + 1);
      this.listStart = growInt32(this.listStart, l + 1);
      this.listCount = growInt32(this.listCount, l + 1);
    }
    this.listTerm[l] = term;
    this.listFields[l] = fields;
    this.listWeight[l] = weight;
  }

  /** Mark words [lo, hi) as possibly non-zero. */
  private dirty(lo: number, hi: number): void {
    if (this.dirtyHi <= this.dirtyLo) {
      this.dirtyLo = lo;
      this.dirtyHi = hi;
      return;
    }
    if (lo < this.dirtyLo) this.dirtyLo = lo;
    if (hi > this.dirtyHi) this.dirtyHi = hi;
  }

  private run(plan: QueryPlan, context: ExecutionContext, params: ExecuteParams): RawResults {
    const docs = context.docs;
    const F = docs.fieldCount;
    const clauses = plan.clauses;
    const C = clauses.length;
    const P = 32 - Math.clz32(C); // planes to count up to C
    let S = 0;
    for (const clause of clauses) S += clause.sources.length;
    this.tracked = S <= TRACKED_SOURCES ? S : 0;
    this.planes = P;
    this.ensureDocs(docs.capacity, P + this.tracked);
    if (this.cursor === null || this.cursor.fieldCount !== F) {
      this.cursor = new PostingCursor(F);
      this.block = new PostingBlock();
    }
    const scorer = new Bm25fScorer(docs, { k1: context.k1, b: context.bs }, params.weights);
    let safeWeights = true;
    for (let f = 0; f < F; f++) if (params.weights[f]! > 0 && !(params.weights[f]! >= SAFE_FIELD_WEIGHT)) safeWeights = false;
    this.kept = 0;
    this.keptBytes = 0;
    this.planLists(plan, scorer.fieldMask, S);
    const W = this.words;
    const bits = this.bits;
    const CL = CLAUSE * W;

    // Pass 1: decode, match, count.
    let requiredClauses = 0;
    let unionLo = W; // words of the documents matching some clause (not excluding)
    let unionHi = 0;
    let requiredLo = 0; // words of REQUIRED that may be set
    let requiredHi = 0;
    for (let s = 0, c = 0; c < C; c++) {
      const clause = clauses[c]!;
      const occur = clause.occur === 'should' && params.combine === 'and' ? 'must' : clause.occur;
      this.rangeLo = W;
      this.rangeHi = 0;
      const first = s;
      for (const source of clause.sources) {
        this.sourceDf[s] = this.matchSource(s, source, occur === 'not', context, scorer, safeWeights);
        s++;
      }
      const clauseLo = this.rangeLo;
      const clauseHi = this.rangeHi;
      if (occur === 'not') continue;
      // The clause's documents in CLAUSE (a tracked source's set is united into it here, an
      // untracked one's was in pass 1), emptied as read: added to each document's count of
      // clauses matched (bit planes, carry-save), and, for a required clause, intersected with
      // the documents of the required clauses before it.
      if (this.tracked > 0) {
        for (let t = first; t < s; t++) {
          const SRC = (PLANES + P + t) * W;
          const hi = this.sourceHi[t]!;
          for (let w = this.sourceLo[t]!; w < hi; w++) bits[CL + w] = bits[CL + w]! | bits[SRC + w]!;
        }
      }
      const must = occur === 'must';
      const RQ = REQUIRED * W;
      if (must && requiredClauses > 0) {
        for (let w = requiredLo; w < requiredHi; w++) bits[RQ + w] = bits[RQ + w]! & bits[CL + w]!;
      }
      const firstRequired = must && requiredClauses === 0;
      for (let w = clauseLo; w < clauseHi; w++) {
        let carry = bits[CL + w]!;
        bits[CL + w] = 0;
        if (firstRequired) bits[RQ + w] = carry;
        for (let j = 0; carry !== 0 && j < P; j++) {
          const at = (PLANES + j) * W + w;
          const plane = bits[at]!;
          bits[at] = plane ^ carry;
          carry &= plane;
        }
      }
      if (must) {
        if (firstRequired) {
          requiredLo = clauseLo;
          requiredHi = clauseHi;
        }
        requiredClauses++;
      }
      if (clauseLo < unionLo) unionLo = clauseLo;
      if (clauseHi > unionHi) unionHi = clauseHi;
    }
    this.rangeLo = unionLo;
    this.rangeHi = unionHi;

    const { total, floor, facets } = this.select(C, P, requiredClauses, docs, params);
    // Every matching document a candidate: each live posting of every source is to be scored.
    this.everyPosting = floor === 1 && requiredClauses === 0 && params.filter === undefined && !clauses.some((c) => c.occur === 'not');
    this.scoreCandidates(S, C, floor, params.offset + params.limit, context, scorer);
    return this.rank(C, total, facets, params);
  }

  /** Register the `S` sources and the lists of `plan` (none decoded yet). */
  private planLists(plan: QueryPlan, fieldMask: number, S: number): void {
    if (S + 1 > this.sourceLists.length) {
      this.sourceClause = growInt32(this.sourceClause, S);
      this.sourceChannel = growInt32(this.sourceChannel, S);
      this.sourceDf = growInt32(this.sourceDf, S);
      this.sourceWeight = growFloat64(this.sourceWeight, S);
      this.sourceLists = growInt32(this.sourceLists, S + 1);
      this.sourceLo = growInt32(this.sourceLo, S);
      this.sourceHi = growInt32(this.sourceHi, S);
    }
    let L = 0;
    let s = 0;
    plan.clauses.forEach((clause, c) => {
      for (const source of clause.sources) {
        this.sourceClause[s] = c;
        this.sourceWeight[s] = source.weight;
        this.sourceLists[s] = L;
        if (source.kind === 'phrase') {
          this.sourceChannel[s] = 0;
          this.addList(L++, -1, PHRASE, 1);
        } else if (source.kind === 'expanded') {
          this.sourceChannel[s] = source.channel;
          const { terms, fields, termWeights } = source;
          for (let i = 0; i < terms.length; i++) {
            const wanted = fields[i]! & fieldMask;
            if (wanted !== 0) this.addList(L++, terms[i]!, wanted, termWeights[i]!);
          }
        } else {
          this.sourceChannel[s] = source.channel;
          const ids = source.termIds;
          for (let f = 0; f < ids.length; f++) {
            const term = ids[f]!;
            if (term < 0) continue;
            // Fields read with this term id (once per distinct id), restricted to searched fields.
            let fields = 0;
            let seenBefore = false;
            for (let g = 0; g < ids.length; g++) {
              if (ids[g] !== term) continue;
              if (g < f) seenBefore = true;
              fields |= 1 << g;
            }
            if (seenBefore) continue;
            fields &= fieldMask;
            if (fields !== 0) this.addList(L++, term, fields, 1);
          }
        }
        s++;
      }
    });
    this.sourceLists[s] = L;
  }

  /**
   * Pass 1 for source `s`: decode its lists (keeping them for pass 2 within the budget) and add
   * the documents of its live postings to the CLAUSE bitset (EXCLUDED when `excluding`), widening
   * [rangeLo, rangeHi). Returns its document frequency (0 when `excluding`).
   */
  private matchSource(s: number, source: PlanSource, excluding: boolean, context: ExecutionContext, scorer: Bm25fScorer, safeWeights: boolean): number {
    const block = this.block!;
    const removed = context.docs.removed;
    const hasRemoved = context.docs.removedCount > 0;
    const bits = this.bits;
    const W = this.words;
    const keep = this.tracked > 0 && !excluding;
    const SRC = (keep ? PLANES + this.planes + s : SOURCE) * W;
    let df = 0;
    let sourceLo = W;
    let sourceHi = 0;
    for (let l = this.sourceLists[s]!; l < this.sourceLists[s + 1]!; l++) {
      const fields = this.listFields[l]!;
      const start = this.kept;
      let n: number;
      if (fields === PHRASE) {
        // A phrase's matches live in the block like a term's postings (tfs unused), always kept.
        this.listDense[l] = undefined;
        n = 0;
        collectExtra(source as PhraseSource, context.postings, removed, scorer, this.cursor!, (d, w, mask) => {
          this.phraseW = growFloat64(this.phraseW, start + n + 1);
          block.reserve(start + n + 1, start + n);
          block.docs[start + n] = d;
          block.masks[start + n] = mask;
          this.phraseW[start + n] = w;
          n++;
        });
      } else {
        // A dense list, when every posting counts (all its fields searched, no removed document,
        // weights that cannot underflow): its documents a word at a time, nothing decoded.
        const candidate = hasRemoved || !safeWeights || !(this.listWeight[l]! >= SAFE_TERM_WEIGHT) ? undefined : context.postings.dense(this.listTerm[l]!, this.sourceChannel[s] as Channel);
        const dense = candidate !== undefined && (candidate.fields & ~fields) === 0 ? candidate : undefined;
        this.listDense[l] = dense;
        if (dense !== undefined) {
          df += this.matchDense(dense, SRC);
          this.listStart[l] = -1;
          this.listCount[l] = dense.count;
          const lo = dense.lo;
          const hi = lo + dense.words.length;
          this.dirty(lo, hi);
          if (lo < sourceLo) sourceLo = lo;
          if (hi > sourceHi) sourceHi = hi;
          continue;
        }
        n = block.read(context.postings, this.listTerm[l]!, this.sourceChannel[s] as Channel, start, this.keptBytes);
      }
      this.listStart[l] = start;
      this.listCount[l] = n;
      if (fields !== PHRASE && (excluding || start + n > this.keptPostings)) {
        this.listStart[l] = -1; // not kept: pass 2 skips it or decodes it again
      } else {
        this.kept = start + n;
        if (fields !== PHRASE) this.keptBytes = block.end;
      }
      if (n === 0) continue;
      const bdocs = block.docs;
      let lo = bdocs[start]! >>> 5;
      let hi = (bdocs[start + n - 1]! >>> 5) + 1;
      if (fields === PHRASE) {
        for (let i = start; i < start + n; i++) {
          lo = Math.min(lo, bdocs[i]! >>> 5);
          hi = Math.max(hi, (bdocs[i]! >>> 5) + 1);
        }
      }
      this.dirty(lo, hi);
      if (lo < sourceLo) sourceLo = lo;
      if (hi > sourceHi) sourceHi = hi;
      // (A phrase's matches are live, in searched fields, with positive weighted tfs already.)
      const weight = this.listWeight[l]!;
      if (fields !== PHRASE && (!safeWeights || !(weight >= SAFE_TERM_WEIGHT))) {
        df += this.matchExactly(scorer, start, n, fields, weight, removed, SRC);
        continue;
      }
      const bmasks = block.masks;
      for (let i = start; i < start + n; i++) {
        const d = bdocs[i]!;
        if ((bmasks[i]! & fields) === 0 || (hasRemoved && removed[d] === 1)) continue;
        const at = SRC + (d >>> 5);
        const bit = 1 << (d & 31);
        const word = bits[at]!;
        if ((word & bit) === 0) {
          bits[at] = word | bit;
          df++;
        }
      }
    }
    // The source's documents join the clause's (or the excluded ones); a tracked source's are
    // joined when the clause is complete.
    if (!keep) {
      const to = excluding ? EXCLUDED * W : CLAUSE * W;
      for (let w = sourceLo; w < sourceHi; w++) {
        bits[to + w] = bits[to + w]! | bits[SRC + w]!;
        bits[SRC + w] = 0;
      }
    }
    this.sourceLo[s] = sourceLo;
    this.sourceHi[s] = sourceHi;
    if (sourceLo < this.rangeLo) this.rangeLo = sourceLo;
    if (sourceHi > this.rangeHi) this.rangeHi = sourceHi;
    return excluding ? 0 : df;
  }

  /** Pass 1's match of a dense list: its bitset words added to the set at `SRC`; returns the documents new there. */
  private matchDense(dense: DenseList, SRC: number): number {
    const bits = this.bits;
    const words = dense.words;
    const at = SRC + dense.lo;
    let added = 0;
    for (let i = 0; i < words.length; i++) {
      const x = words[i]!;
      if (x === 0) continue;
      const old = bits[at + i]!;
      const fresh = x & ~old;
      if (fresh !== 0) {
        bits[at + i] = old | x;
        added += popcount(fresh);
      }
    }
    return added;
  }

  /** Pass 1's match of block entries [start, start + n) for weights too small to trust: computes each weighted tf. */
  private matchExactly(scorer: Bm25fScorer, start: number, n: number, fields: number, weight: number, removed: Uint8Array, SRC: number): number {
    const block = this.block!;
    const bits = this.bits;
    let df = 0;
    for (let i = start; i < start + n; i++) {
      const d = block.docs[i]!;
      const mask = block.masks[i]! & fields;
      if (mask === 0 || removed[d] === 1 || !(this.postingTf(scorer, block, i, d, mask, weight) > 0)) continue;
      const at = SRC + (d >>> 5);
      const bit = 1 << (d & 31);
      if ((bits[at]! & bit) === 0) {
        bits[at] = bits[at]! | bit;
        df++;
      }
    }
    return df;
  }

  /**
   * The eligible documents (matching, not excluded, in every required clause, passing the
   * filter): their number, the facets, and the fewest clauses matched a page document can have.
   * Leaves the candidates (eligible, matching at least that many clauses) in ELIGIBLE, their
   * scores at 0.
   */
  private select(C: number, P: number, requiredClauses: number, docs: DocumentTable<Record<string, unknown>>, params: ExecuteParams): { total: number; floor: number; facets: FacetCounter | undefined } {
    const bits = this.bits;
    const W = this.words;
    const lo = this.rangeLo;
    const hi = this.rangeHi;
    const EL = ELIGIBLE * W;
    const EX = EXCLUDED * W;
    const RQ = REQUIRED * W;
    const filter = params.filter;
    const facets = params.facets.length > 0 ? new FacetCounter(params.facets) : undefined;
    const readsStored = filter !== undefined || facets !== undefined;
    if (this.levels.length < C + 2) this.levels = new Int32Array(C + 2);
    const levels = this.levels;
    levels.fill(0, 0, C + 2);
    let total = 0;
    for (let w = lo; w < hi; w++) {
      let any = 0;
      for (let j = 0; j < P; j++) any |= bits[(PLANES + j) * W + w]!;
      let e = any & ~bits[EX + w]!;
      if (requiredClauses > 0) e &= bits[RQ + w]!;
      bits[EL + w] = e;
      // Without a filter, the eligible documents are final: count them now.
      if (e !== 0 && !readsStored) total += this.countLevels(w, e, C, P);
    }
    if (readsStored) {
      for (let w = lo; w < hi; w++) {
        let e = bits[EL + w]!;
        for (let x = e; x !== 0; x &= x - 1) {
          const bit = lowestBit(x);
          const stored = docs.storedFields((w << 5) | bit) ?? {};
          if (filter !== undefined && !filter(stored)) {
            e &= ~(1 << bit);
            continue;
          }
          facets?.count(stored);
        }
        bits[EL + w] = e;
        if (e !== 0) total += this.countLevels(w, e, C, P);
      }
    }
    // The fewest clauses matched a page document can have; the candidates match at least as many.
    const k = params.offset + params.limit;
    let floor = C + 1;
    for (let reached = 0; floor > 1 && reached < k; ) reached += levels[--floor]!;
    if (floor > 1) {
      for (let w = lo; w < hi; w++) {
        const e = bits[EL + w]!;
        if (e !== 0) bits[EL + w] = e & this.atLeast(w, floor, P);
      }
    }
    return { total, floor, facets };
  }

  /** Add the eligible documents `e` of word `w` to `levels` by clauses matched; returns how many. */
  private countLevels(w: number, e: number, C: number, P: number): number {
    const bits = this.bits;
    const W = this.words;
    const levels = this.levels;
    const n = popcount(e);
    if (C === 1) {
      levels[1] = levels[1]! + n;
    } else if (C === 2) {
      // Plane 1 set: 2 clauses (3 is impossible).
      const two = popcount(e & bits[(PLANES + 1) * W + w]!);
      levels[2] = levels[2]! + two;
      levels[1] = levels[1]! + n - two;
    } else if (C <= WORDWISE_LEVELS) {
      for (let m = 1; m <= C; m++) {
        let eq = e;
        for (let j = 0; j < P; j++) eq &= (m >>> j) & 1 ? bits[(PLANES + j) * W + w]! : ~bits[(PLANES + j) * W + w]!;
        if (eq !== 0) levels[m] = levels[m]! + popcount(eq);
      }
    } else {
      for (let x = e; x !== 0; x &= x - 1) {
        const m = this.matchedAt(w, lowestBit(x), P);
        levels[m] = levels[m]! + 1;
      }
    }
    return n;
  }

  /** The documents of word `w` matching at least `m` clauses (word-wise comparison over the bit planes). */
  private atLeast(w: number, m: number, P: number): number {
    const bits = this.bits;
    const W = this.words;
    let greater = 0;
    let equal = -1;
    for (let j = P - 1; j >= 0; j--) {
      const plane = bits[(PLANES + j) * W + w]!;
      if ((m >>> j) & 1) equal &= plane;
      else {
        greater |= equal & plane;
        equal &= ~plane;
      }
    }
    return greater | equal;
  }

  /**
   * Pass 2: score the candidates (ELIGIBLE) and offer them to the top k. (Bounding scores by
   * `weight · idf · (k1 + 1)` per source to skip hopeless candidates was measured: the bound is too
   * loose to skip many, and finding them cost more than scoring them.)
   */
  private scoreCandidates(S: number, C: number, floor: number, k: number, context: ExecutionContext, scorer: Bm25fScorer): void {
    this.top.reset(k);
    this.hitCount = 0;
    if (floor > C || k === 0) return;
    const bits = this.bits;
    const EL = ELIGIBLE * this.words;
    // The words holding candidates, so that pass 2 visits no empty word.
    if (this.candidateWords.length < this.rangeHi - this.rangeLo) this.candidateWords = new Int32Array(this.words);
    const words = this.candidateWords;
    let count = 0;
    for (let w = this.rangeLo; w < this.rangeHi; w++) {
      const x = bits[EL + w]!;
      if (x === 0) continue;
      words[count++] = w;
      for (let y = x; y !== 0; y &= y - 1) this.acc[(w << 5) | lowestBit(y)] = 0;
    }
    this.candidateCount = count;
    this.scoreSet(EL, S, context, scorer);
    this.offerSet(EL, this.planes);
  }

  /** Offer the documents of the bitset at `set` (within the candidate words) to the top k. */
  private offerSet(set: number, P: number): void {
    const bits = this.bits;
    const words = this.candidateWords;
    for (let i = 0; i < this.candidateCount; i++) {
      const w = words[i]!;
      for (let x = bits[set + w]!; x !== 0; x &= x - 1) {
        const bit = lowestBit(x);
        const d = (w << 5) | bit;
        this.top.offer(d, this.matchedAt(w, bit, P), this.acc[d]!);
      }
    }
  }

  /**
   * Score the documents of the bitset at `set` (held in the candidate words), source by source, list by list, in plan order,
   * noting which fields each clause matched.
   */
  private scoreSet(set: number, S: number, context: ExecutionContext, scorer: Bm25fScorer): void {
    const block = this.block!;
    const bits = this.bits;
    const W = this.words;
    for (let t = 0; t < S; t++) {
      const df = this.sourceDf[t]!;
      if (df === 0) continue;
      // With the source's own bitset: the documents to score in it, increasing (none: skip it).
      let m = -1;
      if (this.tracked > 0 && !this.everyPosting) {
        const SRC = (PLANES + this.planes + t) * W;
        const words = this.candidateWords;
        m = 0;
        for (let i = 0; i < this.candidateCount; i++) {
          const w = words[i]!;
          const x = bits[set + w]! & bits[SRC + w]!;
          if (x === 0) continue;
          if (m + 32 > this.targets.length) this.targets = growInt32(this.targets, m + 32);
          for (let y = x; y !== 0; y &= y - 1) this.targets[m++] = (w << 5) | lowestBit(y);
        }
        if (m === 0) continue;
      }
      const sourceStamp = this.nextStamp();
      let n = 0;
      for (let l = this.sourceLists[t]!; l < this.sourceLists[t + 1]!; l++) {
        let start = this.listStart[l]!;
        let count = this.listCount[l]!;
        const fields = this.listFields[l]!;
        const dense = this.listDense[l];
        if (dense?.tfs !== undefined) {
          // A dense list keeping its frequencies: each document's found by rank, nothing decoded.
          if (this.everyPosting) n = this.scoreDenseAll(scorer, dense, fields, this.listWeight[l]!, sourceStamp, n);
          else if (m >= 0) n = this.scoreDenseTargets(scorer, dense, fields, this.listWeight[l]!, this.targets, m, sourceStamp, n);
          else n = this.scoreDenseSet(scorer, dense, fields, this.listWeight[l]!, set, sourceStamp, n);
          continue;
        }
        if (start < 0) {
          start = this.kept;
          // A dense list with few documents to score: just the blocks holding them.
          if (dense !== undefined && m >= 0 && 2 * m * SKIP_INTERVAL < count) count = block.readBlocks(context.postings, this.listTerm[l]!, this.sourceChannel[t] as Channel, dense, this.targets, m, start, this.keptBytes);
          else count = block.read(context.postings, this.listTerm[l]!, this.sourceChannel[t] as Channel, start, this.keptBytes);
        }
        if (fields === PHRASE) n = this.scorePhrase(start, count, set, sourceStamp, n);
        else if (this.everyPosting) n = this.scoreLive(scorer, block, start, count, fields, this.listWeight[l]!, context.docs.removed, sourceStamp, n);
        else if (m >= 0 && m * GALLOP_RATIO < count) n = this.scoreTargets(scorer, block, start, count, fields, this.listWeight[l]!, this.targets, m, sourceStamp, n);
        else n = this.scoreList(scorer, block, start, count, fields, this.listWeight[l]!, set, sourceStamp, n);
      }
      const weight = this.sourceWeight[t]! * scorer.idf(df);
      const c = this.sourceClause[t]!;
      const sourceDocs = this.sourceDocs;
      if (this.hitCount + n > this.hitDocs.length) {
        this.hitDocs = growInt32(this.hitDocs, this.hitCount + n);
        this.hitMasks = growInt32(this.hitMasks, this.hitCount + n);
        this.hitClauses = growInt32(this.hitClauses, this.hitCount + n);
      }
      let h = this.hitCount;
      for (let i = 0; i < n; i++) {
        const d = sourceDocs[i]!;
        this.acc[d] = this.acc[d]! + weight * scorer.saturate(this.sourceW[d]!);
        this.hitDocs[h] = d;
        this.hitMasks[h] = this.sourceFields[d]!;
        this.hitClauses[h++] = c;
      }
      this.hitCount = h;
    }
  }

  /** The page (the top k drained) and which clause matched which fields in each result. */
  private rank(C: number, total: number, facets: FacetCounter | undefined, params: ExecuteParams): RawResults {
    const top = this.top;
    const drained = top.drain();
    const count = Math.max(0, drained - params.offset);
    const resultDocs = top.docs.slice(params.offset, drained);
    const scores = top.scores.slice(params.offset, drained);
    const masks = new Int32Array(count * C);
    if (count > 0 && C > 0) {
      const resultStamp = this.nextStamp();
      for (let r = 0; r < count; r++) {
        const d = resultDocs[r]!;
        this.resultMark[d] = resultStamp;
        this.hitIndex[d] = r;
      }
      for (let h = 0; h < this.hitCount; h++) {
        const d = this.hitDocs[h]!;
        if (this.resultMark[d] !== resultStamp) continue;
        const at = this.hitIndex[d]! * C + this.hitClauses[h]!;
        masks[at] = masks[at]! | this.hitMasks[h]!;
      }
    }
    return { total, count, docs: resultDocs, scores, masks, facets: facets?.result() };
  }

  /** Clauses matched by the document at bit `bit` of word `w`, read from the bit planes. */
  private matchedAt(w: number, bit: number, P: number): number {
    let m = 0;
    for (let j = 0; j < P; j++) m |= ((this.bits[(PLANES + j) * this.words + w]! >>> bit) & 1) << j;
    return m;
  }

  /** Weighted tf of block entry `i` (document `d`) in the fields of `mask`, times `termWeight`. */
  private postingTf(scorer: Bm25fScorer, block: PostingBlock, i: number, d: number, mask: number, termWeight: number): number {
    let w = 0;
    for (let f = 0, m = mask; m !== 0; f++, m >>>= 1) {
      if ((m & 1) !== 0) w += scorer.fieldTf(d, f, block.tf(i, f));
    }
    return termWeight !== 1 ? w * termWeight : w;
  }

  /**
   * Add a list's postings of candidate documents (set in the bitset at `candidates`) to the source
   * being scored (`sourceStamp`, `n` documents so far): each one's weighted tf in the fields of
   * `fields`, times `termWeight`. Returns the new document count.
   */
  private scoreList(scorer: Bm25fScorer, block: PostingBlock, start: number, count: number, fields: number, termWeight: number, candidates: number, sourceStamp: number, n: number): number {
    const docs = block.docs;
    const bits = this.bits;
    for (let i = start; i < start + count; i++) {
      const d = docs[i]!;
      if ((bits[candidates + (d >>> 5)]! & (1 << (d & 31))) !== 0) n = this.addPosting(scorer, block, i, d, fields, termWeight, sourceStamp, n);
    }
    return n;
  }

  /** {@link Searcher.scoreList} when every live document is a candidate (no bitset to test). */
  private scoreLive(scorer: Bm25fScorer, block: PostingBlock, start: number, count: number, fields: number, termWeight: number, removed: Uint8Array, sourceStamp: number, n: number): number {
    const docs = block.docs;
    for (let i = start; i < start + count; i++) {
      const d = docs[i]!;
      if (removed[d] !== 1) n = this.addPosting(scorer, block, i, d, fields, termWeight, sourceStamp, n);
    }
    return n;
  }

  /**
   * {@link Searcher.scoreList} for few candidates: finds each of `targets[0, m)` (increasing
   * document ids) in the list by galloping search instead of visiting every posting.
   */
  private scoreTargets(scorer: Bm25fScorer, block: PostingBlock, start: number, count: number, fields: number, termWeight: number, targets: Int32Array, m: number, sourceStamp: number, n: number): number {
    const docs = block.docs;
    const end = start + count;
    let i = start;
    for (let j = 0; j < m && i < end; j++) {
      const d = targets[j]!;
      if (docs[i]! < d) {
        // Gallop: docs[i] < d ≤ docs[i + step] (or the end), then a binary search between.
        let step = 1;
        while (i + step < end && docs[i + step]! < d) {
          i += step;
          step <<= 1;
        }
        let lo = i + 1;
        let hi = Math.min(i + step, end);
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (docs[mid]! < d) lo = mid + 1;
          else hi = mid;
        }
        i = lo;
        if (i === end) break;
      }
      if (docs[i] === d) n = this.addPosting(scorer, block, i++, d, fields, termWeight, sourceStamp, n);
    }
    return n;
  }

  /** Add block entry `i` (document `d`) to the source being scored; returns the new document count. */
  private addPosting(scorer: Bm25fScorer, block: PostingBlock, i: number, d: number, fields: number, termWeight: number, sourceStamp: number, n: number): number {
    const all = block.masks[i]!;
    const mask = all & fields;
    if (mask === 0) return n;
    // The frequencies: one varint per field of the posting, read in field order.
    const bytes = block.bytes;
    let p = block.starts[i]!;
    let w = 0;
    for (let f = 0, m = all; m !== 0; f++, m >>>= 1) {
      if ((m & 1) === 0) continue;
      let b = bytes[p++]!;
      let tf = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        tf |= (b & 0x7f) << shift;
      }
      if ((fields >>> f) & 1) w += scorer.fieldTf(d, f, tf);
    }
    if (termWeight !== 1) w *= termWeight;
    return this.addWeighted(d, w, mask, sourceStamp, n);
  }

  /** Add weighted tf `w` (fields `mask`) of document `d` to the source being scored; returns the new document count. */
  private addWeighted(d: number, w: number, mask: number, sourceStamp: number, n: number): number {
    if (!(w > 0)) return n;
    if (this.sourceMark[d] !== sourceStamp) {
      this.sourceMark[d] = sourceStamp;
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

  /**
   * {@link Searcher.addPosting} for the posting of rank `r` (document `d`) of a dense list keeping
   * its frequencies: the same weighted tf, fields in increasing order.
   */
  private addDensePosting(scorer: Bm25fScorer, dense: DenseList, r: number, d: number, fields: number, termWeight: number, sourceStamp: number, n: number): number {
    const tfs = dense.tfs!;
    const F = dense.fieldCount;
    const at = r * F;
    let w = 0;
    let mask = 0;
    for (let f = 0; f < F; f++) {
      const tf = tfs[at + f]!;
      if (tf === 0 || ((fields >>> f) & 1) === 0) continue;
      w += scorer.fieldTf(d, f, tf);
      mask |= 1 << f;
    }
    if (mask === 0) return n;
    if (termWeight !== 1) w *= termWeight;
    return this.addWeighted(d, w, mask, sourceStamp, n);
  }

  /** {@link Searcher.scoreLive} for a dense list keeping its frequencies (dense lists are used only while no document is removed). */
  private scoreDenseAll(scorer: Bm25fScorer, dense: DenseList, fields: number, termWeight: number, sourceStamp: number, n: number): number {
    const words = dense.words;
    const lo = dense.lo;
    let r = 0;
    for (let i = 0; i < words.length; i++) {
      for (let x = words[i]!; x !== 0; x &= x - 1) n = this.addDensePosting(scorer, dense, r++, ((lo + i) << 5) | lowestBit(x), fields, termWeight, sourceStamp, n);
    }
    return n;
  }

  /** {@link Searcher.scoreTargets} for a dense list keeping its frequencies: each target found by rank. */
  private scoreDenseTargets(scorer: Bm25fScorer, dense: DenseList, fields: number, termWeight: number, targets: Int32Array, m: number, sourceStamp: number, n: number): number {
    for (let j = 0; j < m; j++) {
      const d = targets[j]!;
      const r = dense.rank(d);
      if (r >= 0) n = this.addDensePosting(scorer, dense, r, d, fields, termWeight, sourceStamp, n);
    }
    return n;
  }

  /** {@link Searcher.scoreList} for a dense list keeping its frequencies: the candidates of the bitset at `candidates` it holds. */
  private scoreDenseSet(scorer: Bm25fScorer, dense: DenseList, fields: number, termWeight: number, candidates: number, sourceStamp: number, n: number): number {
    const bits = this.bits;
    const words = dense.words;
    const lo = dense.lo;
    const cw = this.candidateWords;
    for (let i = 0; i < this.candidateCount; i++) {
      const w = cw[i]!;
      const k = w - lo;
      if (k < 0 || k >= words.length) continue;
      for (let x = bits[candidates + w]! & words[k]!; x !== 0; x &= x - 1) {
        const d = (w << 5) | lowestBit(x);
        n = this.addDensePosting(scorer, dense, dense.rank(d), d, fields, termWeight, sourceStamp, n);
      }
    }
    return n;
  }

  /** {@link Searcher.scoreList} for a phrase's matches (weighted tfs computed in pass 1). */
  private scorePhrase(start: number, count: number, candidates: number, sourceStamp: number, n: number): number {
    const block = this.block!;
    for (let i = start; i < start + count; i++) {
      const d = block.docs[i]!;
      if ((this.bits[candidates + (d >>> 5)]! & (1 << (d & 31))) === 0) continue;
      const w = this.phraseW[i]!;
      const mask = block.masks[i]!;
      if (this.sourceMark[d] !== sourceStamp) {
        this.sourceMark[d] = sourceStamp;
        this.sourceW[d] = w;
        this.sourceFields[d] = mask;
        if (n === this.sourceDocs.length) this.sourceDocs = growInt32(this.sourceDocs, n + 1);
        this.sourceDocs[n++] = d;
      } else {
        this.sourceW[d] = this.sourceW[d]! + w;
        this.sourceFields[d] = this.sourceFields[d]! | mask;
      }
    }
    return n;
  }
}
