/**
 * Query-time clitic variants: the forms of a query word with a bare proclitic added or removed,
 * looked up in the index because the stemmer cannot strip a bare proclitic safely.
 *
 * ```ts
 * const df = (form) => index documents holding the stem of form;
 * cliticVariants('ومصر', df);  // ['مصر', 'بمصر', 'لمصر', …]: the forms the index holds
 * cliticVariants('قال', df);   // ['وقال', 'فقال']
 * cliticVariants('وزارة', df); // []: زاره is rarer than وزاره, so و is a root letter here
 * ```
 *
 * Why: the stemmer removes ال-bearing groups (وال، بال، لل …) but never a bare و ف ب ل ك,
 * because those letters begin as many words as they prefix (وزير، وزارة، بلد، لبنان, see
 * docs/analysis.md). So وقال and قال, ومصر and مصر are different index terms, and a reader who
 * types قال misses documents that only say وقال (and the reverse).
 *
 * The index knows which forms exist and how often, so the query side decides per word:
 * - candidates ({@link cliticVariants}): the word without a leading و/ف, then without a ب/ل/ك
 *   (وبمصر → بمصر, مصر), and the clitic-free forms with each proclitic group of
 *   {@link ADDED_PROCLITICS} prepended; a candidate keeps at least {@link MIN_CLITIC_BASE}
 *   letters without its proclitics, and forms starting with ال are left to the stemmer;
 * - a candidate counts only when the index holds its stem, and only when the form WITH the
 *   proclitic is the rarer one (in documents holding its stem): a proclitic form is one context of
 *   its base word, so it is rarer than the base. This keeps وزارة (ministry) away from زاره (he
 *   visited him) and زير away from وزير, while وقال (rarer than قال) and ومصر (rarer than مصر)
 *   meet their base words;
 * - the forms found are blended with the word's own terms into one pseudo-term per channel (stem,
 *   exact form; see `sources.ts`), each variant's occurrences weighted {@link CLITIC_WEIGHT}: one
 *   document frequency for all the forms, so a rare clitic form cannot outweigh the word itself,
 *   and a document holding only a clitic form still counts as matching the word.
 * @module
 */

/**
 * Weight of an occurrence of a clitic variant relative to one of the word's own stem (1). Measured
 * on the ANT relevance set (bench/relevance, 450 queries): 0.1 and 0.2 gave the same MRR@10 within
 * 0.002, 0.4, 0.6 and 0.8 less; what matters most is that the document matches the word at all.
 */
export const CLITIC_WEIGHT = 0.2;

/** Letters a word keeps without its bare proclitics, for either direction (triliteral roots). */
export const MIN_CLITIC_BASE = 3;

/** Conjunctions that stand first in a proclitic group. */
const CONJUNCTIONS = 'وف';
/** Prepositions that follow a conjunction, or stand alone. */
const PREPOSITIONS = 'بلك';

/**
 * The bare proclitic groups prepended to a clitic-free query word: the conjunctions و ف, the
 * prepositions ب ل ك, and a conjunction then ب or ل (وب ول فب فل). ك after a conjunction, and the
 * future س, are rare enough in news text to leave out.
 */
export const ADDED_PROCLITICS: readonly string[] = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل'];

/**
 * The clitic variants of a NORMALIZED query word that the index supports, without the word
 * itself, in a fixed order; pure given `frequency`, and bounded (at most 2 stripped forms and 9
 * added forms for each clitic-free form, so at most 29 calls of `frequency`). Words holding
 * anything other than Arabic letters, and words starting with ال (the stemmer strips those
 * groups), give none.
 * @param word - the normalized query word
 * @param frequency - documents holding the stem of a written form (0: unknown, or a stopword)
 */
export function cliticVariants(word: string, frequency: (form: string) => number): string[] {
  if (!isArabicLetters(word) || word.startsWith('ال')) return [];
  const out: string[] = [];
  // Clitic-free forms: the query word, then the word without و/ف, then without ب/ل/ك, each kept
  // only when more frequent than the form with the proclitic. Their frequencies, once read, are
  // kept (-1: not read yet), so none is read twice.
  const bases: string[] = [word];
  const baseFrequencies: number[] = [-1];
  let w = word;
  for (let step = 0; step < 2; step++) {
    const letters = step === 0 ? CONJUNCTIONS : PREPOSITIONS;
    if (!letters.includes(w[0]!) || w.length - 1 < MIN_CLITIC_BASE || w.startsWith('ال', 1)) continue;
    const rest = w.slice(1);
    const last = bases.length - 1;
    if (baseFrequencies[last]! < 0) baseFrequencies[last] = frequency(w);
    const restFrequency = frequency(rest);
    if (restFrequency === 0 || restFrequency < baseFrequencies[last]!) break;
    out.push(rest);
    bases.push(rest);
    baseFrequencies.push(restFrequency);
    w = rest;
  }
  const seen = new Set<string>(bases);
  for (let b = 0; b < bases.length; b++) {
    const base = bases[b]!;
    if (base.length < MIN_CLITIC_BASE) continue;
    for (const p of ADDED_PROCLITICS) {
      const form = p + base;
      if (seen.has(form)) continue;
      seen.add(form);
      const f = frequency(form);
      if (f === 0) continue;
      if (baseFrequencies[b]! < 0) baseFrequencies[b] = frequency(base);
      if (f <= baseFrequencies[b]!) out.push(form);
    }
  }
  return out;
}

function isArabicLetters(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return w.length > 0;
}
