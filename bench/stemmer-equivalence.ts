/**
 * Checks that a change to the light stemmer (src/analysis/stem.ts) keeps its output byte for byte,
 * and times it. The words: every distinct word of the ANT corpus (normalized as the default
 * analyzer does), the Snowball Arabic vocabulary (../shared/testdata/snowball-arabic/voc.ant.txt,
 * also ANT words), the default stopwords, N seeded random strings of 1–15 letters ء–ي (the
 * proclitic and suffix letters و ف ب ك ل ا س ت ي ن ه م frequent, a few strings holding a
 * character outside ء–ي), and N/2 random strings composed of proclitics, a few letters and
 * suffixes. Each word goes through `lightStem`, `stripProclitics` and
 * `stripSuffixes`.
 *
 *   node --import tsx bench/stemmer-equivalence.ts --record .tmp/stems.txt     (before a change)
 *   node --import tsx bench/stemmer-equivalence.ts --verify .tmp/stems.txt     (after it)
 *   node --import tsx bench/stemmer-equivalence.ts --against OLD/src/analysis/stem.ts
 *        [--random 1000000] [--rounds 15]
 *
 * - `--record FILE` writes every output (one a line; gitignored .tmp/, never committed: it holds
 *   corpus words); `--verify FILE` compares with it and fails on any difference;
 * - `--against FILE`: another stem.ts (e.g. from a git worktree of an older commit), compared with
 *   this one in the same process, word by word, then both timed on the ANT words, alternating
 *   rounds (ns per word, the median round; CPU time);
 * - without `--against`, only this stemmer is timed.
 *
 * Corpus: ANT (Chouigui, Ben Khiroun, Elayeb; see ../shared/corpus/README.md).
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusAvailable, corpusMissingReason, loadCorpus, repoRoot } from '../tools/corpus.js';
import { createAnalyzer, lightStem, stripProclitics, stripSuffixes } from '../src/index.js';
import { DEFAULT_STOPWORDS } from '../src/analysis/stopwords.js';
import { createRng } from './rng.js';

interface StemModule {
  lightStem(word: string): string;
  stripProclitics(word: string): string;
  stripSuffixes(word: string): string;
}

const { values } = parseArgs({
  options: {
    record: { type: 'string' },
    verify: { type: 'string' },
    against: { type: 'string' },
    random: { type: 'string' },
    rounds: { type: 'string' },
  },
});
if (!corpusAvailable()) throw new Error(corpusMissingReason);
const nRandom = Number(values.random ?? 1_000_000);
const rounds = Number(values.rounds ?? 15);

// ── The words ───────────────────────────────────────────────────────────────
const analyzer = createAnalyzer();
const corpusWords = new Set<string>();
const t0 = performance.now();
for (const doc of loadCorpus()) {
  for (const text of [doc.title, doc.category, doc.body]) {
    // The analyzer's words (stopwords are not tokens, so whitespace pieces too: they hold the
    // stopwords and words with Latin or digits).
    for (const t of createAnalyzerTokens(text)) corpusWords.add(t);
    for (const piece of text.split(/\s+/)) {
      const w = analyzer.normalizeWord(piece);
      if (w !== '') corpusWords.add(w);
    }
  }
}
function createAnalyzerTokens(text: string): string[] {
  const out: string[] = [];
  analyzer.run(text, (_term, surface) => {
    out.push(surface);
  });
  return out;
}
const snowballPath = join(repoRoot, '..', 'shared', 'testdata', 'snowball-arabic', 'voc.ant.txt');
const snowballWords = new Set<string>();
if (existsSync(snowballPath)) {
  for (const line of readFileSync(snowballPath, 'utf8').split('\n')) {
    const w = analyzer.normalizeWord(line.trim());
    if (w !== '') snowballWords.add(w);
  }
} else console.warn(`(no Snowball vocabulary at ${snowballPath})`);
const stopwords = new Set<string>();
for (const s of DEFAULT_STOPWORDS) stopwords.add(analyzer.normalizeWord(s));

// Random strings: a letter is a clitic/suffix letter half the time.
const rng = createRng(0x5eed);
const FREQUENT = 'وفبكلالستينهم' + 'والهيا';
const randomWords: string[] = [];
for (let i = 0; i < nRandom; i++) {
  const n = 1 + rng.int(15);
  let w = '';
  for (let k = 0; k < n; k++) {
    const r = rng.next();
    if (r < 0.55) w += FREQUENT[rng.int(FREQUENT.length)];
    else if (r < 0.998) w += String.fromCharCode(0x0621 + rng.int(0x064a - 0x0621 + 1));
    else w += rng.pick(['a', '1', '\u0620', '\u064b', 'ى', 'ة', '\u0670']);
  }
  randomWords.push(w);
}
// Composed strings: proclitics + a few random letters + suffixes, so every rule (and the والد and
// الله special cases) meets its neighbours.
const PREFIXES = ['', '', 'و', 'ف', 'ب', 'ك', 'ل', 'س', 'ت', 'ال', 'لل', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'وبال', 'فبال', 'وكال', 'فكال', 'والد', 'الل', 'ا'];
const SUFFIXES = ['ات', 'تين', 'تان', 'ون', 'ين', 'ان', 'ي', 'ه', 'ة', 'ها', 'هم', 'هن', 'هما', 'كم', 'كن', 'كما', 'نا', 'وا', 'ا', 'ت', 'و', 'اي', 'ايه', 'يه', 'يي', 'له', 'د', 'دين'];
const nComposed = Math.floor(nRandom / 2);
for (let i = 0; i < nComposed; i++) {
  let w = rng.pick(PREFIXES);
  const core = rng.int(6);
  for (let k = 0; k < core; k++) w += rng.chance(0.5) ? FREQUENT[rng.int(FREQUENT.length)] : String.fromCharCode(0x0621 + rng.int(0x064a - 0x0621 + 1));
  const suffixes = rng.int(4);
  for (let k = 0; k < suffixes; k++) w += rng.pick(SUFFIXES);
  if (w !== '') randomWords.push(w);
}
const corpusList = [...corpusWords];
const all = [...corpusList, ...snowballWords, ...stopwords, ...randomWords];
console.log(
  `words: ${corpusList.length} distinct ANT words, ${snowballWords.size} Snowball vocabulary words, ${stopwords.size} stopwords, ${randomWords.length} random strings (${nRandom} letter by letter, the rest composed of affixes; ${all.length} in all; ${(performance.now() - t0).toFixed(0)} ms to gather)`,
);

// ── Outputs ─────────────────────────────────────────────────────────────────
function outputs(m: StemModule): string[] {
  const out = new Array<string>(3 * all.length);
  for (let i = 0; i < all.length; i++) {
    const w = all[i]!;
    out[3 * i] = m.lightStem(w);
    out[3 * i + 1] = m.stripProclitics(w);
    out[3 * i + 2] = m.stripSuffixes(w);
  }
  return out;
}
const current: StemModule = { lightStem, stripProclitics, stripSuffixes };
const mine = outputs(current);
const FN = ['lightStem', 'stripProclitics', 'stripSuffixes'];

function compare(want: readonly string[], what: string): void {
  if (want.length !== mine.length) throw new Error(`${what}: ${want.length} outputs, this build ${mine.length} (another word list?)`);
  let differ = 0;
  for (let i = 0; i < mine.length; i++) {
    if (want[i] !== mine[i]) {
      if (differ++ < 10) console.log(`DIFFERENT ${FN[i % 3]}(${all[Math.floor(i / 3)]}): want ${want[i]} got ${mine[i]}`);
    }
  }
  if (differ > 0) throw new Error(`${differ} of ${mine.length} outputs differ from ${what}`);
  console.log(`identical to ${what}: ${mine.length} outputs (${all.length} words × 3 functions)`);
}

if (values.record !== undefined) {
  mkdirSync(dirname(resolve(values.record)), { recursive: true });
  writeFileSync(values.record, mine.join('\n'));
  console.log(`outputs recorded in ${values.record}`);
}
if (values.verify !== undefined) compare(readFileSync(values.verify, 'utf8').split('\n'), values.verify);

// ── Timing ──────────────────────────────────────────────────────────────────
let sink = 0;
function time(stem: (w: string) => string, words: readonly string[]): number {
  const c0 = process.cpuUsage();
  for (let i = 0; i < words.length; i++) sink += stem(words[i]!).length;
  const c = process.cpuUsage(c0);
  return ((c.user + c.system) * 1000) / words.length;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
const timed = corpusList;
const contenders: [string, StemModule][] = [['this build', current]];
if (values.against !== undefined) {
  const old = (await import(pathToFileURL(resolve(values.against)).href)) as StemModule;
  compare(outputs(old), values.against);
  contenders.unshift(['against', old]);
}
for (const fn of ['lightStem', 'stripProclitics'] as const) {
  const ns = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) contenders.forEach(([, m], k) => ns[k]!.push(time(m[fn], timed)));
  console.log(`${fn} over the ${timed.length} ANT words, median of ${rounds} rounds: ` + contenders.map(([name], k) => `${name} ${median(ns[k]!).toFixed(1)} ns/word`).join(', '));
}
if (sink < 0) console.log(sink);
