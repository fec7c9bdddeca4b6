/**
 * Named code points and ranges used by the analysis chain, so the logic reads as prose
 * (`c === TEH_MARBUTA`) instead of riddles (`c === 0x629`). Values are UTF-16 code units.
 *
 * ```ts
 * import { ALEF, TEH_MARBUTA } from './chars.js';
 * String.fromCharCode(ALEF); // 'ا'
 * ```
 * @module
 */

// ── Hamza and alef forms ────────────────────────────────────────────────────
/** ء ARABIC LETTER HAMZA (on the line). */
export const HAMZA = 0x0621;
/** آ ARABIC LETTER ALEF WITH MADDA ABOVE. */
export const ALEF_MADDA = 0x0622;
/** أ ARABIC LETTER ALEF WITH HAMZA ABOVE. */
export const ALEF_HAMZA_ABOVE = 0x0623;
/** ؤ ARABIC LETTER WAW WITH HAMZA ABOVE. */
export const WAW_HAMZA_ABOVE = 0x0624;
/** إ ARABIC LETTER ALEF WITH HAMZA BELOW. */
export const ALEF_HAMZA_BELOW = 0x0625;
/** ئ ARABIC LETTER YEH WITH HAMZA ABOVE. */
export const YEH_HAMZA_ABOVE = 0x0626;
/** ا ARABIC LETTER ALEF. */
export const ALEF = 0x0627;
/** ٱ ARABIC LETTER ALEF WASLA. */
export const ALEF_WASLA = 0x0671;
/** ٲ ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE. */
export const ALEF_WAVY_HAMZA_ABOVE = 0x0672;
/** ٳ ARABIC LETTER ALEF WITH WAVY HAMZA BELOW. */
export const ALEF_WAVY_HAMZA_BELOW = 0x0673;
/** ٵ ARABIC LETTER HIGH HAMZA ALEF. */
export const HIGH_HAMZA_ALEF = 0x0675;

// ── Letters the chain reads or folds ────────────────────────────────────────
/** ب ARABIC LETTER BEH. */
export const BEH = 0x0628;
/** ة ARABIC LETTER TEH MARBUTA. */
export const TEH_MARBUTA = 0x0629;
/** ت ARABIC LETTER TEH. */
export const TEH = 0x062a;
/** ف ARABIC LETTER FEH. */
export const FEH = 0x0641;
/** ك ARABIC LETTER KAF. */
export const KAF = 0x0643;
/** ل ARABIC LETTER LAM. */
export const LAM = 0x0644;
/** م ARABIC LETTER MEEM. */
export const MEEM = 0x0645;
/** ن ARABIC LETTER NOON. */
export const NOON = 0x0646;
/** ه ARABIC LETTER HEH. */
export const HEH = 0x0647;
/** و ARABIC LETTER WAW. */
export const WAW = 0x0648;
/** ى ARABIC LETTER ALEF MAKSURA. */
export const ALEF_MAKSURA = 0x0649;
/** ي ARABIC LETTER YEH. */
export const YEH = 0x064a;
/** First code point of the basic Arabic letters (ء). */
export const ARABIC_LETTER_FIRST = 0x0621;
/** Last code point of the basic Arabic letters (ي). */
export const ARABIC_LETTER_LAST = 0x064a;

// ── Marks ───────────────────────────────────────────────────────────────────
/** ـ ARABIC TATWEEL (kashida): stretches a word, carries no meaning. */
export const TATWEEL = 0x0640;
/** ً ARABIC FATHATAN: first of the harakat, tanween, shadda, sukun and other combining marks. */
export const HARAKAT_FIRST = 0x064b;
/** ٟ ARABIC WAVY HAMZA BELOW: last of the combining marks block U+064B–U+065F. */
export const HARAKAT_LAST = 0x065f;
/** ؐ ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM: first of the small honorific signs U+0610–U+061A. */
export const ARABIC_SIGNS_FIRST = 0x0610;
/** ؚ ARABIC SMALL KASRA: last of the small signs U+0610–U+061A. */
export const ARABIC_SIGNS_LAST = 0x061a;
/** ٰ ARABIC LETTER SUPERSCRIPT ALEF (dagger alef of Uthmani spelling: هٰذا). */
export const SUPERSCRIPT_ALEF = 0x0670;
/** ۖ ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA: first Quranic annotation mark. */
export const QURANIC_FIRST = 0x06d6;
/** ۭ ARABIC SMALL LOW MEEM: last Quranic annotation mark. */
export const QURANIC_LAST = 0x06ed;

// ── Persian and Urdu keyboard letters ───────────────────────────────────────
/** ک ARABIC LETTER KEHEH (Persian kaf). */
export const KEHEH = 0x06a9;
/** گ ARABIC LETTER GAF. */
export const GAF = 0x06af;
/** ی ARABIC LETTER FARSI YEH. */
export const FARSI_YEH = 0x06cc;
/** ې ARABIC LETTER E (Pashto, Uyghur). */
export const LETTER_E = 0x06d0;
/** ۀ ARABIC LETTER HEH WITH YEH ABOVE (Persian ezafe heh). */
export const HEH_YEH_ABOVE = 0x06c0;
/** ە ARABIC LETTER AE (Kurdish, Uyghur). */
export const LETTER_AE = 0x06d5;
/** ھ ARABIC LETTER HEH DOACHASHMEE (Urdu). */
export const HEH_DOACHASHMEE = 0x06be;
/** ہ ARABIC LETTER HEH GOAL (Urdu). */
export const HEH_GOAL = 0x06c1;
/** ۃ ARABIC LETTER TEH MARBUTA GOAL (Urdu). */
export const TEH_MARBUTA_GOAL = 0x06c3;
/** ۍ ARABIC LETTER YEH WITH TAIL (Pashto). */
export const YEH_WITH_TAIL = 0x06cd;
/** ے ARABIC LETTER YEH BARREE (Urdu). */
export const YEH_BARREE = 0x06d2;

// ── Digits and separators ───────────────────────────────────────────────────
/** ٠ ARABIC-INDIC DIGIT ZERO (٠–٩ follow). */
export const ARABIC_INDIC_ZERO = 0x0660;
/** ۰ EXTENDED ARABIC-INDIC (Persian) DIGIT ZERO (۰–۹ follow). */
export const PERSIAN_ZERO = 0x06f0;
/** 0 DIGIT ZERO. */
export const DIGIT_ZERO = 0x30;
/** 9 DIGIT NINE. */
export const DIGIT_NINE = 0x39;
/** ٫ ARABIC DECIMAL SEPARATOR. */
export const ARABIC_DECIMAL_SEPARATOR = 0x066b;
/** ٬ ARABIC THOUSANDS SEPARATOR. */
export const ARABIC_THOUSANDS_SEPARATOR = 0x066c;
/** . FULL STOP (decimal point inside numbers). */
export const FULL_STOP = 0x2e;
/** , COMMA (thousands separator inside numbers). */
export const COMMA = 0x2c;
/** ، ARABIC COMMA. */
export const ARABIC_COMMA = 0x060c;
/** ؛ ARABIC SEMICOLON. */
export const ARABIC_SEMICOLON = 0x061b;
/** ؟ ARABIC QUESTION MARK. */
export const ARABIC_QUESTION_MARK = 0x061f;

// ── Invisible format characters ─────────────────────────────────────────────
/** SOFT HYPHEN. */
export const SOFT_HYPHEN = 0x00ad;
/** ARABIC LETTER MARK (a bidi control). */
export const ARABIC_LETTER_MARK = 0x061c;
/** ZERO WIDTH SPACE: first of U+200B–U+200F (ZWSP, ZWNJ, ZWJ, LRM, RLM). */
export const ZERO_WIDTH_SPACE = 0x200b;
/** ZERO WIDTH NON-JOINER. */
export const ZWNJ = 0x200c;
/** ZERO WIDTH JOINER. */
export const ZWJ = 0x200d;
/** RIGHT-TO-LEFT MARK: last of U+200B–U+200F. */
export const RIGHT_TO_LEFT_MARK = 0x200f;
/** LEFT-TO-RIGHT EMBEDDING: first bidi embedding control (U+202A–U+202E). */
export const BIDI_EMBEDDING_FIRST = 0x202a;
/** RIGHT-TO-LEFT OVERRIDE: last bidi embedding control. */
export const BIDI_EMBEDDING_LAST = 0x202e;
/** WORD JOINER. */
export const WORD_JOINER = 0x2060;
/** LEFT-TO-RIGHT ISOLATE: first bidi isolate control (U+2066–U+2069). */
export const BIDI_ISOLATE_FIRST = 0x2066;
/** POP DIRECTIONAL ISOLATE: last bidi isolate control. */
export const BIDI_ISOLATE_LAST = 0x2069;
/** ZERO WIDTH NO-BREAK SPACE (byte order mark). */
export const BYTE_ORDER_MARK = 0xfeff;

// ── Presentation forms ──────────────────────────────────────────────────────
/** First code point of Arabic Presentation Forms-A. */
export const PRESENTATION_A_FIRST = 0xfb50;
/** Last code point of Arabic Presentation Forms-A. */
export const PRESENTATION_A_LAST = 0xfdff;
/** First code point of Arabic Presentation Forms-B. */
export const PRESENTATION_B_FIRST = 0xfe70;
/** Last code point of Arabic Presentation Forms-B (before the byte order mark). */
export const PRESENTATION_B_LAST = 0xfefe;
/** Isolated and medial harakat forms U+FE70–U+FE7F of Presentation Forms-B: last one. */
export const PRESENTATION_HARAKAT_LAST = 0xfe7f;

// ── Latin, Greek, Cyrillic ──────────────────────────────────────────────────
/** First combining diacritical mark (U+0300 COMBINING GRAVE ACCENT). */
export const COMBINING_DIACRITICS_FIRST = 0x0300;
/** Last combining diacritical mark of the basic block (U+036F). */
export const COMBINING_DIACRITICS_LAST = 0x036f;
/** À: first accented letter of Latin-1 Supplement; the range runs through Latin Extended-B. */
export const LATIN_ACCENTED_FIRST = 0x00c0;
/** ɏ: last letter of Latin Extended-B. */
export const LATIN_ACCENTED_LAST = 0x024f;
/** First code point of the Greek and Coptic block (Cyrillic follows). */
export const GREEK_CYRILLIC_FIRST = 0x0370;
/** Last code point of the Cyrillic block. */
export const GREEK_CYRILLIC_LAST = 0x04ff;
/** First code point of Latin Extended Additional (Greek Extended follows). */
export const LATIN_GREEK_EXTENDED_FIRST = 0x1e00;
/** Last code point of Greek Extended. */
export const LATIN_GREEK_EXTENDED_LAST = 0x1fff;

// ── Specials ────────────────────────────────────────────────────────────────
/** U+FFFD REPLACEMENT CHARACTER: what a lone surrogate becomes. */
export const REPLACEMENT_CHARACTER = 0xfffd;
/** Number of UTF-16 code units (size of per-code-unit tables). */
export const CODE_UNITS = 0x10000;
/** First astral code point (U+10000), the base of surrogate-pair decoding. */
export const FIRST_ASTRAL = 0x10000;

// ── Surrogates ──────────────────────────────────────────────────────────────
/** First UTF-16 high surrogate. */
export const HIGH_SURROGATE_FIRST = 0xd800;
/** Last UTF-16 high surrogate. */
export const HIGH_SURROGATE_LAST = 0xdbff;
/** First UTF-16 low surrogate. */
export const LOW_SURROGATE_FIRST = 0xdc00;
/** Last UTF-16 low surrogate. */
export const LOW_SURROGATE_LAST = 0xdfff;

/** Whether `c` is one of the basic Arabic letters ء–ي (U+0621–U+064A). */
export function isArabicLetter(c: number): boolean {
  return c >= ARABIC_LETTER_FIRST && c <= ARABIC_LETTER_LAST;
}

/** Whether `c` is an invisible zero-width or bidi control character removed by normalization. */
export function isFormatChar(c: number): boolean {
  return (
    (c >= ZERO_WIDTH_SPACE && c <= RIGHT_TO_LEFT_MARK) ||
    (c >= BIDI_EMBEDDING_FIRST && c <= BIDI_EMBEDDING_LAST) ||
    (c >= BIDI_ISOLATE_FIRST && c <= BIDI_ISOLATE_LAST) ||
    c === BYTE_ORDER_MARK ||
    c === ARABIC_LETTER_MARK ||
    c === WORD_JOINER ||
    c === SOFT_HYPHEN
  );
}
