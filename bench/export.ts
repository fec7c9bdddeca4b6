/**
 * Saved indexes: size of the library's documented export, time to export, time to load it back,
 * and the load time as a fraction of rebuilding the index. Checks that the loaded index answers a
 * few queries exactly as the original did.
 * @module
 */
import type { Checks } from './checks.js';
import type { Peer } from './peers/types.js';

/** Figures of the export concern. */
export interface ExportResult {
  bytes: number;
  exportMs: number;
  loadMs: number;
  /** loadMs / the build time of the indexing concern. */
  loadVsRebuild: number;
}

/** Run the export concern on the index `peer` holds; `rebuildMs` is the indexing figure. */
export async function runExport(peer: Peer, rebuildMs: number, probeQueries: readonly string[], checks: Checks): Promise<ExportResult | { na: string }> {
  if (!peer.features.export || !peer.exportBytes || !peer.load) return { na: 'no export' };
  const before = probeQueries.map((q) => peer.search(q, { limit: 10 }).join(','));
  const t0 = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = await peer.exportBytes();
  } catch (e) {
    // A library limit (e.g. a JSON string longer than V8 allows), reported rather than fatal.
    if (e instanceof RangeError) return { na: `export failed: ${e.message}` };
    throw e;
  }
  const t1 = performance.now();
  await peer.load(bytes);
  const t2 = performance.now();
  const after = probeQueries.map((q) => peer.search(q, { limit: 10 }).join(','));
  const same = before.filter((b, i) => b === after[i]).length;
  checks.expect('loaded index answers as the original', same === before.length, `${same} of ${before.length} probe queries identical`);
  checks.expect('export is not empty', bytes.length > 0, `${bytes.length} bytes`);
  return { bytes: bytes.length, exportMs: t1 - t0, loadMs: t2 - t1, loadVsRebuild: (t2 - t1) / rebuildMs };
}
