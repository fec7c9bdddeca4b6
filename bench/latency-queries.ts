/**
 * The queries whose latency is measured: drawn with a fixed seed from the titles of the very
 * documents being indexed, so every library gets the same queries and every plain query is
 * known to match at least one document.
 *
 * - plain: two consecutive title words, as written;
 * - prefix: as-you-type, a full word then the first 3–4 letters of the next (or the truncated
 *   word alone);
 * - fuzzy: two consecutive title words, one of them (≥ 5 letters) with one edit (a letter
 *   replaced, dropped or inserted).
 * @module
 */
import type { CorpusArticle } from '../tools/corpus.js';
import { createRng } from './rng.js';

/** The three query lists, each of the same length. */
export interface LatencyQueries {
  plain: string[];
  prefix: string[];
  fuzzy: string[];
}

/** Queries per kind at the size the main table reports (issue 6 asks for at least 200). */
export const QUERIES_PER_KIND = 200;

/** Queries per kind at the other sizes (points of the scaling line). */
export const SCALING_QUERIES_PER_KIND = 100;

const ARABIC_WORD = /^[\u0621-\u064A]+$/;
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

function titleWords(title: string): string[] {
  return title.split(/\s+/).filter((w) => w.length >= 3 && ARABIC_WORD.test(w));
}

/** Build the latency queries for `docs` (deterministic for the same docs and seed). */
export function latencyQueries(docs: readonly CorpusArticle[], perKind = QUERIES_PER_KIND, seed = 20240601): LatencyQueries {
  const rng = createRng(seed);
  const out: LatencyQueries = { plain: [], prefix: [], fuzzy: [] };
  const pool = docs.map((d) => titleWords(d.title)).filter((ws) => ws.length >= 2);
  if (pool.length === 0) throw new Error('latency queries: no title has two Arabic words');
  for (let guard = 0; guard < perKind * 50 && (out.plain.length < perKind || out.prefix.length < perKind || out.fuzzy.length < perKind); guard++) {
    const words = rng.pick(pool);
    const i = rng.int(words.length - 1);
    const a = words[i]!;
    const b = words[i + 1]!;
    if (out.plain.length < perKind) out.plain.push(`${a} ${b}`);
    if (out.prefix.length < perKind && b.length >= 5) {
      const cut = b.slice(0, 3 + rng.int(2));
      out.prefix.push(rng.chance(0.5) ? `${a} ${cut}` : cut);
    }
    if (out.fuzzy.length < perKind) {
      const target = b.length >= 5 ? 1 : a.length >= 5 ? 0 : -1;
      if (target >= 0) {
        const w = target === 1 ? b : a;
        const at = 1 + rng.int(w.length - 2);
        const letter = rng.pick([...LETTERS]);
        const kind = rng.int(3);
        const edited = kind === 0 ? w.slice(0, at) + letter + w.slice(at + 1) : kind === 1 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + letter + w.slice(at);
        out.fuzzy.push(target === 1 ? `${a} ${edited}` : `${edited} ${b}`);
      }
    }
  }
  if (out.prefix.length < perKind || out.fuzzy.length < perKind) throw new Error('latency queries: too few long title words for prefix/fuzzy queries');
  return out;
}
