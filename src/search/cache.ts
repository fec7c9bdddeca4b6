/**
 * A small least-recently-used cache of values computed from an index, valid for one generation of
 * it: the index counts its changes (adds, removals, vacuum, clear), and a lookup under another
 * generation than the stored values' empties the cache first, so a value never outlives the index
 * state it was computed from.
 *
 * ```ts
 * const cache = new GenerationCache<string[]>(1024);
 * let v = cache.get('كتاب', generation);
 * if (v === undefined) cache.set('كتاب', (v = compute()), generation);
 * ```
 * @module
 */

/** Default number of entries of a query word cache. */
export const DEFAULT_CACHE_ENTRIES = 1024;

/** String key → value, at most `capacity` entries, for one index generation at a time. */
export class GenerationCache<V> {
  private readonly entries = new Map<string, V>();
  private generation = Number.NaN;

  /** @param capacity - most entries kept (the least recently used go first), an integer ≥ 1 */
  constructor(readonly capacity = DEFAULT_CACHE_ENTRIES) {}

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  private at(generation: number): void {
    if (generation === this.generation) return;
    this.entries.clear();
    this.generation = generation;
  }

  /** The value stored for `key` under `generation`, or undefined. */
  get(key: string, generation: number): V | undefined {
    this.at(generation);
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last: Map iteration order is insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Store `value` for `key` under `generation`, dropping the least recently used past capacity. */
  set(key: string, value: V, generation: number): void {
    this.at(generation);
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
