/**
 * Throughput of the full analysis chain (tokenize → normalize → stopwords → stem, through
 * `Analyzer.run`, the index's hot path) in MB/s of UTF-8 input, against the floor of a bare
 * `text.split(/\s+/)` over the same texts, plus `Intl.Segmenter` word segmentation and the
 * allocating `tokenize()` for comparison.
 *
 * Texts: title and body of the first 5,000 articles of the ANT corpus (Chouigui, Ben Khiroun,
 * Elayeb, "ANT Corpus: An Arabic News Text Collection for Textual Classification", AICCSA 2017;
 * https://antcorpus.github.io), or the repository's demo sample when the corpus is absent (the
 * run says so). Each text is analyzed on its own, as the index does per field.
 *
 * Usage: `tsx bench/analysis.bench.ts [--json] [--articles N] [--rounds N]`.
 * Target (issue 2): chain MB/s ≥ 1/3 of split MB/s. The run checks its own output (token counts
 * must be positive) and exits non-zero when a check fails.
 * @module
 */
import { corpusAvailable, corpusDir, loadCorpus, loadSample, samplePath } from '../tools/corpus.js';
import { createAnalyzer, tokenize } from '../src/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
function intArg(name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} needs a positive integer`);
  return v;
}
const articles = intArg('--articles', 5000);
const rounds = intArg('--rounds', 8);

const fromCorpus = corpusAvailable();
const docs = fromCorpus ? loadCorpus(articles) : loadSample().slice(0, articles);
const source = fromCorpus ? `ANT corpus (${corpusDir}), first ${docs.length} articles` : `demo sample ${samplePath} (${docs.length} articles): ANT corpus NOT found at ${corpusDir}`;
const texts: string[] = [];
for (const d of docs) texts.push(d.title, d.body);
let bytes = 0;
for (const t of texts) bytes += Buffer.byteLength(t, 'utf8');
const mb = bytes / 1e6;

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

/** Best-of-`rounds` MB/s of `pass` (one untimed warm-up first); `pass` returns a count to check. */
function measure(name: string, pass: () => number, n = rounds): { mbps: number; count: number } {
  let count = pass();
  check(count > 0, `${name}: count > 0 (got ${count})`);
  let best = Infinity;
  for (let r = 0; r < n; r++) {
    const t0 = process.hrtime.bigint();
    const c = pass();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    check(c === count, `${name}: same count every round`);
    count = c;
    best = Math.min(best, ms);
  }
  return { mbps: mb / (best / 1000), count };
}

const WS = /\s+/;
function splitPass(): number {
  let n = 0;
  for (const t of texts) n += t.split(WS).length;
  return n;
}

let tokens = 0;
const sink = (): void => {
  tokens++;
};
const analyzer = createAnalyzer();
function chainPass(): number {
  tokens = 0;
  for (const t of texts) analyzer.run(t, sink);
  return tokens;
}

/** First pass of a fresh analyzer: every distinct word is a cache miss once. */
function coldPass(): number {
  const fresh = createAnalyzer();
  tokens = 0;
  for (const t of texts) fresh.run(t, sink);
  return tokens;
}

function tokenizePass(): number {
  let n = 0;
  for (const t of texts) n += tokenize(t).length;
  return n;
}

const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });
function segmenterPass(): number {
  let n = 0;
  for (const t of texts) for (const s of segmenter.segment(t)) if (s.isWordLike) n++;
  return n;
}

const split = measure('split', splitPass);
const chain = measure('chain', chainPass);
const t0 = process.hrtime.bigint();
const coldCount = coldPass();
const coldMbps = mb / (Number(process.hrtime.bigint() - t0) / 1e9);
check(coldCount === chain.count, 'cold chain gives the same token count as the warm one');
const tok = measure('tokenize', tokenizePass);
const seg = measure('Intl.Segmenter', segmenterPass, 2);
const ratio = chain.mbps / split.mbps;

const result = {
  bench: 'analysis',
  source: fromCorpus ? 'ANT corpus' : 'demo sample',
  articles: docs.length,
  mb: Number(mb.toFixed(2)),
  splitMBps: Number(split.mbps.toFixed(1)),
  chainMBps: Number(chain.mbps.toFixed(1)),
  chainColdMBps: Number(coldMbps.toFixed(1)),
  ratio: Number(ratio.toFixed(3)),
  target: 1 / 3,
  meetsTarget: ratio >= 1 / 3,
  tokenizeMBps: Number(tok.mbps.toFixed(1)),
  segmenterMBps: Number(seg.mbps.toFixed(1)),
  splitWords: split.count,
  chainTokens: chain.count,
  tokenizerWords: tok.count,
  segmenterWords: seg.count,
  node: process.version,
  failures,
};

if (json) console.log(JSON.stringify(result));
else {
  console.log(`analysis bench on ${source}`);
  console.log(`  ${mb.toFixed(2)} MB of UTF-8 text in ${texts.length} fields, best of ${rounds} rounds`);
  console.log(`  split(/\\s+/)        ${result.splitMBps.toFixed(1).padStart(7)} MB/s   ${split.count} pieces`);
  console.log(`  analyzer.run (warm) ${result.chainMBps.toFixed(1).padStart(7)} MB/s   ${chain.count} terms kept`);
  console.log(`  analyzer.run (cold) ${result.chainColdMBps.toFixed(1).padStart(7)} MB/s   first pass of a fresh analyzer`);
  console.log(`  tokenize()          ${result.tokenizeMBps.toFixed(1).padStart(7)} MB/s   ${tok.count} words (allocating)`);
  console.log(`  Intl.Segmenter      ${result.segmenterMBps.toFixed(1).padStart(7)} MB/s   ${seg.count} word-like segments`);
  console.log(`  ratio chain/split   ${ratio.toFixed(3)} (target ≥ 0.333: ${result.meetsTarget ? 'met' : 'NOT met'})`);
  if (failures.length) console.log(`  FAILED checks: ${failures.join('; ')}`);
}
if (failures.length) process.exitCode = 1;
