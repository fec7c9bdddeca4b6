/**
 * Split and joined spellings: many names and compounds are written both as one word and as two
 * (فيسبوك / فيس بوك, كوالالمبور / كوالا لمبور, وستهام / وست هام, عبدالله / عبد الله), and a
 * reader types whichever they know. The index holds each spelling as it was written, so the two
 * never meet on their own; the query side looks both up and lets each find the other.
 *
 * ```ts
 * bestSplit('فيسبوك', analyzer, fields, 120, index);  // { stems: [فيس, بوك] }: "فيس بوك" occurs
 * joinedTerm('وست', 'هام', analyzer);                  // { surface: 'وستهام', term: 'وستهام' }
 * commonEnough(3, 400);                                // false: 3 is under 2 % of 400
 * ```
 *
 * - Split ({@link bestSplit}): a query word is cut in two halves of at least
 *   {@link MIN_COMPOUND_PART} letters (the left one after the word's proclitics: `الاستثمارات`
 *   is never `ال استثمارات`), neither a stopword, both stems the index holds; the cut
 *   whose halves stand next to each other (same field, consecutive positions) in the most
 *   documents is kept, as a phrase alternative of the word.
 * - Join ({@link joinedTerm}): two adjacent query words also match the word they make together
 *   when the index holds its stem.
 * - Either way, only when the two spellings are comparably common ({@link commonEnough}): the
 *   rarer one in at least {@link COMPOUND_SHARE} of the documents of the other, or the typed
 *   spelling unknown. This keeps a rare coincidence (two short words that happen to meet a few
 *   times, a joined typo the corpus holds once) from entering the query of a common word.
 * - The alternatives score below the word's own forms: a joined word is blended into each word's
 *   own pseudo-terms ({@link withAlternatives}) at term weight {@link COMPOUND_WEIGHT}; a split's
 *   phrase is a source of its own, weighted by {@link splitWeight}.
 *
 * Cost: a split looks at most `length − 3` cuts; only a cut whose halves are both written as words
 * in the index (two exact-form lookups) is stemmed, and only cuts whose halves are both held, and
 * whose rarer half is frequent enough for the share, count the documents where the halves meet,
 * at most {@link MAX_SPLIT_COUNTS} of them, the most promising first. A count decodes both halves'
 * postings without positions and keeps the documents holding both ({@link LiveCounts}); positions
 * are read only when those documents are enough for the split to be kept, and only in them (most
 * counts end at the first step: halves that share a few documents). A join counts one pair.
 * Counts are kept per index generation ({@link LiveCounts}), and the compiled query words that
 * hold them are cached too (see `compile.ts`), so a repeated query costs nothing more; an index
 * without query caches keeps neither.
 * @module
 */
import type { Analyzer } from '../analysis/analyzer.js';
import { Channel, PostingBlock, PostingCursor, streamSpan } from '../index/postings.js';
import { ByteBuffer } from '../index/pool.js';
import type { Postings } from '../index/postings.js';
import { idf } from '../scoring/bm25f.js';
import { GenerationCache } from './cache.js';
import type { TermSource } from './plan.js';
import type { ExpandedSource } from './sources.js';

/**
 * Weight of a split or joined alternative relative to the word's own stem (1): it ranks below
 * the word's own forms, like the other variants (measured on bench/relevance's typing set, see
 * docs/queries.md).
 */
export const COMPOUND_WEIGHT = 0.9;
/**
 * Smallest share of the other spelling's documents the rarer spelling must reach for the other to
 * be added (0.02: 2 %), unless one of them is held by no document.
 */
export const COMPOUND_SHARE = 0.02;
/** Fewest letters in each half of a split word. */
export const MIN_COMPOUND_PART = 2;
/** Longest word (UTF-16 code units) looked at for a split: longer words are left whole. */
export const MAX_SPLIT_LENGTH = 24;
/**
 * Most cuts of one word whose meeting documents are counted (a walk of both halves' postings
 * each), those whose rarer half is most frequent first.
 */
export const MAX_SPLIT_COUNTS = 3;

/**
 * Whether two spellings held by `a` and `b` documents are comparably common: either is 0, or the
 * smaller is at least {@link COMPOUND_SHARE} of the larger.
 */
export function commonEnough(a: number, b: number): boolean {
  return a === 0 || b === 0 || Math.min(a, b) >= COMPOUND_SHARE * Math.max(a, b);
}

/** What compounds read from the index. */
export interface CompoundIndex {
  /** Term id of a term string, -1 if unknown. */
  lookup(term: string): number;
  /** Documents holding stem `id`, removed ones included until a vacuum (an upper bound of the live ones). */
  stemFrequency(id: number): number;
  /**
   * Live documents holding stem `first` right before stem `second` in one of `fields` (bits).
   * With `atLeast` (default 0), a count below `atLeast` may be given as any number below it (only
   * that it falls short is wanted; the walk may stop early).
   */
  phraseDocuments(first: number, second: number, fields: number, atLeast?: number): number;
}

/** The live documents holding a query word's stem: a lower bound, and the count read on demand. */
export interface OwnDocuments {
  /** At most the count (the count itself when no document is removed). */
  readonly atLeast: number;
  /** The count (may read postings; call only when needed). */
  count(): number;
}

/** A split found by {@link bestSplit}. */
export interface Split {
  /** The halves' stems, in order. */
  readonly terms: readonly [string, string];
  /** Their term ids. */
  readonly ids: readonly [number, number];
  /** Documents where they stand next to each other. */
  readonly documents: number;
}

/**
 * The best split of a NORMALIZED query word (see the module documentation): the halves' stems
 * meeting in the most live documents of `fields`, among the cuts comparably common with the word
 * itself (`own`: live documents holding the word's stem, none if the index does not know it), or
 * undefined. `written`, when given, is a cheaper first test of a half (a dictionary lookup, no
 * stemming): whether the index holds it as a word's exact form, as it must when the two halves are
 * written as two words.
 */
export function bestSplit(surface: string, analyzer: Analyzer, fields: number, own: OwnDocuments, index: CompoundIndex, written?: (part: string) => boolean): Split | undefined {
  const n = surface.length;
  if (n < 2 * MIN_COMPOUND_PART || n > MAX_SPLIT_LENGTH) return undefined;
  // The cuts whose halves the index holds, each with a bound of the documents where they meet
  // (the rarer half's); one too low for the share of the word's own documents is left out.
  const cuts: { k: number; left: number; right: number; bound: number }[] = [];
  // A left half made of the word's proclitics (ال، وال، لل …) is no word: cut after them.
  const proclitics = n - analyzer.stripProclitics(surface).length;
  for (let k = proclitics + MIN_COMPOUND_PART; k <= n - MIN_COMPOUND_PART; k++) {
    const leftPart = surface.slice(0, k);
    const rightPart = surface.slice(k);
    if (written !== undefined && !(written(leftPart) && written(rightPart))) continue;
    const left = half(leftPart, analyzer, index);
    if (left < 0) continue;
    const right = half(rightPart, analyzer, index);
    if (right < 0) continue;
    const bound = Math.min(index.stemFrequency(left), index.stemFrequency(right));
    if (bound >= COMPOUND_SHARE * own.atLeast) cuts.push({ k, left, right, bound });
  }
  // Counted highest bound first, until no cut left can beat the best or MAX_SPLIT_COUNTS are done.
  // A count is wanted exactly only when it can be kept: above the best so far and at least the
  // share of the word's own documents (from their lower bound); below that, a walk may stop early.
  cuts.sort((a, b) => b.bound - a.bound || a.k - b.k);
  const share = Math.ceil(COMPOUND_SHARE * own.atLeast);
  let best: Split | undefined;
  for (let i = 0; i < cuts.length && i < MAX_SPLIT_COUNTS; i++) {
    const { k, left, right, bound } = cuts[i]!;
    const beaten = best?.documents ?? 0;
    if (bound <= beaten) break;
    const documents = index.phraseDocuments(left, right, fields, Math.max(beaten + 1, share));
    if (documents > beaten && commonEnough(documents, own.count())) {
      best = { terms: [analyzer.stemWord(surface.slice(0, k)), analyzer.stemWord(surface.slice(k))], ids: [left, right], documents };
    }
  }
  return best;
}

/** Stem id of one half of a split (a NORMALIZED string), or -1: a stopword, or no document holds it. */
function half(part: string, analyzer: Analyzer, index: CompoundIndex): number {
  if (analyzer.isStopword(part)) return -1;
  const id = index.lookup(analyzer.stemWord(part));
  return id >= 0 && index.stemFrequency(id) > 0 ? id : -1;
}

/**
 * Weight of a split spelling's phrase source: {@link COMPOUND_WEIGHT}, times the share of the
 * phrase's idf that it would keep if its document frequency were that of both spellings together
 * (`own + phrase` documents out of `documents`). The phrase is usually rarer than the word as
 * typed, so its own idf would let it outrank the typed spelling; this way it scores like the
 * word's joined-in variants do (see {@link withAlternatives}), below the word's own forms.
 */
export function splitWeight(own: number, phrase: number, documents: number): number {
  const alone = idf(documents, phrase);
  return alone > 0 ? COMPOUND_WEIGHT * Math.min(1, idf(documents, own + phrase) / alone) : COMPOUND_WEIGHT;
}

/**
 * The word two adjacent NORMALIZED query words make together (`وست` + `هام` → `وستهام`): its
 * surface and stem, or undefined when it is a stopword or too long to be a word.
 */
export function joinedTerm(first: string, second: string, analyzer: Analyzer): { surface: string; term: string } | undefined {
  const surface = first + second;
  if (surface.length > MAX_SPLIT_LENGTH || analyzer.isStopword(surface)) return undefined;
  return { surface, term: analyzer.stemWord(surface) };
}

/**
 * A term source or a pseudo-term with `alternatives` (term id → field bits) blended in at term
 * weight `weight`: one pseudo-term whose document frequency is that of all its terms together
 * (see `sources.ts`). A term already in the source keeps its own weight.
 */
export function withAlternatives(source: TermSource | ExpandedSource, alternatives: ReadonlyMap<number, number>, weight: number): ExpandedSource {
  const masks = new Map<number, number>();
  const weights = new Map<number, number>();
  if (source.kind === 'term') {
    source.termIds.forEach((id, f) => {
      if (id < 0) return;
      masks.set(id, (masks.get(id) ?? 0) | (1 << f));
      weights.set(id, 1);
    });
  } else {
    source.terms.forEach((id, i) => {
      masks.set(id, source.fields[i]!);
      weights.set(id, source.termWeights[i]!);
    });
  }
  for (const [id, mask] of alternatives) {
    if (weights.has(id)) continue;
    masks.set(id, mask);
    weights.set(id, weight);
  }
  const ids = [...masks.keys()];
  return {
    kind: 'expanded',
    channel: source.channel,
    weight: source.weight,
    terms: Int32Array.from(ids),
    fields: Int32Array.from(ids, (id) => masks.get(id)!),
    termWeights: Float64Array.from(ids, (id) => weights.get(id)!),
  };
}

/** Most postings a walk's decoded arrays keep between walks (larger ones are dropped after it). */
const KEPT_ENTRIES = 1 << 16;

/** What {@link LiveCounts} reads of the document table. */
export interface LiveDocuments {
  /** `removed[d]` is 1 for a removed document. */
  readonly removed: Uint8Array;
  /** Removed documents still in the postings (until a vacuum). */
  readonly removedCount: number;
  /** Live documents. */
  readonly docCount: number;
}

/**
 * Live document counts for the query side's decisions, remembered for one generation of the
 * index. The postings keep removed documents until a vacuum, and their document frequencies
 * count them; a decision read from those (is this word known? how common is this spelling?)
 * would differ from a fresh index's over the same live documents. These counts read the postings
 * instead, only when some document is removed (else the frequency is exact).
 *
 * ```ts
 * const live = new LiveCounts(postings, docs, fieldCount);
 * live.phrase(fais, buk, 0b111, generation);   // documents saying «فيس بوك»
 * live.stem(kitab, generation);                // live documents holding the stem كتاب
 * live.holds(kitabExact, Channel.Exact, generation); // whether one holds the exact form
 * ```
 */
export class LiveCounts {
  private readonly phrases: GenerationCache<number> | undefined;
  private readonly terms: GenerationCache<number> | undefined;
  private readonly a: PostingCursor;
  private left = new Int32Array(16);
  private right = new Int32Array(16);
  /** The two stems' postings, decoded for a walk's first pass (made on first use). */
  private blocks: [PostingBlock, PostingBlock] | undefined;
  /**
   * The documents where both stems of a walk stand in a wanted field, in order, as their entries
   * in the first and second stem's decoded postings.
   */
  private bothA = new Int32Array(16);
  private bothB = new Int32Array(16);
  /** The two stems' positions streams, gathered when they cannot be read in place (made on first use). */
  private positionBuffers: [ByteBuffer, ByteBuffer] | undefined;
  private readonly span = streamSpan();
  /** Whether the last walk stopped early (its count then falls short of the `atLeast` asked for). */
  private stopped = false;

  /**
   * @param postings - the index's postings (read only)
   * @param docs - the index's document table (read only)
   * @param fieldCount - fields of the index
   * @param capacity - counts remembered per kind, an integer ≥ 0 (default 1024; 0: none, every
   *   count is read again, as an index without query caches wants)
   */
  constructor(
    private readonly postings: Postings,
    private readonly docs: LiveDocuments,
    private readonly fieldCount: number,
    capacity = 1024,
  ) {
    this.phrases = capacity > 0 ? new GenerationCache<number>(capacity) : undefined;
    this.terms = capacity > 0 ? new GenerationCache<number>(capacity) : undefined;
    this.a = new PostingCursor(fieldCount);
  }

  /** Live documents of the index. */
  get documents(): number {
    return this.docs.docCount;
  }

  /** A lower bound of the live documents holding term `id` in `channel`: exact when no document is removed. */
  atLeast(id: number, channel: Channel = Channel.Stem): number {
    return Math.max(0, this.postings.docFrequency(id, channel) - this.docs.removedCount);
  }

  /** Whether a live document holds term `id` in `channel` (postings are read only when the frequency cannot tell). */
  holds(id: number, channel: Channel, generation: number): boolean {
    return this.atLeast(id, channel) > 0 || this.count(id, channel, generation) > 0;
  }

  /** Live documents holding stem `id`. */
  stem(id: number, generation: number): number {
    return this.count(id, Channel.Stem, generation);
  }

  /** Live documents holding term `id` in `channel`. */
  private count(id: number, channel: Channel, generation: number): number {
    const df = this.postings.docFrequency(id, channel);
    if (df === 0 || this.docs.removedCount === 0) return df;
    const key = `${channel},${id}`;
    let n = this.terms?.get(key, generation);
    if (n === undefined) {
      const removed = this.docs.removed;
      const a = this.a;
      a.reset(this.postings, id, channel);
      n = 0;
      while (a.next()) if (removed[a.doc] !== 1) n++;
      this.terms?.set(key, n, generation);
    }
    return n;
  }

  /**
   * Live documents holding stem `first` right before stem `second` in one of `fields` (bits). With
   * `atLeast` (default 0): a count below `atLeast` may be given as any number below it, from a
   * walk that stops as soon as the postings left cannot reach `atLeast` (such a count is not kept).
   */
  phrase(first: number, second: number, fields: number, generation: number, atLeast = 0): number {
    const key = this.phrases === undefined ? '' : `${first},${second},${fields}`;
    let n = this.phrases?.get(key, generation);
    if (n === undefined) {
      n = this.walk(first, second, fields, atLeast);
      if (!this.stopped) this.phrases?.set(key, n, generation);
    }
    return n;
  }

  /**
   * Count the live documents where stem `first` stands right before `second` in one of `fields`,
   * in two passes: the documents holding both in such a field (their postings decoded in one loop
   * each, no positions), then their positions, only in those documents. Most splits looked at
   * stop after the first pass: their halves share fewer documents than the count must reach.
   */
  private walk(first: number, second: number, fields: number, atLeast: number): number {
    const removed = this.docs.removed;
    this.stopped = false;
    const [blockA, blockB] = (this.blocks ??= [new PostingBlock(), new PostingBlock()]);
    try {
      const na = blockA.read(this.postings, first, Channel.Stem, 0, 0);
      const nb = blockB.read(this.postings, second, Channel.Stem, 0, 0);
      const docsA = blockA.docs;
      const docsB = blockB.docs;
      const masksA = blockA.masks;
      const masksB = blockB.masks;
      const most = Math.min(na, nb);
      if (this.bothA.length < most || this.bothA.length > Math.max(KEPT_ENTRIES, most)) {
        this.bothA = new Int32Array(Math.max(16, most));
        this.bothB = new Int32Array(this.bothA.length);
      }
      const { bothA, bothB } = this;
      let candidates = 0;
      for (let i = 0, j = 0; i < na && j < nb; ) {
        const x = docsA[i]!;
        const y = docsB[j]!;
        if (x < y) i++;
        else if (y < x) j++;
        else {
          if ((masksA[i]! & masksB[j]! & fields) !== 0 && removed[x] !== 1) {
            bothA[candidates] = i;
            bothB[candidates++] = j;
          }
          i++;
          j++;
        }
      }
      if (candidates === 0) return 0;
      if (candidates < atLeast) {
        this.stopped = true;
        return candidates;
      }
      // Second pass: the positions of the candidates only. Each stem's positions stream is read in
      // order, the positions of the postings between two candidates skipped (their count is the
      // sum of the frequencies in the decoded postings).
      const [bufferA, bufferB] = (this.positionBuffers ??= [new ByteBuffer(), new ByteBuffer()]);
      bufferA.length = bufferB.length = 0;
      const span = this.span;
      this.postings.stream(first, Channel.Stem, true, bufferA, span);
      const posA = span.bytes;
      let pa = span.from;
      this.postings.stream(second, Channel.Stem, true, bufferB, span);
      const posB = span.bytes;
      let pb = span.from;
      let nextA = 0; // first posting of A whose positions are not skipped yet
      let nextB = 0;
      let n = 0;
      for (let c = 0; c < candidates; c++) {
        // The documents left cannot bring the count up to `atLeast`.
        if (n + candidates - c < atLeast) {
          this.stopped = true;
          return n;
        }
        const i = bothA[c]!;
        const j = bothB[c]!;
        pa = skipVarints(posA, pa, positionsBefore(blockA, nextA, i));
        pb = skipVarints(posB, pb, positionsBefore(blockB, nextB, j));
        if (this.adjacent(blockA, i, posA, pa, blockB, j, posB, pb, fields)) n++;
        pa = skipVarints(posA, pa, positionsBefore(blockA, i, i + 1));
        pb = skipVarints(posB, pb, positionsBefore(blockB, j, j + 1));
        nextA = i + 1;
        nextB = j + 1;
      }
      return n;
    } finally {
      // Arrays grown for very long postings are not kept past the walk.
      if (blockA.capacity > KEPT_ENTRIES) blockA.release();
      if (blockB.capacity > KEPT_ENTRIES) blockB.release();
    }
  }

  /**
   * Whether, in one of the fields of `fields` holding both, a position of posting `i` of `a` (its
   * positions at `posA[pa]`) is followed by one of posting `j` of `b` (at `posB[pb]`).
   */
  private adjacent(a: PostingBlock, i: number, posA: Uint8Array, pa: number, b: PostingBlock, j: number, posB: Uint8Array, pb: number, fields: number): boolean {
    const maskA = a.masks[i]!;
    const maskB = b.masks[j]!;
    const shared = maskA & maskB & fields;
    for (let f = 0; f < this.fieldCount; f++) {
      const bit = 1 << f;
      if ((maskA & bit) === 0 && (maskB & bit) === 0) continue;
      const tfA = (maskA & bit) !== 0 ? a.tf(i, f) : 0;
      const tfB = (maskB & bit) !== 0 ? b.tf(j, f) : 0;
      if ((shared & bit) !== 0) {
        if (this.left.length < tfA) this.left = new Int32Array(tfA * 2);
        if (this.right.length < tfB) this.right = new Int32Array(tfB * 2);
        const left = this.left;
        const right = this.right;
        readPositions(posA, pa, tfA, left);
        readPositions(posB, pb, tfB, right);
        let k = 0;
        for (let h = 0; h < tfA; h++) {
          const want = left[h]! + 1;
          while (k < tfB && right[k]! < want) k++;
          if (k >= tfB) break;
          if (right[k] === want) return true;
        }
      }
      // On to the next field's positions.
      pa = skipVarints(posA, pa, tfA);
      pb = skipVarints(posB, pb, tfB);
    }
    return false;
  }
}

/** The index in `bytes` after the `count` varints starting at `p`. */
function skipVarints(bytes: Uint8Array, p: number, count: number): number {
  for (let left = count; left > 0; p++) if (bytes[p]! < 0x80) left--;
  return p;
}

/** Number of positions of the postings [from, to) of `block` (the sum of their frequencies). */
function positionsBefore(block: PostingBlock, from: number, to: number): number {
  const bytes = block.bytes;
  let total = 0;
  for (let i = from; i < to; i++) {
    let p = block.starts[i]!;
    for (let m = block.masks[i]!; m !== 0; m &= m - 1) {
      let b = bytes[p++]!;
      let v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
      total += v;
    }
  }
  return total;
}

/** Decode `count` positions (first, then gaps) from `bytes[p …]` into `out`. */
function readPositions(bytes: Uint8Array, p: number, count: number, out: Int32Array): void {
  let previous = 0;
  for (let k = 0; k < count; k++) {
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    previous += v;
    out[k] = previous;
  }
}
