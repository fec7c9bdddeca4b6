/**
 * Word segmentation on the ORIGINAL text, with offsets, by a single scan over a character-class
 * table (see `charclass.ts`).
 *
 * ```ts
 * tokenize('كَتَبَ الطالبُ ٣٫٥ صفحات، ثم قرأ «Gaza»')
 * // كَتَبَ · الطالبُ · ٣٫٥ · صفحات · ثم · قرأ · Gaza   (offsets into the input)
 * ```
 *
 * Rules:
 * - a word is a maximal run of letters, digits, combining marks (harakat, tatweel, Quranic marks)
 *   and invisible format controls (ZWNJ, ZWJ, bidi marks): كَتَبَ is one word, not three;
 * - `.` `,` `٫` `٬` join two digits into one number (2254, 3.5, 1,000, ١٥٫٥), and separate
 *   anything else;
 * - a word breaks between an Arabic letter and a digit (و2018 → و · 2018, 2020م → 2020 · م), so a
 *   number written with a clitic or a unit is found by the number; Latin letters and digits stay
 *   together (G20, mp3, covid19);
 * - everything else separates: spaces, Arabic and Latin punctuation (، ؛ ؟ « » . , ! …), symbols,
 *   emoji;
 * - a word's offsets leave out format controls at its edges but keep its trailing harakat;
 * - letters and digits of any script count, so Latin words and digits inside Arabic text are
 *   words too.
 *
 * Why a table scan and not `Intl.Segmenter`: the segmenter finds nearly the same words in Arabic
 * news text (it too keeps harakat inside words and numbers whole, but keeps و2018 together), yet
 * it ran at about 3 MB/s against this scanner's ~100 MB/s on the ANT benchmark, allocates an
 * object per segment, and its rules follow the ICU version of each runtime. The scan is
 * deterministic everywhere and hashes each word as it goes, for the analyzer's word cache. See
 * `bench/analysis.bench.ts` and docs/analysis.md.
 * @module
 */
import { FahrasError } from '../errors.js';
import { ARABIC_LETTER, CLASS_TABLE, DIGIT, DOT, FORMAT, LETTER, MARK, charClass, classifyCodePoint } from './charclass.js';
import { FIRST_ASTRAL, HIGH_SURROGATE_FIRST, HIGH_SURROGATE_LAST, LOW_SURROGATE_FIRST, LOW_SURROGATE_LAST } from './chars.js';
import { FNV_OFFSET, FNV_PRIME } from './wordcache.js';

/**
 * Where the scanner found a word; one mutable object is reused across calls so the hot loop
 * allocates nothing.
 */
export interface WordSpan {
  /** Offset of the word's first letter, digit or mark (format controls at the edge left out). */
  start: number;
  /** Offset just past the word's last letter, digit or mark. */
  end: number;
  /** Offset of the whole run, format controls at its front included. */
  runStart: number;
  /** Offset just past the whole run, format controls at its end included (where the next scan starts). */
  next: number;
  /** Whether the word holds at least one letter or digit (a run of marks alone does not). */
  hasBase: boolean;
  /** FNV-1a hash of the code units of the whole run `text[runStart, next)` (see `hashRange` in wordcache.ts). */
  hash: number;
}

/** A fresh {@link WordSpan} to pass to {@link nextWord}. */
export function createWordSpan(): WordSpan {
  return { start: 0, end: 0, runStart: 0, next: 0, hasBase: false, hash: 0 };
}

function isHigh(c: number): boolean {
  return c >= HIGH_SURROGATE_FIRST && c <= HIGH_SURROGATE_LAST;
}

function isLow(c: number): boolean {
  return c >= LOW_SURROGATE_FIRST && c <= LOW_SURROGATE_LAST;
}

/** Class of the surrogate pair at `i` (0 when `i` does not start a valid pair). */
function pairClass(text: string, i: number, c: number): number {
  if (!isHigh(c) || i + 1 >= text.length) return 0;
  const d = text.charCodeAt(i + 1);
  if (!isLow(d)) return 0;
  return classifyCodePoint(((c - HIGH_SURROGATE_FIRST) << 10) + (d - LOW_SURROGATE_FIRST) + FIRST_ASTRAL);
}

/** Whether the next letter, digit or separator at or after `j` (skipping marks) is a digit. */
function digitFollows(text: string, j: number): boolean {
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    let k: number = CLASS_TABLE[c] ?? 0;
    if (k === 0) k = charClass(c);
    if (k === MARK || k === FORMAT) {
      j++;
      continue;
    }
    if (k === DIGIT) return true;
    const p = pairClass(text, j, c);
    if (p === MARK) {
      j += 2;
      continue;
    }
    return p === DIGIT;
  }
  return false;
}

/**
 * Find the next word of `text` at or after offset `from`, and write it into `span`.
 * @returns `false` when no word is left
 */
export function nextWord(text: string, from: number, span: WordSpan): boolean {
  // The loops below run once per character. The table is read once into a local; the classes,
  // the hash prime and the surrogate range are written again as literals, which the JIT folds
  // into the code, where an imported (or module-level) constant is a load and a check each time
  // (nextWord ran ~17% slower on 20,000 ANT articles). Their types make the compiler check that
  // they equal the originals.
  const table = CLASS_TABLE;
  const letter: typeof LETTER = 2;
  const arabic: typeof ARABIC_LETTER = 7;
  const digit: typeof DIGIT = 3;
  const mark: typeof MARK = 4;
  const format: typeof FORMAT = 5;
  const dot: typeof DOT = 6;
  const prime: typeof FNV_PRIME = 0x01000193;
  const highFirst: typeof HIGH_SURROGATE_FIRST = 0xd800;
  const highLast: typeof HIGH_SURROGATE_LAST = 0xdbff;
  const n = text.length;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    let k: number = table[c] as number;
    if (k === 0) k = charClass(c);
    if (k === arabic || k === letter || k === digit || k === mark || k === format) break;
    if (c >= highFirst && c <= highLast) {
      const p = pairClass(text, i, c);
      if (p === letter || p === arabic || p === digit || p === mark) break;
    }
  }
  if (i >= n) return false;
  const runStart = i;
  let first = -1;
  let last = -1;
  let lastSig = 0;
  let hasBase = false;
  let h = FNV_OFFSET;
  while (i < n) {
    const c = text.charCodeAt(i);
    let k: number = table[c] as number;
    if (k === arabic) {
      // The common case, a run of Arabic letters, in a loop of its own.
      if (lastSig === digit) break;
      lastSig = arabic;
      hasBase = true;
      if (first < 0) first = i;
      h = Math.imul(h ^ c, prime);
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (table[d] !== arabic) break;
        h = Math.imul(h ^ d, prime);
        i++;
      }
      last = i;
      continue;
    }
    if (k === 0) k = charClass(c);
    if (k === arabic || k === letter || k === digit) {
      // An Arabic letter and a digit never share a word: و2018 → و · 2018, 2020م → 2020 · م.
      if ((k === digit && lastSig === arabic) || (k === arabic && lastSig === digit)) break;
      lastSig = k;
      hasBase = true;
      if (first < 0) first = i;
      h = Math.imul(h ^ c, prime);
      last = ++i;
    } else if (k === mark) {
      if (first < 0) first = i;
      h = Math.imul(h ^ c, prime);
      last = ++i;
    } else if (k === format) {
      h = Math.imul(h ^ c, prime);
      i++;
    } else if (k === dot) {
      if (lastSig !== digit || !digitFollows(text, i + 1)) break;
      lastSig = dot;
      h = Math.imul(h ^ c, prime);
      last = ++i;
    } else {
      const p = c >= highFirst && c <= highLast ? pairClass(text, i, c) : 0;
      if (p === letter || p === arabic || p === digit || p === mark) {
        if ((p === digit && lastSig === arabic) || (p === arabic && lastSig === digit)) break;
        if (p !== mark) {
          lastSig = p;
          hasBase = true;
        }
        if (first < 0) first = i;
        h = Math.imul(h ^ c, prime);
        h = Math.imul(h ^ text.charCodeAt(i + 1), prime);
        i += 2;
        last = i;
      } else break;
    }
  }
  if (first < 0) {
    span.start = runStart;
    span.end = i;
  } else {
    span.start = first;
    span.end = last;
  }
  span.runStart = runStart;
  span.hash = h;
  span.next = i;
  span.hasBase = hasBase;
  return true;
}

/** One word found by {@link tokenize}. */
export interface RawToken {
  /** The word as written in the original text: `text.slice(start, end)`. */
  word: string;
  /** Offset (UTF-16 code units) of the word in the original text. */
  start: number;
  /** Offset just past the word. */
  end: number;
  /** Running word position, from 0. */
  position: number;
}

/**
 * Split `text` into words with offsets into `text` and running positions. Runs of marks with no
 * letter or digit (a stray fatha between spaces) are not words. Throws `INVALID_INPUT` when
 * `text` is not a string; never throws otherwise.
 * @param text - the original text
 */
export function tokenize(text: string): RawToken[] {
  if (typeof text !== 'string') throw new FahrasError('INVALID_INPUT', 'tokenize expects a string');
  const out: RawToken[] = [];
  const span = createWordSpan();
  let from = 0;
  let position = 0;
  while (nextWord(text, from, span)) {
    from = span.next;
    if (!span.hasBase) continue;
    out.push({ word: text.slice(span.start, span.end), start: span.start, end: span.end, position: position++ });
  }
  return out;
}
