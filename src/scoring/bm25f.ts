/**
 * BM25F: Okapi BM25 over documents with several fields, each field length-normalized on its own
 * and weighted by its boost before one saturation (Robertson, Zaragoza & Taylor, "Simple BM25
 * extension to multiple weighted fields", CIKM 2004).
 *
 * For a term t and a document d with fields f:
 * ```text
 * tf~(t, d) = Σ_f  w_f · tf(t, d, f) / ((1 − b_f) + b_f · len(d, f) / avglen(f))
 * score(t, d) = idf(t) · tf~ · (k1 + 1) / (k1 + tf~)
 * idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
 * ```
 * `w_f` is the field's boost times any query-time boost, `N` the number of documents and `df(t)`
 * the number of documents containing t in any searched field. A document's score is the sum over
 * the query's terms.
 *
 * Scoring reads a {@link CollectionStatistics}, never the index.
 *
 * ```ts
 * const scorer = new Bm25fScorer(stats, { k1: 1.2, b: [0.75, 0.75] }, [3, 1]);
 * const w = scorer.weightedTf(doc, tf, fieldMask);   // tf~ of one posting
 * const s = scorer.idf(df) * scorer.saturate(w);
 * ```
 * @module
 */

/** Default term-frequency saturation k1 (Lucene and most engines use 1.2; useful range 0.5–2). */
export const DEFAULT_K1 = 1.2;
/** Default length normalization b (0 = none, 1 = full; Lucene's default 0.75). */
export const DEFAULT_B = 0.75;

/** What BM25F needs to know about the collection: counts and lengths, nothing else. */
export interface CollectionStatistics {
  /** Number of documents searched (N). */
  readonly docCount: number;
  /** Mean length (indexed words) of field `field` over those documents; 0 if none. */
  averageFieldLength(field: number): number;
  /** Length (indexed words) of field `field` in document `doc`. */
  fieldLength(doc: number, field: number): number;
}

/** BM25F parameters. */
export interface Bm25fParameters {
  /** Term-frequency saturation, ≥ 0. */
  readonly k1: number;
  /** Length normalization per field, each in [0, 1]. */
  readonly b: ArrayLike<number>;
}

/** Inverse document frequency, always > 0: `ln(1 + (N − df + 0.5) / (df + 0.5))`. */
export function idf(docCount: number, docFrequency: number): number {
  return Math.log(1 + (docCount - docFrequency + 0.5) / (docFrequency + 0.5));
}

/** Length normalization `(1 − b) + b · length / averageLength` (1 when the average is 0). */
export function lengthNorm(length: number, averageLength: number, b: number): number {
  return averageLength > 0 ? 1 - b + (b * length) / averageLength : 1;
}

/** Saturation `tf · (k1 + 1) / (k1 + tf)`: 0 at 0, rising towards k1 + 1. */
export function saturate(weightedTf: number, k1: number): number {
  return (weightedTf * (k1 + 1)) / (k1 + weightedTf);
}

/** BM25F for one query: field weights and normalizations resolved once. */
export class Bm25fScorer {
  private readonly weights: Float64Array;
  private readonly averages: Float64Array;
  private readonly bs: Float64Array;
  private readonly k1: number;
  /** Bits of the fields with a positive weight. */
  readonly fieldMask: number;

  /**
   * @param stats - collection statistics
   * @param params - k1 and per-field b
   * @param weights - per-field weight (boost × query boost); 0 leaves a field out
   */
  constructor(
    private readonly stats: CollectionStatistics,
    params: Bm25fParameters,
    weights: ArrayLike<number>,
  ) {
    const F = weights.length;
    this.weights = Float64Array.from(weights);
    this.bs = Float64Array.from(params.b);
    this.averages = new Float64Array(F);
    this.k1 = params.k1;
    let mask = 0;
    for (let f = 0; f < F; f++) {
      this.averages[f] = stats.averageFieldLength(f);
      if (this.weights[f]! > 0) mask |= 1 << f;
    }
    this.fieldMask = mask;
  }

  /** Number of documents (N). */
  get docCount(): number {
    return this.stats.docCount;
  }

  /**
   * tf~ of a term in document `doc`: the weighted, length-normalized sum of `tf[f]` over the
   * fields set in `mask` (fields outside {@link Bm25fScorer.fieldMask} count 0).
   */
  weightedTf(doc: number, tf: ArrayLike<number>, mask: number): number {
    mask &= this.fieldMask;
    let sum = 0;
    for (let f = 0; mask !== 0; f++, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      sum += this.fieldTf(doc, f, tf[f]!);
    }
    return sum;
  }

  /**
   * One field's term of {@link Bm25fScorer.weightedTf}: `w_f · tf / lengthNorm(len(doc, f))`. A
   * caller summing these from 0 over the fields of a mask in increasing order gets `weightedTf`
   * to the bit.
   */
  fieldTf(doc: number, field: number, tf: number): number {
    return (this.weights[field]! * tf) / lengthNorm(this.stats.fieldLength(doc, field), this.averages[field]!, this.bs[field]!);
  }

  /** {@link idf} with this scorer's N. */
  idf(docFrequency: number): number {
    return idf(this.stats.docCount, docFrequency);
  }

  /** {@link saturate} with this scorer's k1. */
  saturate(weightedTf: number): number {
    return saturate(weightedTf, this.k1);
  }
}
