/**
 * The light stemmer against its first, table-driven version (kept here as the reference): the
 * rewrite in src/analysis/stem.ts compares letter codes instead of walking tables, and must give
 * the same output for every input. bench/stemmer-equivalence.ts checks the same over every ANT
 * word and millions of random strings; this test keeps a fast-check guard in the suite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lightStem, stripProclitics, stripSuffixes } from '../../src/analysis/stem.js';

const ARABIC_LETTER_FIRST = 0x0621;
const ARABIC_LETTER_LAST = 0x064a;

// ── Reference: the stemmer as first written (commit a7dec87) ──────────────────
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
  return rest.startsWith('د') && rest !== 'دين' && refStripSuffixes('والد' + rest.slice(1)) === 'والد';
}

function isArabicWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < ARABIC_LETTER_FIRST || c > ARABIC_LETTER_LAST) return false;
  }
  return w.length > 0;
}

// The letters the fast checks below compare with.
const ALEF = 0x0627;
const BEH = 0x0628;
const FEH = 0x0641;
const KAF = 0x0643;
const LAM = 0x0644;
const HEH = 0x0647;
const WAW = 0x0648;

/**
 * Remove one proclitic group from a normalized word, when enough of it is left (see the module
 * rules). Also the first stage of {@link lightStem}; the query side uses it alone for
 * as-you-type prefixes (`والكتا` → `كتا`).
 * @param word - a normalized word
 */
function refStripProclitics(word: string): string {
  if (!isArabicWord(word)) return word;
  const n = word.length;
  // Every form of الله ends in له and has 3 to 5 letters.
  if (n <= 5 && n >= 3 && word.charCodeAt(n - 1) === HEH && word.charCodeAt(n - 2) === LAM && ALLAH_FORMS.has(word)) return ALLAH;
  // Every proclitic group starts with one of و ف ب ك ل ا.
  const first = word.charCodeAt(0);
  if (first !== ALEF && first !== WAW && first !== LAM && first !== BEH && first !== FEH && first !== KAF) return word;
  for (const [prefix, keep] of PROCLITICS) {
    const m = prefix.length;
    if (n - m < keep || !startsWith(word, prefix)) continue;
    const rest = word.slice(m);
    if (prefix === 'ال' && (rest === 'له' || (rest.length === 2 && BARE_SUFFIXES.has(rest)))) continue;
    if (prefix === 'وال' && isParent(rest)) continue;
    return rest;
  }
  return word;
}

/** Whether `w` starts with `prefix` (no longer than `w`). */
function startsWith(w: string, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if (w.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
  return true;
}

// The suffix steps work on `w.slice(0, end)` without making it: each takes an end and returns the
// end after the cut, or -1 when the cut does not apply.

/** The end of `w[0, end)` cut by `suffix` when at least `keep` letters remain, else -1. */
function cut(w: string, end: number, suffix: string, keep: number): number {
  const m = suffix.length;
  const at = end - m;
  if (at < keep) return -1;
  for (let i = 0; i < m; i++) if (w.charCodeAt(at + i) !== suffix.charCodeAt(i)) return -1;
  return at;
}

/** Whether `w[0, end)` ends with `suffix`. */
function endsWith(w: string, end: number, suffix: string): boolean {
  return cut(w, end, suffix, 0) >= 0;
}

/** Step 2: one number ending (ات تين تان: 3 letters kept; ون ين ان: 4). */
function stripNumber(w: string, end: number): number {
  let r = cut(w, end, 'تين', 3);
  if (r < 0) r = cut(w, end, 'تان', 3);
  if (r < 0) r = cut(w, end, 'ات', 3);
  if (r < 0) r = cut(w, end, 'ون', 4);
  if (r < 0) r = cut(w, end, 'ين', 4);
  if (r < 0) r = cut(w, end, 'ان', 4);
  return r;
}

/**
 * Remove suffixes from a word whose proclitics are already stripped (steps 1–3 of the module
 * rules).
 * @param word - a normalized word without proclitics
 */
function refStripSuffixes(word: string): string {
  if (!isArabicWord(word) || word === ALLAH) return word;
  let end = word.length;
  let pronoun = '';
  for (const [s, keep] of STEP1) {
    const r = cut(word, end, s, keep);
    if (r < 0) continue;
    // مساهم is not مسا + هم: a three-letter stem ending in ا does not take a pronoun;
    // أستانا is not أستا + نا: نا after ا is left to the tanween rule.
    const alefBefore = word.charCodeAt(r - 1) === ALEF;
    if (!(r === 3 && alefBefore && s !== 'ا') && !(s === 'نا' && alefBefore)) {
      end = r;
      pronoun = s;
      break;
    }
  }
  let r = stripNumber(word, end);
  if (r < 0 && pronoun !== '' && pronoun !== 'ي' && pronoun !== 'ا') {
    r = cut(word, end, 'ت', 4);
    if (r < 0) r = cut(word, end, 'و', 4);
  }
  const numbered = r >= 0;
  if (numbered) end = r;
  // مباراة (مباراه → مبارا) meets مباريات (→ مبار): the ا before a feminine ending.
  else if (pronoun === 'ه') {
    const a = cut(word, end, 'ا', 4);
    if (a >= 0) end = a;
  }
  if ((pronoun !== 'ي' || numbered) && !endsWith(word, end, 'اي')) {
    const n = cut(word, end, 'ي', 3);
    if (n >= 0) {
      const m = stripNumber(word, n);
      end = m >= 0 ? m : n;
    }
  }
  return end === word.length ? word : word.slice(0, end);
}

/** The reference lightStem: proclitics, then suffixes. */
const refLightStem = (word: string): string => refStripSuffixes(refStripProclitics(word));

// ── Properties ──────────────────────────────────────────────────────────────
const runs = { numRuns: Number(process.env.FC_RUNS ?? 5000) };
/** Letters the rules read, often; any letter ء–ي and a few others, sometimes. */
const frequent = [...'وفبكلاسينهمتد'];
const letter = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...frequent) },
  { weight: 3, arbitrary: fc.integer({ min: ARABIC_LETTER_FIRST, max: ARABIC_LETTER_LAST }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('a', '1', 'ى', 'ة', '\u064b', '\u0620') },
);
const letters = fc.string({ unit: letter, minLength: 1, maxLength: 15 });
const prefix = fc.constantFrom('', 'و', 'ف', 'ب', 'ل', 'ال', 'لل', 'وال', 'بال', 'كال', 'ولل', 'فلل', 'وبال', 'فكال', 'والد', 'الل');
const suffix = fc.constantFrom('', 'ات', 'تين', 'تان', 'ون', 'ين', 'ان', 'ي', 'ه', 'ها', 'هم', 'هن', 'هما', 'كم', 'كما', 'نا', 'وا', 'ا', 'ت', 'اي', 'يه', 'له', 'دين');
const composed = fc
  .tuple(prefix, fc.string({ unit: letter, maxLength: 5 }), suffix, suffix)
  .map(([p, core, s1, s2]) => p + core + s1 + s2)
  .filter((w) => w.length > 0);
const word = fc.oneof(letters, composed);

describe('stemmer rewrite = reference stemmer', () => {
  it('lightStem, stripProclitics and stripSuffixes agree on random words', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(lightStem(w)).toBe(refLightStem(w));
        expect(stripProclitics(w)).toBe(refStripProclitics(w));
        expect(stripSuffixes(w)).toBe(refStripSuffixes(w));
      }),
      runs,
    );
  });

  it('agree on the special cases', () => {
    for (const w of ['الله', 'والله', 'لله', 'تالله', 'والالله', 'والده', 'والدين', 'والدتهما', 'الات', 'اليه', 'مساهم', 'أستانا', 'مباراة', 'مباراه', 'فلسطينيين', 'سيارته', 'معلموه', 'ولاية', 'وزير', 'a1', ''])
      expect([w, lightStem(w), stripProclitics(w), stripSuffixes(w)]).toEqual([w, refLightStem(w), refStripProclitics(w), refStripSuffixes(w)]);
  });
});
