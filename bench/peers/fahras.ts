/**
 * fahras itself, through its public entry only (`src/index.ts`), configured as DESIGN.md's
 * article preset: title boost 3, category boost 2, body 1, storing title and category.
 *
 * The engine is typed here structurally and loaded dynamically, so the benchmark runs the peers
 * even while `createIndex` / `export` / `loadIndex` do not exist yet: a missing engine throws
 * {@link PeerUnavailable}; a missing export, or a search option the engine rejects (`prefix`,
 * `fuzzy` before issue 4), makes those figures "n/a".
 * @module
 */
import type { CorpusArticle } from '../../tools/corpus.js';
import type { Peer, PeerSearchOptions } from './types.js';
import { PeerUnavailable } from './types.js';

interface FahrasHitLike {
  id: string | number;
}
interface FahrasIndexLike {
  addAll(docs: CorpusArticle[]): unknown;
  search(query: string, options: { limit: number; prefix?: boolean; fuzzy?: number }): FahrasHitLike[];
  readonly size: number;
  export?: () => Uint8Array;
}
interface FahrasModuleLike {
  createIndex?: (options: Record<string, unknown>) => FahrasIndexLike;
  loadIndex?: (bytes: Uint8Array) => FahrasIndexLike;
}

/** Options of {@link createFahras}: how a "lib variant" (an ablation, say) differs from the preset. */
export interface FahrasPeerOptions {
  /** Shallow-merged over the article preset passed to `createIndex` (e.g. an analyzer override). */
  indexOptions?: Record<string, unknown>;
  /** Merged into every `search` call (e.g. `{ variants: false }`). */
  searchOptions?: Record<string, unknown>;
}

/**
 * The article preset, as in DESIGN.md, with the query caches off (`queryCache: false`): the
 * latency bench times each query twice and keeps the faster time, and with its caches on fahras
 * would answer the second time from a compiled plan the peers never get (FlexSearch's own `cache`
 * is off too). So every timed search is what a query costs the first time it is seen.
 */
export const fahrasPreset: Readonly<Record<string, unknown>> = {
  id: 'id',
  fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
  store: ['title', 'category'],
  queryCache: false,
};

/** Create the fahras peer, or throw {@link PeerUnavailable} while the engine is not there. */
export async function createFahras(options: FahrasPeerOptions = {}): Promise<Peer> {
  const mod = (await import('../../src/index.js')) as unknown as FahrasModuleLike;
  const createIndex = mod.createIndex;
  if (typeof createIndex !== 'function') throw new PeerUnavailable('fahras engine not available yet (no createIndex in src/index.ts)');
  const indexOptions = { ...fahrasPreset, ...options.indexOptions };
  let index = createIndex(indexOptions);
  const probe = createIndex(indexOptions);
  const canExport = typeof probe.export === 'function' && typeof mod.loadIndex === 'function';
  // Options the engine does not know yet (it rejects unknown options) are reported as "n/a".
  const accepts = (option: { prefix: true } | { fuzzy: 1 }): boolean => {
    try {
      probe.search('probe', { limit: 1, ...option });
      return true;
    } catch {
      return false;
    }
  };

  return {
    features: { prefix: accepts({ prefix: true }), fuzzy: accepts({ fuzzy: 1 }), export: canExport, search: true },
    build(docs) {
      index = createIndex(indexOptions);
      index.addAll(docs as CorpusArticle[]);
    },
    count() {
      return index.size;
    },
    search(query: string, o: PeerSearchOptions) {
      const so: { limit: number; prefix?: boolean; fuzzy?: number } = { ...options.searchOptions, limit: o.limit };
      if (o.prefix) so.prefix = true;
      if (o.fuzzy) so.fuzzy = o.fuzzy;
      const hits = index.search(query, so);
      const out: string[] = new Array<string>(hits.length);
      for (let i = 0; i < hits.length; i++) out[i] = String(hits[i]!.id);
      return out;
    },
    exportBytes() {
      if (!index.export) throw new Error('fahras: export() missing');
      return index.export();
    },
    load(bytes: Uint8Array) {
      if (!mod.loadIndex) throw new Error('fahras: loadIndex() missing');
      index = mod.loadIndex(bytes);
    },
  };
}
