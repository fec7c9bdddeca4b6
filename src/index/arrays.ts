/**
 * Geometric growth for typed arrays: the index's per-term and per-document columns grow by half
 * again (never one element at a time), so appending n items costs O(n) amortized copies.
 *
 * ```ts
 * let lengths = new Uint32Array(16);
 * lengths = growUint32(lengths, 40); // length ≥ 40, old values kept, new slots 0
 * ```
 * @module
 */

/** Growth factor of every growable column: 1.5 keeps slack ≤ 33 % while amortizing copies. */
const GROWTH = 1.5;

/** The capacity to grow to so that index `needed - 1` fits. */
export function nextCapacity(current: number, needed: number): number {
  let capacity = Math.max(current, 16);
  while (capacity < needed) capacity = Math.ceil(capacity * GROWTH);
  return capacity;
}

/** Return `a` if it holds `needed` elements, else a larger copy (new slots zero). */
export function growInt32(a: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  const b = new Int32Array(nextCapacity(a.length, needed));
  b.set(a);
  return b;
}

/** A new array of `size` elements holding `a[0, keep)` (the rest zero): growing scratch whose tail is stale. */
export function resizeInt32(a: Int32Array<ArrayBuffer>, size: number, keep: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a.subarray(0, keep));
  return b;
}

/** Like {@link growInt32}, new slots filled with `fill`. */
export function growInt32Filled(a: Int32Array<ArrayBuffer>, needed: number, fill: number): Int32Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  const b = new Int32Array(nextCapacity(a.length, needed));
  b.set(a);
  b.fill(fill, a.length);
  return b;
}

/** Return `a` if it holds `needed` elements, else a larger copy (new slots zero). */
export function growUint32(a: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  const b = new Uint32Array(nextCapacity(a.length, needed));
  b.set(a);
  return b;
}

/** Return `a` if it holds `needed` elements, else a larger copy (new slots zero). */
export function growUint8(a: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  const b = new Uint8Array(nextCapacity(a.length, needed));
  b.set(a);
  return b;
}

/** Return `a` if it holds `needed` elements, else a larger copy (new slots zero). */
export function growUint16(a: Uint16Array<ArrayBuffer>, needed: number): Uint16Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  const b = new Uint16Array(nextCapacity(a.length, needed));
  b.set(a);
  return b;
}

/** Return `a` if it holds `needed` elements, else a larger copy (new slots zero). */
export function growFloat64(a: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  const b = new Float64Array(nextCapacity(a.length, needed));
  b.set(a);
  return b;
}
