/**
 * Latency of prefix and fuzzy queries next to plain ones, fahras and MiniSearch side by side, on
 * the same queries and articles.
 *
 * `npx tsx bench/query-features.ts [--size 20000] [--rounds 3]`
 *
 * Articles: the first `size` ANT articles (default 20,000). Queries: bench/latency-queries.ts
 * (200 per kind, drawn from the indexed titles with a fixed seed): plain (two title words),
 * prefix (a word then the first 3–4 letters of the next, or the cut word alone), fuzzy (two title
 * words, one with one edit). fahras: article preset; MiniSearch: bench/peers/minisearch.ts (the
 * same fields and boosts, the plain Arabic normalizer). Both get `prefix: true` and `fuzzy: 1`;
 * fahras also `prefix: 'last'`, `fuzzy: 'auto'` and phrases. Each figure is the median over
 * `rounds` rounds of each query list's p50 / p95, after a warm-up; the first prefix query of
 * fahras (which builds its lookup) is reported apart.
 *
 * Checks: plain and prefix queries return results for ≥ 95 % of the queries, fuzzy for ≥ 90 %.
 * @module
 */
import { parseArgs } from 'node:util';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../tools/corpus.js';
import type { CorpusArticle } from '../tools/corpus.js';
import { articlePreset, createIndex } from '../src/index.js';
import type { SearchOptions } from '../src/index.js';
import { latencyQueries } from './latency-queries.js';
import { createMiniSearch } from './peers/minisearch.js';
import { ms, percentile } from './stats.js';

const { values } = parseArgs({ options: { size: { type: 'string' }, rounds: { type: 'string' } } });
const size = Number(values.size ?? 20000);
const rounds = Number(values.rounds ?? 3);
if (!corpusAvailable()) throw new Error(corpusMissingReason);

const docs = loadCorpus(size);
const queries = latencyQueries(docs);
const phrases = queries.plain.map((q) => `"${q}"`);

interface Figures {
  p50: number;
  p95: number;
  nonEmpty: number;
}

function measure(run: (q: string) => number, list: readonly string[]): Figures {
  for (const q of list.slice(0, 50)) run(q);
  const p50s: number[] = [];
  const p95s: number[] = [];
  let nonEmpty = 0;
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    nonEmpty = 0;
    for (const q of list) {
      const t0 = process.hrtime.bigint();
      const n = run(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (n > 0) nonEmpty++;
    }
    p50s.push(percentile(times, 50));
    p95s.push(percentile(times, 95));
  }
  return { p50: percentile(p50s, 50), p95: percentile(p95s, 50), nonEmpty };
}

const index = createIndex<CorpusArticle, 'title'>({ ...articlePreset, store: ['title'] });
index.addAll(docs);
const fahras = (options: SearchOptions<CorpusArticle, 'title'>) => (q: string): number => index.search(q, { limit: 10, ...options }).length;
let t0 = performance.now();
index.search(queries.prefix[0]!, { prefix: true });
const firstPrefix = performance.now() - t0;

const mini = createMiniSearch();
await mini.build(docs);
const minisearch = (options: { prefix?: boolean; fuzzy?: number }) => (q: string): number => mini.search(q, { limit: 10, ...options }).length;
t0 = performance.now();
mini.search(queries.prefix[0]!, { limit: 10, prefix: true });
const firstMiniPrefix = performance.now() - t0;

const rows: [string, string, Figures, Figures | undefined][] = [
  ['plain', 'plain', measure(fahras({}), queries.plain), measure(minisearch({}), queries.plain)],
  ['prefix', 'prefix: true', measure(fahras({ prefix: true }), queries.prefix), measure(minisearch({ prefix: true }), queries.prefix)],
  ['prefix', "prefix: 'last'", measure(fahras({ prefix: 'last' }), queries.prefix), undefined],
  ['fuzzy', 'fuzzy: 1', measure(fahras({ fuzzy: 1 }), queries.fuzzy), measure(minisearch({ fuzzy: 1 }), queries.fuzzy)],
  ['fuzzy', "fuzzy: 'auto'", measure(fahras({ fuzzy: 'auto' }), queries.fuzzy), undefined],
  ['plain', '"phrase"', measure(fahras({}), phrases), undefined],
];

const failures: string[] = [];
const n = queries.plain.length;
const share = (f: Figures): string => `${Math.round((100 * f.nonEmpty) / n)} %`;
console.log(`Query latency, ${size.toLocaleString('en-US')} ANT articles, ${n} queries per list, top 10, ms (median of ${rounds} rounds; Node ${process.version}).\n`);
console.log('| queries | option | fahras p50 / p95 | fahras with results | MiniSearch p50 / p95 | MiniSearch with results |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [kind, option, f, m] of rows) {
  console.log(`| ${kind} | ${option} | ${ms(f.p50)} / ${ms(f.p95)} | ${share(f)} | ${m ? `${ms(m.p50)} / ${ms(m.p95)}` : '—'} | ${m ? share(m) : '—'} |`);
  const min = kind === 'fuzzy' ? 0.9 : option === '"phrase"' ? 0 : 0.95;
  if (f.nonEmpty < min * n) failures.push(`fahras ${option}: only ${f.nonEmpty} of ${n} with results`);
}
console.log(`\nFirst prefix query (fahras builds its prefix/fuzzy lookup): ${ms(firstPrefix)} ms; MiniSearch's first: ${ms(firstMiniPrefix)} ms.`);
if (failures.length > 0) {
  console.error(`\nCHECKS FAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
