/**
 * The documents a benchmark runs on: the first N articles of the ANT corpus (v2.1 then v1.1, file
 * order, so every library and every run gets the same ones), or the demo sample when the corpus
 * is absent, and says which.
 * @module
 */
import { existsSync } from 'node:fs';
import { corpusAvailable, corpusDir, loadCorpus, loadSample, samplePath } from '../tools/corpus.js';
import type { CorpusArticle } from '../tools/corpus.js';

/** All of ANT. */
export const FULL_CORPUS = 40149;

/** The benchmark sizes of issue 6. */
export const DEFAULT_SIZES = [1000, 5000, 20000, FULL_CORPUS];

/** Where a document set came from. */
export type DocSource = 'ANT corpus' | 'demo sample';

/** A document set with what the figures need to know about it. */
export interface DocSet {
  docs: CorpusArticle[];
  source: DocSource;
  /** The size asked for (may exceed `docs.length` on the demo sample). */
  requested: number;
  /** UTF-8 bytes of title + category + body over all docs. */
  bytes: number;
}

/** Which source a run will use, and a sentence saying so. */
export function describeSource(): { source: DocSource; note: string } {
  if (corpusAvailable()) return { source: 'ANT corpus', note: `ANT corpus at ${corpusDir}` };
  if (existsSync(samplePath)) {
    return { source: 'demo sample', note: `ANT corpus NOT found at ${corpusDir}: running on the demo sample ${samplePath}; figures are not comparable with BENCHMARKS.md` };
  }
  return { source: 'demo sample', note: `neither the ANT corpus (${corpusDir}) nor the demo sample (${samplePath}) is present` };
}

/** UTF-8 bytes of the indexed text of `docs`. */
export function textBytes(docs: readonly CorpusArticle[]): number {
  let n = 0;
  for (const d of docs) n += Buffer.byteLength(d.title) + Buffer.byteLength(d.category) + Buffer.byteLength(d.body);
  return n;
}

/** Load `size` documents (the whole demo sample at most, when the corpus is absent). */
export function loadDocs(size: number): DocSet {
  const { source } = describeSource();
  const docs = source === 'ANT corpus' ? loadCorpus(size) : loadSample().slice(0, size);
  if (docs.length === 0) throw new Error(`no documents: ${describeSource().note}`);
  return { docs, source, requested: size, bytes: textBytes(docs) };
}
