/**
 * The term dictionary: maps each distinct term string to a dense integer id (0, 1, 2, … in order
 * of first sight) and back. Stand-alone: it knows nothing of documents or postings.
 *
 * ```ts
 * const terms = new TermDictionary();
 * const id = terms.intern('كتاب');   // 0
 * terms.lookup('كتاب');              // 0
 * terms.lookup('قلم');               // -1
 * terms.term(id);                    // 'كتاب'
 * ```
 *
 * Layout (no object per term): the characters of all terms are concatenated in one `Uint16Array`
 * (`offsets[id] .. offsets[id + 1]`), each term's 32-bit hash is kept in `hashes[id]`, and an
 * open-addressing table (linear probing, load ≤ 1/2) maps hash slots to ids. About 14 bytes plus
 * 2 bytes per character per term, and no string is retained from the caller (so no sliced string
 * can pin a whole document in memory).
 *
 * Ordered access for prefix and fuzzy lookup: {@link TermDictionary.sortedIds} gives the ids
 * sorted by term (UTF-16 code unit order), cached until the next new term; {@link
 * TermDictionary.compareTo} compares a stored term to a string without allocating.
 * @module
 */
import { growInt32, growUint16 } from './arrays.js';

const EMPTY = -1;

/** 32-bit FNV-1a over UTF-16 code units (the dictionary's hash; see {@link TermDictionary.internHashed}). */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Term string ↔ dense term id. */
export class TermDictionary {
  private chars = new Uint16Array(1024);
  /** `offsets[id]` = first char of term `id`; `offsets[size]` = end of the last term. */
  private offsets = new Int32Array(64);
  private hashes = new Int32Array(64);
  private table = new Int32Array(128).fill(EMPTY);
  private mask = 127;
  private count = 0;
  private sorted: Int32Array | null = null;

  /** Number of distinct terms. */
  get size(): number {
    return this.count;
  }

  /** Characters stored (for statistics). */
  get charCount(): number {
    return this.offsets[this.count]!;
  }

  /** Whether stored term `id` equals `s`. */
  private equals(id: number, s: string): boolean {
    const from = this.offsets[id]!;
    const n = this.offsets[id + 1]! - from;
    if (n !== s.length) return false;
    const chars = this.chars;
    for (let i = 0; i < n; i++) if (chars[from + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** The id of `term`, or -1 when absent. Never adds. */
  lookup(term: string): number {
    const h = hashString(term);
    const table = this.table;
    const mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id === EMPTY) return -1;
      if (this.hashes[id] === h && this.equals(id, term)) return id;
    }
  }

  /** The id of `term`, adding it (with the next id) when absent. */
  intern(term: string): number {
    return this.internHashed(term, hashString(term));
  }

  /** {@link TermDictionary.intern} for a caller that already has `hashString(term)` as `h`. */
  internHashed(term: string, h: number): number {
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === h && this.equals(id, term)) return id;
    }
    return this.insertAt(slot, h, term);
  }

  /**
   * Make room for `terms` terms of `chars` code units in all at once (a loader that knows the
   * sizes): no growing copies and no rehashing while they are added. Changes no id.
   */
  reserve(terms: number, chars: number): void {
    if (this.chars.length < chars) {
      const grown = new Uint16Array(chars);
      grown.set(this.chars);
      this.chars = grown;
    }
    if (this.offsets.length < terms + 1) {
      const grown = new Int32Array(terms + 1);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    if (this.hashes.length < terms) {
      const grown = new Int32Array(terms);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    let capacity = this.table.length;
    while (capacity < terms * 2 + 2) capacity *= 2;
    if (capacity > this.table.length) this.rehash(capacity);
  }

  /**
   * {@link TermDictionary.intern} for a term given as UTF-16 code units `units[0, length)` (for a
   * loader that decodes terms straight from bytes): no string is made. Same hash, same ids.
   */
  internUnits(units: Uint16Array, length: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === h && this.equalsUnits(id, units, length)) return id;
    }
    const id = this.count;
    const from = this.offsets[id]!;
    this.chars = growUint16(this.chars, from + length);
    const chars = this.chars;
    for (let i = 0; i < length; i++) chars[from + i] = units[i]!;
    return this.addAt(slot, h, from + length);
  }

  /** Whether stored term `id` equals `units[0, length)`. */
  private equalsUnits(id: number, units: Uint16Array, length: number): boolean {
    const from = this.offsets[id]!;
    if (this.offsets[id + 1]! - from !== length) return false;
    const chars = this.chars;
    for (let i = 0; i < length; i++) if (chars[from + i] !== units[i]) return false;
    return true;
  }

  /** Record the next id, whose characters were just copied to `chars` up to `end`, at `slot`. */
  private addAt(slot: number, h: number, end: number): number {
    const id = this.count;
    this.offsets = growInt32(this.offsets, id + 2);
    this.offsets[id + 1] = end;
    this.hashes = growInt32(this.hashes, id + 1);
    this.hashes[id] = h;
    this.table[slot] = id;
    this.count = id + 1;
    this.sorted = null;
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    return id;
  }

  private insertAt(slot: number, h: number, term: string): number {
    const id = this.count;
    const from = this.offsets[id]!;
    const n = term.length;
    this.chars = growUint16(this.chars, from + n);
    const chars = this.chars;
    for (let i = 0; i < n; i++) chars[from + i] = term.charCodeAt(i);
    return this.addAt(slot, h, from + n);
  }

  private rehash(capacity: number): void {
    const table = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }

  /** The term with id `id` (0 ≤ id < size). Allocates a string. */
  term(id: number): string {
    const from = this.offsets[id]!;
    const to = this.offsets[id + 1]!;
    let s = '';
    for (let i = from; i < to; i += 4096) {
      s += String.fromCharCode.apply(null, Array.from(this.chars.subarray(i, Math.min(to, i + 4096))));
    }
    return s;
  }

  /** Length (UTF-16 code units) of term `id`. */
  termLength(id: number): number {
    return this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** UTF-16 code unit `i` of term `id`. */
  charAt(id: number, i: number): number {
    return this.chars[this.offsets[id]! + i]!;
  }

  /**
   * Compare stored term `id` with `s` in UTF-16 code unit order, like `a < b ? -1 : a > b ? 1 : 0`
   * on strings. Does not allocate.
   */
  compareTo(id: number, s: string): number {
    const from = this.offsets[id]!;
    const n = this.offsets[id + 1]! - from;
    const m = Math.min(n, s.length);
    for (let i = 0; i < m; i++) {
      const d = this.chars[from + i]! - s.charCodeAt(i);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return n === s.length ? 0 : n < s.length ? -1 : 1;
  }

  /**
   * Compare terms `a` and `b` in UTF-16 code unit order: negative, zero or positive like
   * `a < b ? -1 : …` on the strings. Does not allocate.
   */
  compareIds(a: number, b: number): number {
    const fa = this.offsets[a]!;
    const na = this.offsets[a + 1]! - fa;
    const fb = this.offsets[b]!;
    const nb = this.offsets[b + 1]! - fb;
    const m = Math.min(na, nb);
    for (let i = 0; i < m; i++) {
      const d = this.chars[fa + i]! - this.chars[fb + i]!;
      if (d !== 0) return d;
    }
    return na - nb;
  }

  /**
   * All ids sorted by their term (UTF-16 code unit order). Cached: the same array is returned
   * until a new term is added; do not modify it.
   */
  sortedIds(): Int32Array {
    if (this.sorted === null) {
      const ids = new Int32Array(this.count);
      for (let i = 0; i < ids.length; i++) ids[i] = i;
      this.sorted = ids.sort((a, b) => this.compareIds(a, b));
    }
    return this.sorted;
  }

  /**
   * Keep only the terms for which `keep(id)` is true, renumbered densely in their old order.
   * @returns the map old id → new id (-1 for dropped terms).
   */
  compact(keep: (id: number) => boolean): Int32Array {
    const map = new Int32Array(this.count).fill(-1);
    const chars = new Uint16Array(Math.max(16, this.charCount));
    const offsets = new Int32Array(this.count + 2);
    const hashes = new Int32Array(this.count + 1);
    let n = 0;
    let at = 0;
    for (let id = 0; id < this.count; id++) {
      if (!keep(id)) continue;
      const from = this.offsets[id]!;
      const to = this.offsets[id + 1]!;
      chars.set(this.chars.subarray(from, to), at);
      at += to - from;
      hashes[n] = this.hashes[id]!;
      map[id] = n++;
      offsets[n] = at;
    }
    this.chars = chars;
    this.offsets = offsets;
    this.hashes = hashes;
    this.count = n;
    this.sorted = null;
    let capacity = 128;
    while (capacity < n * 2 + 2) capacity *= 2;
    this.rehash(capacity);
    return map;
  }

  /** Forget every term. */
  clear(): void {
    this.chars = new Uint16Array(1024);
    this.offsets = new Int32Array(64);
    this.hashes = new Int32Array(64);
    this.table = new Int32Array(128).fill(EMPTY);
    this.mask = 127;
    this.count = 0;
    this.sorted = null;
  }
}
