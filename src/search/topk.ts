/**
 * Bounded top-k selection: keeps the k best of a stream of (document, matched clauses, score)
 * in a binary min-heap whose root is the worst kept, so selecting k of n costs O(n log k) and
 * never sorts all n.
 *
 * Order: more matched clauses first, then higher score, then lower document id (insertion order),
 * so results are deterministic.
 *
 * ```ts
 * const top = new TopK();
 * top.reset(10);
 * top.offer(doc, matched, score);  // for every candidate
 * const n = top.drain();           // top.docs[0 .. n) best first
 * ```
 * @module
 */

/** The k best candidates seen. */
export class TopK {
  /** Document ids; after {@link TopK.drain}, best first. */
  docs = new Int32Array(16);
  /** Matched clause counts, parallel to `docs`. */
  counts = new Int32Array(16);
  /** Scores, parallel to `docs`. */
  scores = new Float64Array(16);
  private size = 0;
  private k = 0;

  /** Start a new selection of at most `k` candidates. */
  reset(k: number): void {
    this.k = k;
    this.size = 0;
    const capacity = Math.min(k, 1 << 20);
    if (this.docs.length < capacity) {
      this.docs = new Int32Array(capacity);
      this.counts = new Int32Array(capacity);
      this.scores = new Float64Array(capacity);
    }
  }

  /** Whether candidate a ranks below candidate b. */
  private static worse(ca: number, sa: number, da: number, cb: number, sb: number, db: number): boolean {
    if (ca !== cb) return ca < cb;
    if (sa !== sb) return sa < sb;
    return da > db;
  }

  private less(i: number, j: number): boolean {
    return TopK.worse(this.counts[i]!, this.scores[i]!, this.docs[i]!, this.counts[j]!, this.scores[j]!, this.docs[j]!);
  }

  private swap(i: number, j: number): void {
    const d = this.docs[i]!;
    this.docs[i] = this.docs[j]!;
    this.docs[j] = d;
    const c = this.counts[i]!;
    this.counts[i] = this.counts[j]!;
    this.counts[j] = c;
    const s = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = s;
  }

  private grow(): void {
    const n = this.docs.length * 2;
    const docs = new Int32Array(n);
    docs.set(this.docs);
    const counts = new Int32Array(n);
    counts.set(this.counts);
    const scores = new Float64Array(n);
    scores.set(this.scores);
    this.docs = docs;
    this.counts = counts;
    this.scores = scores;
  }

  private siftDown(i: number): void {
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      let m = l;
      if (l + 1 < n && this.less(l + 1, l)) m = l + 1;
      if (!this.less(m, i)) return;
      this.swap(i, m);
      i = m;
    }
  }

  /** Offer a candidate; kept if fewer than k are kept or it beats the worst kept. */
  offer(doc: number, count: number, score: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      if (this.size === this.docs.length) this.grow();
      let i = this.size++;
      this.docs[i] = doc;
      this.counts[i] = count;
      this.scores[i] = score;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.less(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    if (!TopK.worse(this.counts[0]!, this.scores[0]!, this.docs[0]!, count, score, doc)) return;
    this.docs[0] = doc;
    this.counts[0] = count;
    this.scores[0] = score;
    this.siftDown(0);
  }

  /** Sort the kept candidates best first in place; returns how many there are. */
  drain(): number {
    const n = this.size;
    // Heap sort: repeatedly move the worst to the end of the shrinking heap.
    for (let end = n - 1; end > 0; end--) {
      this.swap(0, end);
      this.size = end;
      this.siftDown(0);
    }
    this.size = 0;
    return n;
  }
}
