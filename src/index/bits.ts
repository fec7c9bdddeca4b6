/**
 * Word-parallel helpers for document bitsets: `Int32Array` words, document d at bit `d & 31` of
 * word `d >>> 5`. The executor keeps its per-query document sets this way (a few kilobytes for
 * tens of thousands of documents, so they stay in the fastest cache).
 *
 * ```ts
 * const words = new Int32Array(wordsFor(100));
 * words[70 >>> 5] |= 1 << (70 & 31);
 * popcount(words[2]!);   // 1
 * ```
 * @module
 */

/** Words holding `n` bits. */
export function wordsFor(n: number): number {
  return (n + 31) >>> 5;
}

/** Number of set bits of a 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Index (0–31) of the lowest set bit of a non-zero word. */
export function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
