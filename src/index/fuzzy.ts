/**
 * Prefix and fuzzy (weighted edit distance) lookup over a term dictionary, without scanning the
 * dictionary for each query: the term ids kept in sorted order form an implicit trie, walked with
 * one row of the edit-distance table per trie level.
 *
 * ```ts
 * const lookup = new TermLookup(terms);                  // terms: a TermDictionary
 * lookup.forEachPrefix('كتا', (id) => { use(id) });       // كتاب، كتابه، كتابات …
 * lookup.fuzzy('رييس', 2, costs, (id, cost) => { … });     // رءيس (1: a hamza seat), رءيسي …
 * ```
 *
 * Structure: the held term ids sorted by term (UTF-16 code unit order, {@link sortTerms}) on
 * first use, with a copy of their characters laid out in that order (so a walk reads memory sequentially instead of jumping around the dictionary: about 2
 * bytes per character and 5 bytes per term more). When the dictionary grows, the new terms are
 * sorted on their own and merged in (O(new · log n) comparisons plus block copies), so adding
 * documents between queries never re-sorts the whole dictionary. An optional
 * {@link TermFilter} keeps only some terms (the search keeps the words' exact forms, leaving out
 * stems and clitic-laden surfaces that no lookup wants); ids it refuses are rechecked when its
 * version changes. After the dictionary is compacted or cleared (term ids change), call
 * {@link TermLookup.invalidate}.
 *
 * Prefix: binary search for the first term ≥ the prefix, then read the run of terms starting
 * with it.
 *
 * Fuzzy: terms that share their first k characters are contiguous in sorted order, so the walk
 * keeps the edit-distance rows of the current term's characters and, moving to the next term,
 * recomputes only the rows past the common prefix. When a row's smallest cost exceeds the budget,
 * no term extending that prefix can match: the walk skips all of them. The skip reads the LCP
 * array (`lcp[x]`: characters term x shares with term x − 1, capped at 255) through minima per
 * block of 64 and of 4,096 entries, so it costs about (skipped / 4,096 + 2 · 64) byte reads, not
 * one comparison per skipped term. Cost of a walk: the trie nodes within the budget, each with
 * one edit-distance row and one skip, not the dictionary size; see bench/fuzzy-scaling.ts. Costs are integers supplied by an {@link EditCosts} (weighted
 * substitutions, insertions and deletions, and adjacent transpositions: Damerau's optimal string
 * alignment distance).
 * @module
 */

/** Largest value stored in the LCP array (longer common prefixes are stored as 255). */
const MAX_LCP = 255;
/** log2 of the entries per LCP block minimum. */
const BLOCK_BITS = 6;
/** log2 of the entries per LCP super-block minimum. */
const SUPER_BITS = 12;

/** What the lookup reads from a term dictionary (`TermDictionary` provides it). */
export interface OrderedTerms {
  /** Number of terms; ids are 0 … size − 1. */
  readonly size: number;
  /** Length of term `id` in UTF-16 code units. */
  termLength(id: number): number;
  /** Code unit `i` of term `id`. */
  charAt(id: number, i: number): number;
  /** Term `id` as a string. */
  term(id: number): string;
}

/**
 * Integer edit costs (any unit; the budget of {@link TermLookup.fuzzy} is in the same unit).
 * All costs must be > 0 except where stated.
 */
export interface EditCosts {
  /** Cost of writing code unit `b` where `a` was meant (a ≠ b). */
  substitution(a: number, b: number): number;
  /**
   * Cost of a code unit `c` present in one string and missing from the other, `previous` being
   * the code unit before it in the string that has it (-1 at the start).
   */
  indel(c: number, previous: number): number;
  /** The smallest value {@link EditCosts.indel} can return (bounds the length difference). */
  readonly minIndel: number;
  /** Cost of two adjacent code units swapped; 0 disables transpositions. */
  readonly transposition: number;
}

/**
 * Which terms a {@link TermLookup} holds. `accept` must be monotone between two
 * {@link TermLookup.invalidate} calls (once true for an id, it stays true), and `version` must
 * change whenever `accept` may have become true for more ids (e.g. a count of documents added).
 */
export interface TermFilter {
  /** Whether term `id` takes part in lookups. */
  accept(id: number): boolean;
  /** A value that changes when more ids may be accepted. */
  version(): number;
}

/** Prefix and fuzzy lookup over a growing term dictionary. */
export class TermLookup {
  /** `ids[x]`: the term id at sorted position x. */
  private ids = new Int32Array(0);
  /** `starts[x]`: offset in `keys` of the term at position x; `starts[ids.length]` = end. */
  private starts = new Int32Array(1);
  /** The held terms' characters, in sorted order. */
  private keys = new Uint16Array(0);
  /** `lcp[x]`: characters shared by the terms at positions x − 1 and x (≤ 255; lcp[0] = 0). */
  private lcp = new Uint8Array(0);
  /** Minimum of `lcp` over each block of 2^BLOCK_BITS entries. */
  private blockMin = new Uint8Array(0);
  /** Minimum of `lcp` over each block of 2^SUPER_BITS entries. */
  private superMin = new Uint8Array(0);
  /** Term ids below this were seen (held in order, or waiting in `held`); -1: not built. */
  private covered = -1;
  /** Ids seen but not accepted yet, rechecked when the filter's version changes. */
  private held: number[] = [];
  private seenVersion = 0;
  private rows = new Int32Array(0);
  private path = new Uint16Array(0);
  private rowMin = new Int32Array(0);

  /**
   * @param terms - the dictionary (read, never changed)
   * @param filter - the terms to hold (default: all)
   */
  constructor(
    private readonly terms: OrderedTerms,
    private readonly filter?: TermFilter,
  ) {}

  /** Forget the order (call after the dictionary was compacted or cleared); rebuilt on next use. */
  invalidate(): void {
    this.ids = new Int32Array(0);
    this.starts = new Int32Array(1);
    this.keys = new Uint16Array(0);
    this.lcp = new Uint8Array(0);
    this.held = [];
    this.covered = -1;
  }

  /** Number of terms held (after bringing the order up to date). */
  get size(): number {
    this.sync();
    return this.ids.length;
  }

  /** Bring the order up to date with the dictionary and the filter. */
  private sync(): void {
    const terms = this.terms;
    const filter = this.filter;
    const n = terms.size;
    const version = filter === undefined ? 0 : filter.version();
    if (this.covered < 0 || n < this.covered) {
      this.build(version);
      return;
    }
    if (n === this.covered && version === this.seenVersion) return;
    const fresh: { id: number; s: string }[] = [];
    if (filter !== undefined && version !== this.seenVersion) {
      const still: number[] = [];
      for (const id of this.held) {
        if (filter.accept(id)) fresh.push({ id, s: terms.term(id) });
        else still.push(id);
      }
      this.held = still;
    }
    for (let id = this.covered; id < n; id++) {
      if (filter === undefined || filter.accept(id)) fresh.push({ id, s: terms.term(id) });
      else this.held.push(id);
    }
    this.covered = n;
    this.seenVersion = version;
    if (fresh.length > 0) this.merge(fresh);
  }

  /** Build the order from scratch: the accepted terms, sorted ({@link sortTerms}). */
  private build(version: number): void {
    const terms = this.terms;
    const filter = this.filter;
    const size = terms.size;
    const accepted: number[] = [];
    const held: number[] = [];
    let chars = 0;
    for (let id = 0; id < size; id++) {
      if (filter === undefined || filter.accept(id)) {
        accepted.push(id);
        chars += terms.termLength(id);
      } else held.push(id);
    }
    const n = accepted.length;
    // The characters in id order, then sorted.
    const rawStarts = new Int32Array(n + 1);
    const rawKeys = new Uint16Array(chars);
    let at = 0;
    for (let x = 0; x < n; x++) {
      const id = accepted[x]!;
      rawStarts[x] = at;
      const len = terms.termLength(id);
      for (let i = 0; i < len; i++) rawKeys[at + i] = terms.charAt(id, i);
      at += len;
    }
    rawStarts[n] = at;
    const order = sortTerms(rawKeys, rawStarts);
    const ids = new Int32Array(n);
    const starts = new Int32Array(n + 1);
    const keys = new Uint16Array(chars);
    at = 0;
    for (let x = 0; x < n; x++) {
      const p = order[x]!;
      ids[x] = accepted[p]!;
      starts[x] = at;
      keys.set(rawKeys.subarray(rawStarts[p]!, rawStarts[p + 1]!), at);
      at += rawStarts[p + 1]! - rawStarts[p]!;
    }
    starts[n] = at;
    this.ids = ids;
    this.starts = starts;
    this.keys = keys;
    this.held = held;
    this.covered = size;
    this.seenVersion = version;
    this.lcp = new Uint8Array(n);
    for (let x = 1; x < n; x++) this.lcp[x] = this.commonPrefix(x - 1, x);
    this.buildMinima();
  }

  /** Merge terms into the order. */
  private merge(fresh: { id: number; s: string }[]): void {
    fresh.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
    const { ids: oldIds, starts: oldStarts, keys: oldKeys, lcp: oldLcp } = this;
    const n = oldIds.length + fresh.length;
    let chars = oldKeys.length;
    for (const f of fresh) chars += f.s.length;
    const ids = new Int32Array(n);
    const starts = new Int32Array(n + 1);
    const keys = new Uint16Array(chars);
    const lcp = new Uint8Array(n);
    const inserted: number[] = [];
    let from = 0;
    let to = 0;
    let at = 0;
    const copyOld = (end: number): void => {
      if (end <= from) return;
      ids.set(oldIds.subarray(from, end), to);
      lcp.set(oldLcp.subarray(from, end), to);
      const delta = at - oldStarts[from]!;
      for (let x = from; x < end; x++) starts[to + x - from] = oldStarts[x]! + delta;
      keys.set(oldKeys.subarray(oldStarts[from]!, oldStarts[end]!), at);
      at += oldStarts[end]! - oldStarts[from]!;
      to += end - from;
      from = end;
    };
    for (const { id, s } of fresh) {
      // First old position whose term is > s (terms are distinct).
      let lo = from;
      let hi = oldIds.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareKey(oldKeys, oldStarts[mid]!, oldStarts[mid + 1]!, s) < 0) lo = mid + 1;
        else hi = mid;
      }
      copyOld(lo);
      inserted.push(to);
      ids[to] = id;
      starts[to] = at;
      for (let i = 0; i < s.length; i++) keys[at + i] = s.charCodeAt(i);
      at += s.length;
      to++;
    }
    copyOld(oldIds.length);
    starts[n] = at;
    this.ids = ids;
    this.starts = starts;
    this.keys = keys;
    this.lcp = lcp;
    // Only the entries at and after each insertion have a new predecessor.
    for (const x of inserted) {
      lcp[x] = x > 0 ? this.commonPrefix(x - 1, x) : 0;
      if (x + 1 < n) lcp[x + 1] = this.commonPrefix(x, x + 1);
    }
    this.buildMinima();
  }

  /** Common prefix length of the terms at positions a and b, capped at {@link MAX_LCP}. */
  private commonPrefix(a: number, b: number): number {
    const { keys, starts } = this;
    const sa = starts[a]!;
    const sb = starts[b]!;
    const n = Math.min(starts[a + 1]! - sa, starts[b + 1]! - sb, MAX_LCP);
    let i = 0;
    while (i < n && keys[sa + i] === keys[sb + i]) i++;
    return i;
  }

  private buildMinima(): void {
    const lcp = this.lcp;
    const n = lcp.length;
    const blockMin = new Uint8Array((n >> BLOCK_BITS) + 1).fill(MAX_LCP);
    const superMin = new Uint8Array((n >> SUPER_BITS) + 1).fill(MAX_LCP);
    for (let x = 0; x < n; x++) {
      const v = lcp[x]!;
      const b = x >> BLOCK_BITS;
      if (v < blockMin[b]!) blockMin[b] = v;
      const c = x >> SUPER_BITS;
      if (v < superMin[c]!) superMin[c] = v;
    }
    this.blockMin = blockMin;
    this.superMin = superMin;
  }

  /**
   * Call `visit` with each term id starting with `prefix`, in term order, until it returns
   * `false`. The empty prefix visits every term.
   */
  forEachPrefix(prefix: string, visit: (id: number) => boolean | void): void {
    this.sync();
    const { ids, starts, keys } = this;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKey(keys, starts[mid]!, starts[mid + 1]!, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    const k = prefix.length;
    for (let x = lo; x < ids.length; x++) {
      const start = starts[x]!;
      if (starts[x + 1]! - start < k) return;
      for (let i = 0; i < k; i++) if (keys[start + i] !== prefix.charCodeAt(i)) return;
      if (visit(ids[x]!) === false) return;
    }
  }

  /**
   * First position after `x` whose term shares fewer than `k` characters with the term at x (so
   * does not start with its first k characters), or the number of terms.
   */
  private skip(x: number, k: number): number {
    const lcp = this.lcp;
    const n = lcp.length;
    let y = x + 1;
    const blockMask = (1 << BLOCK_BITS) - 1;
    const superMask = (1 << SUPER_BITS) - 1;
    while (y < n) {
      if ((y & superMask) === 0 && this.superMin[y >> SUPER_BITS]! >= k) {
        y += 1 << SUPER_BITS;
      } else if ((y & blockMask) === 0 && this.blockMin[y >> BLOCK_BITS]! >= k) {
        y += 1 << BLOCK_BITS;
      } else {
        if (lcp[y]! < k) return y;
        y++;
      }
    }
    return n;
  }

  /**
   * Call `visit(id, cost)` for every term whose edit cost from `query` is at most `budget`
   * (`query` itself included, at cost 0), in term order.
   * @param budget - largest total cost, an integer ≥ 0 in the unit of `costs`
   */
  fuzzy(query: string, budget: number, costs: EditCosts, visit: (id: number, cost: number) => void): void {
    this.sync();
    const { ids, starts, keys } = this;
    const m = query.length;
    const W = m + 1;
    const maxDepth = m + Math.floor(budget / costs.minIndel);
    if (this.rows.length < (maxDepth + 1) * W) this.rows = new Int32Array((maxDepth + 1) * W);
    if (this.path.length < maxDepth + 1) {
      this.path = new Uint16Array(maxDepth + 1);
      this.rowMin = new Int32Array(maxDepth + 1);
    }
    const rows = this.rows;
    const path = this.path;
    // rowMin[r]: smallest value of row r (rows 0 … pathLen are valid for path[0 … pathLen)).
    const rowMin = this.rowMin;
    const q = new Int32Array(m);
    const deleteQ = new Int32Array(W);
    for (let i = 0; i < m; i++) q[i] = query.charCodeAt(i);
    for (let i = 1; i <= m; i++) deleteQ[i] = costs.indel(q[i - 1]!, i >= 2 ? q[i - 2]! : -1);
    rows[0] = 0;
    for (let i = 1; i <= m; i++) rows[i] = rows[i - 1]! + deleteQ[i]!;
    rowMin[0] = 0;
    const T = costs.transposition;
    const n = ids.length;
    let pathLen = 0;
    let x = 0;
    while (x < n) {
      const start = starts[x]!;
      const len = starts[x + 1]! - start;
      let j = 0;
      const common = Math.min(pathLen, len);
      while (j < common && path[j] === keys[start + j]) j++;
      const stop = Math.min(len, maxDepth);
      let dead = -1;
      for (; j < stop; j++) {
        const tc = keys[start + j]!;
        path[j] = tc;
        const r = j + 1;
        const base = r * W;
        const prev = j * W;
        const tPrev = j >= 1 ? path[j - 1]! : -1;
        const insert = costs.indel(tc, tPrev);
        let min = rows[prev]! + insert;
        rows[base] = min;
        for (let i = 1; i <= m; i++) {
          const qc = q[i - 1]!;
          let v = rows[prev + i - 1]! + (qc === tc ? 0 : costs.substitution(qc, tc));
          const a = rows[prev + i]! + insert;
          if (a < v) v = a;
          const b = rows[base + i - 1]! + deleteQ[i]!;
          if (b < v) v = b;
          if (T > 0 && j >= 1 && i >= 2 && qc === tPrev && q[i - 2] === tc && qc !== tc) {
            const t = rows[prev - W + i - 2]! + T;
            if (t < v) v = t;
          }
          rows[base + i] = v;
          if (v < min) min = v;
        }
        rowMin[r] = min;
        // No extension can come back under the budget (a transposition may still reach from row j).
        if (min > budget && (T === 0 || rowMin[j]! + T > budget)) {
          dead = r;
          break;
        }
      }
      if (dead >= 0) {
        pathLen = dead - 1;
        x = this.skip(x, dead);
        continue;
      }
      pathLen = stop;
      if (len > maxDepth) {
        // Every term extending these maxDepth characters is too long as well.
        x = this.skip(x, maxDepth);
        continue;
      }
      const cost = rows[len * W + m]!;
      if (cost <= budget) visit(ids[x]!, cost);
      x++;
    }
  }
}

/** Bits of a term's position in the packed sort keys of {@link sortTerms}. */
const POSITION_BITS = 22;
/** Bits of a sort key left for characters (float64 integers are exact up to 2^53). */
const KEY_BITS = 53 - POSITION_BITS;
/** Runs up to this length are finished by insertion sort. */
const SMALL_RUN = 24;

/**
 * The order of the terms `keys[starts[x], starts[x + 1])` (x < n), by UTF-16 code units: each
 * term's first code units, ranked densely (b bits each for an alphabet of fewer than 2^b
 * distinct code units, as many as fit in 31 bits: 4 for the ANT dictionary's ~100), and its
 * position are packed into one float64 and sorted natively; runs sharing those code units are
 * then sorted by comparison from the next one. Several times faster than comparison sorting
 * alone; falls back to it for alphabets over 255 code units or more than 2^22 terms.
 */
export function sortTerms(keys: Uint16Array, starts: Int32Array): Int32Array {
  const n = starts.length - 1;
  const compareFrom = (a: number, b: number, from: number): number => {
    const sa = starts[a]!;
    const sb = starts[b]!;
    const la = starts[a + 1]! - sa;
    const lb = starts[b + 1]! - sb;
    const m = Math.min(la, lb);
    for (let i = from; i < m; i++) {
      const d = keys[sa + i]! - keys[sb + i]!;
      if (d !== 0) return d;
    }
    return la - lb;
  };
  const rank = new Uint16Array(65536);
  for (let i = 0; i < keys.length; i++) rank[keys[i]!] = 1;
  let distinct = 0;
  for (let c = 0; c < 65536; c++) if (rank[c] !== 0) rank[c] = ++distinct;
  const order = new Int32Array(n);
  if (distinct > 255 || n >= 1 << POSITION_BITS) {
    for (let x = 0; x < n; x++) order[x] = x;
    return order.sort((a, b) => compareFrom(a, b, 0));
  }
  const bits = Math.max(1, Math.ceil(Math.log2(distinct + 1)));
  const packedChars = Math.floor(KEY_BITS / bits);
  const radix = 1 << bits;
  const packed = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const s = starts[x]!;
    const len = starts[x + 1]! - s;
    let key = 0;
    for (let i = 0; i < packedChars; i++) key = key * radix + (i < len ? rank[keys[s + i]!]! : 0);
    packed[x] = key * (1 << POSITION_BITS) + x;
  }
  packed.sort();
  for (let x = 0; x < n; x++) order[x] = packed[x]! % (1 << POSITION_BITS);
  // Runs with the same packed code units: finish by comparison.
  let runStart = 0;
  for (let x = 1; x <= n; x++) {
    if (x < n && Math.floor(packed[x]! / (1 << POSITION_BITS)) === Math.floor(packed[runStart]! / (1 << POSITION_BITS))) continue;
    if (x - runStart > SMALL_RUN) order.subarray(runStart, x).sort((a, b) => compareFrom(a, b, packedChars));
    else {
      for (let i = runStart + 1; i < x; i++) {
        const v = order[i]!;
        let j = i - 1;
        while (j >= runStart && compareFrom(order[j]!, v, packedChars) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = v;
      }
    }
    runStart = x;
  }
  return order;
}

/** Compare `keys[from, to)` with `s` like `a < b ? -1 : a > b ? 1 : 0` on strings. */
function compareKey(keys: Uint16Array, from: number, to: number, s: string): number {
  const n = to - from;
  const m = Math.min(n, s.length);
  for (let i = 0; i < m; i++) {
    const d = keys[from + i]! - s.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return n === s.length ? 0 : n < s.length ? -1 : 1;
}
