/**
 * A careful light stemmer for NORMALIZED Arabic words (see `normalize.ts`): it strips one group of
 * proclitics and a few layers of suffixes, with no root extraction and no dictionary.
 *
 * ```ts
 * lightStem('والكتاب')  // 'كتاب'
 * lightStem('كتابها')   // 'كتاب'
 * lightStem('المعلمون') // 'معلم'
 * lightStem('وزير')     // 'وزير' (a bare و is never stripped)
 * ```
 *
 * Proclitics (one group, longest first; the number is the letters that must remain):
 * - وبال فبال وكال فكال ولل فلل وال فال بال كال لل: 3;
 * - ال: 2, and the remainder may not be a bare suffix (الات is not ال + ات) nor له (الله);
 * - الله and its clitic forms (والله، بالله، لله …) all stem to الله;
 * - والد + endings (والده، والدتهما …) is the word "parent", not و + ال + د… (والدين excepted);
 * - a bare و or ف, and a bare ب ك ل, are NOT stripped: in news text they begin as many words
 *   as a root letter (وزير، وزارة، ولاية، وطن، وكالة / بحث، لبنان، كبير) as they prefix one, and
 *   stripping them from only some forms would make الوزارة and وزارة disagree. The cost is
 *   recall on و + indefinite noun (وكتاب ≠ كتاب); docs/analysis.md measures it.
 *
 * Suffixes, in three steps, each keeping at least the number of letters given:
 * 1. one attached pronoun or ending: هما هم هن ها نا ه (also ة folded to ه) ي, وا (verb
 *    plural), ا (tanween alef) (3), كما كم كن (4: محاكم is not محا + كم); never leaving a
 *    three-letter stem that ends in ا (مساهم is not مسا + هم), nor نا after ا (أستانا);
 * 2. one number ending: ات تين تان (3), ون ين ان (4); after a pronoun, the ت of ة (سيارته) and the
 *    و of ون (معلموه) (4); or, after ة, an ا before it (مباراة → مبار, like مباريات) (4);
 * 3. the nisba ي (3) when step 1 did not just remove a ي, and not after ا (ولاية، نهاية، رواية
 *    end in a root ي), then step 2's endings once more, so فلسطيني، فلسطينية، فلسطينيين all meet
 *    فلسطين.
 *
 * Words holding anything other than Arabic letters ء–ي (Latin, digits) are returned unchanged.
 * @module
 */
import { ARABIC_LETTER_FIRST, ARABIC_LETTER_LAST } from './chars.js';

/**
 * A stemmer: maps one normalized word to its index term. Must be pure and deterministic (the
 * analyzer caches its result per word) and return a non-empty string.
 */
export type Stemmer = (term: string) => string;

const ALLAH = 'الله';
const ALLAH_FORMS: ReadonlySet<string> = new Set(['الله', 'والله', 'فالله', 'بالله', 'تالله', 'لله', 'ولله', 'فلله']);

/** Proclitic groups with the letters that must remain after each, longest first. */
const PROCLITICS: ReadonlyArray<readonly [string, number]> = [
  ['وبال', 3],
  ['فبال', 3],
  ['وكال', 3],
  ['فكال', 3],
  ['ولل', 3],
  ['فلل', 3],
  ['وال', 3],
  ['فال', 3],
  ['بال', 3],
  ['كال', 3],
  ['لل', 3],
  ['ال', 2],
];

/** Two-letter endings that are never a whole word after ال (الات، اليه …). */
const BARE_SUFFIXES: ReadonlySet<string> = new Set(['ات', 'ان', 'ين', 'ون', 'يه', 'ها', 'هم', 'هن', 'نا', 'كم', 'كن']);

/** Attached pronouns and endings of step 1, longest first. */
const STEP1: ReadonlyArray<readonly [string, number]> = [
  ['هما', 3],
  ['كما', 4],
  ['هم', 3],
  ['هن', 3],
  ['ها', 3],
  ['كم', 4],
  ['كن', 4],
  ['نا', 3],
  ['وا', 3],
  ['ه', 3],
  ['ي', 3],
  ['ا', 3],
];

/**
 * Whether و + ال + `rest` is rather والد ("parent") + endings: والده، والدتهما … (but والدين stays
 * "and the religion", the reading news text needs more often).
 */
function isParent(rest: string): boolean {
  return rest.startsWith('د') && rest !== 'دين' && stripSuffixes('والد' + rest.slice(1)) === 'والد';
}

function isArabicWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < ARABIC_LETTER_FIRST || c > ARABIC_LETTER_LAST) return false;
  }
  return w.length > 0;
}

/**
 * Remove one proclitic group from a normalized word, when enough of it is left (see the module
 * rules). Also the first stage of {@link lightStem}; the query side uses it alone for
 * as-you-type prefixes (`والكتا` → `كتا`).
 * @param word - a normalized word
 */
export function stripProclitics(word: string): string {
  if (!isArabicWord(word)) return word;
  if (ALLAH_FORMS.has(word)) return ALLAH;
  for (const [prefix, keep] of PROCLITICS) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    if (rest.length < keep) continue;
    if (prefix === 'ال' && (rest === 'له' || (rest.length === 2 && BARE_SUFFIXES.has(rest)))) continue;
    if (prefix === 'وال' && isParent(rest)) continue;
    return rest;
  }
  return word;
}

function cut(w: string, suffix: string, keep: number): string | null {
  return w.length - suffix.length >= keep && w.endsWith(suffix) ? w.slice(0, w.length - suffix.length) : null;
}

/** Step 2: one number ending (ات تين تان: 3 letters kept; ون ين ان: 4). */
function stripNumber(w: string): string | null {
  return cut(w, 'تين', 3) ?? cut(w, 'تان', 3) ?? cut(w, 'ات', 3) ?? cut(w, 'ون', 4) ?? cut(w, 'ين', 4) ?? cut(w, 'ان', 4);
}

/**
 * Remove suffixes from a word whose proclitics are already stripped (steps 1–3 of the module
 * rules).
 * @param word - a normalized word without proclitics
 */
export function stripSuffixes(word: string): string {
  if (!isArabicWord(word) || word === ALLAH) return word;
  let w = word;
  let pronoun = '';
  for (const [s, keep] of STEP1) {
    const r = cut(w, s, keep);
    // مساهم is not مسا + هم: a three-letter stem ending in ا does not take a pronoun;
    // أستانا is not أستا + نا: نا after ا is left to the tanween rule.
    if (r !== null && !(r.length === 3 && r.endsWith('ا') && s !== 'ا') && !(s === 'نا' && r.endsWith('ا'))) {
      w = r;
      pronoun = s;
      break;
    }
  }
  let r = stripNumber(w);
  if (r === null && pronoun !== '' && pronoun !== 'ي' && pronoun !== 'ا') r = cut(w, 'ت', 4) ?? cut(w, 'و', 4);
  const numbered = r !== null;
  if (r !== null) w = r;
  // مباراة (مباراه → مبارا) meets مباريات (→ مبار): the ا before a feminine ending.
  else if (pronoun === 'ه') w = cut(w, 'ا', 4) ?? w;
  if ((pronoun !== 'ي' || numbered) && !w.endsWith('اي')) {
    const n = cut(w, 'ي', 3);
    if (n !== null) w = stripNumber(n) ?? n;
  }
  return w;
}

/**
 * The default stemmer: {@link stripProclitics} then {@link stripSuffixes}. Pure; the result is
 * never empty for a non-empty word, at least 2 letters for a word of 2 or more letters, and
 * never longer than the word (except لله and its forms, which become الله).
 * @param word - a normalized word
 */
export const lightStem: Stemmer = (word) => stripSuffixes(stripProclitics(word));
