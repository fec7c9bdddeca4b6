/**
 * Memory: heap growth of an index after garbage collection. Needs `node --expose-gc` (the
 * runner starts every worker that way).
 *
 * The figure is `heapUsed + external` (external includes ArrayBuffer backing stores, where typed
 * arrays live: counting heapUsed alone would hide an index built on typed arrays). The documents
 * are loaded before the first snapshot and stay referenced by the harness, so an index that keeps
 * references to them is not charged for them; copies it makes are.
 * @module
 */
import { sleep } from './stats.js';

/** A memory snapshot (bytes). */
export interface MemorySnapshot {
  heapUsed: number;
  external: number;
}

/** Growth between two snapshots (bytes). */
export interface MemoryGrowth {
  /** heapUsed + external. */
  total: number;
  heapUsed: number;
  external: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('memory: run node with --expose-gc (the bench runner does)');
  g();
  g();
}

/** Let pending timers run (FlexSearch clears its encoder cache on a 50 ms timer), then collect. */
export async function settledSnapshot(): Promise<MemorySnapshot> {
  await sleep(120);
  gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external };
}

/** Growth from `before` to `after`. */
export function growth(before: MemorySnapshot, after: MemorySnapshot): MemoryGrowth {
  const heapUsed = after.heapUsed - before.heapUsed;
  const external = after.external - before.external;
  return { total: heapUsed + external, heapUsed, external };
}
