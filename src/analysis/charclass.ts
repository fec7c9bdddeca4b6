/**
 * The character-class table the tokenizer scans with, shared with the normalizer (which checks
 * that folding never changes how a character tokenizes).
 *
 * Classes, per UTF-16 code unit (astral code points are classified by {@link classifyCodePoint}):
 * - {@link LETTER}: letters of any script but Arabic (`\p{L}`);
 * - {@link ARABIC_LETTER}: letters of the Arabic script, plus the superscript alef (a word
 *   breaks between an Arabic letter and a digit: و2018 is و + 2018, 2020م is 2020 + م);
 * - {@link DIGIT}: numbers of any script (`\p{N}`);
 * - {@link MARK}: combining marks (`\p{M}`), tatweel, the Arabic harakat and Quranic marks, and
 *   the harakat presentation forms: they belong to the word they sit in;
 * - {@link FORMAT}: invisible zero-width and bidi controls: inside a word they belong to it, at
 *   its edges they are left out of the token's offsets;
 * - {@link DOT}: `.` `,` `٫` `٬`, part of a word only between two digits (3.5, 1,000, ١٥٫٥);
 * - {@link SEP}: everything else (spaces, punctuation, symbols, emoji, lone surrogates).
 *
 * The table is filled lazily: a code unit is classified (with a Unicode property regex) the first
 * time it is seen, then read from a `Uint8Array`.
 *
 * ```ts
 * charClass('ك'.charCodeAt(0)) === ARABIC_LETTER
 * charClass('k'.charCodeAt(0)) === LETTER
 * ```
 * @module
 */
import {
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_SIGNS_FIRST,
  ARABIC_SIGNS_LAST,
  ARABIC_THOUSANDS_SEPARATOR,
  CODE_UNITS,
  HIGH_SURROGATE_FIRST,
  LOW_SURROGATE_LAST,
  COMMA,
  FULL_STOP,
  HARAKAT_FIRST,
  HARAKAT_LAST,
  PRESENTATION_A_FIRST,
  PRESENTATION_A_LAST,
  PRESENTATION_B_FIRST,
  PRESENTATION_B_LAST,
  PRESENTATION_HARAKAT_LAST,
  QURANIC_FIRST,
  QURANIC_LAST,
  SUPERSCRIPT_ALEF,
  TATWEEL,
  isFormatChar,
} from './chars.js';

/** Not yet classified (internal to the lazy table). */
const UNKNOWN = 0;
/** Separator: ends a word. */
export const SEP = 1;
/** A letter of any script. */
export const LETTER = 2;
/** A digit or other number character. */
export const DIGIT = 3;
/** A combining mark, tatweel or Arabic diacritic: part of the word around it. */
export const MARK = 4;
/** An invisible format control: part of a word inside it, trimmed from its edges. */
export const FORMAT = 5;
/** A number separator: part of a word only between two digits. */
export const DOT = 6;
/** A letter of the Arabic script. */
export const ARABIC_LETTER = 7;

/** One of the classes {@link SEP} … {@link ARABIC_LETTER}. */
export type CharClass = typeof SEP | typeof LETTER | typeof DIGIT | typeof MARK | typeof FORMAT | typeof DOT | typeof ARABIC_LETTER;

const IS_LETTER = /^\p{L}$/u;
const IS_ARABIC = /^\p{Script=Arabic}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_MARK = /^\p{M}$/u;
const SPACES = / /g;

/** Lazily filled class of every UTF-16 code unit; 0 means not classified yet. */
const table = new Uint8Array(CODE_UNITS);
const astral = new Map<number, CharClass>();

function isArabicMarkOrTatweel(c: number): boolean {
  return (
    c === TATWEEL ||
    (c >= HARAKAT_FIRST && c <= HARAKAT_LAST) ||
    (c >= ARABIC_SIGNS_FIRST && c <= ARABIC_SIGNS_LAST) ||
    (c >= QURANIC_FIRST && c <= QURANIC_LAST)
  );
}

function isPresentationForm(c: number): boolean {
  return (c >= PRESENTATION_A_FIRST && c <= PRESENTATION_A_LAST) || (c >= PRESENTATION_B_FIRST && c <= PRESENTATION_B_LAST);
}

/** A presentation form whose compatibility decomposition is only harakat (e.g. U+FC5E ٌّ). */
function isPresentationMark(c: number): boolean {
  if (c >= PRESENTATION_B_FIRST && c <= PRESENTATION_HARAKAT_LAST) return true;
  const d = String.fromCharCode(c).normalize('NFKC').replace(SPACES, '');
  if (d.length === 0) return false;
  for (let i = 0; i < d.length; i++) if (!isArabicMarkOrTatweel(d.charCodeAt(i))) return false;
  return true;
}

function classifyString(s: string): CharClass {
  if (IS_LETTER.test(s)) return IS_ARABIC.test(s) ? ARABIC_LETTER : LETTER;
  if (IS_NUMBER.test(s)) return DIGIT;
  if (IS_MARK.test(s)) return MARK;
  return SEP;
}

function classify(c: number): CharClass {
  if (isFormatChar(c)) return FORMAT;
  if (c === SUPERSCRIPT_ALEF) return ARABIC_LETTER;
  if (isArabicMarkOrTatweel(c)) return MARK;
  if (c === FULL_STOP || c === COMMA || c === ARABIC_DECIMAL_SEPARATOR || c === ARABIC_THOUSANDS_SEPARATOR) return DOT;
  if (c >= HIGH_SURROGATE_FIRST && c <= LOW_SURROGATE_LAST) return SEP; // pairs: see classifyCodePoint
  if (isPresentationForm(c) && isPresentationMark(c)) return MARK;
  return classifyString(String.fromCharCode(c));
}

/** The class of UTF-16 code unit `c` (0–0xFFFF). Surrogate code units are {@link SEP}. */
export function charClass(c: number): CharClass {
  let k = table[c] ?? UNKNOWN;
  if (k === UNKNOWN) {
    k = classify(c);
    table[c] = k;
  }
  return k as CharClass;
}

/** The class of an astral code point (≥ 0x10000), from a small cache. */
export function classifyCodePoint(cp: number): CharClass {
  let k = astral.get(cp);
  if (k === undefined) {
    k = classifyString(String.fromCodePoint(cp));
    if (astral.size > 4096) astral.clear();
    astral.set(cp, k);
  }
  return k;
}

/** The lazily filled table itself, for scanners that inline the lookup (0 = call {@link charClass}). */
export const CLASS_TABLE: Readonly<Uint8Array> = table;

/** Whether class `k` is skipped when the tokenizer looks for the digits around a `.` ({@link MARK} or {@link FORMAT}). */
export function isSkippable(k: number): boolean {
  return k === MARK || k === FORMAT;
}
