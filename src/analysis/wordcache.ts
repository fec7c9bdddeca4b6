/**
 * A bounded set of written words, each given a small integer id, looked up by a slice of a
 * larger text WITHOUT creating the slice: the tokenizer hashes the word's code units while
 * scanning and the cache compares them in place against its own character pool. On a hit nothing
 * is allocated and no object is dereferenced; a `Map<string, …>` needs a fresh substring and its
 * hash per token and chases pointers to scattered heap objects, which made the chain about three
 * times slower on the ANT benchmark.
 *
 * Layout (all typed arrays, so the hot entries stay compact in the CPU cache):
 * - two slot tables of `[hash, pool offset + 1]` pairs, open addressing with linear probing: a
 *   small one (128 KiB at most) for the first `hot` ids, looked up first, and a large one
 *   (capacity a power of two at least 2.5× the limit) for the others. The first ids are the
 *   words met first, mostly the frequent ones (the first 8,192 ids take about half the lookups
 *   of 20,000 ANT articles): their lookups stay in a table small enough for the CPU cache
 *   instead of landing anywhere in a table of megabytes;
 * - a `Uint16Array` pool holding each key as `[length, id low, id high, code units…]`, so a hit
 *   reads two places in memory (the slot, then the key with its id);
 * - ids 1, 2, 3 … in first-seen order (frequent words get small ids, so their data is close
 *   together); callers keep per-id data in their own arrays of length `limit + 1`.
 *
 * When `limit` words are held the next {@link WordCache.add} keeps the first `limit / 2` ids
 * (their keys are the front of the pool: nothing moves) and drops the rest, whose ids are handed
 * out again; {@link WordCache.generation} counts these events. A simple, allocation-free policy:
 * news vocabulary is Zipfian, so the frequent words are met early and stay, while the long tail
 * of rare words cycles through the other half. (Clearing everything instead made the analyzer
 * fold and stem ~1.9× as many words on 20,000 ANT articles, over 200,000 distinct words.)
 *
 * ```ts
 * const cache = new WordCache(1000);
 * const text = 'ab cd';
 * const h = hashRange(text, 3, 5);
 * const id = cache.add(text, 3, 5, h); // 1
 * cache.get(text, 3, 5, h);            // 1
 * ```
 * @module
 */

/** FNV-1a 32-bit offset basis (as a signed 32-bit integer). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
/** FNV-1a 32-bit prime. */
export const FNV_PRIME = 0x01000193;

/** Code units before each key's characters in the pool: length, id low 16 bits, id high 16 bits. */
const HEADER = 3;

/** Default most ids kept in the small table (see the module doc). */
const HOT_IDS = 8192;

/** FNV-1a over the UTF-16 code units of `text[start, end)`: a 32-bit signed integer. */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A bounded word → id table keyed by text ranges (see the module doc). */
export class WordCache {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The small table, for ids 1 … {@link WordCache.hotIds}. */
  private readonly hot: Int32Array;
  private readonly hotMask: number;
  /** Ids 1 … hotIds live in the small table, the others in the large one; at most `limit / 2`. */
  private readonly hotIds: number;
  /** Pool offset just past the key of id `hotIds` (0 until that id exists). */
  private hotPoolEnd = 0;
  private pool: Uint16Array;
  private poolLength = 0;
  private count = 0;
  /**
   * How many times ids were handed out again (starts at 0; see {@link WordCache.add} and {@link
   * WordCache.clear}): an id names the same word only while `generation` stays the same.
   */
  generation = 0;
  /** Most words held (ids are 1 … limit); 0 holds nothing. */
  readonly limit: number;

  /**
   * @param limit - most words held (integer ≥ 0; 0 holds nothing)
   * @param hotIds - ids held in the small table looked up first (integer ≥ 0, default 8,192;
   *   capped at `floor(limit / 2)`, so dropping words never touches it). Changes speed only.
   */
  constructor(limit: number, hotIds = HOT_IDS) {
    this.limit = limit;
    this.hotIds = Math.max(0, Math.min(hotIds, limit >> 1));
    let cap = 16;
    while (cap < (limit - this.hotIds) * 2.5) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(limit === 0 ? 2 : 2 * cap);
    let hotCap = 16;
    while (hotCap < this.hotIds * 2) hotCap *= 2;
    this.hotMask = hotCap - 1;
    this.hot = new Int32Array(2 * hotCap);
    this.pool = new Uint16Array(limit === 0 ? 0 : Math.min(1 << 20, 10 * limit + 64));
  }

  /** Words currently held. */
  get size(): number {
    return this.count;
  }

  /** The id of `text[start, end)` (whose {@link hashRange} is `hash`), or 0 when absent. */
  get(text: string, start: number, end: number, hash: number): number {
    const header: typeof HEADER = 3; // (a literal: the JIT folds it)
    const hot = this.hot;
    const pool = this.pool;
    const len = end - start;
    const hotMask = this.hotMask;
    let i = hash & hotMask;
    for (;;) {
      const at = hot[2 * i + 1] as number;
      if (at === 0) break;
      if (hot[2 * i] === hash) {
        const off = at - 1;
        if (pool[off] === len) {
          const chars = off + header;
          let j = 0;
          while (j < len && pool[chars + j] === text.charCodeAt(start + j)) j++;
          if (j === len) return (pool[off + 1] as number) | ((pool[off + 2] as number) << 16);
        }
      }
      i = (i + 1) & hotMask;
    }
    if (this.count <= this.hotIds) return 0;
    // The same probe in the full table. Written twice on purpose: one loop switching tables, or a
    // shared method, measured 6–7 % more CPU for a 20,000-article addAll (the analyzer calls this
    // once per word).
    const slots = this.slots;
    const mask = this.mask;
    i = hash & mask;
    for (;;) {
      const at = slots[2 * i + 1] as number;
      if (at === 0) return 0;
      if (slots[2 * i] === hash) {
        const off = at - 1;
        if (pool[off] === len) {
          const chars = off + header;
          let j = 0;
          while (j < len && pool[chars + j] === text.charCodeAt(start + j)) j++;
          if (j === len) return (pool[off + 1] as number) | ((pool[off + 2] as number) << 16);
        }
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Add `text[start, end)`, which must be absent (check with {@link WordCache.get} first), and
   * return its new id. When `limit` words are held it first drops all but the first
   * `floor(limit / 2)` ids (see the module doc; {@link WordCache.generation} goes up by one).
   * Returns 0 when `limit` is 0.
   */
  add(text: string, start: number, end: number, hash: number): number {
    if (this.limit === 0) return 0;
    if (this.count >= this.limit) this.keepFirst(this.limit >> 1);
    const len = end - start;
    if (this.poolLength + len + HEADER > this.pool.length) {
      const bigger = new Uint16Array(Math.max(2 * this.pool.length, this.poolLength + len + 1024));
      bigger.set(this.pool.subarray(0, this.poolLength));
      this.pool = bigger;
    }
    const id = ++this.count;
    const pool = this.pool;
    const at = this.poolLength;
    pool[at] = len;
    pool[at + 1] = id & 0xffff;
    pool[at + 2] = id >>> 16;
    let off = at + HEADER;
    for (let j = start; j < end; j++) pool[off++] = text.charCodeAt(j);
    this.poolLength = off;
    if (id <= this.hotIds) {
      insert(this.hot, this.hotMask, hash, at);
      if (id === this.hotIds) this.hotPoolEnd = off;
    } else insert(this.slots, this.mask, hash, at);
    return id;
  }

  /** Keep ids 1 … `keep` (their keys are the front of the pool), drop the rest. */
  private keepFirst(keep: number): void {
    this.generation++;
    this.slots.fill(0);
    let at = 0;
    let id = 1;
    if (keep < this.hotIds) {
      this.hot.fill(0);
      this.hotPoolEnd = 0;
    } else if (this.count >= this.hotIds) {
      // The small table holds ids 1 … hotIds, all kept.
      at = this.hotPoolEnd;
      id = this.hotIds + 1;
    }
    const pool = this.pool;
    for (; id <= keep; id++) {
      const len = pool[at] as number;
      let h = FNV_OFFSET;
      const chars = at + HEADER;
      for (let j = 0; j < len; j++) h = Math.imul(h ^ (pool[chars + j] as number), FNV_PRIME);
      if (id <= this.hotIds) {
        insert(this.hot, this.hotMask, h, at);
        if (id === this.hotIds) this.hotPoolEnd = chars + len;
      } else insert(this.slots, this.mask, h, at);
      at = chars + len;
    }
    this.poolLength = at;
    this.count = keep;
  }

  /** Remove every word; ids restart at 1 and {@link WordCache.generation} goes up by one. */
  clear(): void {
    this.keepFirst(0);
  }
}

/** Put the key at pool offset `at` with hash `hash` into the first free slot of `slots` from its home. */
function insert(slots: Int32Array, mask: number, hash: number, at: number): void {
  let i = hash & mask;
  while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
  slots[2 * i] = hash;
  slots[2 * i + 1] = at + 1;
}
