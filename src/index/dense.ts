/**
 * Dense lists: for a settled documents stream with many postings, its documents as a bitset and a
 * skip table, so that a query can match those documents a machine word at a time and then read
 * the frequencies of just the few documents it scores, without decoding the whole stream.
 *
 * ```ts
 * const list = denseList(block.docs, block.masks, block.starts, n, bytes, from); // a decoded stream
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
 * The dense list of a documents stream whose `n` postings are decoded: documents `docs`, field
 * masks `masks` and, for each, the offset in `bytes` of its frequencies `starts` (as
 * `PostingBlock` decodes them); the stream starts at `bytes[from]`.
 */
export function denseList(docs: Int32Array, masks: Int32Array, starts: Int32Array, n: number, bytes: Uint8Array, from: number): DenseList {
  const blocks = Math.ceil(n / SKIP_INTERVAL);
  const blockBase = new Int32Array(blocks);
  const blockOffset = new Int32Array(blocks);
  const lo = docs[0]! >>> 5;
  const words = new Int32Array((docs[n - 1]! >>> 5) + 1 - lo);
  let fields = 0;
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    words[(d >>> 5) - lo] = words[(d >>> 5) - lo]! | (1 << (d & 31));
    fields |= masks[i]!;
  }
  blockBase[0] = -1;
  for (let k = 1; k < blocks; k++) {
    // Block k starts after the frequencies of the posting before it.
    const i = k * SKIP_INTERVAL - 1;
    let p = starts[i]!;
    for (let m = masks[i]!; m !== 0; m &= m - 1) while (bytes[p++]! & 0x80);
    blockBase[k] = docs[i]!;
    blockOffset[k] = p - from;
  }
  return new DenseList(n, fields, lo, words, blockBase, blockOffset);
}
