/**
 * Query latency: p50 and p95 (ms) of plain, prefix and fuzzy queries (see latency-queries.ts),
 * top 10. After an untimed warm-up on the first fifth of each kind, the whole list is timed
 * `passes` times (2 at the main size, 1 at scaling points) and each query keeps its fastest
 * time, so a moment the process spent descheduled on a shared machine does not land in the p95
 * of one library only. At the main size this runs in every round (libraries taking turns, each
 * in its own process) and each query keeps its fastest time over the rounds
 * ({@link mergeLatency}): a slow spell of the shared machine lasts minutes, longer than one
 * library's turn, so one window alone could fall on one library only. Checks that
 * plain queries (known to match: their words come from indexed titles) return results, and
 * prefix and fuzzy queries too where the library supports them.
 * @module
 */
import type { Checks } from './checks.js';
import type { LatencyQueries } from './latency-queries.js';
import type { Peer, PeerSearchOptions } from './peers/types.js';
import { percentile } from './stats.js';

/** Latency of one query kind. */
export interface LatencyResult {
  n: number;
  p50: number;
  p95: number;
  /** Queries that returned at least one id. */
  nonEmpty: number;
  /** Each query's fastest time (ms), in list order (absent in results recorded before rounds were merged). */
  times?: number[];
}

/** Figures of the query concern; "n/a" where the library lacks the feature. */
export interface QueryResult {
  plain: LatencyResult | { na: string };
  prefix: LatencyResult | { na: string };
  fuzzy: LatencyResult | { na: string };
}

/** Edit distance used for the fuzzy queries of every library. */
export const FUZZY_DISTANCE = 1;

/** Share of queries known to match that must return something. */
const MIN_NON_EMPTY = 0.95;

function timeAll(peer: Peer, queries: readonly string[], options: PeerSearchOptions, passes: number): LatencyResult {
  for (const q of queries.slice(0, Math.ceil(queries.length / 5))) peer.search(q, options); // warm-up
  const times = new Array<number>(queries.length).fill(Number.POSITIVE_INFINITY);
  let nonEmpty = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, q] of queries.entries()) {
      const t0 = process.hrtime.bigint();
      const ids = peer.search(q, options);
      const t1 = process.hrtime.bigint();
      times[i] = Math.min(times[i]!, Number(t1 - t0) / 1e6);
      if (pass === 0 && ids.length > 0) nonEmpty++;
    }
  }
  return { n: queries.length, p50: percentile(times, 50), p95: percentile(times, 95), nonEmpty, times };
}

/**
 * The latency of two rounds over the same queries: each query's faster time of the two, the
 * percentiles computed again (the later round's figures alone when either lacks its times).
 */
export function mergeLatency(earlier: LatencyResult | { na: string }, later: LatencyResult | { na: string }): LatencyResult | { na: string } {
  if ('na' in later || 'na' in earlier || earlier.times === undefined || later.times === undefined || earlier.times.length !== later.times.length) return later;
  const a = earlier.times;
  const times = later.times.map((t, i) => Math.min(t, a[i]!));
  return { ...later, p50: percentile(times, 50), p95: percentile(times, 95), times };
}

/** Run the query concern on the index `peer` holds. */
export function runQueries(peer: Peer, queries: LatencyQueries, checks: Checks, passes: number): QueryResult {
  if (!peer.features.search) return { plain: { na: 'no search' }, prefix: { na: 'no search' }, fuzzy: { na: 'no search' } };
  const plain = timeAll(peer, queries.plain, { limit: 10 }, passes);
  checks.expect('plain queries known to match return results', plain.nonEmpty >= MIN_NON_EMPTY * plain.n, `${plain.nonEmpty} of ${plain.n}`);
  let prefix: LatencyResult | { na: string } = { na: 'no prefix search' };
  if (peer.features.prefix) {
    const r = timeAll(peer, queries.prefix, { limit: 10, prefix: true }, passes);
    checks.expect('prefix queries known to match return results', r.nonEmpty >= MIN_NON_EMPTY * r.n, `${r.nonEmpty} of ${r.n}`);
    prefix = r;
  }
  let fuzzy: LatencyResult | { na: string } = { na: 'no fuzzy search' };
  if (peer.features.fuzzy) {
    const r = timeAll(peer, queries.fuzzy, { limit: 10, fuzzy: FUZZY_DISTANCE }, passes);
    checks.expect('fuzzy queries (one edit of a title word) return results', r.nonEmpty >= MIN_NON_EMPTY * r.n, `${r.nonEmpty} of ${r.n}`);
    fuzzy = r;
  }
  return { plain, prefix, fuzzy };
}
