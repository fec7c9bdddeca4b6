/**
 * Not a test: measures saved indexes on the first N ANT articles (default 20,000; ANT corpus,
 * Chouigui, Ben Khiroun, Elayeb, see ../shared/corpus/README.md): build time, export size and time,
 * load time (sync and async) and load/rebuild, next to MiniSearch's `JSON.stringify` size of the
 * same documents (the bench's MiniSearch peer configuration).
 *
 * ```sh
 * npx tsx tests/serialize/measure.ts [N] [--no-minisearch]
 * ```
 * Each figure is the best of `ROUNDS` runs (the machine may be shared). The bench (bench/export.ts)
 * measures the same through the peer interface.
 */
import MiniSearch from 'minisearch';
import { arabicNormalize } from '../../bench/peers/arabic-normalizer.js';
import { articlePreset, createIndex, loadIndex, loadIndexAsync } from '../../src/index.js';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../../tools/corpus.js';
import type { CorpusArticle } from '../../tools/corpus.js';

const ROUNDS = 3;
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20000);
if (!corpusAvailable()) throw new Error(corpusMissingReason);
const docs = loadCorpus(n);

/** Best wall time and best CPU time (user + system, all threads) of `rounds` runs of `fn`. */
function best<T>(rounds: number, fn: () => T): { ms: number; cpuMs: number; value: T } {
  let ms = Infinity;
  let cpuMs = Infinity;
  let value!: T;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(c);
    ms = Math.min(ms, performance.now() - t);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { ms, cpuMs, value };
}

const build = best(ROUNDS, () => {
  const index = createIndex<CorpusArticle, 'title' | 'category'>({ ...articlePreset, store: ['title', 'category'] });
  index.addAll(docs);
  return index;
});
const exported = best(ROUNDS, () => build.value.export());
const bytes = exported.value;
const load = best(ROUNDS, () => loadIndex(bytes));
let asyncMs = Infinity;
for (let i = 0; i < ROUNDS; i++) {
  const t = performance.now();
  await loadIndexAsync(bytes);
  asyncMs = Math.min(asyncMs, performance.now() - t);
}
const probes = ['الانتخابات البلدية', 'وزير الخارجية', 'كرة القدم', 'مهرجان قرطاج'];
const same = probes.every((q) => JSON.stringify(build.value.search(q)) === JSON.stringify(load.value.search(q)));

let minisearchBytes: number | undefined;
if (!process.argv.includes('--no-minisearch')) {
  const ms = new MiniSearch({ idField: 'id', fields: ['title', 'category', 'body'], storeFields: [], processTerm: (t: string) => arabicNormalize(t) });
  ms.addAll(docs);
  minisearchBytes = new TextEncoder().encode(JSON.stringify(ms)).length;
}

const mb = (b: number): string => `${(b / 1e6).toFixed(2)} MB`;
console.log(`${docs.length} ANT articles, best of ${ROUNDS}`);
console.log(`build (addAll)          ${build.ms.toFixed(0)} ms (CPU ${build.cpuMs.toFixed(0)} ms)`);
console.log(`export                  ${exported.ms.toFixed(0)} ms (CPU ${exported.cpuMs.toFixed(0)} ms), ${bytes.length} bytes (${mb(bytes.length)})`);
console.log(`loadIndex               ${load.ms.toFixed(0)} ms = ${((100 * load.ms) / build.ms).toFixed(1)} % of build (CPU ${load.cpuMs.toFixed(0)} ms = ${((100 * load.cpuMs) / build.cpuMs).toFixed(1)} %)`);
console.log(`loadIndexAsync          ${asyncMs.toFixed(0)} ms`);
console.log(`results identical       ${same}`);
if (minisearchBytes !== undefined) {
  console.log(`minisearch JSON         ${minisearchBytes} bytes (${mb(minisearchBytes)}); fahras export = ${((100 * bytes.length) / minisearchBytes).toFixed(1)} % of it`);
}
