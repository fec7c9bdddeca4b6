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
import { ALEF, ARABIC_LETTER_FIRST, ARABIC_LETTER_LAST, BEH, FEH, HEH, KAF, LAM, MEEM, NOON, TEH, WAW, YEH } from './chars.js';

/**
 * A stemmer: maps one normalized word to its index term. Must be pure and deterministic (the
 * analyzer caches its result per word) and return a non-empty string.
 */
export type Stemmer = (term: string) => string;

// The rules are written as comparisons of letter codes on the word and offsets into it: a stem
// is one `slice` of the word (none when nothing is removed), and no step makes a string, walks a
// table or hashes the word (only the rare forms of الله and ال + two letters do).
// bench/stemmer-equivalence.ts checks a change against the previous outputs.

const ALLAH = 'الله';
const ALLAH_FORMS: ReadonlySet<string> = new Set(['الله', 'والله', 'فالله', 'بالله', 'تالله', 'لله', 'ولله', 'فلله']);

/** Two-letter endings that are never a whole word after ال (الات، اليه …). */
const BARE_SUFFIXES: ReadonlySet<string> = new Set(['ات', 'ان', 'ين', 'ون', 'يه', 'ها', 'هم', 'هن', 'نا', 'كم', 'كن']);

/** د ARABIC LETTER DAL (والد). */
const DAL = 0x062f;

function isArabicWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < ARABIC_LETTER_FIRST || c > ARABIC_LETTER_LAST) return false;
  }
  return w.length > 0;
}

/**
 * The proclitic group of an Arabic word `w` of `n` letters: the number of letters it takes (0:
 * none), or -1 when `w` is a form of الله. The groups, longest first (one must leave 3 letters, ال
 * 2): وبال فبال وكال فكال, then ولل فلل وال فال بال كال, then لل, then ال.
 */
function procliticLength(w: string, n: number): number {
  // Every form of الله ends in له and has 3 to 5 letters.
  if (n <= 5 && n >= 3 && w.charCodeAt(n - 1) === HEH && w.charCodeAt(n - 2) === LAM && ALLAH_FORMS.has(w)) return -1;
  const c0 = w.charCodeAt(0);
  if (c0 === WAW || c0 === FEH) {
    if (n < 6) return 0;
    const c1 = w.charCodeAt(1);
    if (c1 === BEH || c1 === KAF) return n >= 7 && w.charCodeAt(2) === ALEF && w.charCodeAt(3) === LAM ? 4 : 0;
    if (w.charCodeAt(2) !== LAM) return 0;
    if (c1 === LAM) return 3;
    if (c1 !== ALEF) return 0;
    // وال + د…: the word "parent" (والده، والدتهما …) when its endings leave والد, but والدين
    // stays "and the religion". No other group starts with و, so the word is kept whole.
    if (c0 === WAW && w.charCodeAt(3) === DAL && !(n === 6 && w.charCodeAt(4) === YEH && w.charCodeAt(5) === NOON) && suffixEnd(w, 0, n) === 4) return 0;
    return 3;
  }
  if (c0 === BEH || c0 === KAF) return n >= 6 && w.charCodeAt(1) === ALEF && w.charCodeAt(2) === LAM ? 3 : 0;
  if (c0 === LAM) return n >= 5 && w.charCodeAt(1) === LAM ? 2 : 0;
  if (c0 === ALEF) {
    if (n < 4 || w.charCodeAt(1) !== LAM) return 0;
    // الات is not ال + ات, nor الله ال + له.
    if (n === 4 && (BARE_SUFFIXES.has(w.slice(2)) || (w.charCodeAt(2) === LAM && w.charCodeAt(3) === HEH))) return 0;
    return 2;
  }
  return 0;
}

/**
 * Remove one proclitic group from a normalized word, when enough of it is left (see the module
 * rules). Also the first stage of {@link lightStem}; the query side uses it alone for
 * as-you-type prefixes (`والكتا` → `كتا`).
 * @param word - a normalized word
 */
export function stripProclitics(word: string): string {
  if (!isArabicWord(word)) return word;
  const p = procliticLength(word, word.length);
  return p === 0 ? word : p < 0 ? ALLAH : word.slice(p);
}

// The suffix steps work on the letters `w[from, end)` without making that string: each cut
// compares letters from the end and checks how many letters of the stem (from `from`) remain.

/** What step 1 removed: nothing, ي, ا, ه, or another pronoun. */
const NO_PRONOUN = 0;
const PRONOUN_YEH = 1;
const PRONOUN_ALEF = 2;
const PRONOUN_HEH = 3;
const PRONOUN_OTHER = 4;

/**
 * Step 2 on `w[from, end)`: the end after one number ending (ات تين تان: 3 letters kept; ون ين
 * ان: 4), or -1.
 */
function numberEnd(w: string, from: number, end: number): number {
  const len = end - from;
  if (len < 5) return -1;
  const last = w.charCodeAt(end - 1);
  const before = w.charCodeAt(end - 2);
  if (last === NOON) {
    if (before === YEH || before === ALEF) {
      if (w.charCodeAt(end - 3) === TEH && len >= 6) return end - 3; // تين تان
      return len >= 6 ? end - 2 : -1; // ين ان
    }
    return before === WAW && len >= 6 ? end - 2 : -1; // ون
  }
  return last === TEH && before === ALEF ? end - 2 : -1; // ات
}

/** Whether the stem `w[from, at)` left by a pronoun at `at` may stand (مساهم is not مسا + هم). */
function pronounStem(w: string, from: number, at: number): boolean {
  return at - from !== 3 || w.charCodeAt(at - 1) !== ALEF;
}

/** The end of `w[from, n)` after steps 1–3 of the module rules (`n`, the word's length, when none applies). */
function suffixEnd(w: string, from: number, n: number): number {
  const len = n - from;
  let end = n;
  let pronoun = NO_PRONOUN;
  // Step 1: one attached pronoun or ending (3 letters kept; كما كم كن: 4).
  if (len >= 4) {
    const last = w.charCodeAt(n - 1);
    const before = w.charCodeAt(n - 2);
    if (last === ALEF) {
      if (before === MEEM) {
        // هما كما, else ا
        const third = w.charCodeAt(n - 3);
        if (len >= 6 && third === HEH && pronounStem(w, from, n - 3)) {
          end = n - 3;
          pronoun = PRONOUN_OTHER;
        } else if (len >= 7 && third === KAF) {
          end = n - 3;
          pronoun = PRONOUN_OTHER;
        }
      } else if (len >= 5 && (before === HEH || before === WAW) ? pronounStem(w, from, n - 2) : before === NOON && len >= 5 && w.charCodeAt(n - 3) !== ALEF) {
        // ها وا, and نا but not after ا (أستانا)
        end = n - 2;
        pronoun = PRONOUN_OTHER;
      }
      if (pronoun === NO_PRONOUN) {
        end = n - 1;
        pronoun = PRONOUN_ALEF;
      }
    } else if (last === MEEM || last === NOON) {
      // هم هن, كم كن
      if (before === HEH ? len >= 5 && pronounStem(w, from, n - 2) : before === KAF && len >= 6) {
        end = n - 2;
        pronoun = PRONOUN_OTHER;
      }
    } else if (last === HEH) {
      if (pronounStem(w, from, n - 1)) {
        end = n - 1;
        pronoun = PRONOUN_HEH;
      }
    } else if (last === YEH) {
      if (pronounStem(w, from, n - 1)) {
        end = n - 1;
        pronoun = PRONOUN_YEH;
      }
    }
  }
  // Step 2: one number ending; after a pronoun, also the ت of ة (سيارته) or the و of ون (معلموه).
  let r = numberEnd(w, from, end);
  if (r < 0 && pronoun >= PRONOUN_HEH && end - from >= 5) {
    const c = w.charCodeAt(end - 1);
    if (c === TEH || c === WAW) r = end - 1;
  }
  const numbered = r >= 0;
  if (numbered) end = r;
  // مباراة (مباراه → مبارا) meets مباريات (→ مبار): the ا before a feminine ending.
  else if (pronoun === PRONOUN_HEH && end - from >= 5 && w.charCodeAt(end - 1) === ALEF) end--;
  // Step 3: the nisba ي (3 letters kept), not after ا and not right after a removed ي; then a
  // number ending once more.
  if ((pronoun !== PRONOUN_YEH || numbered) && end - from >= 4 && w.charCodeAt(end - 1) === YEH && w.charCodeAt(end - 2) !== ALEF) {
    end--;
    const m = numberEnd(w, from, end);
    if (m >= 0) end = m;
  }
  return end;
}

/** Whether `w[from, n)` is الله. */
function isAllahAt(w: string, from: number, n: number): boolean {
  return n - from === 4 && w.charCodeAt(from) === ALEF && w.charCodeAt(from + 1) === LAM && w.charCodeAt(from + 2) === LAM && w.charCodeAt(from + 3) === HEH;
}

/**
 * Remove suffixes from a word whose proclitics are already stripped (steps 1–3 of the module
 * rules).
 * @param word - a normalized word without proclitics
 */
export function stripSuffixes(word: string): string {
  if (!isArabicWord(word)) return word;
  const n = word.length;
  if (isAllahAt(word, 0, n)) return word;
  const end = suffixEnd(word, 0, n);
  return end === n ? word : word.slice(0, end);
}

/**
 * The default stemmer: {@link stripProclitics} then {@link stripSuffixes}. Pure; the result is
 * never empty for a non-empty word, at least 2 letters for a word of 2 or more letters, and
 * never longer than the word (except لله and its forms, which become الله).
 * @param word - a normalized word
 */
export const lightStem: Stemmer = (word) => {
  if (!isArabicWord(word)) return word;
  const n = word.length;
  const p = procliticLength(word, n);
  if (p < 0) return ALLAH;
  if (isAllahAt(word, p, n)) return p === 0 ? word : ALLAH;
  const end = suffixEnd(word, p, n);
  return p === 0 && end === n ? word : word.slice(p, end);
};
