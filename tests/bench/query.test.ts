/**
 * bench/query.ts `mergeLatency`: two rounds of latency over the same queries fold into each
 * query's faster time, with the percentiles computed again from those times.
 */
import { describe, expect, it } from 'vitest';
import { mergeLatency } from '../../bench/query.js';
import type { LatencyResult } from '../../bench/query.js';
import { percentile } from '../../bench/stats.js';

function result(times: number[], nonEmpty = times.length): LatencyResult {
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), nonEmpty, times };
}

describe('mergeLatency', () => {
  it('keeps each query its faster time of the two rounds and recomputes p50 / p95', () => {
    const a = result([5, 1, 9, 2, 7, 3, 8, 4, 6, 10]);
    const b = result([1, 6, 2, 8, 3, 9, 4, 10, 5, 7], 9);
    const merged = mergeLatency(a, b) as LatencyResult;
    const best = [1, 1, 2, 2, 3, 3, 4, 4, 5, 7];
    expect(merged.times).toEqual(best);
    expect(merged.p50).toBe(percentile(best, 50));
    expect(merged.p95).toBe(percentile(best, 95));
    // Merged p50 is at most either round's.
    expect(merged.p50).toBeLessThanOrEqual(Math.min(a.p50, b.p50));
    expect(merged.nonEmpty).toBe(9);
  });

  it('gives the later round alone when a round lacks its times, has other queries, or the feature is missing', () => {
    const later = result([3, 4]);
    const { times: _, ...noTimes } = result([1, 1]);
    expect(mergeLatency(noTimes, later)).toBe(later);
    expect(mergeLatency(result([1, 1, 1]), later)).toBe(later);
    expect(mergeLatency({ na: 'no prefix search' }, { na: 'no prefix search' })).toEqual({ na: 'no prefix search' });
  });
});
