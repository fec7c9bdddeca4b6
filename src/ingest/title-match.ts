/**
 * Compares a page's title line with the title its breadcrumb shows, tolerating the small
 * differences scraped pages have (punctuation, spacing, diacritics, hamza and alef forms, a
 * letter or two).
 *
 * ```ts
 * compareTitles('ما بعد أستانا 16.. محور', 'ما بعد استانا 16 محور')   // 'same'
 * compareTitles('تشاويش أوغلو وبيدرسن', 'تشاووش أوغلو وبيدرسن')      // 'similar'
 * ```
 *
 * This is a comparison key for ingest, not the search analyzer: it never changes the text the
 * parser returns.
 * @module
 */

/** U+0640 ARABIC TATWEEL: elongation, no meaning. */
const TATWEEL = '\u0640';
/** U+064B ARABIC FATHATAN, first of the harakat. */
const FATHATAN = '\u064B';
/** U+0652 ARABIC SUKUN, last of the harakat. */
const SUKUN = '\u0652';
/** U+0670 ARABIC LETTER SUPERSCRIPT ALEF (dagger alef). */
const SUPERSCRIPT_ALEF = '\u0670';
/** U+0627 ARABIC LETTER ALEF. */
const ALEF = '\u0627';
/** U+0622 ALEF WITH MADDA ABOVE, U+0623 ALEF WITH HAMZA ABOVE, U+0625 ALEF WITH HAMZA BELOW, U+0671 ALEF WASLA. */
const ALEF_VARIANTS = '\u0622\u0623\u0625\u0671';
/** U+064A ARABIC LETTER YEH. */
const YEH = '\u064A';
/** U+0649 ARABIC LETTER ALEF MAKSURA. */
const ALEF_MAKSURA = '\u0649';
/** U+0647 ARABIC LETTER HEH. */
const HEH = '\u0647';
/** U+0629 ARABIC LETTER TEH MARBUTA. */
const TEH_MARBUTA = '\u0629';

const MARKS = new RegExp(`[${TATWEEL}${FATHATAN}-${SUKUN}${SUPERSCRIPT_ALEF}]`, 'gu');
const ALEFS = new RegExp(`[${ALEF_VARIANTS}]`, 'gu');
const MAKSURA = new RegExp(ALEF_MAKSURA, 'gu');
const MARBUTA = new RegExp(TEH_MARBUTA, 'gu');
/** Anything that is not a letter or a digit (punctuation, symbols, spaces) separates words. */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** An ellipsis at the end of a breadcrumb: the site shortened the title. */
const TRAILING_ELLIPSIS = /(?:…|\.{2,})\s*$/u;

/**
 * The key two titles are compared by: diacritics and tatweel removed, alef forms folded to
 * bare alef, alef maksura to yeh, teh marbuta to heh, lower case, punctuation dropped and words
 * separated by single spaces.
 * @param title - any text
 * @returns the comparison key (may be empty)
 */
export function titleKey(title: string): string {
  return title
    .replace(MARKS, '')
    .replace(ALEFS, ALEF)
    .replace(MAKSURA, YEH)
    .replace(MARBUTA, HEH)
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim();
}

/**
 * Similarity of two strings: the Dice coefficient of their character bigrams, in [0, 1]
 * (1 for equal strings, 0 when they share no bigram or one has fewer than two characters).
 * @param a - first string
 * @param b - second string
 */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = counts.get(g);
    if (n !== undefined && n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * Bigram similarity (see {@link bigramSimilarity}) at or above which two different title keys
 * count as the same title written slightly differently. 0.6 accepts a changed letter or word in
 * a news headline and rejects a body sentence that merely shares a few words with it.
 */
export const TITLE_SIMILARITY_THRESHOLD = 0.6;

/**
 * How a candidate title line relates to the breadcrumb's title:
 * - `same`: equal keys (see {@link titleKey}), or the breadcrumb ends with an ellipsis and the
 *   candidate's key starts with the breadcrumb's;
 * - `similar`: different keys with similarity ≥ {@link TITLE_SIMILARITY_THRESHOLD};
 * - `different`: anything else, or an empty key on either side.
 */
export type TitleRelation = 'same' | 'similar' | 'different';

/**
 * Compare a candidate title line with the breadcrumb's title.
 * @param candidate - the line that may be the page's title
 * @param breadcrumbTitle - the last segment of the breadcrumb
 */
export function compareTitles(candidate: string, breadcrumbTitle: string): TitleRelation {
  const a = titleKey(candidate);
  const b = titleKey(breadcrumbTitle);
  if (a.length === 0 || b.length === 0) return 'different';
  if (a === b) return 'same';
  if (TRAILING_ELLIPSIS.test(breadcrumbTitle) && a.startsWith(b)) return 'same';
  return bigramSimilarity(a, b) >= TITLE_SIMILARITY_THRESHOLD ? 'similar' : 'different';
}
