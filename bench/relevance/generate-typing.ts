/**
 * Generates bench/relevance/queries-typing.json from the ANT corpus, deterministically (its own
 * seed, the corpus in file order). Run: `npx tsx bench/relevance/generate-typing.ts` (needs
 * ../shared/corpus; about a minute).
 *
 * The second relevance set: known-item queries chosen exactly as in generate.ts (2–4 distinctive
 * words of one title or body sentence, kept only when no other article holds them all), then
 * rewritten with the typing habits queries.json does not have (perturb.ts, TYPING_ORDER): a typo
 * (a neighbouring key, a letter dropped, two letters swapped, a letter doubled), a pronoun
 * suffix, ة / ت before a suffix, the dual, a sound plural either way, a preposition before ال or
 * taken away, a hamza on the first alef only, a spelling variant the corpus uses, a word split or
 * joined, another word order, a preposition or a question word added. 10 % stay untouched as a
 * control, 55 % get one rewrite, 35 % two (least used rule first, at most one typo per query);
 * 500 queries, about 40 per rule.
 * The corpus decides what is a word, which pairs are written both split and joined, and which
 * spellings are variants (variants.ts); nothing here looks at any engine's results.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../../tools/corpus.js';
import type { CorpusArticle } from '../../tools/corpus.js';
import { createRng } from '../rng.js';
import type { Rng } from '../rng.js';
import { SENTENCE_END, corpusStats, distinctiveTest, intersect, loadStopwords, looseKey, orderedSample, vocabularyForm, words } from './corpus-words.js';
import type { Stats } from './corpus-words.js';
import { QUERY_PERTURBATIONS, TYPING_ORDER, TYPING_PERTURBATIONS, isQueryPerturbation } from './perturb.js';
import type { CorpusView } from './perturb.js';
import type { RelevanceQuery, RelevanceSet, TypingPerturbationName } from './types.js';
import { confirmVariants, variantCandidates } from './variants.js';
import type { FormProfile } from './variants.js';

const SEED = 0x7e9_1a5;
const KNOWN_ITEM_TARGET = 500;
const MAX_DF_SHARE = 0.05;
const STOPWORDS_PATH = '/work/shared/testdata/lucene-arabic-stopwords.txt';

const here = dirname(fileURLToPath(import.meta.url));
const outPath = join(here, 'queries-typing.json');

/** Rules of which a query gets at most one. */
const EXCLUSIVE: readonly (readonly TypingPerturbationName[])[] = [
  ['typo-neighbour', 'typo-drop', 'typo-swap', 'typo-double'],
  ['stopword', 'question'],
];

/**
 * Rules that apply to few words (a spelling variant, a pair written both split and joined, the
 * dual): when one falls behind the others (the median of the rest), the next article is drawn
 * from those whose title has a word it applies to (first a word at random, then an article, so
 * one frequent word does not crowd out the rest), and that word is among the query's words.
 */
const RARE: readonly TypingPerturbationName[] = ['corpus-variant', 'split-join', 'dual'];

/** Whether `rule` applies to the title word `w` (with the title's words around it). */
function appliesTo(rule: TypingPerturbationName, w: string, title: readonly string[], corpus: CorpusView): boolean {
  if (isQueryPerturbation(rule)) return QUERY_PERTURBATIONS[rule]([w], createRng(1), corpus, title) !== null;
  return TYPING_PERTURBATIONS[rule](w, createRng(1), corpus) !== null;
}

/** The corpus as the typing rules see it: vocabulary, adjacent pairs that join, spelling variants. */
function corpusView(docs: readonly CorpusArticle[], stats: Stats): { view: CorpusView; variantCount: number; pairCount: number } {
  const candidates = variantCandidates(stats.counts);
  const profiles = new Map<string, FormProfile>(candidates.flat().map((f) => [f, { neighbours: new Map(), articles: new Set(), sources: new Map() }]));
  const pairs = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  docs.forEach((d, i) => {
    const source = d.id.split('-')[0] ?? '';
    for (const text of [d.title, d.body]) {
      const ws = words(text).map(vocabularyForm);
      for (let j = 0; j < ws.length; j++) {
        const w = ws[j]!;
        const next = ws[j + 1];
        if (next !== undefined && stats.vocabulary.has(w + next)) bump(pairs, `${w} ${next}`);
        const p = profiles.get(w);
        if (!p) continue;
        if (j > 0) bump(p.neighbours, '<' + ws[j - 1]!);
        if (next !== undefined) bump(p.neighbours, '>' + next);
        p.articles.add(i);
        bump(p.sources, source);
      }
    }
  });
  const variants = confirmVariants(candidates, profiles);
  const view: CorpusView = {
    isWord: (form) => stats.vocabulary.has(vocabularyForm(form)),
    count: (form) => stats.counts.get(vocabularyForm(form)) ?? 0,
    pairCount: (a, b) => pairs.get(`${vocabularyForm(a)} ${vocabularyForm(b)}`) ?? 0,
    // Variants are vocabulary forms: offered only for words already written that way.
    variantsOf: (form) => (vocabularyForm(form) === form ? (variants.get(form) ?? []) : []),
  };
  return { view, variantCount: variants.size, pairCount: pairs.size };
}

/** How often each rule has been applied so far in this run. */
const usage = Object.fromEntries(TYPING_ORDER.map((n) => [n, 0])) as Record<TypingPerturbationName, number>;

/** Apply 0–2 typing rules to `terms` (taken from `source`); the query and the rules applied. */
function perturb(terms: readonly string[], source: readonly string[], rng: Rng, corpus: CorpusView): { query: string; applied: TypingPerturbationName[] } {
  const roll = rng.next();
  const wanted = roll < 0.1 ? 0 : roll < 0.65 ? 1 : 2;
  const tieBreak = new Map(TYPING_ORDER.map((n) => [n, rng.next()]));
  const candidates = [...TYPING_ORDER].sort((a, b) => usage[a] - usage[b] || tieBreak.get(a)! - tieBreak.get(b)!);
  // Word rules get the index of the word they rewrite; query rules -1.
  const plan = new Map<TypingPerturbationName, number>();
  for (const name of candidates) {
    if (plan.size >= wanted) break;
    if (EXCLUSIVE.some((group) => group.includes(name) && group.some((o) => plan.has(o)))) continue;
    if (isQueryPerturbation(name)) {
      if (QUERY_PERTURBATIONS[name](terms, createRng(1), corpus, source) !== null) plan.set(name, -1);
      continue;
    }
    const applicable = terms.map((w, i) => (TYPING_PERTURBATIONS[name](w, createRng(1), corpus) !== null ? i : -1)).filter((i) => i >= 0);
    if (applicable.length) plan.set(name, rng.pick(applicable));
  }
  let out = [...terms];
  const applied: TypingPerturbationName[] = [];
  for (const name of TYPING_ORDER) {
    const at = plan.get(name);
    if (at === undefined) continue;
    if (isQueryPerturbation(name)) {
      const next = QUERY_PERTURBATIONS[name](out, rng, corpus, source);
      if (next === null || next.join(' ') === out.join(' ')) continue;
      out = next;
    } else {
      const next = TYPING_PERTURBATIONS[name](out[at]!, rng, corpus);
      if (next === null || next === out[at]) continue;
      out[at] = next;
    }
    applied.push(name);
    usage[name]++;
  }
  return { query: out.join(' '), applied };
}

function main(): void {
  if (!corpusAvailable()) throw new Error(`cannot generate the typing relevance set: ${corpusMissingReason}`);
  const docs = loadCorpus();
  const stopwords = loadStopwords(STOPWORDS_PATH, (path) => readFileSync(path, 'utf8'));
  process.stderr.write(`corpus: ${docs.length} articles; computing statistics…\n`);
  const stats = corpusStats(docs);
  const { view, variantCount, pairCount } = corpusView(docs, stats);
  process.stderr.write(`${variantCount} forms with a spelling variant, ${pairCount} adjacent pairs written joined too\n`);
  const distinctive = distinctiveTest(stats, stopwords, Math.floor(MAX_DF_SHARE * docs.length));

  // Per rare rule: word (vocabulary form) → articles whose title has it and the rule applies to it.
  const pools = new Map<TypingPerturbationName, Map<string, number[]>>(RARE.map((r) => [r, new Map()]));
  docs.forEach((d, i) => {
    const title = words(d.title);
    for (const r of RARE) {
      const pool = pools.get(r)!;
      for (const w of new Set(title.filter((x) => distinctive(x) && appliesTo(r, x, title, view)).map(vocabularyForm))) {
        const list = pool.get(w);
        if (list) list.push(i);
        else pool.set(w, [i]);
      }
    }
  });
  const poolWords = new Map(RARE.map((r) => [r, [...pools.get(r)!.keys()]]));
  process.stderr.write(`title words a rare rule applies to: ${RARE.map((r) => `${r} ${poolWords.get(r)!.length}`).join(', ')}\n`);

  const rng = createRng(SEED);
  const queries: RelevanceQuery[] = [];
  const usedArticles = new Set<number>();
  let attempts = 0;
  while (queries.length < KNOWN_ITEM_TARGET && attempts++ < 100_000) {
    const common = TYPING_ORDER.filter((r) => !RARE.includes(r)).map((r) => usage[r]).sort((a, b) => a - b);
    const median = common[common.length >> 1]!;
    const focus = RARE.find((r) => usage[r] < median - 2);
    const focusWord = focus ? rng.pick(poolWords.get(focus)!) : undefined;
    const docIndex = focus && focusWord ? rng.pick(pools.get(focus)!.get(focusWord)!) : rng.int(docs.length);
    if (usedArticles.has(docIndex)) continue;
    const doc = docs[docIndex]!;
    const from: 'title' | 'body' = focus || rng.chance(0.7) ? 'title' : 'body';
    let source = doc.title;
    if (from === 'body') {
      const sentences = doc.body.split(SENTENCE_END).filter((s) => words(s).length >= 8);
      if (!sentences.length) continue;
      source = rng.pick(sentences);
    }
    const sourceWords = words(source);
    const candidates = [...new Set(sourceWords.filter(distinctive))];
    if (candidates.length < 2) continue;
    // With a focus rule, one word it applies to is always among the words.
    const forced = focus ? candidates.filter((w) => vocabularyForm(w) === focusWord && appliesTo(focus, w, sourceWords, view)) : [];
    const must = forced.length ? rng.pick(forced) : undefined;
    const sample = (k: number): string[] => {
      if (must === undefined) return orderedSample(candidates, k, rng);
      const rest = orderedSample(candidates.filter((w) => w !== must), k - 1, rng);
      return candidates.filter((w) => w === must || rest.includes(w));
    };
    let n = Math.min(candidates.length, 2 + rng.int(3));
    let terms = sample(n);
    let matching = intersect(terms.map((t) => stats.postings.get(looseKey(t)) ?? []));
    while (matching.length > 1 && n < Math.min(4, candidates.length)) {
      n++;
      terms = sample(n);
      matching = intersect(terms.map((t) => stats.postings.get(looseKey(t)) ?? []));
    }
    if (matching.length !== 1 || matching[0] !== docIndex) continue;
    usedArticles.add(docIndex);
    const { query, applied } = perturb(terms, sourceWords, rng, view);
    queries.push({ id: `y${String(queries.length + 1).padStart(3, '0')}`, kind: 'known-item', from, query, relevant: [doc.id], perturbations: applied });
  }

  const counts: Record<string, number> = { 'known-item': queries.length, 'known-item from title': 0, 'known-item from body': 0, none: 0 };
  for (const name of TYPING_ORDER) counts[name] = 0;
  for (const q of queries) {
    counts[`known-item from ${q.from}`] = (counts[`known-item from ${q.from}`] ?? 0) + 1;
    if (q.perturbations.length === 0) counts.none = (counts.none ?? 0) + 1;
    for (const p of q.perturbations) counts[p] = (counts[p] ?? 0) + 1;
  }
  const set: RelevanceSet = {
    description:
      'Known-item queries over the ANT corpus with typing habits queries.json does not have (typos, pronoun suffixes, dual and plural, split or joined words, corpus spelling variants, word order, added question words). Generated by bench/relevance/generate-typing.ts; do not edit by hand. Only queries and relevant ids, no article text.',
    generator: 'bench/relevance/generate-typing.ts',
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
