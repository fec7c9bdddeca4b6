/**
 * Turns the index's postings (term → documents, term-major) back into each live document's
 * tokens in position order (document-major): what a saved index stores, because a document's
 * token stream with frequency-ranked term numbers is about half the size of the postings with
 * their positions, and a loader can feed it to the same commit path as `add`.
 *
 * ```ts
 * const doc = invertPostings(internals);
 * // tokens of field f of the i-th live document: doc.offsets[i * F + f] .. doc.offsets[i * F + f + 1]
 * doc.stems[k]; doc.positions[k]; doc.exacts[k];
 * const vocab = buildVocabulary(doc, internals.terms);
 * ```
 *
 * The postings keep which stem and which exact form each document has, per field, but not which
 * exact form went with which stem token. Any pairing rebuilds the same postings (the exact channel
 * has no positions), so the pairing only matters for size: {@link invertPostings} pairs a token
 * with the exact form equal to its stem first, then with the exact form the field's analyzer
 * stems to it, then in order — the order of the forms' text, never of term ids, so that a loaded
 * index (which numbers its terms anew) pairs, and so saves, exactly as the original did. The token stream then codes each token's exact form as an index in
 * its stem's list of exact forms (by frequency), most often 0.
 * @module
 */
import { FahrasError } from '../errors.js';
import { growInt32 } from '../index/arrays.js';
import { Channel, PostingCursor } from '../index/postings.js';
import type { IndexView } from './internals.js';

/** Every live document's tokens, field by field, in position order. */
export interface DocTokens {
  /** Number of fields. */
  readonly fieldCount: number;
  /** Internal ids of the live documents, in order (the saved order). */
  readonly live: Int32Array;
  /** Tokens of field f of live document i: `[offsets[i * F + f], offsets[i * F + f + 1])`. */
  readonly offsets: Int32Array;
  /** Stem term id (the index's numbering) of each token. */
  readonly stems: Int32Array;
  /** Word position of each token; non-decreasing within a field. */
  readonly positions: Int32Array;
  /** Exact-form term id paired with each token. */
  readonly exacts: Int32Array;
}

/** Keys for sorting a field's tokens: position · 2^21 + token index (exact in a float64). */
const INDEX_BITS = 21;
const INDEX_SCALE = 2 ** INDEX_BITS;

function inconsistent(what: string): never {
  throw new FahrasError('CORRUPT_INDEX', `Cannot export: the index is inconsistent (${what})`);
}

/** Read the postings of every term back into document order (see the module doc). */
export function invertPostings(x: IndexView): DocTokens {
  const { docs, postings, terms } = x;
  const F = docs.fieldCount;
  const capacity = docs.capacity;
  const newId = new Int32Array(capacity).fill(-1);
  let D = 0;
  for (let d = 0; d < capacity; d++) if (!docs.isRemoved(d)) newId[d] = D++;
  const live = new Int32Array(D);
  for (let d = 0; d < capacity; d++) if (newId[d]! >= 0) live[newId[d]!] = d;
  const offsets = new Int32Array(D * F + 1);
  let N = 0;
  let longest = 0;
  for (let i = 0; i < D; i++) {
    for (let f = 0; f < F; f++) {
      offsets[i * F + f] = N;
      const n = docs.fieldLength(live[i]!, f);
      N += n;
      if (n > longest) longest = n;
    }
  }
  offsets[D * F] = N;
  const stems = new Int32Array(N);
  const positions = new Int32Array(N);
  const exacts = new Int32Array(N);
  const T = terms.size;
  const cursor = new PostingCursor(F);
  const fill = offsets.slice(0, D * F);
  let scratch = new Int32Array(64);

  for (let t = 0; t < T; t++) {
    cursor.reset(postings, t, Channel.Stem, true);
    while (cursor.next()) {
      const i = newId[cursor.doc]!;
      if (i < 0) continue;
      for (let f = 0; f < F; f++) {
        const tf = cursor.tf[f]!;
        if (tf === 0) continue;
        if (scratch.length < tf) scratch = new Int32Array(tf * 2);
        cursor.positions(f, scratch);
        const slot = i * F + f;
        let k = fill[slot]!;
        if (k + tf > offsets[slot + 1]!) inconsistent('a field has more stem tokens than its length');
        for (let j = 0; j < tf; j++, k++) {
          stems[k] = t;
          positions[k] = scratch[j]!;
        }
        fill[slot] = k;
      }
    }
  }
  for (let s = 0; s < D * F; s++) if (fill[s] !== offsets[s + 1]) inconsistent('a field has fewer stem tokens than its length');
  fill.set(offsets.subarray(0, D * F));
  for (let t = 0; t < T; t++) {
    cursor.reset(postings, t, Channel.Exact);
    while (cursor.next()) {
      const i = newId[cursor.doc]!;
      if (i < 0) continue;
      for (let f = 0; f < F; f++) {
        const tf = cursor.tf[f]!;
        if (tf === 0) continue;
        const slot = i * F + f;
        const k = fill[slot]!;
        if (k + tf > offsets[slot + 1]!) inconsistent('a field has more exact forms than its length');
        for (let j = k; j < k + tf; j++) exacts[j] = t;
        fill[slot] = k + tf;
      }
    }
  }
  for (let s = 0; s < D * F; s++) if (fill[s] !== offsets[s + 1]) inconsistent('a field has fewer exact forms than its length');

  const out: DocTokens = { fieldCount: F, live, offsets, stems, positions, exacts };
  sortAndPair(out, x, T, longest);
  return out;
}

/** Sort each field's tokens by position, then pair each token with one of the field's exact forms. */
function sortAndPair(tokens: DocTokens, x: IndexView, T: number, longest: number): void {
  const { offsets, stems, positions, exacts, fieldCount: F } = tokens;
  const keys = new Float64Array(longest);
  const intKeys = new Int32Array(longest);
  const tmpStems = new Int32Array(longest);
  const tmpPositions = new Int32Array(longest);
  const given = new Int32Array(longest);
  const runs = new Int32Array(longest + 1);
  const next = new Int32Array(longest);
  const head = new Int32Array(T).fill(-1);
  // Per analyzer: exact form term id → the term its analyzer stems it to (-2: not computed, -1: none).
  const guesses = x.analyzers.map(() => new Int32Array(T).fill(-2));
  const guess = (e: number, f: number): number => {
    const a = x.fieldAnalyzers[f]!;
    const cache = guesses[a]!;
    let g = cache[e]!;
    if (g === -2) {
      try {
        g = x.terms.lookup(x.analyzers[a]!.stemWord(x.terms.term(e)));
      } catch {
        g = -1; // a custom stemmer that throws: pair in order instead
      }
      cache[e] = g;
    }
    return g;
  };

  const ranges = offsets.length - 1;
  for (let range = 0; range < ranges; range++) {
    const a = offsets[range]!;
    const n = offsets[range + 1]! - a;
    if (n === 0) continue;
    // 1. Position order (the scatter left them in term order).
    let sorted = true;
    for (let k = a + 1; k < a + n; k++) if (positions[k]! < positions[k - 1]!) sorted = false;
    if (!sorted) {
      let maxPosition = 0;
      for (let k = a; k < a + n; k++) if (positions[k]! > maxPosition) maxPosition = positions[k]!;
      if ((maxPosition + 1) * n <= 0x7fffffff) {
        // Keys position · n + index fit an int32: the native integer sort, no float arithmetic.
        const order = intKeys.subarray(0, n);
        for (let j = 0; j < n; j++) order[j] = positions[a + j]! * n + j;
        order.sort();
        for (let j = 0; j < n; j++) {
          const from = a + (order[j]! % n);
          tmpStems[j] = stems[from]!;
          tmpPositions[j] = positions[from]!;
        }
      } else if (n <= INDEX_SCALE) {
        const order = keys.subarray(0, n);
        for (let j = 0; j < n; j++) order[j] = positions[a + j]! * INDEX_SCALE + j;
        order.sort();
        for (let j = 0; j < n; j++) {
          const from = a + (order[j]! % INDEX_SCALE);
          tmpStems[j] = stems[from]!;
          tmpPositions[j] = positions[from]!;
        }
      } else {
        const order = Array.from({ length: n }, (_, j) => a + j).sort((p, q) => positions[p]! - positions[q]! || p - q);
        order.forEach((from, j) => {
          tmpStems[j] = stems[from]!;
          tmpPositions[j] = positions[from]!;
        });
      }
      stems.set(tmpStems.subarray(0, n), a);
      positions.set(tmpPositions.subarray(0, n), a);
    }
    // 2. Pairing. Chains of unpaired tokens per stem, in position order.
    const f = range % F;
    given.set(exacts.subarray(a, a + n));
    for (let j = n - 1; j >= 0; j--) {
      const s = stems[a + j]!;
      next[j] = head[s]!;
      head[s] = j;
      exacts[a + j] = -1;
    }
    let left = 0;
    for (let j = 0; j < n; j++) {
      const e = given[j]!;
      const slot = head[e]!;
      if (slot >= 0) {
        exacts[a + slot] = e;
        head[e] = next[slot]!;
      } else {
        given[left++] = e;
      }
    }
    // The rest in the order of their text, not of their term ids: a loaded index numbers its
    // terms differently, and must pair (so save) the same way.
    sortRuns(given, left, runs, x.terms);
    let still = 0;
    for (let j = 0; j < left; j++) {
      const e = given[j]!;
      const g = guess(e, f);
      const slot = g >= 0 ? head[g]! : -1;
      if (slot >= 0) {
        exacts[a + slot] = e;
        head[g] = next[slot]!;
      } else {
        given[still++] = e;
      }
    }
    for (let j = 0, k = 0; j < n; j++) if (exacts[a + j] === -1) exacts[a + j] = given[k++]!;
    for (let j = 0; j < n; j++) head[stems[a + j]!] = -1;
  }
}

/**
 * Order `ids[0 .. n)`, in which equal ids stand side by side, by their terms' text, keeping each
 * run together; `starts` holds at least `n + 1` entries.
 */
function sortRuns(ids: Int32Array, n: number, starts: Int32Array, terms: IndexView['terms']): void {
  let r = 0;
  let sorted = true;
  for (let j = 0; j < n; j++) {
    if (j > 0 && ids[j] === ids[j - 1]) continue;
    if (r > 0 && terms.compareIds(ids[starts[r - 1]!]!, ids[j]!) > 0) sorted = false;
    starts[r++] = j;
  }
  if (sorted) return;
  starts[r] = n;
  const order = Array.from({ length: r }, (_, i) => i).sort((p, q) => terms.compareIds(ids[starts[p]!]!, ids[starts[q]!]!));
  const copy = ids.slice(0, n);
  let k = 0;
  for (const i of order) for (let j = starts[i]!; j < starts[i + 1]!; j++) ids[k++] = copy[j]!;
}

/** The saved term numbering and each stem's list of exact forms. */
export interface Vocabulary {
  /** The index's term ids in saved order: stems by decreasing token count, then exact-only forms. */
  readonly order: Int32Array;
  /** Number of stems (the first terms of `order`). */
  readonly stems: number;
  /** The index's term id → saved term id (-1: not saved). */
  readonly savedId: Int32Array;
  /** Exact forms of saved stem s: saved ids `variants[variantStart[s] .. variantStart[s + 1])`. */
  readonly variantStart: Int32Array;
  /** See {@link Vocabulary.variantStart}. */
  readonly variants: Int32Array;
  /** Per token (as in {@link DocTokens}), the index of its exact form in its stem's list. */
  readonly forms: Int32Array;
}

/** Distinct (stem, exact form) pairs, numbered in order of first sight (open addressing). */
class PairTable {
  stems = new Int32Array(1024);
  exacts = new Int32Array(1024);
  counts = new Int32Array(1024);
  size = 0;
  private slots = new Int32Array(2048).fill(-1);

  private static slot(s: number, e: number, mask: number): number {
    return (Math.imul(Math.imul(s, 0x9e3779b1) ^ e, 0x85ebca6b) >>> 7) & mask;
  }

  /** The number of pair (s, e), adding it when new; counts one more occurrence. */
  add(s: number, e: number): number {
    let mask = this.slots.length - 1;
    let at = PairTable.slot(s, e, mask);
    for (;;) {
      const p = this.slots[at]!;
      if (p < 0) break;
      if (this.stems[p] === s && this.exacts[p] === e) {
        this.counts[p] = this.counts[p]! + 1;
        return p;
      }
      at = (at + 1) & mask;
    }
    const p = this.size++;
    if (p === this.stems.length) {
      this.stems = growInt32(this.stems, p + 1);
      this.exacts = growInt32(this.exacts, p + 1);
      this.counts = growInt32(this.counts, p + 1);
    }
    this.stems[p] = s;
    this.exacts[p] = e;
    this.counts[p] = 1;
    if (this.size * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      mask = this.slots.length - 1;
      for (let q = 0; q < this.size; q++) {
        let i = PairTable.slot(this.stems[q]!, this.exacts[q]!, mask);
        while (this.slots[i]! >= 0) i = (i + 1) & mask;
        this.slots[i] = q;
      }
    } else {
      this.slots[at] = p;
    }
    return p;
  }
}

/** Number the saved terms and list each stem's exact forms, most frequent first. */
export function buildVocabulary(tokens: DocTokens, terms: IndexView['terms']): Vocabulary {
  const T = terms.size;
  const { stems, exacts } = tokens;
  const N = stems.length;
  const stemCount = new Int32Array(T);
  const table = new PairTable();
  const forms = new Int32Array(N);
  for (let k = 0; k < N; k++) {
    const s = stems[k]!;
    stemCount[s] = stemCount[s]! + 1;
    forms[k] = table.add(s, exacts[k]!);
  }
  const stemIds: number[] = [];
  for (let t = 0; t < T; t++) if (stemCount[t]! > 0) stemIds.push(t);
  stemIds.sort((p, q) => stemCount[q]! - stemCount[p]! || p - q);
  const S = stemIds.length;
  const savedId = new Int32Array(T).fill(-1);
  stemIds.forEach((t, i) => (savedId[t] = i));

  // The pairs of each stem (counting sort by stem), then each stem's list by decreasing count.
  const P = table.size;
  const firstPair = new Int32Array(T + 1);
  for (let p = 0; p < P; p++) firstPair[table.stems[p]! + 1] = firstPair[table.stems[p]! + 1]! + 1;
  for (let t = 0; t < T; t++) firstPair[t + 1] = firstPair[t + 1]! + firstPair[t]!;
  const byStem = new Int32Array(P);
  const fill = firstPair.slice(0, T);
  for (let p = 0; p < P; p++) byStem[fill[table.stems[p]!]!++] = p;
  const pairIndex = new Int32Array(P);
  const order: number[] = stemIds.slice();
  const variantStart = new Int32Array(S + 1);
  const variants = new Int32Array(P);
  let count = 0;
  for (let i = 0; i < S; i++) {
    const s = stemIds[i]!;
    const list = Array.from(byStem.subarray(firstPair[s]!, firstPair[s + 1]!));
    // Ties by text: term ids differ between an index and its loaded copy.
    list.sort((p, q) => table.counts[q]! - table.counts[p]! || terms.compareIds(table.exacts[p]!, table.exacts[q]!));
    list.forEach((p, j) => {
      const e = table.exacts[p]!;
      pairIndex[p] = j;
      if (savedId[e] === -1) {
        savedId[e] = order.length;
        order.push(e);
      }
      variants[count++] = savedId[e]!;
    });
    variantStart[i + 1] = count;
  }
  for (let k = 0; k < N; k++) forms[k] = pairIndex[forms[k]!]!;
  return { order: Int32Array.from(order), stems: S, savedId, variantStart, variants, forms };
}
