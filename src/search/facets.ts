/**
 * Facet counting: for each requested stored field, how many matching documents have each value
 * (each item of an array value counts; `null`/`undefined` are not counted).
 *
 * ```ts
 * const facets = new FacetCounter(['category']);
 * facets.count({ category: 'رياضة' });
 * facets.result(); // { category: [{ value: 'رياضة', count: 1 }] }
 * ```
 * @module
 */

/** One value of a facet and the number of matching documents with it. */
export interface FacetCount {
  /** The stored value. */
  readonly value: string | number | boolean;
  /** Matching documents with this value. */
  readonly count: number;
}

/** Counts per value, most frequent first (ties: by value, ascending). */
export type FacetCounts<Facet extends string> = { readonly [K in Facet]: readonly FacetCount[] };

function compareValues(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  const x = String(a.value);
  const y = String(b.value);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Accumulates facet counts over matching documents. */
export class FacetCounter {
  private readonly maps: Map<string | number | boolean, number>[];

  /** @param fields - stored fields to count */
  constructor(private readonly fields: readonly string[]) {
    this.maps = fields.map(() => new Map());
  }

  /** Whether there is anything to count. */
  get active(): boolean {
    return this.fields.length > 0;
  }

  private add(map: Map<string | number | boolean, number>, value: unknown): void {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') map.set(value, (map.get(value) ?? 0) + 1);
  }

  /** Count one matching document. */
  count(stored: Record<string, unknown>): void {
    for (let i = 0; i < this.fields.length; i++) {
      const value = stored[this.fields[i]!];
      const map = this.maps[i]!;
      if (Array.isArray(value)) {
        for (const item of new Set(value)) this.add(map, item);
      } else {
        this.add(map, value);
      }
    }
  }

  /** The counts, per field, most frequent first. */
  result(): Record<string, FacetCount[]> {
    const out: Record<string, FacetCount[]> = {};
    this.fields.forEach((field, i) => {
      out[field] = [...this.maps[i]!].map(([value, count]) => ({ value, count })).sort(compareValues);
    });
    return out;
  }
}
