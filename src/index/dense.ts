/**
 * Dense lists: for a settled documents stream with many postings, its documents as a bitset and a
 * skip table, so that a query can match those documents a machine word at a time and then read
 * the frequencies of just the few documents it scores, without decoding the whole stream.
 *
 * ```ts
 * const list = denseList(bytes, from, to, n, lastDoc, fieldCount); // a documents stream
 * list.words[w - list.lo];            // documents 32w .. 32w + 31 holding the term, as bits
 * const r = list.rank(doc);            // its posting's index in the stream (-1: not there)
 * list.tfs?.[r * list.fieldCount + f]; // its frequency in field f (0: not in f)
 * const b = (r / SKIP_INTERVAL) | 0;   // the skip-table block holding it
 * list.blockBase[b];                   // document before block b's first posting (-1 for block 0)
 * list.blockOffset[b];                 // its first byte, from the stream's start
 * ```
 *
 * The frequencies by posting index ({@link DenseList.tfs}) let a query score any of the list's
 * documents without decoding the stream: a bit test, a rank (popcounts) and a byte per field.
 * They take one byte per posting and field, so they are kept only for indexes of at most
 * {@link DENSE_TF_FIELDS} fields and lists whose frequencies all fit in a byte.
 *
 * The stream format is the one of `postings.ts`: per posting `vint(doc - previousDoc)
 * vint(fieldMask)` and one `vint(tf)` per field of the mask. A dense list describes the stream as
 * it was when built: the postings module drops it as soon as the stream changes.
 * @module
 */
import { popcount } from './bits.js';

/** Postings per block of the skip table. */
export const SKIP_INTERVAL = 32;

/** Most fields of an index whose dense lists keep their frequencies ({@link DenseList.tfs}). */
export const DENSE_TF_FIELDS = 8;

/** The bitset, ranks, skip table and frequencies of one documents stream (see the module doc). */
export class DenseList {
  /**
   * @param count - postings in the stream
   * @param fields - the fields of its postings, as bits (the union of their masks)
   * @param lo - first bitset word (documents `32 · lo` onwards)
   * @param words - bitset words `lo .. lo + words.length`
   * @param blockBase - per block, the document before its first posting (-1 for the first block)
   * @param blockOffset - per block, the byte offset of its first posting in the stream
   * @param ranks - per bitset word, the set bits of the words before it (postings before it)
   * @param fieldCount - fields of the index
   * @param tfs - posting i's frequency in field f at `i · fieldCount + f` (0 when the posting is
   *   not in f), or undefined when not kept (see the module doc)
   */
  constructor(
    readonly count: number,
    readonly fields: number,
    readonly lo: number,
    readonly words: Int32Array,
    readonly blockBase: Int32Array,
    readonly blockOffset: Int32Array,
    readonly ranks: Int32Array,
    readonly fieldCount: number,
    readonly tfs: Uint8Array | undefined,
  ) {}

  /** The index in the stream of `doc`'s posting, or -1 when the stream does not hold `doc`. */
  rank(doc: number): number {
    const w = (doc >>> 5) - this.lo;
    if (w < 0 || w >= this.words.length) return -1;
    const word = this.words[w]!;
    const bit = doc & 31;
    if (((word >>> bit) & 1) === 0) return -1;
    return this.ranks[w]! + popcount(word & ((1 << bit) - 1));
  }
}

/**
 * The dense list of the documents stream `bytes[from, to)` of `n` postings, the last of document
 * `lastDoc`, decoded in one pass; with `keepFrequencies` (the default), its frequencies by posting
 * when the index has at most {@link DENSE_TF_FIELDS} fields and they all fit a byte.
 */
export function denseList(bytes: Uint8Array, from: number, to: number, n: number, lastDoc: number, fieldCount: number, keepFrequencies = true): DenseList {
  const blocks = Math.ceil(n / SKIP_INTERVAL);
  const blockBase = new Int32Array(blocks);
  const blockOffset = new Int32Array(blocks);
  let p = from;
  // The first document (its delta counts from -1) gives the first bitset word.
  let b = bytes[p]!;
  let first = b & 0x7f;
  for (let shift = 7, q = p + 1; b & 0x80; shift += 7) {
    b = bytes[q++]!;
    first |= (b & 0x7f) << shift;
  }
  const lo = (first - 1) >>> 5;
  const words = new Int32Array((lastDoc >>> 5) + 1 - lo);
  let tfs = keepFrequencies && fieldCount <= DENSE_TF_FIELDS ? new Uint8Array(n * fieldCount) : undefined;
  let fields = 0;
  let doc = -1;
  blockBase[0] = -1;
  // One pass over the stream; the varints are read inline (as in PostingBlock.decode), this runs
  // once per posting of every dense list when the streams settle or load.
  for (let i = 0; p < to; i++) {
    if ((i & (SKIP_INTERVAL - 1)) === 0 && i > 0) {
      blockBase[i / SKIP_INTERVAL] = doc;
      blockOffset[i / SKIP_INTERVAL] = p - from;
    }
    b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    doc += v >>> 0;
    b = bytes[p++]!;
    let mask = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[p++]!;
      mask |= (b & 0x7f) << shift;
    }
    fields |= mask;
    words[(doc >>> 5) - lo] = words[(doc >>> 5) - lo]! | (1 << (doc & 31));
    for (let f = 0, m = mask; m !== 0; f++, m >>>= 1) {
      if ((m & 1) === 0) continue;
      b = bytes[p++]!;
      v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
      if (tfs === undefined) continue;
      if (v > 0xff) tfs = undefined;
      else tfs[i * fieldCount + f] = v;
    }
  }
  const ranks = new Int32Array(words.length);
  for (let w = 0, before = 0; w < words.length; w++) {
    ranks[w] = before;
    before += popcount(words[w]!);
  }
  return new DenseList(n, fields, lo, words, blockBase, blockOffset, ranks, fieldCount, tfs);
}
