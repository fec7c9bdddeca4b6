/**
 * The term sources of a query plan beyond a single term: expanded term sets (prefix, typo and
 * spelling expansions) and phrases, with the code that reads their postings for the executor.
 *
 * ```ts
 * // Every document containing any of the terms, scored as one pseudo-term:
 * const source: ExpandedSource = { kind: 'expanded', channel: Channel.Exact, weight: 0.5,
 *   terms: Int32Array.of(kitab, kitaba), fields: Int32Array.of(0b111, 0b111), termWeights: Float64Array.of(0.75, 0.6) };
 * collectExtra(source, postings, removed, scorer, cursor, (doc, tf, fields) => { … });
 * ```
 *
 * An expanded source is scored like one term whose occurrences are the occurrences of all its
 * terms, each weighted (Lucene's blended / synonym scoring): `tf~` sums `termWeight · tf~(term)`
 * over the terms a document holds, and the document frequency is the number of documents holding
 * any of them. So a prefix that expands to fifty words counts once per document and, being
 * common, weighs little; a document never outranks another merely by holding more expansions.
 *
 * A phrase source matches where its words' stems stand at the given position offsets in the same
 * field of a document (stopwords keep their positions, so their gaps must match too); its `tf` in
 * a field is the number of such occurrences.
 * @module
 */
import { Channel, PostingCursor } from '../index/postings.js';
import type { Postings } from '../index/postings.js';
import type { Bm25fScorer } from '../scoring/bm25f.js';

/** Several terms read as one pseudo-term (see the module documentation). */
export interface ExpandedSource {
  /** Source kind. */
  readonly kind: 'expanded';
  /** Channel of the postings to read. */
  readonly channel: Channel;
  /** Multiplier of the source's BM25F score. */
  readonly weight: number;
  /** Term ids. */
  readonly terms: Int32Array;
  /** `fields[i]`: bits of the fields term i is read in. */
  readonly fields: Int32Array;
  /** `termWeights[i]`: multiplier of term i's weighted tf, in (0, 1]. */
  readonly termWeights: Float64Array;
}

/** Words that must stand at fixed position offsets in one field. */
export interface PhraseSource {
  /** Source kind. */
  readonly kind: 'phrase';
  /** Multiplier of the source's BM25F score. */
  readonly weight: number;
  /** `words[i][f]`: stem term id of word i in field f, or -1 (the phrase cannot match there). */
  readonly words: readonly Int32Array[];
  /** `offsets[i]`: position of word i after word 0's (offsets[0] = 0, increasing). */
  readonly offsets: Int32Array;
}

/** Receives one matching document: its weighted tf and the fields it matched in. */
export type CollectSink = (doc: number, weightedTf: number, fields: number) => void;

/**
 * Read an expanded or phrase source: calls `add` once or more per live matching document (more
 * than once when several terms or field groups match it; the caller sums).
 */
export function collectExtra(
  source: ExpandedSource | PhraseSource,
  postings: Postings,
  removed: Uint8Array,
  scorer: Bm25fScorer,
  cursor: PostingCursor,
  add: CollectSink,
): void {
  if (source.kind === 'expanded') {
    const { terms, fields, termWeights } = source;
    for (let i = 0; i < terms.length; i++) {
      const wanted = fields[i]! & scorer.fieldMask;
      if (wanted === 0) continue;
      const weight = termWeights[i]!;
      cursor.reset(postings, terms[i]!, source.channel);
      while (cursor.next()) {
        const d = cursor.doc;
        if (removed[d] === 1) continue;
        const mask = cursor.fieldMask & wanted;
        if (mask === 0) continue;
        const w = scorer.weightedTf(d, cursor.tf, mask) * weight;
        if (w > 0) add(d, w, mask);
      }
    }
    return;
  }
  collectPhrase(source, postings, removed, scorer, add);
}

/** Count the occurrences of the phrase in one field from each word's positions there. */
function countOccurrences(positions: readonly Int32Array[], counts: Int32Array, offsets: Int32Array): number {
  const k = positions.length;
  const at = new Int32Array(k);
  const first = positions[0]!;
  let found = 0;
  outer: for (let j = 0; j < counts[0]!; j++) {
    const p = first[j]!;
    for (let i = 1; i < k; i++) {
      const want = p + offsets[i]!;
      const list = positions[i]!;
      const n = counts[i]!;
      let x = at[i]!;
      while (x < n && list[x]! < want) x++;
      at[i] = x;
      if (x >= n) break outer;
      if (list[x] !== want) continue outer;
    }
    found++;
  }
  return found;
}

function collectPhrase(source: PhraseSource, postings: Postings, removed: Uint8Array, scorer: Bm25fScorer, add: CollectSink): void {
  const words = source.words;
  const k = words.length;
  if (k === 0) return;
  const F = words[0]!.length;
  const tf = new Int32Array(F);
  let done = 0;
  // Fields reading the same term ids form one pass.
  for (let f = 0; f < F; f++) {
    if (done & (1 << f)) continue;
    let group = 0;
    for (let g = f; g < F; g++) {
      let same = true;
      for (let i = 0; i < k && same; i++) same = words[i]![g] === words[i]![f];
      if (same) group |= 1 << g;
    }
    done |= group;
    group &= scorer.fieldMask;
    if (group === 0 || words.some((w) => w[f]! < 0)) continue;
    const cursors: PostingCursor[] = [];
    for (let i = 0; i < k; i++) {
      const c = new PostingCursor(F);
      c.reset(postings, words[i]![f]!, Channel.Stem, true);
      cursors.push(c);
    }
    const positions = cursors.map(() => new Int32Array(16));
    const counts = new Int32Array(k);
    if (!cursors.every((c) => c.next())) continue;
    for (;;) {
      let target = 0;
      for (const c of cursors) if (c.doc > target) target = c.doc;
      let exhausted = false;
      for (const c of cursors) {
        while (c.doc < target) {
          if (!c.next()) {
            exhausted = true;
            break;
          }
        }
        if (exhausted) break;
      }
      if (exhausted) break;
      if (cursors.every((c) => c.doc === target)) {
        let mask = group;
        for (const c of cursors) mask &= c.fieldMask;
        if (mask !== 0 && removed[target] !== 1) {
          let matched = 0;
          tf.fill(0);
          for (let g = 0; g < F; g++) {
            if ((mask & (1 << g)) === 0) continue;
            for (let i = 0; i < k; i++) {
              const c = cursors[i]!;
              if (positions[i]!.length < c.tf[g]!) positions[i] = new Int32Array(c.tf[g]! * 2);
              counts[i] = c.positions(g, positions[i]!);
            }
            const n = countOccurrences(positions, counts, source.offsets);
            if (n > 0) {
              tf[g] = n;
              matched |= 1 << g;
            }
          }
          if (matched !== 0) {
            const w = scorer.weightedTf(target, tf, matched);
            if (w > 0) add(target, w, matched);
          }
        }
        if (!cursors[0]!.next()) break;
      }
    }
  }
}
