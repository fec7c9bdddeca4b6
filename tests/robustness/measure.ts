/**
 * Measurements behind docs/limits.md (not a test: timings vary with the machine).
 *
 * ```sh
 * npx tsx tests/robustness/measure.ts queries 5000   # worst queries vs a plain one, ANT articles
 * npx tsx tests/robustness/measure.ts tiny 1000000   # a million one-word documents
 * npx tsx tests/robustness/measure.ts field          # one 1 MB field, one 5,000,000-letter word
 * ```
 * Prints wall and CPU milliseconds (medians) and ratios. The ANT corpus must be beside the repo.
 */
import { analyze } from '../../src/analysis/analyzer.js';
import { articlePreset, createIndex } from '../../src/index.js';
import type { SearchOptions } from '../../src/options.js';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../../tools/corpus.js';

type Article = { id: string; title: string; category: string; body: string };

/** Median wall and CPU milliseconds of `n` runs after one warm-up. */
function median(run: () => unknown, n: number): { wall: number; cpu: number } {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run();
    walls.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: mid(walls), cpu: mid(cpus) };
}

function queries(n: number): void {
  if (!corpusAvailable()) throw new Error(corpusMissingReason);
  const docs = loadCorpus(n) as Article[];
  const index = createIndex<Article>({ ...articlePreset });
  index.addAll(docs);
  const freq = new Map<string, number>();
  for (const d of docs.slice(0, 500)) for (const t of analyze(d.body)) freq.set(t.surface, (freq.get(t.surface) ?? 0) + 1);
  const top = [...freq].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const plain = top.slice(0, 3).join(' ');
  const hostile = Array.from({ length: 10_000 }, (_, i) => top[i % 300]).join(' ');
  const short = Array.from({ length: 10_000 }, (_, i) => top[i % 300]!.slice(0, 2)).join(' ');
  const base = median(() => index.search(plain), 21);
  const rows: [string, string, SearchOptions<Article>, number][] = [
    ['10,000 frequent words', hostile, {}, 9],
    ['  with prefix: true', hostile, { prefix: true }, 5],
    ["  with fuzzy: 'auto'", hostile, { fuzzy: 'auto' }, 5],
    ['  with prefix + fuzzy: 2', hostile, { prefix: true, fuzzy: 2 }, 5],
    ['10,000 two-letter words, prefix + fuzzy: 2', short, { prefix: true, fuzzy: 2 }, 5],
    ['10,000 frequent words, every cap at its maximum', hostile, { prefix: true, fuzzy: 2, maxExpansions: 1000, maxQueryTerms: 1024, maxQueryLength: 65536 }, 1],
  ];
  console.log(`${n} ANT articles; plain query "${plain}": ${base.wall.toFixed(1)} ms wall, ${base.cpu.toFixed(1)} ms CPU`);
  console.log(`${'query'.padEnd(48)} ${'wall'.padStart(12)} ${'CPU'.padStart(12)}  ${'÷ plain'.padStart(8)}  ${'÷ plain, same options'.padStart(22)}`);
  for (const [name, q, options, runs] of rows) {
    const m = median(() => index.search(q, options), runs);
    const same = median(() => index.search(plain, options), 9);
    console.log(`${name.padEnd(48)} ${m.wall.toFixed(1).padStart(9)} ms ${m.cpu.toFixed(1).padStart(9)} ms  ${(m.cpu / base.cpu).toFixed(1).padStart(7)}×  ${(m.cpu / same.cpu).toFixed(1).padStart(21)}×`);
  }
}

function tiny(n: number): void {
  const index = createIndex<{ id: number; t: string }>({ id: 'id', fields: ['t'] });
  const heap = process.memoryUsage().heapUsed;
  const add = median(() => {
    index.clear();
    for (let i = 0; i < n; i++) index.add({ id: i, t: i % 10 === 0 ? 'كلمة نادرة' : 'كلمة' });
  }, 1);
  console.log(`${n} one-word documents: add ${add.wall.toFixed(0)} ms wall, ${add.cpu.toFixed(0)} ms CPU; heap +${((process.memoryUsage().heapUsed - heap) / 1e6).toFixed(0)} MB; postings ${(index.stats().postingsBytes / 1e6).toFixed(1)} MB`);
  for (const q of ['كلمة', 'نادرة']) {
    const m = median(() => index.search(q), 5);
    console.log(`search "${q}" (${index.search(q).total} matches): ${m.wall.toFixed(0)} ms wall, ${m.cpu.toFixed(0)} ms CPU`);
  }
}

function field(): void {
  const text = 'وزير الخارجية في تونس book 2020 '.repeat(31_250); // 1,000,000 code units
  const m = median(() => createIndex<{ id: number; t: string }>({ id: 'id', fields: ['t'] }).add({ id: 1, t: text }), 3);
  console.log(`one field of ${text.length} code units: ${m.wall.toFixed(0)} ms wall, ${m.cpu.toFixed(0)} ms CPU`);
  const word = 'ك'.repeat(5_000_000);
  const w = median(() => analyze(word), 3);
  console.log(`one word of ${word.length} letters (dropped): ${w.wall.toFixed(0)} ms wall, ${w.cpu.toFixed(0)} ms CPU`);
  const e = median(() => createIndex({ id: 'id', fields: ['t'] }), 5);
  console.log(`createIndex (one field, empty): ${e.wall.toFixed(1)} ms wall, ${e.cpu.toFixed(1)} ms CPU`);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'queries') queries(Number(arg ?? 5000));
else if (mode === 'tiny') tiny(Number(arg ?? 1_000_000));
else if (mode === 'field') field();
else console.log('usage: npx tsx tests/robustness/measure.ts queries [articles] | tiny [documents] | field');
