/**
 * Indexing: build the whole index `repeats` times from the same documents; report the best
 * (minimum) time, the one least disturbed by other processes on a shared machine (every run is
 * kept in the raw figures), documents/s and MiB/s (UTF-8 of title + category + body), and the
 * heap growth of each build (see memory.ts). Checks that the library holds exactly the documents
 * it was given.
 * @module
 */
import type { DocSet } from './dataset.js';
import type { MemoryGrowth } from './memory.js';
import { growth, settledSnapshot } from './memory.js';
import type { Peer } from './peers/types.js';
import type { Checks } from './checks.js';

/** Figures of the indexing concern. */
export interface IndexingResult {
  /** Wall time of each build (ms). */
  runsMs: number[];
  /** CPU time (user + system, all threads of the process: GC helpers count) of each build (ms). */
  runsCpuMs: number[];
  /** CPU time of the build with the best wall time (ms); less disturbed by a busy machine. */
  cpuMs: number;
  /** Best (minimum) build time (ms). */
  ms: number;
  docsPerSec: number;
  /** MiB/s (2^20 bytes per second) of UTF-8 text. */
  mbPerSec: number;
  /** Growth of each build after GC, in build order (the previous index is dropped first). */
  memory: MemoryGrowth[];
}

/**
 * Builds timed in one worker: 3 for 1,000 articles or fewer (cheap, and noise dominates there),
 * else 1. (At the main size the runner adds rounds instead: every library builds once, then
 * every library again, so a busy spell of the machine does not fall on one library only.)
 */
export function defaultRepeats(size: number): number {
  return size <= 1000 ? 3 : 1;
}

/** Combine the indexing figures of two workers (rounds) on the same documents. */
export function mergeIndexing(a: IndexingResult, b: IndexingResult, docs: number, bytes: number): IndexingResult {
  const runsMs = [...a.runsMs, ...b.runsMs];
  const runsCpuMs = [...a.runsCpuMs, ...b.runsCpuMs];
  const ms = Math.min(...runsMs);
  return {
    runsMs,
    runsCpuMs,
    ms,
    cpuMs: runsCpuMs[runsMs.indexOf(ms)] ?? Number.NaN,
    docsPerSec: docs / (ms / 1000),
    mbPerSec: bytes / 1048576 / (ms / 1000),
    memory: [...a.memory, ...b.memory],
  };
}

/** Run the indexing concern. Leaves `peer` holding the last index built. */
export async function runIndexing(peer: Peer, set: DocSet, repeats: number, checks: Checks): Promise<IndexingResult> {
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  const memory: MemoryGrowth[] = [];
  for (let r = 0; r < repeats; r++) {
    await peer.build([]); // drop the previous index before the baseline snapshot
    const before = await settledSnapshot();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await peer.build(set.docs);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    runsMs.push(t1 - t0);
    runsCpuMs.push((c1.user + c1.system) / 1000);
    memory.push(growth(before, await settledSnapshot()));
  }
  const indexed = peer.count(set.docs);
  checks.expect('documents indexed == documents given', indexed === set.docs.length, `${indexed} of ${set.docs.length}`);
  const ms = Math.min(...runsMs);
  const cpuMs = runsCpuMs[runsMs.indexOf(ms)] ?? Number.NaN;
  return { runsMs, runsCpuMs, cpuMs, ms, docsPerSec: set.docs.length / (ms / 1000), mbPerSec: set.bytes / 1048576 / (ms / 1000), memory };
}
