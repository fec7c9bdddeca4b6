/**
 * Spelling variants the corpus itself uses: two forms of one word that both occur, differ by one
 * of the letter changes Arabic writers make in foreign names and loanwords, and pass three tests
 * on the running text that tell a spelling variant from a different word or inflection:
 *
 * - used in the same places: the words right before and after each form are alike (cosine of
 *   their counts ≥ {@link MIN_CONTEXT_SIMILARITY});
 * - never both in one article (a writer keeps one spelling): articles holding both are at most
 *   {@link MAX_COOCCURRENCE} of the rarer form's articles (singular and plural, his and her, do
 *   meet in one article);
 * - a matter of house style: the two forms are spread differently over the news sources (total
 *   variation distance of their shares per source ≥ {@link MIN_SOURCE_DIFFERENCE}).
 *
 * The letter changes ({@link oneChange}): a long vowel (ا و ي) written or left out inside the
 * word, never as its first or last letter, never doubling its neighbour, never before a final ا
 * or ن (those are endings: ه / ها, يذهبن / يذهبون), as in كمبردج / كيمبردج; and one consonant
 * for another rendering the same foreign sound (ج غ ق ك for g; ت ط; س ص ث; د ض ذ; ز ذ ظ), as in
 * لاجارد / لاغارد. Hamza, ة / ه and ى / ي are left out: queries.json has them as rules of their own.
 * Decided from the vocabulary and the running text only, never from a list of words.
 * @module
 */

/** Fewest occurrences for each of the two forms. */
export const MIN_VARIANT_COUNT = 5;
/** Fewest letters for each of the two forms. */
export const MIN_VARIANT_LENGTH = 4;
/** Smallest cosine similarity of the two forms' neighbour counts. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** Largest share of the rarer form's articles that hold the other form too. */
export const MAX_COOCCURRENCE = 0.05;
/** Smallest total variation distance between the two forms' shares per news source. */
export const MIN_SOURCE_DIFFERENCE = 0.5;

const LONG_VOWELS = '\u0627\u0648\u064A';
/** Groups of consonants that render one foreign sound (any two of a group are one change). */
export const CONSONANT_GROUPS: readonly string[] = ['\u062C\u063A\u0642\u0643', '\u062A\u0637', '\u0633\u0635\u062B', '\u062F\u0636\u0630', '\u0632\u0630\u0638'];
/** A long vowel before one of these final letters is an ending, not a spelling. */
const ENDING_LETTERS = '\u0627\u0646';

/** The shorter forms one long vowel away from `form` (see the module comment). */
function vowelDeletions(form: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < form.length - 1; i++) {
    if (!LONG_VOWELS.includes(form[i]!)) continue;
    if (form[i - 1] === form[i] || form[i + 1] === form[i]) continue;
    if (i === form.length - 2 && ENDING_LETTERS.includes(form[i + 1]!)) continue;
    out.push(form.slice(0, i) + form.slice(i + 1));
  }
  return out;
}

/** The forms one letter change (see the module comment) away from `form`, longer ones excluded. */
export function oneChange(form: string): string[] {
  const out = vowelDeletions(form);
  for (let i = 0; i < form.length; i++) {
    for (const group of CONSONANT_GROUPS) {
      if (!group.includes(form[i]!)) continue;
      for (const c of group) if (c !== form[i]) out.push(form.slice(0, i) + c + form.slice(i + 1));
    }
  }
  return out;
}

/**
 * Unordered pairs of forms one letter change apart, each occurring at least
 * {@link MIN_VARIANT_COUNT} times with at least {@link MIN_VARIANT_LENGTH} letters (the tests on
 * the running text come after: {@link confirmVariants}). Every pair is found from its longer form.
 */
export function variantCandidates(counts: ReadonlyMap<string, number>): [string, string][] {
  const ok = (f: string): boolean => f.length >= MIN_VARIANT_LENGTH && (counts.get(f) ?? 0) >= MIN_VARIANT_COUNT;
  const pairs = new Map<string, [string, string]>();
  for (const f of counts.keys()) {
    if (!ok(f)) continue;
    for (const g of oneChange(f)) {
      if (g === f || !ok(g)) continue;
      const pair: [string, string] = f < g ? [f, g] : [g, f];
      pairs.set(pair.join(' '), pair);
    }
  }
  return [...pairs.values()];
}

/** Cosine similarity of two count vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Total variation distance of two count vectors taken as distributions (0 alike, 1 disjoint). */
export function variationDistance(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let ta = 0;
  let tb = 0;
  for (const x of a.values()) ta += x;
  for (const x of b.values()) tb += x;
  if (!ta || !tb) return 0;
  let sum = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) sum += Math.abs((a.get(k) ?? 0) / ta - (b.get(k) ?? 0) / tb);
  return sum / 2;
}

/** What the running text says about one form. */
export interface FormProfile {
  /** Counts of its neighbours, keyed by side and word (`<في`, `>الجديد`). */
  neighbours: Map<string, number>;
  /** Indices of the articles holding it. */
  articles: Set<number>;
  /** Occurrences per news source. */
  sources: Map<string, number>;
}

/** Whether two forms pass the three tests of the module comment. */
export function sameWord(a: FormProfile, b: FormProfile): boolean {
  if (cosine(a.neighbours, b.neighbours) < MIN_CONTEXT_SIMILARITY) return false;
  const [small, large] = a.articles.size <= b.articles.size ? [a.articles, b.articles] : [b.articles, a.articles];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  if (!small.size || both / small.size > MAX_COOCCURRENCE) return false;
  return variationDistance(a.sources, b.sources) >= MIN_SOURCE_DIFFERENCE;
}

/** The candidate pairs that pass {@link sameWord}, as a map form → its variants. */
export function confirmVariants(pairs: readonly (readonly [string, string])[], profiles: ReadonlyMap<string, FormProfile>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  for (const [a, b] of pairs) {
    const pa = profiles.get(a);
    const pb = profiles.get(b);
    if (!pa || !pb || !sameWord(pa, pb)) continue;
    add(a, b);
    add(b, a);
  }
  return out;
}
