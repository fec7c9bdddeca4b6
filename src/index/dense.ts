/**
 * Dense lists: for a settled documents stream with many postings, its documents as a bitset and a
 * skip table, so that a query can match those documents a machine word at a time and then read
 * the frequencies of just the few documents it scores, without decoding the whole stream.
 *
 * ```ts
 * const list = denseList(bytes, from, to, count, lastDoc);
 * list.words[w - list.lo];        // documents 32w .. 32w + 31 holding the term, as bits
 * list.block(doc);                 // the block of SKIP_INTERVAL postings that would hold `doc`
 * list.blockBase[b];               // document before block b's first posting (-1 for block 0)
 * list.blockOffset[b];             // its first byte, from the stream's start
 * ```
 *
 * The stream format is the one of `postings.ts`: per posting `vint(doc - previousDoc)
 * vint(fieldMask)` and one `vint(tf)` per field of the mask. A dense list describes the stream as
 * it was when built: the postings module drops it as soon as the stream changes.
 * @module
 */

/** Postings per block of the skip table. */
export const SKIP_INTERVAL = 32;

/** The bitset and skip table of one documents stream (see the module doc). */
export class DenseList {
  /**
   * @param count - postings in the stream
   * @param fields - the fields of its postings, as bits (the union of their masks)
   * @param lo - first bitset word (documents `32 · lo` onwards)
   * @param words - bitset words `lo .. lo + words.length`
   * @param blockBase - per block, the document before its first posting (-1 for the first block)
   * @param blockOffset - per block, the byte offset of its first posting in the stream
   */
  constructor(
    readonly count: number,
    readonly fields: number,
    readonly lo: number,
    readonly words: Int32Array,
    readonly blockBase: Int32Array,
    readonly blockOffset: Int32Array,
  ) {}

  /** The last block whose postings start before document `doc`, i.e. the one that would hold it. */
  block(doc: number): number {
    const base = this.blockBase;
    let lo = 0;
    let hi = base.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (base[mid]! < doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * The dense list of the documents stream `bytes[from, to)` holding `count` postings, the last
 * of them for document `lastDoc`. The bytes are trusted (written by the postings module).
 */
export function denseList(bytes: Uint8Array, from: number, to: number, count: number, lastDoc: number): DenseList {
  const blocks = Math.ceil(count / SKIP_INTERVAL);
  const blockBase = new Int32Array(blocks);
  const blockOffset = new Int32Array(blocks);
  // The first document: the first varint.
  let first = 0;
  for (let p = from, shift = 0; ; shift += 7) {
    const b = bytes[p++]!;
    first |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) break;
  }
  first -= 1; // deltas start from -1
  const lo = first >>> 5;
  const words = new Int32Array((lastDoc >>> 5) + 1 - lo);
  let fields = 0;
  let p = from;
  let doc = -1;
  for (let i = 0; p < to; i++) {
    if (i % SKIP_INTERVAL === 0) {
      blockBase[i / SKIP_INTERVAL] = doc;
      blockOffset[i / SKIP_INTERVAL] = p - from;
    }
    let b = bytes[p++]!;
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
    for (let m = mask; m !== 0; m &= m - 1) while (bytes[p++]! & 0x80);
  }
  return new DenseList(count, fields, lo, words, blockBase, blockOffset);
}
