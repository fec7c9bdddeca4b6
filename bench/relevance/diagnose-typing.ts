/**
 * Where fahras fails on the typing set, and what its existing search options would recover:
 * `npx tsx bench/relevance/diagnose-typing.ts [--out file.tsv] [--set main]` (needs
 * ../shared/corpus; about two minutes; `--set main`: the known-item queries of queries.json). Not part of `npm run bench`: a tool for reading failures, not a measure to publish.
 *
 * Builds the article-preset index over the whole corpus (as the bench does), runs every query of
 * queries-typing.json under several option sets and simulated fallbacks, prints MRR@10 /
 * Recall@10 per rule for each, and writes one line per query (rank under each option set, the
 * expected title, the top title, and for each query word whether the index knows it at all and
 * whether its stem and its exact form are in the expected article) to the `--out` file.
 *
 * `--stem-fix` analyzes with a stemmer wrapper instead (see `fixedStem`), to estimate two stemming
 * consistency rules. Fallbacks, simulated through the public API only (nothing here changes src/):
 * - `fuzzy-if-unknown`: default search, unless some query word finds nothing on its own; then the
 *   query again with `fuzzy: 'auto'` (typo tolerance for the whole query, only when needed);
 * - `didyoumean-if-unknown`: the same trigger, then the query `didYouMean` proposes, with the
 *   original words kept beside the corrections (`corrected OR original` per changed word);
 * - `fuzzy-if-rare`: also when a known word is rare next to its near spellings (`fuzzy: 'auto'`
 *   finds at least {@link RARE_RATIO} times as many articles as the word itself);
 * - `compound`: each word also as the phrase of two halves (2+ letters, not stopwords) when that
 *   phrase occurs (`(كوالالمبور "كوالا لمبور")`), and each pair of adjacent words also as their
 *   joined form when the index knows it (`(عبد عبدالله) (الله عبدالله)`), in both cases only when
 *   the rarer spelling is at least {@link COMPOUND_SHARE} of the other (or the word is unknown);
 * - `rrf default+fuzzy`: the default and the `fuzzy: 'auto'` rankings fused by reciprocal rank
 *   (k = 10), a stand-in for typo matches weighted lower than today;
 * - `score order`, `score × coord²`: the top 200 re-ordered by BM25F score alone, or by score ×
 *   (matched words / most matched)², instead of fahras's strict "more matched words first".
 * @module
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze, createIndex, lightStem, normalizeWord, stripProclitics } from '../../src/index.js';
import type { SearchOptions } from '../../src/index.js';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../../tools/corpus.js';
import type { CorpusArticle } from '../../tools/corpus.js';
import { CUTOFF, loadRelevanceSet, loadTypingSet } from '../relevance.js';
import { TYPING_ORDER } from './perturb.js';

type Options = SearchOptions<CorpusArticle, 'title'>;

const { values } = parseArgs({ options: { out: { type: 'string' }, set: { type: 'string' }, 'stem-fix': { type: 'boolean' } } });
if (!corpusAvailable()) throw new Error(corpusMissingReason);
const docs = loadCorpus();
const byId = new Map(docs.map((d) => [d.id, d]));

/**
 * `--stem-fix`: the index (and queries) analyzed with the light stemmer plus two consistency
 * rules for ة before an ending, to estimate what they would change: a word ending in ت + a
 * pronoun, or in تين / تان, is stemmed as its ة-form (رغبتها, رغبة → رغب; المرأتين, المرأة →
 * مراه) when the corpus writes that ة-form (5+ times) more often than the ت-form on its own
 * (so ثابتين stays, and رغبتها still becomes رغب although رغبت is a verb).
 */
const formCounts = new Map<string, number>();
if (values['stem-fix']) {
  for (const d of docs) for (const w of `${d.title} ${d.body}`.split(/[^\u0621-\u064A]+/)) if (w) formCounts.set(normalizeWord(w), (formCounts.get(normalizeWord(w)) ?? 0) + 1);
}
const formCount = (w: string): number => formCounts.get(w) ?? 0;
const PRONOUNS = ['هما', 'هم', 'ها', 'كم', 'نا', 'ه'];
const TEH_MARBUTA_FORM = 'ه';
function fixedStem(word: string): string {
  const bare = stripProclitics(word);
  const asTehMarbuta = (stem: string): string | null => (formCount(stem + TEH_MARBUTA_FORM) >= 5 && formCount(stem + TEH_MARBUTA_FORM) > formCount(stem + 'ت') ? lightStem(stem + TEH_MARBUTA_FORM) : null);
  for (const p of PRONOUNS) {
    if (bare.endsWith('ت' + p) && bare.length - p.length - 1 >= 2) return asTehMarbuta(bare.slice(0, -(p.length + 1))) ?? lightStem(word);
  }
  for (const e of ['تين', 'تان']) if (bare.endsWith(e) && bare.length - 3 >= 2) return asTehMarbuta(bare.slice(0, -3)) ?? lightStem(word);
  return lightStem(word);
}
const index = createIndex<CorpusArticle, 'title'>({
  id: 'id',
  fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
  store: ['title'],
  ...(values['stem-fix'] ? { analyzer: { stem: fixedStem } } : {}),
});
let t0 = Date.now();
index.addAll(docs);
process.stderr.write(`indexed ${docs.length} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
// `--set main`: the known-item queries of queries.json instead (to check a fallback costs nothing there).
const set = values.set === 'main' ? { ...loadRelevanceSet(), queries: loadRelevanceSet().queries.filter((q) => q.kind === 'known-item') } : loadTypingSet();

const search = (q: string, o: Options = {}): string[] => index.search(q, { limit: CUTOFF, ...o }).map((h) => String(h.id));
/**
 * The top 200 re-ordered by score alone (fahras orders by matched query words first, then score):
 * `tiers: false` is score order, else score × (matched words / query words) ^ `tiers`.
 */
const byScore = (q: string, o: Options = {}, tiers: number | false = false): string[] => {
  const hits = index.search(q, { ...o, limit: 200 });
  const n = Math.max(1, ...hits.map((h) => Object.keys(h.match).length));
  const value = (h: (typeof hits)[number]): number => (tiers === false ? h.score : h.score * (Object.keys(h.match).length / n) ** tiers);
  return [...hits].sort((a, b) => value(b) - value(a)).slice(0, CUTOFF).map((h) => String(h.id));
};
/** The query's words that find nothing on their own (stopwords, which analyze to nothing, excluded). */
const unknownWords = (q: string): string[] => q.split(/\s+/).filter((w) => analyze(w).length > 0 && index.search(w, { limit: 1 }).length === 0);

/** `fuzzy-if-rare`: a known word is rare when its near spellings find this many times its articles. */
const RARE_RATIO = 10;
const total = (q: string, o: Options = {}): number => index.search(q, { limit: 1, ...o }).total;
/** The query's known words that are rare next to their near spellings. */
const rareWords = (q: string): string[] =>
  q.split(/\s+/).filter((w) => {
    if (analyze(w).length === 0) return false;
    const n = total(w);
    return n > 0 && total(w, { fuzzy: 'auto' }) >= RARE_RATIO * n;
  });

/**
 * `compound`: the rarer of two spellings (split, joined) must be at least this share of the
 * other, or the word itself unknown, for the other spelling to be added.
 */
const COMPOUND_SHARE = 0.02;
const commonEnough = (a: number, b: number): boolean => a === 0 || b === 0 || Math.min(a, b) >= COMPOUND_SHARE * Math.max(a, b);

/** The query with split and joined spellings added as alternatives (see `compound` above). */
function withCompounds(q: string): string {
  const ws = q.split(/\s+/);
  const content = ws.map((w) => analyze(w).length > 0);
  const alternatives = ws.map((w) => [w]);
  ws.forEach((w, i) => {
    if (!content[i]) return;
    const n = total(w);
    let best = '';
    let bestN = 0;
    for (let k = 2; k <= w.length - 2; k++) {
      const [a, b] = [w.slice(0, k), w.slice(k)];
      if (!analyze(a).length || !analyze(b).length) continue;
      const phrase = `"${a} ${b}"`;
      const m = total(phrase);
      if (m > bestN && commonEnough(m, n)) [best, bestN] = [phrase, m];
    }
    if (best) alternatives[i]!.push(best);
    const next = ws[i + 1];
    if (next === undefined || !content[i + 1]) return;
    const joined = total(w + next);
    if (joined > 0 && commonEnough(joined, total(`"${w} ${next}"`))) {
      alternatives[i]!.push(w + next);
      alternatives[i + 1]!.push(w + next);
    }
  });
  return alternatives.map((a) => (a.length > 1 ? `(${a.join(' ')})` : a[0]!)).join(' ');
}

/** Reciprocal-rank fusion of two rankings (k = 10), best first. */
function fuse(a: readonly string[], b: readonly string[]): string[] {
  const score = new Map<string, number>();
  for (const list of [a, b]) list.forEach((id, r) => score.set(id, (score.get(id) ?? 0) + 1 / (10 + r + 1)));
  return [...score].sort((x, y) => y[1] - x[1]).map(([id]) => id).slice(0, CUTOFF);
}

/** didYouMean's query, each changed word kept as `corrected OR original`. */
function withCorrections(q: string): string {
  const fixed = index.didYouMean(q);
  if (!fixed) return q;
  const a = q.split(/\s+/);
  const b = fixed.split(/\s+/);
  if (a.length !== b.length) return fixed;
  return a.map((w, i) => (b[i] === w ? w : `(${b[i]} ${w})`)).join(' ');
}

const CONFIGS: Record<string, (q: string) => string[]> = {
  default: (q) => search(q),
  'fuzzy auto': (q) => search(q, { fuzzy: 'auto' }),
  'prefix all': (q) => search(q, { prefix: true }),
  'fuzzy auto + prefix last': (q) => search(q, { fuzzy: 'auto', prefix: 'last' }),
  'combine and': (q) => search(q, { combine: 'and' }),
  'fuzzy-if-unknown': (q) => (unknownWords(q).length ? search(q, { fuzzy: 'auto' }) : search(q)),
  'didyoumean-if-unknown': (q) => (unknownWords(q).length ? search(withCorrections(q)) : search(q)),
  'fuzzy-if-rare': (q) => (unknownWords(q).length || rareWords(q).length ? search(q, { fuzzy: 'auto' }) : search(q)),
  compound: (q) => search(withCompounds(q)),
  'compound + fuzzy-if-unknown': (q) => search(withCompounds(q), unknownWords(q).length ? { fuzzy: 'auto' } : {}),
  'compound + fuzzy-if-rare': (q) => search(withCompounds(q), unknownWords(q).length || rareWords(q).length ? { fuzzy: 'auto' } : {}),
  'rrf default+fuzzy': (q) => fuse(search(q), search(q, { fuzzy: 'auto' })),
  'score order': (q) => byScore(q),
  'score × coord²': (q) => byScore(q, {}, 2),
  'compound + fuzzy-if-rare, score × coord²': (q) => byScore(withCompounds(q), unknownWords(q).length || rareWords(q).length ? { fuzzy: 'auto' } : {}, 2),
};

interface Row {
  id: string;
  rules: string[];
  ranks: Record<string, number>;
}
const rows: Row[] = [];
const lines: string[] = [];
t0 = Date.now();
for (const q of set.queries) {
  const target = q.relevant[0]!;
  const ranks: Record<string, number> = {};
  let top = '';
  for (const [name, run] of Object.entries(CONFIGS)) {
    const ids = run(q.query);
    ranks[name] = ids.indexOf(target) + 1;
    if (name === 'default') top = ids[0] ?? '';
  }
  rows.push({ id: q.id, rules: q.perturbations, ranks });
  // Per query word: known to the index at all; stem / exact form in the expected article.
  const doc = byId.get(target)!;
  const docTokens = analyze(`${doc.title} ${doc.category} ${doc.body}`);
  const stems = new Set(docTokens.map((t) => t.term));
  const surfaces = new Set(docTokens.map((t) => t.surface));
  const unknown = new Set(unknownWords(q.query));
  const words = q.query.split(/\s+/).map((w) => {
    const toks = analyze(w);
    if (!toks.length) return `${w}:stop`;
    const t = toks[0]!;
    return `${w}:${unknown.has(w) ? 'UNKNOWN' : 'known'}/${stems.has(t.term) ? 'stem' : 'NOSTEM'}/${surfaces.has(t.surface) ? 'exact' : 'noexact'}(${t.term})`;
  });
  // Whether the top article has every query word's stem: then a miss is the query fitting another article as well.
  const topDoc = byId.get(top);
  const topStems = new Set(topDoc ? analyze(`${topDoc.title} ${topDoc.category} ${topDoc.body}`).map((t) => t.term) : []);
  const queryTerms = analyze(q.query).map((t) => t.term);
  const fits = (stemSet: Set<string>): string => (queryTerms.every((t) => stemSet.has(t)) ? 'all' : 'some');
  lines.push([q.id, q.perturbations.join('+') || 'none', q.query, ...Object.values(ranks), doc.title, byId.get(top)?.title ?? '', top, `expected:${fits(stems)} top:${fits(topStems)}`, words.join(' ')].join('\t'));
}
process.stderr.write(`ran ${set.queries.length} queries × ${Object.keys(CONFIGS).length} configurations in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

const fig = (list: Row[], config: string): string => {
  if (!list.length) return 'n/a';
  let mrr = 0;
  let hit = 0;
  for (const r of list) {
    const k = r.ranks[config]!;
    if (k > 0) {
      mrr += 1 / k;
      hit++;
    }
  }
  return `${(mrr / list.length).toFixed(3)} / ${(hit / list.length).toFixed(3)}`;
};
const configs = Object.keys(CONFIGS);
const groups: [string, Row[]][] = [
  ['all', rows],
  ['none', rows.filter((r) => r.rules.length === 0)],
  ...TYPING_ORDER.map((name): [string, Row[]] => [name, rows.filter((r) => r.rules.includes(name))]),
  ...TYPING_ORDER.map((name): [string, Row[]] => [`${name} alone`, rows.filter((r) => r.rules.length === 1 && r.rules[0] === name)]),
];
console.log(`MRR@10 / Recall@10 on ${set.queries.length} known-item queries of ${values.set === 'main' ? 'queries.json' : 'the typing set'} (fahras, article preset)\n`);
console.log(`| rule | n | ${configs.join(' | ')} |`);
console.log(`|---|---:|${configs.map(() => '---:').join('|')}|`);
for (const [g, list] of groups) console.log(`| ${g} | ${list.length} | ${configs.map((c) => fig(list, c)).join(' | ')} |`);
const unknownShare = rows.filter((r) => lines.find((l) => l.startsWith(r.id + '\t'))!.includes(':UNKNOWN')).length;
console.log(`\nqueries with a word the index does not know at all: ${unknownShare} of ${rows.length}`);
if (values.out) {
  writeFileSync(values.out, [['id', 'rules', 'query', ...configs, 'expected title', 'top title', 'top id', 'stems in', 'words'].join('\t'), ...lines].join('\n') + '\n');
  console.log(`per-query lines: ${values.out}`);
}
