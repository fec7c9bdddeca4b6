/**
 * Every library (and library variant) the benchmark knows, in one place. To add a variant, say
 * a fahras ablation or a peer with fahras's adapter (issue 9), add one entry here; the runner,
 * the worker and every concern pick it up by name (`--libs name`). The factories take the
 * configuration that differs:
 *
 * - fahras: `createFahras({ indexOptions: { … } })`, merged over the article preset;
 * - FlexSearch: `createFlexSearch({ encoder })`;
 * - MiniSearch: `createMiniSearch({ tokenize, processTerm })`;
 * - Orama: `createOrama({ tokenizer })`.
 *
 * Set `perf: false, relevance: true` for a variant that only matters for relevance.
 * @module
 */
import type { Peer } from './peers/types.js';

/** One entry of the registry. */
export interface LibSpec {
  /** What the tables call it. */
  label: string;
  /** One line: how it is configured. Printed under the tables and in BENCHMARKS.md. */
  config: string;
  /** Included by default in the performance concerns (indexing, memory, export, query). */
  perf: boolean;
  /** Included by default in the relevance concern; `'named'`: only when named in `--libs` (ablations). */
  relevance: boolean | 'named';
  /** Build a fresh, configured peer. May throw `PeerUnavailable` (reported, not fatal). */
  create(): Promise<Peer>;
}

/** The registry; its key order is the column order of the tables. */
export const LIBS: Record<string, LibSpec> = {
  fahras: {
    label: 'fahras',
    config: 'createIndex article preset: title boost 3, category 2, body 1; store title, category',
    perf: true,
    relevance: true,
    create: async () => (await import('./peers/fahras.js')).createFahras(),
  },
  // Ablations (docs/analysis.md, "What each step contributes"): fahras with one step off, run by
  // name only: npm run bench:relevance -- --libs fahras,fahras-no-diacritics,…
  'fahras-no-diacritics': ablation('harakat, Quranic marks, tatweel, superscript alef kept', { analyzer: { normalize: { removeDiacritics: false, removeQuranicMarks: false, removeTatweel: false, superscriptAlef: false } } }),
  'fahras-no-alef-hamza': ablation('أ إ آ and ؤ ئ not folded', { analyzer: { normalize: { foldAlef: false, foldHamza: false } } }),
  'fahras-no-yeh': ablation('ى not folded to ي', { analyzer: { normalize: { foldYeh: false } } }),
  'fahras-no-teh-marbuta': ablation('ة not folded to ه', { analyzer: { normalize: { foldTehMarbuta: false } } }),
  'fahras-no-persian': ablation('Persian letters not folded', { analyzer: { normalize: { foldPersian: false } } }),
  'fahras-no-digits': ablation('Arabic-Indic digits not folded', { analyzer: { normalize: { foldDigits: false } } }),
  'fahras-no-stopwords': ablation('no stopwords', { analyzer: { stopwords: false } }),
  'fahras-no-stem': ablation('no stemming (normalized words)', { analyzer: { stem: false } }),
  'fahras-no-exact': ablation('exactBoost 0 (no exact-form bonus)', { exactBoost: 0 }),
  'fahras-no-variants': ablation('search variants: false (no clitic variants, no hamza spellings)', {}, { variants: false }),
  'fahras-title5': ablation('title boost 5', { fields: { title: { boost: 5 }, category: { boost: 2 }, body: {} } }),
  flexsearch: {
    label: 'flexsearch',
    config: 'FlexSearch 0.8 Document(title, category, body), default encoder; search merge+suggest',
    perf: true,
    relevance: true,
    create: async () => (await import('./peers/flexsearch.js')).createFlexSearch(),
  },
  'flexsearch-arabic': {
    label: 'flexsearch+ar',
    config: 'as flexsearch, encoder normalize = plain Arabic normalizer',
    perf: true,
    relevance: true,
    create: async () => {
      const { createFlexSearch, arabicNormalizerEncoder } = await import('./peers/flexsearch.js');
      return createFlexSearch({ encoder: arabicNormalizerEncoder });
    },
  },
  minisearch: {
    label: 'minisearch+ar',
    config: 'MiniSearch 7, boosts title 3 / category 2, processTerm = plain Arabic normalizer',
    perf: true,
    relevance: true,
    create: async () => (await import('./peers/minisearch.js')).createMiniSearch(),
  },
  orama: {
    label: 'orama-ar',
    config: 'Orama 3, tokenizer language arabic + @orama/stemmers arabic stemmer, boosts title 3 / category 2',
    perf: true,
    relevance: true,
    create: async () => (await import('./peers/orama.js')).createOrama(),
  },
  // Issue 9: each peer with fahras's analysis through its adapter (fahras/flexsearch,
  // fahras/minisearch, fahras/orama), for relevance: how much of the gap the analysis closes.
  'flexsearch-fahras': {
    label: 'flexsearch+fahras',
    config: 'as flexsearch, encoder = fahrasEncoder() (fahras/flexsearch)',
    perf: false,
    relevance: true,
    create: async () => {
      const [{ createFlexSearch }, { fahrasEncoder }] = await Promise.all([import('./peers/flexsearch.js'), import('../src/adapters/flexsearch.js')]);
      return createFlexSearch({ encoder: fahrasEncoder() });
    },
  },
  'minisearch-fahras': {
    label: 'minisearch+fahras',
    config: 'as minisearch+ar, tokenize/processTerm = fahrasMiniSearch() (fahras/minisearch)',
    perf: false,
    relevance: true,
    create: async () => {
      const [{ createMiniSearch }, { fahrasMiniSearch }] = await Promise.all([import('./peers/minisearch.js'), import('../src/adapters/minisearch.js')]);
      return createMiniSearch(fahrasMiniSearch());
    },
  },
  'orama-fahras': {
    label: 'orama+fahras',
    config: 'as orama-ar, tokenizer = fahrasTokenizer() (fahras/orama)',
    perf: false,
    relevance: true,
    create: async () => {
      const [{ createOrama }, { fahrasTokenizer }] = await Promise.all([import('./peers/orama.js'), import('../src/adapters/orama.js')]);
      return createOrama({ tokenizer: fahrasTokenizer() });
    },
  },
  floor: {
    label: 'split+Map',
    config: 'text.split(/\\s+/) and a Map count over title, category, body (no search)',
    perf: true,
    relevance: false,
    create: async () => (await import('./peers/floor.js')).createFloor(),
  },
};

/** A fahras variant for relevance only, run when named: the preset with `indexOptions` merged over it. */
function ablation(change: string, indexOptions: Record<string, unknown>, searchOptions?: Record<string, unknown>): LibSpec {
  return {
    label: 'fahras: ' + change,
    config: `as fahras, ${change}`,
    perf: false,
    relevance: 'named',
    create: async () => (await import('./peers/fahras.js')).createFahras({ indexOptions, ...(searchOptions && { searchOptions }) }),
  };
}

/** Registry names, in table order. */
export const LIB_NAMES = Object.keys(LIBS);

/** The spec for `name`, or a readable error listing the known names. */
export function libSpec(name: string): LibSpec {
  const spec = LIBS[name];
  if (!spec) throw new Error(`unknown lib "${name}"; known: ${LIB_NAMES.join(', ')}`);
  return spec;
}
