/**
 * The loader's bulk build of the postings. A saved index stores each document's tokens
 * (document-major, see `write.ts`); the postings are term-major. Rather than committing the
 * documents one by one as `add` does (buffering tokens and sorting them by term batch after
 * batch), the loader turns the whole token stream around at once, by stem:
 *
 * 1. {@link BulkPostings.count}, per document as the loader reads it: check every token and count
 *    the tokens of each stem (and each field's length);
 * 2. {@link BulkPostings.prepare}: prefix sums give each stem its range in three arrays (document
 *    field slot, position and exact-form entry per token), allocated once;
 * 3. {@link BulkPostings.place}: read the (now trusted) token bytes again and drop each token into
 *    its stem's range, which leaves every range in (document, field, position) order;
 * 4. {@link BulkPostings.write}: per stem, encode its range in the postings stream format into a
 *    reused buffer and hand it to `Postings.fillTerm`, which copies it into the term's slices;
 *    then the exact forms of that stem from the same range: a stem with one exact form has exactly
 *    the stem's documents stream; else a small counting sort by form splits the range. An exact
 *    form listed under several stems (rare) is gathered from their ranges and written last.
 *
 * ```ts
 * const bulk = new BulkPostings(F, S, T, D, variantStart, variants);
 * for (let i = 0; i < D; i++) bulk.count(reader, i);   // reader at document i's tokens
 * bulk.prepare(bytes);
 * bulk.place(0, D);
 * yield* bulk.write(postings);
 * ```
 *
 * Stems are numbered by decreasing frequency in a saved index, so the counters and fill pointers
 * of the frequent stems, which most tokens hit, lie close together. Memory: 5 to 12 bytes per
 * token for the three arrays (each the narrowest that holds its values; released at the end of
 * `write`) on top of the postings. A slot is `document · F + field`.
 * @module
 */
import type { ByteReader } from './bytes.js';
import { Channel } from '../index/postings.js';
import type { Postings } from '../index/postings.js';

/** Tokens encoded between two yields of {@link BulkPostings.write}. */
const TOKENS_PER_STEP = 1 << 15;
/**
 * Tokens placed per {@link BulkPostings.place} call ({@link BulkPostings.stepEnd}): small, so the
 * engine optimizes `place` between calls rather than in the middle of a long first one.
 */
const PLACE_TOKENS_PER_STEP = 1 << 12;

/** Write `v` (0 ≤ v < 2^31) as a LEB128 varint at `out[at]`; returns the index after it. */
function putVarint(out: Uint8Array, at: number, v: number): number {
  while (v > 0x7f) {
    out[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[at++] = v;
  return at;
}

/** Throw CORRUPT_INDEX through `r` at byte `at`. */
function fail(r: ByteReader, at: number, message: string): never {
  r.pos = at;
  return r.fail(message);
}

/** The field bits of the document whose slots start at `first`, from its run `slots[j, …)` within `[j, b)`. */
function fieldMask(slots: Int32Array | Uint16Array, j: number, b: number, first: number, F: number): number {
  let mask = 0;
  for (let k = j; k < b; k++) {
    const f = slots[k]! - first;
    if (f >= F) break;
    mask |= 1 << f;
  }
  return mask;
}

/** Turn per-stem counts into range starts, in place; returns the largest count. */
function startsFromCounts(counts: Int32Array): number {
  let acc = 0;
  let most = 0;
  for (let s = 0; s < counts.length; s++) {
    const c = counts[s]!;
    counts[s] = acc;
    acc += c;
    if (c > most) most = c;
  }
  return most;
}

/** The most exact forms any of the `S` stems has. */
function mostForms(variantStart: Int32Array, S: number): number {
  let most = 0;
  for (let s = 0; s < S; s++) most = Math.max(most, variantStart[s + 1]! - variantStart[s]!);
  return most;
}

/** Per term (T), 1 when `variants[0, P)` lists it more than once. */
function sharedForms(variants: Int32Array, P: number, T: number): Uint8Array {
  const shared = new Uint8Array(T);
  const seen = new Uint8Array(T);
  for (let p = 0; p < P; p++) {
    const e = variants[p]!;
    shared[e] = seen[e]!;
    seen[e] = 1;
  }
  return shared;
}

/** Builds the postings of a loaded index stem by stem (see the module doc). */
export class BulkPostings {
  /** Field lengths, `lengths[document · F + field]` (what the document table takes). */
  readonly lengths: Uint32Array<ArrayBuffer>;
  /** Tokens counted so far. */
  tokens = 0;
  /**
   * Tokens per stem; after {@link BulkPostings.prepare} the start of each stem's range, advanced
   * by {@link BulkPostings.place} as tokens land, so afterwards entry s is the end of stem s.
   */
  private readonly stemEnd: Int32Array;
  /** Byte offset of each document's token section. */
  private readonly sections: Float64Array;
  /** Per exact-form term: 1 when the variant lists name it more than once. */
  private readonly shared: Uint8Array;
  /** Largest position counted (sizes the positions array). */
  private maxPosition = 0;
  /** Most exact forms of one stem (sizes the forms array). */
  private readonly maxForms: number;
  private slots: Int32Array | Uint16Array = new Int32Array(0);
  // The narrowest arrays that hold the values: less memory to fill and read, fewer collections.
  private positions: Int32Array | Uint16Array = new Int32Array(0);
  private forms: Int32Array | Uint16Array | Uint8Array = new Int32Array(0);
  // Encode buffers and the scratch of the split by exact form (slots, and per form its count then
  // its end), sized once in prepare for the longest stem range (no growing in the hot loops).
  private docBytes = new Uint8Array(0);
  private positionBytes = new Uint8Array(0);
  private formSlots = new Int32Array(0);
  private formEnd = new Int32Array(0);
  private readonly invF: number;
  private bytes: Uint8Array = new Uint8Array(0);
  // Results of the last encode.
  private docLength = 0;
  private positionLength = 0;
  private df = 0;

  /**
   * @param F - fields (1 to 30)
   * @param S - stems: saved terms 0 .. S - 1
   * @param T - terms (S ≤ T)
   * @param D - documents
   * @param variantStart - stem s has exact forms `variants[variantStart[s] .. variantStart[s + 1])`
   * @param variants - exact-form term ids, each < T
   */
  constructor(
    private readonly F: number,
    private readonly S: number,
    private readonly T: number,
    D: number,
    private readonly variantStart: Int32Array,
    private readonly variants: Int32Array,
  ) {
    this.lengths = new Uint32Array(D * F);
    this.stemEnd = new Int32Array(S);
    this.sections = new Float64Array(D);
    this.invF = 1 / F;
    this.maxForms = mostForms(variantStart, S);
    this.shared = sharedForms(variants, variantStart[S]!, T);
  }

  /**
   * Read and check document `doc`'s token section at `r` (per field a token count, then per token
   * its stem, position gap and exact-form entry; see `write.ts`) and count its tokens. Leaves `r`
   * after the section; throws CORRUPT_INDEX (through `r`) on anything out of range.
   */
  count(r: ByteReader, doc: number): void {
    const { F, S, variantStart, stemEnd, lengths } = this;
    const bytes = r.bytes;
    const end = r.end;
    this.sections[doc] = r.pos;
    let maxPosition = this.maxPosition;
    for (let f = 0; f < F; f++) {
      const n = r.varint(r.remaining);
      lengths[doc * F + f] = n;
      this.tokens += n;
      let at = r.pos;
      let position = -1;
      // Varints are decoded inline, as ByteReader.varint does. A read past the end gives
      // undefined, which ends a varint as a 0 byte would; the check after the field catches it
      // (nothing read meanwhile is kept: a failed load is dropped whole).
      for (let j = 0; j < n; j++) {
        let b = bytes[at++]!;
        let code = b & 0x7f;
        if (b > 0x7f) {
          b = bytes[at++]!;
          code |= (b & 0x7f) << 7;
          if (b > 0x7f) {
            b = bytes[at++]!;
            code |= (b & 0x7f) << 14;
            if (b > 0x7f) {
              b = bytes[at++]!;
              code |= (b & 0x7f) << 21;
              if (b > 0x7f) {
                b = bytes[at++]!;
                if (b > 0x0f) fail(r, at, 'varint out of the 32-bit range');
                code = (code >>> 0) + b * 0x10000000;
              }
            }
          }
        }
        // code < 2^32 here, so code >>> 2 is its stem.
        const stem = code >>> 2;
        if (stem >= S) fail(r, at, `token stem ${stem} is not a stem`);
        if (code & 2) {
          b = bytes[at++]!;
          let gap = b & 0x7f;
          if (b > 0x7f) {
            b = bytes[at++]!;
            gap |= (b & 0x7f) << 7;
            if (b > 0x7f) {
              b = bytes[at++]!;
              gap |= (b & 0x7f) << 14;
              if (b > 0x7f) {
                b = bytes[at++]!;
                gap |= (b & 0x7f) << 21;
                if (b > 0x7f) {
                  b = bytes[at++]!;
                  // At most 2^31 - 1, as ByteReader.varint() allows.
                  if (b > 0x07) fail(r, at, 'position gap out of range');
                  gap += b * 0x10000000;
                }
              }
            }
          }
          position += gap;
          if (position < 0 || position > 0x7fffffff) fail(r, at, 'token position out of range');
        } else {
          position += 1;
        }
        if (code & 1) {
          // Entry 0 is coded by the flag's absence: the varint is entry - 1, so the stem must
          // have at least entry + 1 forms.
          b = bytes[at++]!;
          let entry = b & 0x7f;
          for (let shift = 7; b > 0x7f; shift += 7) {
            if (shift > 28) fail(r, at, 'exact form entry out of range');
            b = bytes[at++]!;
            entry += (b & 0x7f) * 2 ** shift;
          }
          if (entry > variantStart[stem + 1]! - variantStart[stem]! - 2) fail(r, at, 'exact form entry out of range');
        }
        stemEnd[stem] = stemEnd[stem]! + 1;
      }
      if (at > end) fail(r, end, 'unexpected end of data');
      if (position > 0x7fffffff) fail(r, at, 'token position out of range');
      if (position > maxPosition) maxPosition = position;
      r.pos = at;
    }
    this.maxPosition = maxPosition;
  }

  /** After every document was counted: each stem's range, and the arrays to place tokens in. */
  prepare(bytes: Uint8Array): void {
    this.bytes = bytes;
    const longest = startsFromCounts(this.stemEnd);
    // Per token at most 5 position bytes; per document of a range at most 5 bytes of delta, 5 of
    // mask and 5 per field (each with a token): 15 bytes per token in all.
    this.docBytes = new Uint8Array(longest * 15);
    this.positionBytes = new Uint8Array(longest * 5);
    this.formSlots = new Int32Array(longest);
    this.formEnd = new Int32Array(this.maxForms);
    const N = this.tokens;
    this.slots = this.lengths.length <= 0x10000 ? new Uint16Array(N) : new Int32Array(N);
    this.positions = this.maxPosition <= 0xffff ? new Uint16Array(N) : new Int32Array(N);
    this.forms = this.maxForms <= 0x100 ? new Uint8Array(N) : this.maxForms <= 0x10000 ? new Uint16Array(N) : new Int32Array(N);
  }

  /** The end of the next step of {@link BulkPostings.place} from document `from`: about PLACE_TOKENS_PER_STEP tokens. */
  stepEnd(from: number, documents: number): number {
    const F = this.F;
    let tokens = 0;
    let to = from;
    while (to < documents && tokens < PLACE_TOKENS_PER_STEP) {
      for (let f = 0; f < F; f++) tokens += this.lengths[to * F + f]!;
      to++;
    }
    return to;
  }

  /**
   * Place the tokens of documents `[from, to)` in their stems' ranges (documents in increasing
   * order across calls, every document once). The bytes were checked by {@link BulkPostings.count}.
   */
  place(from: number, to: number): void {
    const { F, slots, positions, forms, lengths, sections } = this;
    const bytes = this.bytes;
    const fill = this.stemEnd;
    for (let doc = from; doc < to; doc++) {
      let at = sections[doc]!;
      for (let f = 0; f < F; f++) {
        const slot = doc * F + f;
        const n = lengths[slot]!;
        while (bytes[at++]! & 0x80);
        let position = -1;
        for (let j = 0; j < n; j++) {
          let b = bytes[at++]!;
          let code = b & 0x7f;
          if (b & 0x80) {
            b = bytes[at++]!;
            code |= (b & 0x7f) << 7;
            if (b & 0x80) {
              b = bytes[at++]!;
              code |= (b & 0x7f) << 14;
              if (b & 0x80) {
                b = bytes[at++]!;
                code |= (b & 0x7f) << 21;
                if (b & 0x80) {
                  b = bytes[at++]!;
                  code = (code >>> 0) + b * 0x10000000;
                }
              }
            }
          }
          if (code & 2) {
            b = bytes[at++]!;
            let gap = b & 0x7f;
            for (let shift = 7; b & 0x80; shift += 7) {
              b = bytes[at++]!;
              gap |= (b & 0x7f) << shift;
            }
            position += gap;
          } else {
            position += 1;
          }
          let form = 0;
          if (code & 1) {
            b = bytes[at++]!;
            form = b & 0x7f;
            for (let shift = 7; b & 0x80; shift += 7) {
              b = bytes[at++]!;
              form |= (b & 0x7f) << shift;
            }
            form += 1;
          }
          const stem = code >>> 2;
          const k = fill[stem]!;
          fill[stem] = k + 1;
          slots[k] = slot;
          positions[k] = position;
          forms[k] = form;
        }
      }
    }
  }

  /**
   * Encode every term's postings into `postings` (empty), stem by stem, yielding every few
   * thousand tokens; then the exact forms shared by several stems. Releases the token arrays.
   *
   * The order is chosen for the engine's optimizer: first one mid-sized stem with several exact
   * forms, which takes every common path of the encoders and the slice writer (long streams,
   * multi-byte numbers, the split by form) while they still run unoptimized; then the others from
   * the rarest to the most frequent, so the encoders are optimized on many small ranges, with
   * those paths seen, before the long ranges come. (Without this, a load spends about as long
   * recompiling deoptimized code as decoding.)
   */
  *write(postings: Postings): Generator<void, void> {
    postings.reserveTerms(this.T);
    const ends = this.stemEnd;
    const primer = this.primerStem();
    if (primer >= 0) this.writeStem(postings, primer, primer > 0 ? ends[primer - 1]! : 0, ends[primer]!);
    let work = 0;
    for (let s = this.S - 1; s >= 0; s--) {
      const from = s > 0 ? ends[s - 1]! : 0;
      const to = ends[s]!;
      if (to === from || s === primer) continue;
      this.writeStem(postings, s, from, to);
      work += to - from;
      if (work >= TOKENS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    // Exact forms listed under several stems: their tokens gathered from each of those stems, in
    // document order again.
    for (const [e, owners] of this.sharedOwners()) {
      let n = 0;
      for (let i = 0; i < owners.length; i += 2) {
        const s = owners[i]!;
        n += this.collectForm(s > 0 ? ends[s - 1]! : 0, ends[s]!, owners[i + 1]!, n);
      }
      if (n === 0) continue;
      this.formSlots.subarray(0, n).sort();
      const lastDoc = this.encode(this.formSlots, 0, n, null);
      postings.fillTerm(e, Channel.Exact, this.docBytes, this.docLength, this.positionBytes, 0, lastDoc, this.df);
      yield;
    }
    this.slots = this.positions = this.forms = this.formSlots = new Int32Array(0);
    this.docBytes = this.positionBytes = new Uint8Array(0);
  }

  /** A stem of 200 to 2,000 tokens with several exact forms (the most frequent such), or -1. */
  private primerStem(): number {
    const ends = this.stemEnd;
    const variantStart = this.variantStart;
    for (let s = 0; s < this.S; s++) {
      const n = ends[s]! - (s > 0 ? ends[s - 1]! : 0);
      if (n < 200) return -1;
      if (n <= 2000 && variantStart[s + 1]! - variantStart[s]! > 1) return s;
    }
    return -1;
  }

  /** Encode stem s (its tokens at `[from, to)`) and its exact forms (see the module doc). */
  private writeStem(postings: Postings, s: number, from: number, to: number): void {
    const { variantStart, variants, shared } = this;
    const last = this.encode(this.slots, from, to, this.positions);
    postings.fillTerm(s, Channel.Stem, this.docBytes, this.docLength, this.positionBytes, this.positionLength, last, this.df);
    const base = variantStart[s]!;
    const formCount = variantStart[s + 1]! - base;
    if (formCount === 1) {
      // Every token has the one exact form: its documents stream is the stem's.
      const e = variants[base]!;
      // (A form listed under several stems is written at the end of write.)
      if (shared[e] !== 1) postings.fillTerm(e, Channel.Exact, this.docBytes, this.docLength, this.positionBytes, 0, last, this.df);
      return;
    }
    const ends = this.splitByForm(from, to, formCount);
    let start = 0;
    for (let j = 0; j < formCount; j++) {
      const end = ends[j]!;
      if (end === start) continue;
      const e = variants[base + j]!;
      if (shared[e] !== 1) {
        const lastDoc = this.encode(this.formSlots, start, end, null);
        postings.fillTerm(e, Channel.Exact, this.docBytes, this.docLength, this.positionBytes, 0, lastDoc, this.df);
      }
      start = end;
    }
  }

  /** Each exact form listed under several stems, with its (stem, entry) pairs flattened. */
  private sharedOwners(): Map<number, number[]> {
    const owners = new Map<number, number[]>();
    const { S, variantStart, variants, shared } = this;
    for (let s = 0; s < S; s++) {
      for (let p = variantStart[s]!; p < variantStart[s + 1]!; p++) {
        const e = variants[p]!;
        if (shared[e] !== 1) continue;
        let list = owners.get(e);
        if (list === undefined) owners.set(e, (list = []));
        list.push(s, p - variantStart[s]!);
      }
    }
    return owners;
  }

  /**
   * Append to `formSlots` from index `at` the slots of the tokens of range `[a, b)` whose exact
   * form is entry `form` (growing `formSlots` and the document buffer as needed); returns how many.
   */
  private collectForm(a: number, b: number, form: number, at: number): number {
    if (this.formSlots.length < at + (b - a)) {
      const grown = new Int32Array(at + (b - a));
      grown.set(this.formSlots.subarray(0, at));
      this.formSlots = grown;
    }
    // A form gathered from several stems may outnumber the longest stem range.
    if (this.docBytes.length < (at + (b - a)) * 15) this.docBytes = new Uint8Array((at + (b - a)) * 15);
    const { forms, slots, formSlots } = this;
    let n = at;
    for (let k = a; k < b; k++) if (forms[k] === form) formSlots[n++] = slots[k]!;
    return n - at;
  }

  /**
   * A stable counting sort of the slots of range `[a, b)` by exact-form entry into `formSlots`;
   * returns the end of each entry's run (`formCount` entries, in `formEnd`).
   */
  private splitByForm(a: number, b: number, formCount: number): Int32Array {
    const { forms, slots, formSlots, formEnd } = this;
    formEnd.fill(0, 0, formCount);
    for (let k = a; k < b; k++) formEnd[forms[k]!]!++;
    let acc = 0;
    for (let j = 0; j < formCount; j++) {
      const c = formEnd[j]!;
      formEnd[j] = acc;
      acc += c;
    }
    for (let k = a; k < b; k++) formSlots[formEnd[forms[k]!]!++] = slots[k]!;
    return formEnd;
  }

  /**
   * Encode the documents stream of the sorted slots `slots[a, b)`, and with `positions` (the
   * stem ranges: `this.positions`, parallel to `slots`) their positions stream too; returns the
   * last document.
   */
  private encode(slots: Int32Array | Uint16Array, a: number, b: number, positions: Int32Array | Uint16Array | null): number {
    const F = this.F;
    const invF = this.invF;
    const out = this.docBytes;
    const pos = this.positionBytes;
    let o = 0;
    let p = 0;
    let last = -1;
    let df = 0;
    let j = a;
    while (j < b) {
      let slot = slots[j]!;
      // slot / F rounded down, by a multiplication: (slot + 0.5) / F is at least 1/60 from an
      // integer (F ≤ 30) and the product's error is below 2^-20 for slot < 2^31, so it is exact.
      const doc = ((slot + 0.5) * invF) | 0;
      const first = doc * F;
      const delta = doc - last;
      if (delta < 0x80) out[o++] = delta;
      else o = putVarint(out, o, delta);
      // The field mask precedes the frequencies: with up to 7 fields it takes one byte, filled in
      // after the fields are seen; else it is computed first.
      const maskAt = o;
      if (F <= 7) o++;
      else o = putVarint(out, o, fieldMask(slots, j, b, first, F));
      let mask = 0;
      // Per field of the document: its frequency here, its positions (gaps) in the other stream.
      for (;;) {
        mask |= 1 << (slot - first);
        const from = j;
        if (positions === null) {
          do j++;
          while (j < b && slots[j] === slot);
        } else {
          let previous = 0;
          do {
            const q = positions[j]!;
            const gap = q - previous;
            if (gap < 0x80) pos[p++] = gap;
            else p = putVarint(pos, p, gap);
            previous = q;
            j++;
          } while (j < b && slots[j] === slot);
        }
        const tf = j - from;
        if (tf < 0x80) out[o++] = tf;
        else o = putVarint(out, o, tf);
        if (j === b) break;
        slot = slots[j]!;
        if (slot >= first + F) break;
      }
      if (F <= 7) out[maskAt] = mask;
      last = doc;
      df++;
    }
    this.docLength = o;
    this.positionLength = p;
    this.df = df;
    return last;
  }
}
