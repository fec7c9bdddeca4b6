/**
 * Generates bench/relevance/queries.json from the ANT corpus, deterministically (fixed seed, the
 * corpus in file order). Run: `npx tsx bench/relevance/generate.ts` (needs ../shared/corpus).
 *
 * Known-item queries: pick an article at random; take 2–4 distinctive content words, in order,
 * from its title (70 %) or from one sentence of its body (30 %); keep the query only if no other
 * article contains all those words (compared loosely: plain normalization, and a leading ال
 * ignored, also after و ف ب ك or as لل), so the one relevant id is an honest label. Then
 * rewrite the words the way readers type (perturb.ts): 15 % stay untouched as a control group,
 * the rest get 1–3 rewrites (least used rule first, so rare ones get their share), each
 * recorded on the query.
 *
 * Topical queries: 2 content words from a title; relevant = every article whose title contains
 * both (same loose comparison), kept when that is 3–10 articles; rewritten the same way.
 *
 * "Distinctive": not a Lucene Arabic stopword, at least 3 letters, in at most 5 % of articles.
 * Nothing here looks at any engine's results; the rules come from how people type.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../../tools/corpus.js';
import { arabicNormalize } from '../peers/arabic-normalizer.js';
import { createRng } from '../rng.js';
import type { Rng } from '../rng.js';
import { PURE_WORD, SENTENCE_END, corpusStats, intersect, loadStopwords, looseKey, orderedSample, vocabularyForm, words } from './corpus-words.js';
import { PERTURBATION_ORDER, PERTURBATIONS } from './perturb.js';
import type { IsWord } from './perturb.js';
import type { BasicPerturbationName, RelevanceQuery, RelevanceSet } from './types.js';

const SEED = 0x5eed_a7;
const KNOWN_ITEM_TARGET = 400;
const TOPICAL_TARGET = 50;
const MAX_DF_SHARE = 0.05;
const STOPWORDS_PATH = '/work/shared/testdata/lucene-arabic-stopwords.txt';

const here = dirname(fileURLToPath(import.meta.url));
const outPath = join(here, 'queries.json');

/** How often each rule has been applied so far in this run. */
const usage = Object.fromEntries(PERTURBATION_ORDER.map((n) => [n, 0])) as Record<BasicPerturbationName, number>;

/** Apply 0–3 rewrites (15 % none) to `terms`; returns the query and the rewrites applied. */
function perturb(terms: readonly string[], rng: Rng, isWord: IsWord): { query: string; applied: BasicPerturbationName[] } {
  const roll = rng.next();
  const wanted = roll < 0.15 ? 0 : roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
  const out = [...terms];
  const chosen = new Set<BasicPerturbationName>();
  // Try rule kinds, least used so far first (ties in random order), until `wanted` of them
  // apply to some word: rare rules (a hamza seat, a sound plural) get their share of queries.
  const tieBreak = new Map(PERTURBATION_ORDER.map((n) => [n, rng.next()]));
  const candidates = [...PERTURBATION_ORDER].sort((a, b) => usage[a] - usage[b] || tieBreak.get(a)! - tieBreak.get(b)!);
  const plan = new Map<BasicPerturbationName, number>();
  for (const name of candidates) {
    if (plan.size >= wanted) break;
    if ((name === 'al-add' && plan.has('al-drop')) || (name === 'al-drop' && plan.has('al-add'))) continue;
    const applicable = out.map((w, i) => (PERTURBATIONS[name](w, createRng(1), isWord) !== null ? i : -1)).filter((i) => i >= 0);
    if (applicable.length) plan.set(name, rng.pick(applicable));
  }
  for (const name of PERTURBATION_ORDER) {
    const at = plan.get(name);
    if (at === undefined) continue;
    const next = PERTURBATIONS[name](out[at]!, rng, isWord);
    if (next !== null && next !== out[at]) {
      out[at] = next;
      chosen.add(name);
      usage[name]++;
    }
  }
  return { query: out.join(' '), applied: PERTURBATION_ORDER.filter((n) => chosen.has(n)) };
}

function main(): void {
  if (!corpusAvailable()) throw new Error(`cannot generate the relevance set: ${corpusMissingReason}`);
  const docs = loadCorpus();
  const stopwords = loadStopwords(STOPWORDS_PATH, (path) => readFileSync(path, 'utf8'));
  process.stderr.write(`corpus: ${docs.length} articles; computing statistics…\n`);
  const stats = corpusStats(docs);
  const maxDf = Math.floor(MAX_DF_SHARE * docs.length);
  const isWord: IsWord = (form) => stats.vocabulary.has(vocabularyForm(form));
  const distinctive = (w: string): boolean => {
    if (!PURE_WORD.test(w) || w.length < 3 || stopwords.has(arabicNormalize(w))) return false;
    const df = stats.postings.get(looseKey(w))?.length ?? 0;
    return df > 0 && df <= maxDf;
  };

  const rng = createRng(SEED);
  const queries: RelevanceQuery[] = [];
  const usedArticles = new Set<number>();
  let attempts = 0;
  while (queries.filter((q) => q.kind === 'known-item').length < KNOWN_ITEM_TARGET && attempts++ < 100_000) {
    const docIndex = rng.int(docs.length);
    if (usedArticles.has(docIndex)) continue;
    const doc = docs[docIndex]!;
    const from: 'title' | 'body' = rng.chance(0.7) ? 'title' : 'body';
    let source = doc.title;
    if (from === 'body') {
      const sentences = doc.body.split(SENTENCE_END).filter((s) => words(s).length >= 8);
      if (!sentences.length) continue;
      source = rng.pick(sentences);
    }
    const candidates = [...new Set(words(source).filter(distinctive))];
    if (candidates.length < 2) continue;
    let n = Math.min(candidates.length, 2 + rng.int(3));
    let terms = orderedSample(candidates, n, rng);
    let matching = intersect(terms.map((t) => stats.postings.get(looseKey(t)) ?? []));
    while (matching.length > 1 && n < Math.min(4, candidates.length)) {
      n++;
      terms = orderedSample(candidates, n, rng);
      matching = intersect(terms.map((t) => stats.postings.get(looseKey(t)) ?? []));
    }
    if (matching.length !== 1 || matching[0] !== docIndex) continue;
    usedArticles.add(docIndex);
    const { query, applied } = perturb(terms, rng, isWord);
    queries.push({ id: `k${String(queries.length + 1).padStart(3, '0')}`, kind: 'known-item', from, query, relevant: [doc.id], perturbations: applied });
  }

  let topical = 0;
  attempts = 0;
  const usedTopics = new Set<string>();
  while (topical < TOPICAL_TARGET && attempts++ < 200_000) {
    const doc = docs[rng.int(docs.length)]!;
    const candidates = [...new Set(words(doc.title).filter(distinctive))];
    if (candidates.length < 2) continue;
    const terms = orderedSample(candidates, 2, rng);
    const topicKey = terms.map(looseKey).sort().join(' ');
    if (usedTopics.has(topicKey)) continue;
    const matching = intersect(terms.map((t) => stats.titlePostings.get(looseKey(t)) ?? []));
    if (matching.length < 3 || matching.length > 10) continue;
    usedTopics.add(topicKey);
    const { query, applied } = perturb(terms, rng, isWord);
    topical++;
    queries.push({ id: `t${String(topical).padStart(3, '0')}`, kind: 'topical', from: 'title', query, relevant: matching.map((i) => docs[i]!.id), perturbations: applied });
  }

  const counts: Record<string, number> = { 'known-item': 0, topical: 0, 'known-item from title': 0, 'known-item from body': 0, none: 0 };
  for (const name of PERTURBATION_ORDER) counts[name] = 0;
  for (const q of queries) {
    counts[q.kind] = (counts[q.kind] ?? 0) + 1;
    if (q.kind === 'known-item') counts[`known-item from ${q.from}`] = (counts[`known-item from ${q.from}`] ?? 0) + 1;
    if (q.perturbations.length === 0) counts.none = (counts.none ?? 0) + 1;
    for (const p of q.perturbations) counts[p] = (counts[p] ?? 0) + 1;
  }
  const set: RelevanceSet = {
    description:
      'Known-item and topical queries over the ANT corpus, typed the way readers type Arabic. Generated by bench/relevance/generate.ts; do not edit by hand. Only queries and relevant ids, no article text.',
    generator: 'bench/relevance/generate.ts',
    seed: SEED,
    corpus: `ANT Corpus v2.1 + v1.1, ${docs.length} articles (Chouigui, Ben Khiroun, Elayeb; https://antcorpus.github.io)`,
    counts,
    queries,
  };
  const { queries: list, ...header } = set;
  const head = JSON.stringify(header, null, 1).slice(0, -2);
  writeFileSync(outPath, `${head},\n "queries": [\n${list.map((q) => '  ' + JSON.stringify(q)).join(',\n')}\n ]\n}\n`);
  process.stderr.write(`wrote ${queries.length} queries to ${outPath}\n${JSON.stringify(counts)}\n`);
}

main();
