/**
 * How typo-tolerant (fuzzy) search latency grows with the collection: 5,000 → 40,149 ANT articles.
 *
 * `npx tsx bench/fuzzy-scaling.ts [--sizes 5000,10000,20000,40149] [--queries 200]`
 *
 * For each size, over the first N articles (article preset):
 * - `search(word, { fuzzy: 1 })` and `{ fuzzy: 'auto' }` p50 / p95, next to the plain search of
 *   the same words: what an application sees (the lookup plus reading the expansions' postings,
 *   which grow with the collection like any postings);
 * - the lookup alone (`TermLookup.fuzzy`, one edit = 2 cost units, Arabic costs) on the index's
 *   exact-form dictionary, and for contrast a linear scan computing the same weighted distance
 *   for every term (with the same early exit per term): the trie walk should grow far slower
 *   than the dictionary.
 * Queries: 200 single title words (≥ 5 letters) of the smallest set's articles, each with one
 * edit (a letter replaced, dropped or inserted; seeded), the same words at every size; the plain
 * search runs the words as written. The structure
 * timing imports `src/index/fuzzy.ts` directly: it measures that structure, not the public API.
 *
 * Checks (the run fails loudly otherwise): every size indexes all its articles; ≥ 90 % of fuzzy
 * searches return results; the walk and the linear scan find the same terms.
 * @module
 */
import { parseArgs } from 'node:util';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../tools/corpus.js';
import type { CorpusArticle } from '../tools/corpus.js';
import { articlePreset, createIndex, createAnalyzer } from '../src/index.js';
import { TermDictionary } from '../src/index/terms.js';
import { TermLookup } from '../src/index/fuzzy.js';
import type { EditCosts } from '../src/index/fuzzy.js';
import { ARABIC_EDIT_COSTS, EDIT } from '../src/search/edits.js';
import { createRng } from './rng.js';
import { fmt, ms, percentile } from './stats.js';

const { values } = parseArgs({ options: { sizes: { type: 'string' }, queries: { type: 'string' } } });
const sizes = (values.sizes ?? '5000,10000,20000,40149').split(',').map(Number);
const queryCount = Number(values.queries ?? 200);
if (!corpusAvailable()) throw new Error(corpusMissingReason);

const corpus = loadCorpus(Math.max(...sizes));
const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const WORD = /^[\u0621-\u064A]{5,}$/;
const rng = createRng(4242);
const pool = corpus.slice(0, Math.min(...sizes)).flatMap((d) => d.title.split(/\s+/).filter((w) => WORD.test(w)));
const queries: string[] = [];
const originals: string[] = [];
while (queries.length < queryCount) {
  const w = rng.pick(pool);
  originals.push(w);
  const at = 1 + rng.int(w.length - 2);
  const kind = rng.int(3);
  const c = rng.pick(LETTERS);
  queries.push(kind === 0 ? w.slice(0, at) + c + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + c + w.slice(at));
}

function time(fn: (q: string) => unknown, qs: readonly string[]): { p50: number; p95: number } {
  for (const q of qs.slice(0, 30)) fn(q);
  const times: number[] = [];
  for (const q of qs) {
    const t0 = process.hrtime.bigint();
    fn(q);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Weighted distance with a per-term early exit (the row minimum), as a linear scan would do it. */
function boundedDistance(a: string, b: string, costs: EditCosts, budget: number, rows: Int32Array): number {
  const m = a.length;
  const W = m + 1;
  rows[0] = 0;
  for (let i = 1; i <= m; i++) rows[i] = rows[i - 1]! + costs.indel(a.charCodeAt(i - 1), i >= 2 ? a.charCodeAt(i - 2) : -1);
  for (let j = 1; j <= b.length; j++) {
    const tc = b.charCodeAt(j - 1);
    const tp = j >= 2 ? b.charCodeAt(j - 2) : -1;
    const ins = costs.indel(tc, tp);
    const base = j * W;
    const prev = base - W;
    rows[base] = rows[prev]! + ins;
    let min = rows[base]!;
    for (let i = 1; i <= m; i++) {
      const qc = a.charCodeAt(i - 1);
      let v = rows[prev + i - 1]! + (qc === tc ? 0 : costs.substitution(qc, tc));
      v = Math.min(v, rows[prev + i]! + ins, rows[base + i - 1]! + costs.indel(qc, i >= 2 ? a.charCodeAt(i - 2) : -1));
      if (costs.transposition > 0 && i >= 2 && j >= 2 && qc === tp && a.charCodeAt(i - 2) === tc && qc !== tc) v = Math.min(v, rows[prev - W + i - 2]! + costs.transposition);
      rows[base + i] = v;
      if (v < min) min = v;
    }
    if (min > budget + costs.transposition) return budget + 1;
  }
  return rows[b.length * W + m]!;
}

const analyzer = createAnalyzer();
const failures: string[] = [];
const rowsOut: string[] = [];
for (const size of sizes) {
  const docs = corpus.slice(0, size);
  const index = createIndex<CorpusArticle, 'title'>({ ...articlePreset, store: ['title'] });
  index.addAll(docs);
  if (index.size !== docs.length) failures.push(`${size}: indexed ${index.size} of ${docs.length}`);
  const t0 = performance.now();
  index.search(queries[0]!, { fuzzy: 1 });
  const first = performance.now() - t0;
  let nonEmpty = 0;
  const fuzzy = time((q) => {
    if (index.search(q, { fuzzy: 1 }).length > 0) nonEmpty++;
  }, queries);
  const auto = time((q) => index.search(q, { fuzzy: 'auto' }), queries);
  const plain = time((q) => index.search(q), originals);
  if (nonEmpty < 0.9 * (queries.length + 30)) failures.push(`${size}: only ${nonEmpty} fuzzy searches returned results`);

  // The structure alone, on the exact forms of these articles.
  const terms = new TermDictionary();
  for (const d of docs) {
    for (const text of [d.title, d.category, d.body]) {
      analyzer.run(text, (term, surface) => {
        const exact = surface === term ? surface : analyzer.stripProclitics(surface);
        terms.intern(exact.length > 0 ? exact : surface);
      });
    }
  }
  const lookup = new TermLookup(terms);
  lookup.fuzzy('بناء', EDIT, ARABIC_EDIT_COSTS, () => {});
  const words = queries.map((q) => analyzer.stripProclitics(analyzer.normalizeWord(q)));
  const walk = time((w) => lookup.fuzzy(w, EDIT, ARABIC_EDIT_COSTS, () => {}), words);
  const all: string[] = [];
  for (let id = 0; id < terms.size; id++) all.push(terms.term(id));
  const scratch = new Int32Array(64 * 64);
  const scan = time((w) => {
    let n = 0;
    for (const t of all) if (Math.abs(t.length - w.length) <= EDIT && boundedDistance(w, t, ARABIC_EDIT_COSTS, EDIT, scratch) <= EDIT) n++;
    return n;
  }, words.slice(0, 50));
  for (const w of words.slice(0, 20)) {
    const a = new Set<string>();
    lookup.fuzzy(w, EDIT, ARABIC_EDIT_COSTS, (id) => a.add(terms.term(id)));
    const b = all.filter((t) => boundedDistance(w, t, ARABIC_EDIT_COSTS, EDIT, scratch) <= EDIT);
    if (a.size !== b.length || b.some((t) => !a.has(t))) failures.push(`${size}: walk and scan disagree on ${w}`);
  }
  rowsOut.push(
    `| ${fmt(size)} | ${fmt(terms.size)} | ${ms(plain.p50)} / ${ms(plain.p95)} | ${ms(fuzzy.p50)} / ${ms(fuzzy.p95)} | ${ms(auto.p50)} / ${ms(auto.p95)} | ${ms(first)} | ${ms(walk.p50)} / ${ms(walk.p95)} | ${ms(scan.p50)} |`,
  );
  console.error(`done ${size}`);
}

console.log(`Fuzzy latency by collection size (ANT corpus; ${queries.length} one-edit title words; ms p50 / p95; Node ${process.version}).\n`);
console.log('| articles | exact forms | plain search (words as written) | fuzzy: 1 search | fuzzy: auto search | first fuzzy search (builds the lookup) | lookup walk (1 edit) | linear scan (1 edit), p50 |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rowsOut) console.log(r);
if (failures.length > 0) {
  console.error(`\nCHECKS FAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
