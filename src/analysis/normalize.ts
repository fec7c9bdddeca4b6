/**
 * Orthographic folding for matching, with a map from every folded character back to the
 * original text (so highlights land on what the user wrote).
 *
 * ```ts
 * const { text, map } = normalize('وَالْكِتَابُ');
 * text;    // 'والكتاب'
 * map[1];  // 2: the ا of the folded text is original offset 2 (after the fatha)
 * ```
 *
 * Every rule works on one UTF-16 code unit at a time (no context), so folding is idempotent and
 * a word folds the same inside a text or on its own. Each rule is a boolean in
 * {@link NormalizeOptions}; all default to `true`:
 *
 * | rule | does | example |
 * |---|---|---|
 * | `removeDiacritics` | drops harakat, tanween, shadda, sukun and the other combining marks U+064B–U+065F and the small signs U+0610–U+061A | كَتَبَ → كتب |
 * | `removeQuranicMarks` | drops the Quranic annotation marks U+06D6–U+06ED | |
 * | `removeTatweel` | drops tatweel U+0640 | كتـــاب → كتاب |
 * | `superscriptAlef` | superscript (dagger) alef U+0670 → ا | هٰذا → هاذا |
 * | `foldAlef` | أ إ آ ٱ ٲ ٳ ٵ → ا | أحمد → احمد |
 * | `foldYeh` | ى → ي | على → علي |
 * | `foldTehMarbuta` | ة → ه | مدرسة → مدرسه |
 * | `foldHamza` | ؤ ئ → ء | مسئول, مسؤول → مسءول |
 * | `foldPersian` | ک گ → ك; ی ې ۍ ے → ي; ۀ ە ھ ہ ۃ → ه | کتاب → كتاب |
 * | `foldDigits` | ٠–٩ and ۰–۹ → 0–9; ٫ → `.`; ٬ → `,` | ١٥٫٥ → 15.5 |
 * | `foldPresentationForms` | U+FB50–U+FDFF, U+FE70–U+FEFE to base letters (ﻻ → لا, two characters) | ﻛﺘﺎﺏ → كتاب |
 * | `removeFormatChars` | drops U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, U+061C, U+2060, U+00AD | |
 * | `lowercase` | lowercases cased scripts (Latin, Greek, Cyrillic …) | Gaza → gaza |
 * | `foldAccents` | strips accents from Latin, Greek and Cyrillic letters and drops U+0300–U+036F | café → cafe |
 *
 * Hamza: the seat of a medial or final hamza (ؤ ئ ء) varies between writers and eras (مسئول /
 * مسؤول, رئيس / رءيس, شاطئ / شاطیء); folding all three seats to the bare hamza ء makes those
 * spellings meet while keeping the hamza itself, so words that differ by having a hamza or not
 * (سأل / سال after alef folding aside) stay apart. Alef-hamza forms (أ إ آ) fold to bare ا under
 * `foldAlef` instead, because users routinely type them without hamza.
 *
 * Always on, not a rule: a lone surrogate (invalid UTF-16) becomes U+FFFD, so that dropping an
 * invisible control between a high and a low half cannot create a character that was not there.
 *
 * Presentation forms whose compatibility decomposition contains a space (ﷺ, ﷻ, ﷽ …) are left
 * unchanged: they are honorific symbols, not letters.
 *
 * Invariant (checked when the fold table is built): folding never changes how a character
 * tokenizes. A character the tokenizer treats as a letter folds to letters, a digit to digits, a
 * mark to marks or nothing; separators are never changed. So tokenizing the folded text finds the
 * same words as tokenizing the original.
 * @module
 */
import { FahrasError } from '../errors.js';
import {
  CODE_UNITS,
  COMBINING_DIACRITICS_FIRST,
  COMBINING_DIACRITICS_LAST,
  GREEK_CYRILLIC_FIRST,
  GREEK_CYRILLIC_LAST,
  LATIN_ACCENTED_FIRST,
  LATIN_ACCENTED_LAST,
  LATIN_GREEK_EXTENDED_FIRST,
  LATIN_GREEK_EXTENDED_LAST,
  LOW_SURROGATE_FIRST,
  HIGH_SURROGATE_LAST,
  REPLACEMENT_CHARACTER,
  ALEF,
  ALEF_HAMZA_ABOVE,
  ALEF_HAMZA_BELOW,
  ALEF_MADDA,
  ALEF_MAKSURA,
  ALEF_WASLA,
  ALEF_WAVY_HAMZA_ABOVE,
  ALEF_WAVY_HAMZA_BELOW,
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_INDIC_ZERO,
  ARABIC_SIGNS_FIRST,
  ARABIC_SIGNS_LAST,
  ARABIC_THOUSANDS_SEPARATOR,
  COMMA,
  DIGIT_ZERO,
  FARSI_YEH,
  FULL_STOP,
  GAF,
  HAMZA,
  HARAKAT_FIRST,
  HARAKAT_LAST,
  HEH,
  HEH_DOACHASHMEE,
  HEH_GOAL,
  HEH_YEH_ABOVE,
  HIGH_HAMZA_ALEF,
  HIGH_SURROGATE_FIRST,
  KAF,
  KEHEH,
  LETTER_AE,
  LETTER_E,
  LOW_SURROGATE_LAST,
  PERSIAN_ZERO,
  PRESENTATION_A_FIRST,
  PRESENTATION_A_LAST,
  PRESENTATION_B_FIRST,
  PRESENTATION_B_LAST,
  QURANIC_FIRST,
  QURANIC_LAST,
  SUPERSCRIPT_ALEF,
  TATWEEL,
  TEH_MARBUTA,
  TEH_MARBUTA_GOAL,
  WAW_HAMZA_ABOVE,
  YEH,
  YEH_BARREE,
  YEH_HAMZA_ABOVE,
  YEH_WITH_TAIL,
  isFormatChar,
} from './chars.js';
import { DOT, FORMAT, MARK, SEP, charClass } from './charclass.js';

/**
 * Which folding rules {@link normalize} applies. Every rule defaults to `true`; see the module
 * documentation for what each one does.
 */
export interface NormalizeOptions {
  /** Drop harakat, tanween, shadda, sukun and other marks U+064B–U+065F and U+0610–U+061A. Default `true`. */
  removeDiacritics?: boolean;
  /** Drop Quranic annotation marks U+06D6–U+06ED. Default `true`. */
  removeQuranicMarks?: boolean;
  /** Drop tatweel U+0640. Default `true`. */
  removeTatweel?: boolean;
  /** Map superscript alef U+0670 to ا. Default `true`. */
  superscriptAlef?: boolean;
  /** Fold أ إ آ ٱ ٲ ٳ ٵ to ا. Default `true`. */
  foldAlef?: boolean;
  /** Fold ى to ي. Default `true`. */
  foldYeh?: boolean;
  /** Fold ة to ه. Default `true`. */
  foldTehMarbuta?: boolean;
  /** Fold the hamza seats ؤ ئ to ء. Default `true`. */
  foldHamza?: boolean;
  /** Fold Persian and Urdu keyboard letters to Arabic ones. Default `true`. */
  foldPersian?: boolean;
  /** Fold Arabic-Indic and Persian digits to ASCII, ٫ to `.` and ٬ to `,`. Default `true`. */
  foldDigits?: boolean;
  /** Fold Arabic presentation forms (including lam-alef ligatures) to base letters. Default `true`. */
  foldPresentationForms?: boolean;
  /** Drop zero-width and bidi control characters. Default `true`. */
  removeFormatChars?: boolean;
  /** Lowercase cased scripts. Default `true`. */
  lowercase?: boolean;
  /** Strip accents from Latin, Greek and Cyrillic letters. Default `true`. */
  foldAccents?: boolean;
}

/** The rule names of {@link NormalizeOptions}, in a fixed order (bit order of the table key). */
export const NORMALIZE_RULES = [
  'removeDiacritics',
  'removeQuranicMarks',
  'removeTatweel',
  'superscriptAlef',
  'foldAlef',
  'foldYeh',
  'foldTehMarbuta',
  'foldHamza',
  'foldPersian',
  'foldDigits',
  'foldPresentationForms',
  'removeFormatChars',
  'lowercase',
  'foldAccents',
] as const satisfies readonly (keyof NormalizeOptions)[];

/** Every rule of {@link NormalizeOptions} with a value: the resolved form. */
export type ResolvedNormalizeOptions = { readonly [K in keyof NormalizeOptions]-?: boolean };

/** All rules on: the defaults. */
export const DEFAULT_NORMALIZE_OPTIONS: ResolvedNormalizeOptions = Object.freeze(
  Object.fromEntries(NORMALIZE_RULES.map((r) => [r, true])) as Record<keyof NormalizeOptions, boolean>,
);

/** The result of {@link normalize}. */
export interface Normalized {
  /** The folded text. */
  text: string;
  /**
   * `map[i]` is the offset (UTF-16 code units) in the original text of the character that
   * produced folded character `i`; both characters of an expanded ligature map to the ligature.
   * `map[text.length]` is the original length. Non-decreasing.
   */
  map: Uint32Array;
}

/**
 * Validate and complete normalization options. Throws `UNKNOWN_OPTION` for a name that is not a
 * rule and `INVALID_OPTION` for a value that is not a boolean.
 */
export function resolveNormalizeOptions(options: NormalizeOptions | undefined, prefix = ''): ResolvedNormalizeOptions {
  if (options === undefined) return DEFAULT_NORMALIZE_OPTIONS;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new FahrasError('INVALID_OPTION', `${prefix || 'normalize options'} must be an object of booleans`, {
      option: prefix || 'normalize',
    });
  }
  const out: Record<string, boolean> = { ...DEFAULT_NORMALIZE_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (!(NORMALIZE_RULES as readonly string[]).includes(key)) {
      throw new FahrasError('UNKNOWN_OPTION', `unknown normalization rule "${name}"`, { option: name });
    }
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      throw new FahrasError('INVALID_OPTION', `normalization rule "${name}" must be a boolean`, { option: name });
    }
    out[key] = value;
  }
  return Object.freeze(out) as ResolvedNormalizeOptions;
}

// ── The fold table ──────────────────────────────────────────────────────────

/** Table value: not computed yet. */
const PENDING = -2;
/** Table value: the character is dropped. */
const DROP = -1;
/** Table value: the character becomes several characters (see `FoldTable.multi`). */
const MULTI = -3;
/** Table value: a surrogate code unit (kept when it is half of a pair, U+FFFD when alone). */
const SURROGATE = -4;

/** A per-rule-set fold table: one entry per UTF-16 code unit, filled lazily. */
export interface FoldTable {
  /** `>= 0`: the replacement code unit; {@link DROP}, {@link MULTI} or {@link PENDING} otherwise. */
  readonly single: Int32Array;
  /** Replacements longer than one code unit. */
  readonly multi: Map<number, string>;
  /** The rules. */
  readonly rules: ResolvedNormalizeOptions;
}

const tables = new Map<number, FoldTable>();

function rulesKey(rules: ResolvedNormalizeOptions): number {
  let key = 0;
  for (let i = 0; i < NORMALIZE_RULES.length; i++) if (rules[NORMALIZE_RULES[i] as keyof NormalizeOptions]) key |= 1 << i;
  return key;
}

/** The shared fold table for a set of rules (built once per distinct rule set). */
export function foldTableFor(rules: ResolvedNormalizeOptions): FoldTable {
  const key = rulesKey(rules);
  let t = tables.get(key);
  if (t === undefined) {
    const single = new Int32Array(CODE_UNITS).fill(PENDING);
    t = { single, multi: new Map(), rules };
    tables.set(key, t);
  }
  return t;
}

const COMBINING_DIACRITICS = new RegExp(
  `[${String.fromCharCode(COMBINING_DIACRITICS_FIRST)}-${String.fromCharCode(COMBINING_DIACRITICS_LAST)}]`,
  'g',
);
const SPACES = / /g;

function inRange(c: number, lo: number, hi: number): boolean {
  return c >= lo && c <= hi;
}

/** Latin, Greek and Cyrillic blocks whose accents `foldAccents` strips. */
function hasFoldableAccents(c: number): boolean {
  return (
    inRange(c, LATIN_ACCENTED_FIRST, LATIN_ACCENTED_LAST) ||
    inRange(c, GREEK_CYRILLIC_FIRST, GREEK_CYRILLIC_LAST) ||
    inRange(c, LATIN_GREEK_EXTENDED_FIRST, LATIN_GREEK_EXTENDED_LAST)
  );
}

/** One step of folding for code unit `c`, before the fixpoint and the invariant check. */
function foldOnce(c: number, r: ResolvedNormalizeOptions): string {
  const ch = String.fromCharCode(c);
  if (c >= HIGH_SURROGATE_FIRST && c <= LOW_SURROGATE_LAST) return ch;
  if (isFormatChar(c)) return r.removeFormatChars ? '' : ch;
  if (c === TATWEEL) return r.removeTatweel ? '' : ch;
  if (inRange(c, HARAKAT_FIRST, HARAKAT_LAST) || inRange(c, ARABIC_SIGNS_FIRST, ARABIC_SIGNS_LAST)) {
    return r.removeDiacritics ? '' : ch;
  }
  if (inRange(c, QURANIC_FIRST, QURANIC_LAST)) return r.removeQuranicMarks ? '' : ch;
  if (c === SUPERSCRIPT_ALEF) return r.superscriptAlef ? String.fromCharCode(ALEF) : ch;
  switch (c) {
    case ALEF_HAMZA_ABOVE:
    case ALEF_HAMZA_BELOW:
    case ALEF_MADDA:
    case ALEF_WASLA:
    case ALEF_WAVY_HAMZA_ABOVE:
    case ALEF_WAVY_HAMZA_BELOW:
    case HIGH_HAMZA_ALEF:
      return r.foldAlef ? String.fromCharCode(ALEF) : ch;
    case ALEF_MAKSURA:
      return r.foldYeh ? String.fromCharCode(YEH) : ch;
    case TEH_MARBUTA:
      return r.foldTehMarbuta ? String.fromCharCode(HEH) : ch;
    case WAW_HAMZA_ABOVE:
    case YEH_HAMZA_ABOVE:
      return r.foldHamza ? String.fromCharCode(HAMZA) : ch;
    case KEHEH:
    case GAF:
      return r.foldPersian ? String.fromCharCode(KAF) : ch;
    case FARSI_YEH:
    case LETTER_E:
    case YEH_WITH_TAIL:
    case YEH_BARREE:
      return r.foldPersian ? String.fromCharCode(YEH) : ch;
    case HEH_YEH_ABOVE:
    case LETTER_AE:
    case HEH_DOACHASHMEE:
    case HEH_GOAL:
      return r.foldPersian ? String.fromCharCode(HEH) : ch;
    case TEH_MARBUTA_GOAL:
      return r.foldPersian ? String.fromCharCode(TEH_MARBUTA) : ch;
    case ARABIC_DECIMAL_SEPARATOR:
      return r.foldDigits ? String.fromCharCode(FULL_STOP) : ch;
    case ARABIC_THOUSANDS_SEPARATOR:
      return r.foldDigits ? String.fromCharCode(COMMA) : ch;
    default:
      break;
  }
  if (inRange(c, ARABIC_INDIC_ZERO, ARABIC_INDIC_ZERO + 9)) {
    return r.foldDigits ? String.fromCharCode(DIGIT_ZERO + c - ARABIC_INDIC_ZERO) : ch;
  }
  if (inRange(c, PERSIAN_ZERO, PERSIAN_ZERO + 9)) {
    return r.foldDigits ? String.fromCharCode(DIGIT_ZERO + c - PERSIAN_ZERO) : ch;
  }
  if (inRange(c, PRESENTATION_A_FIRST, PRESENTATION_A_LAST) || inRange(c, PRESENTATION_B_FIRST, PRESENTATION_B_LAST)) {
    if (!r.foldPresentationForms) return ch;
    const d = ch.normalize('NFKC');
    if (d.includes(' ')) {
      // Isolated harakat forms decompose to a space plus the mark; honorific phrases keep their spaces.
      const bare = d.replace(SPACES, '');
      return charClass(c) === MARK ? bare : ch;
    }
    return d;
  }
  let out = ch;
  if (r.lowercase) out = out.toLowerCase();
  if (r.foldAccents) {
    if (inRange(c, COMBINING_DIACRITICS_FIRST, COMBINING_DIACRITICS_LAST)) return '';
    if (hasFoldableAccents(c)) out = out.normalize('NFD').replace(COMBINING_DIACRITICS, '');
    else if (out !== ch) out = out.replace(COMBINING_DIACRITICS, '');
  }
  return out;
}

/** Fold every code unit of `s` once. */
function foldStringOnce(s: string, r: ResolvedNormalizeOptions): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldOnce(s.charCodeAt(i), r);
  return out;
}

function isSkippableClass(k: number): boolean {
  return k === MARK || k === FORMAT;
}

/** Whether replacing `c` by `folded` keeps tokenization unchanged (see the module invariant). */
function keepsClass(c: number, folded: string): boolean {
  const k = charClass(c);
  if (k === SEP) return folded.length === 1 && folded.charCodeAt(0) === c;
  if (isSkippableClass(k)) {
    for (let i = 0; i < folded.length; i++) if (!isSkippableClass(charClass(folded.charCodeAt(i)))) return false;
    return true;
  }
  let base = 0;
  for (let i = 0; i < folded.length; i++) {
    const f = charClass(folded.charCodeAt(i));
    if (isSkippableClass(f)) continue;
    if (f !== k) return false;
    base++;
  }
  return base > 0 && (k !== DOT || folded.length === 1);
}

function computeFold(c: number, r: ResolvedNormalizeOptions): string {
  const self = String.fromCharCode(c);
  let out = foldOnce(c, r);
  for (let round = 0; round < 4; round++) {
    const next = foldStringOnce(out, r);
    if (next === out) break;
    out = next;
  }
  if (foldStringOnce(out, r) !== out) return self;
  return keepsClass(c, out) ? out : self;
}

function fill(t: FoldTable, c: number): number {
  if (c >= HIGH_SURROGATE_FIRST && c <= LOW_SURROGATE_LAST) {
    t.single[c] = SURROGATE;
    return SURROGATE;
  }
  const s = computeFold(c, t.rules);
  let v: number;
  if (s.length === 0) v = DROP;
  else if (s.length === 1) v = s.charCodeAt(0);
  else {
    v = MULTI;
    t.multi.set(c, s);
  }
  t.single[c] = v;
  return v;
}

let scratch = new Uint16Array(64);

/**
 * Fold one word (or any string) under table `t`, without an offset map. Returns `word` itself
 * when nothing changes.
 */
export function foldWith(t: FoldTable, word: string): string {
  const single = t.single;
  const n = word.length;
  let i = 0;
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    let v = single[c] ?? PENDING;
    if (v === PENDING) v = fill(t, c);
    if (v !== c) break;
  }
  if (i === n) return word;
  if (scratch.length < 2 * n + 8) scratch = new Uint16Array(2 * n + 64);
  const buf = scratch;
  let len = 0;
  for (let j = 0; j < i; j++) buf[len++] = word.charCodeAt(j);
  for (; i < n; i++) {
    const c = word.charCodeAt(i);
    let v = single[c] ?? PENDING;
    if (v === PENDING) v = fill(t, c);
    if (v >= 0) buf[len++] = v;
    else if (v === SURROGATE) {
      if (isPairAt(word, i, c)) {
        buf[len++] = c;
        buf[len++] = word.charCodeAt(++i);
      } else buf[len++] = REPLACEMENT_CHARACTER;
    } else if (v === MULTI) {
      const m = t.multi.get(c) ?? '';
      if (len + m.length > buf.length) {
        const bigger = new Uint16Array(2 * (len + m.length) + 64);
        bigger.set(buf.subarray(0, len));
        scratch = bigger;
        return foldWith(t, word);
      }
      for (let k = 0; k < m.length; k++) buf[len++] = m.charCodeAt(k);
    }
  }
  return decode(buf, len);
}

const CHUNK = 4096;

/** Whether `c` (at `i` in `s`) is a high surrogate followed by a low one. */
function isPairAt(s: string, i: number, c: number): boolean {
  if (c > HIGH_SURROGATE_LAST || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= LOW_SURROGATE_FIRST && d <= LOW_SURROGATE_LAST;
}

function decode(buf: Uint16Array, len: number): string {
  if (len <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  let out = '';
  for (let i = 0; i < len; i += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/**
 * Fold `text` for matching and map every folded character back to the original.
 *
 * Never throws for a string: control characters pass through unchanged, and a lone surrogate
 * (invalid UTF-16) becomes U+FFFD, so dropping a control between two halves never forms a new
 * character;
 * throws `INVALID_INPUT` when `text` is not a string, and `UNKNOWN_OPTION` / `INVALID_OPTION`
 * for bad options. Idempotent: `normalize(normalize(t).text).text === normalize(t).text`.
 * @param text - the original text
 * @param options - which rules to apply (all on by default)
 */
export function normalize(text: string, options?: NormalizeOptions): Normalized {
  if (typeof text !== 'string') throw new FahrasError('INVALID_INPUT', 'normalize expects a string');
  const t = foldTableFor(resolveNormalizeOptions(options));
  return normalizeWith(t, text);
}

/** {@link normalize} with an already built fold table. */
export function normalizeWith(t: FoldTable, text: string): Normalized {
  const n = text.length;
  let buf: Uint16Array = new Uint16Array(n + 16);
  let map: Uint32Array = new Uint32Array(n + 17);
  let len = 0;
  const single = t.single;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let v = single[c] ?? PENDING;
    if (v === PENDING) v = fill(t, c);
    if (v === DROP) continue;
    if (v >= 0) {
      if (len >= buf.length) [buf, map] = grow(buf, map);
      buf[len] = v;
      map[len++] = i;
    } else if (v === SURROGATE) {
      if (len + 2 > buf.length) [buf, map] = grow(buf, map);
      if (isPairAt(text, i, c)) {
        buf[len] = c;
        map[len++] = i;
        buf[len] = text.charCodeAt(++i);
        map[len++] = i;
      } else {
        buf[len] = REPLACEMENT_CHARACTER;
        map[len++] = i;
      }
    } else {
      const m = t.multi.get(c) ?? '';
      for (let k = 0; k < m.length; k++) {
        if (len >= buf.length) [buf, map] = grow(buf, map);
        buf[len] = m.charCodeAt(k);
        map[len++] = i;
      }
    }
  }
  const out = decode(buf, len);
  const finalMap = new Uint32Array(len + 1);
  finalMap.set(map.subarray(0, len));
  finalMap[len] = n;
  return { text: out, map: finalMap };
}

function grow(buf: Uint16Array, map: Uint32Array): [Uint16Array, Uint32Array] {
  const b = new Uint16Array(buf.length * 2 + 16);
  b.set(buf);
  const m = new Uint32Array(map.length * 2 + 16);
  m.set(map);
  return [b, m];
}

/**
 * Fold one word (or short string) with the given rules, without building an offset map.
 * `normalizeWord(w)` equals `normalize(w).text`.
 * @param word - the text to fold
 * @param options - which rules to apply (all on by default)
 */
export function normalizeWord(word: string, options?: NormalizeOptions): string {
  if (typeof word !== 'string') throw new FahrasError('INVALID_INPUT', 'normalizeWord expects a string');
  return foldWith(foldTableFor(resolveNormalizeOptions(options)), word);
}
