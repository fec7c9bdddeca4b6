/**
 * Corpus word statistics shared by the relevance-set generators (generate.ts, generate-typing.ts):
 * Arabic words of a text, the loose key two spellings of one word share, postings per key and the
 * vocabulary of forms people write.
 * @module
 */
import type { CorpusArticle } from '../../tools/corpus.js';
import { arabicNormalize } from '../peers/arabic-normalizer.js';
import type { Rng } from '../rng.js';

/** Runs of Arabic letters (with any harakat or tatweel inside them). */
export const WORD = /[\u0621-\u064A][\u0621-\u0652\u0640]*/g;
/** One Arabic word and nothing else. */
export const PURE_WORD = /^[\u0621-\u064A][\u0621-\u0652\u0640]*$/;
/** Where a body sentence ends. */
export const SENTENCE_END = /[.!?؟\n]+/;

/** Occurrences a form needs in the corpus to count as a word people write (perturb.ts). */
export const MIN_WORD_COUNT = 5;

/** A word compared for "is this a word": no harakat or tatweel, hamza on alef folded; ة, ى kept. */
export function vocabularyForm(word: string): string {
  return word.replace(/[\u064B-\u0652\u0640]/g, '').replace(/[\u0622\u0623\u0625]/g, '\u0627');
}

/** The Arabic words of `text`, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Plain normalization, then a leading ال stripped (also after و ف ب ك, and لل): the loose key. */
export function looseKey(word: string): string {
  const w = arabicNormalize(word);
  if (w.length > 4 && 'وفبك'.includes(w[0]!) && w.startsWith('ال', 1)) return w.slice(3);
  if (w.length > 4 && w.startsWith('لل')) return w.slice(2);
  if (w.length > 3 && w.startsWith('ال')) return w.slice(2);
  return w;
}

/** Postings and vocabulary of the corpus. */
export interface Stats {
  /** loose key → sorted article indices containing it (any field). */
  postings: Map<string, number[]>;
  /** loose key → article indices whose TITLE contains it. */
  titlePostings: Map<string, number[]>;
  /** {@link vocabularyForm}s that occur at least MIN_WORD_COUNT times. */
  vocabulary: Set<string>;
  /** Occurrences of every {@link vocabularyForm} (title, category and body). */
  counts: Map<string, number>;
}

function addPosting(map: Map<string, number[]>, key: string, doc: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** Postings per loose key, and the vocabulary, over `docs` (title, category and body). */
export function corpusStats(docs: readonly CorpusArticle[]): Stats {
  const postings = new Map<string, number[]>();
  const titlePostings = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const keyCache = new Map<string, string>();
  const key = (w: string): string => {
    let k = keyCache.get(w);
    if (k === undefined) keyCache.set(w, (k = looseKey(w)));
    return k;
  };
  docs.forEach((d, i) => {
    for (const w of words(d.title)) addPosting(titlePostings, key(w), i);
    for (const text of [d.title, d.category, d.body]) {
      for (const w of words(text)) {
        addPosting(postings, key(w), i);
        const n = vocabularyForm(w);
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
    }
  });
  const vocabulary = new Set<string>();
  for (const [w, n] of counts) if (n >= MIN_WORD_COUNT) vocabulary.add(w);
  return { postings, titlePostings, vocabulary, counts };
}

/** Article indices in every list. */
export function intersect(lists: readonly number[][]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let acc = sorted[0] ?? [];
  for (const list of sorted.slice(1)) {
    const set = new Set(list);
    acc = acc.filter((x) => set.has(x));
  }
  return acc;
}

/** Choose `n` of `items`, keeping their order. */
export function orderedSample<T>(items: readonly T[], n: number, rng: Rng): T[] {
  const idx = items.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => items[i]!);
}

/** The Lucene Arabic stopwords, plainly normalized. */
export function loadStopwords(path: string, readText: (path: string) => string): Set<string> {
  return new Set(
    readText(path)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map(arabicNormalize),
  );
}

/**
 * The test for a "distinctive" word, one a known-item query may take: a pure Arabic word of at
 * least 3 letters, not a stopword, in at least one and at most `maxDf` articles.
 */
export function distinctiveTest(stats: Stats, stopwords: ReadonlySet<string>, maxDf: number): (w: string) => boolean {
  return (w) => {
    if (!PURE_WORD.test(w) || w.length < 3 || stopwords.has(arabicNormalize(w))) return false;
    const df = stats.postings.get(looseKey(w))?.length ?? 0;
    return df > 0 && df <= maxDf;
  };
}
