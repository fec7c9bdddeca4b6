/**
 * How readers really type Arabic into a search box, as word rewrites. Each rule takes a word and
 * returns the rewritten word, or null when it does not apply (nothing to change, or the result
 * would not be a word people write: `isWord` asks the corpus vocabulary). Written from common
 * typing habits, never from what any engine gets right.
 * @module
 */
import type { Rng } from '../rng.js';
import type { BasicPerturbationName, TypingPerturbationName } from './types.js';

/**
 * Asks whether a form occurs as a word in the corpus often enough to be a word people write
 * (compared without harakat, tatweel and hamza on alef, but with ة and ى kept apart from ه and ي).
 */
export type IsWord = (form: string) => boolean;

/** One rewrite rule. */
export type Perturbation = (word: string, rng: Rng, isWord: IsWord) => string | null;

const ALEF = '\u0627';
const ALEF_HAMZA_ABOVE = '\u0623';
const ALEF_HAMZA_BELOW = '\u0625';
const ALEF_MADDA = '\u0622';
const WAW = '\u0648';
const WAW_HAMZA = '\u0624';
const YEH = '\u064A';
const YEH_HAMZA = '\u0626';
const ALEF_MAKSURA = '\u0649';
const TEH_MARBUTA = '\u0629';
const HEH = '\u0647';
const LAM = '\u0644';
const BEH = '\u0628';
const TATWEEL = '\u0640';
const KAF = '\u0643';
const FARSI_YEH = '\u06CC';
const KEHEH = '\u06A9';
const AL = ALEF + LAM;
/** FATHA, DAMMA, KASRA, SHADDA, SUKUN: the marks a stray keystroke adds. */
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];
/** Letters that do not join to the next one (tatweel cannot follow them). */
const NON_JOINING = new Set([ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, '\u062F', '\u0630', '\u0631', '\u0632', WAW, WAW_HAMZA, TEH_MARBUTA, ALEF_MAKSURA, '\u0621']);
const ARABIC_LETTER = /[\u0621-\u064A]/;
/** و ب ل ف ك: the one-letter proclitics. */
const CLITIC_LETTERS = '\u0648\u0628\u0644\u0641\u0643';
/** A word that already carries a clitic before its article: وال فال بال كال لل. */
const ALREADY_PREFIXED = /^(?:[\u0648\u0641\u0628\u0643]\u0627\u0644|\u0644\u0644)/;

function replaceAll(word: string, from: readonly string[], to: string): string {
  let out = '';
  for (const ch of word) out += from.includes(ch) ? to : ch;
  return out;
}

const changed = (before: string, after: string): string | null => (after === before ? null : after);

/** The rules, by name. */
export const PERTURBATIONS: Record<BasicPerturbationName, Perturbation> = {
  /** Hamza on alef left out: أ إ آ typed as ا (the most common habit on phones and keyboards). */
  'hamza-alef': (w) => changed(w, replaceAll(w, [ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA], ALEF)),
  /** Hamza on its seat left out (ؤ → و, ئ → ي) or put on the other seat (مسؤول → مسئول). */
  'hamza-seat': (w, rng) => {
    const options: string[] = [];
    if (w.includes(WAW_HAMZA)) options.push(replaceAll(w, [WAW_HAMZA], WAW), replaceAll(w, [WAW_HAMZA], YEH_HAMZA));
    if (w.includes(YEH_HAMZA)) options.push(replaceAll(w, [YEH_HAMZA], YEH), replaceAll(w, [YEH_HAMZA], WAW_HAMZA));
    return options.length ? rng.pick(options) : null;
  },
  /** Final ة typed as ه. */
  'teh-marbuta': (w) => (w.endsWith(TEH_MARBUTA) ? w.slice(0, -1) + HEH : null),
  /** Final ى typed as ي, or final ي as ى (the Egyptian habit). */
  'alef-maksura': (w) => {
    if (w.endsWith(ALEF_MAKSURA)) return w.slice(0, -1) + YEH;
    if (w.endsWith(YEH) && w.length >= 3) return w.slice(0, -1) + ALEF_MAKSURA;
    return null;
  },
  /** The article ال left out (الانتخابات → انتخابات), when the rest is a word of its own. */
  'al-drop': (w, _rng, isWord) => (w.startsWith(AL) && w.length >= 5 && isWord(w.slice(2)) ? w.slice(2) : null),
  /** An article ال added (انتخابات → الانتخابات), when the corpus writes the word that way too. */
  'al-add': (w, _rng, isWord) => (!w.startsWith(AL) && w.length >= 3 && isWord(AL + w) ? AL + w : null),
  /**
   * A clitic attached: the conjunction و onto any word, the prepositions ب / ل onto a word with
   * the article (بال…, لل…); never onto a word that already has one (وال…, or و / ب / ل / ف / ك
   * followed by a corpus word, as in بإسرائيل).
   */
  'clitic': (w, rng, isWord) => {
    if (ALREADY_PREFIXED.test(w) || (CLITIC_LETTERS.includes(w[0] ?? '') && isWord(w.slice(1)))) return null;
    const c = w.startsWith(AL) ? rng.pick([WAW, BEH, LAM]) : WAW;
    if (c === LAM) return LAM + LAM + w.slice(2);
    return c + w;
  },
  /**
   * Singular typed for a sound plural: ون / ين / ات dropped (ات → ة where that is the word),
   * only when the corpus has the singular form (so فلسطين never becomes فلسط) and, for ون / ين,
   * at least 4 letters remain (so the verb سيكون never becomes سيك).
   */
  'singular': (w, _rng, isWord) => {
    if (w.length < 5) return null;
    const tail = w.slice(-2);
    const stem = w.slice(0, -2);
    if (tail === '\u0627\u062A') {
      if (isWord(stem + TEH_MARBUTA)) return stem + TEH_MARBUTA;
      return isWord(stem) ? stem : null;
    }
    if ((tail === '\u0648\u0646' || tail === '\u064A\u0646') && stem.length >= 4) return isWord(stem) ? stem : null;
    return null;
  },
  /** One stray haraka after a letter (a slip on a keyboard with diacritics on the same keys). */
  'diacritic': (w, rng) => {
    const slots: number[] = [];
    for (let i = 0; i < w.length; i++) if (ARABIC_LETTER.test(w[i]!)) slots.push(i + 1);
    if (!slots.length) return null;
    const at = rng.pick(slots);
    return w.slice(0, at) + rng.pick(HARAKAT) + w.slice(at);
  },
  /** A tatweel (kashida) stretching a joining letter, as in titles copied from styled text. */
  'tatweel': (w, rng) => {
    const slots: number[] = [];
    for (let i = 0; i < w.length - 1; i++) if (ARABIC_LETTER.test(w[i]!) && !NON_JOINING.has(w[i]!) && ARABIC_LETTER.test(w[i + 1]!)) slots.push(i + 1);
    if (!slots.length) return null;
    const at = rng.pick(slots);
    return w.slice(0, at) + TATWEEL.repeat(1 + rng.int(2)) + w.slice(at);
  },
  /** Typed on a Persian keyboard: ی for ي and ک for ك. */
  'persian': (w) => changed(w, replaceAll(replaceAll(w, [YEH], FARSI_YEH), [KAF], KEHEH)),
};

/** Application order: morphology first, then spelling, then keyboard noise (as a reader would). */
export const PERTURBATION_ORDER: readonly BasicPerturbationName[] = [
  'singular',
  'al-drop',
  'al-add',
  'clitic',
  'hamza-alef',
  'hamza-seat',
  'teh-marbuta',
  'alef-maksura',
  'diacritic',
  'tatweel',
  'persian',
];

// ---------------------------------------------------------------------------------------------
// Typing habits of queries-typing.json (generate-typing.ts): slips of the fingers, morphology a
// reader chooses freely (a pronoun, the dual, a plural, a clitic), spellings the corpus itself
// varies, and query-level habits (word order, an added stopword or question word).
// ---------------------------------------------------------------------------------------------

/** What the typing rules may ask about the corpus. All forms are compared as {@link IsWord} does. */
export interface CorpusView {
  /** Whether `form` is a word people write (see {@link IsWord}). */
  isWord: IsWord;
  /** How often `form` occurs in the corpus as a word. */
  count(form: string): number;
  /**
   * How often the two words occur next to each other in the corpus, for pairs whose joined form
   * (`a + b`) is itself a corpus word; 0 for any other pair.
   */
  pairCount(a: string, b: string): number;
  /** Other spellings of `form` that the corpus uses for the same word (see variants.ts); [] when none. */
  variantsOf(form: string): readonly string[];
}

/** A typing rule on one word: the rewritten word, or null when it does not apply. */
export type TypingPerturbation = (word: string, rng: Rng, corpus: CorpusView) => string | null;

/**
 * A typing rule on the whole query: the rewritten words, or null when it does not apply.
 * `source` is the title or body sentence the words were taken from, as words, in order.
 */
export type QueryPerturbation = (terms: readonly string[], rng: Rng, corpus: CorpusView, source: readonly string[]) => string[] | null;

const TEH = '\u062A';
const NOON = '\u0646';
const MEEM = '\u0645';
const HAMZA = '\u0621';

/**
 * The standard Arabic (101) PC keyboard, three letter rows as printed on the keys (the لا key,
 * two letters on one key, is a gap). Rows are staggered by ¼ and ½ key to the right.
 */
export const KEYBOARD_ROWS: readonly (readonly (string | null)[])[] = [
  ['\u0636', '\u0635', '\u062B', '\u0642', '\u0641', '\u063A', '\u0639', HEH, '\u062E', '\u062D', '\u062C', '\u062F'],
  ['\u0634', '\u0633', YEH, BEH, LAM, ALEF, TEH, NOON, MEEM, KAF, '\u0637'],
  [YEH_HAMZA, HAMZA, WAW_HAMZA, '\u0631', null, ALEF_MAKSURA, TEH_MARBUTA, WAW, '\u0632', '\u0638'],
];
const ROW_OFFSET = [0, 0.25, 0.75];

/** letter → the letters on the keys touching its key (same row ±1, the rows above and below). */
export const KEY_NEIGHBOURS: ReadonlyMap<string, readonly string[]> = (() => {
  const keys: { ch: string; x: number; y: number }[] = [];
  KEYBOARD_ROWS.forEach((row, y) => row.forEach((ch, c) => ch && keys.push({ ch, x: c + ROW_OFFSET[y]!, y })));
  const map = new Map<string, string[]>();
  for (const k of keys) map.set(k.ch, keys.filter((o) => o !== k && Math.abs(o.y - k.y) <= 1 && Math.abs(o.x - k.x) <= 1).map((o) => o.ch));
  return map;
})();

/** Possessive / object pronoun suffixes a reader attaches: his, her, their, your (pl.), our. */
export const PRONOUN_SUFFIXES: readonly string[] = [HEH, HEH + ALEF, HEH + MEEM, KAF + MEEM, NOON + ALEF];

/** Question words and phrases a reader puts in front of the words (what is, how, where, …). */
export const QUESTION_PHRASES: readonly string[] = ['ما هي', 'ما هو', 'كيف', 'أين', 'متى', 'لماذا', 'هل', 'من هو'];

/** Prepositions a reader puts between two words, as in a sentence. */
export const LINKING_STOPWORDS: readonly string[] = ['في', 'من', 'على', 'عن', 'مع', 'بعد'];

/** Smallest number of corpus occurrences of an adjacent pair for split-join to use it. */
export const MIN_PAIR_COUNT = 5;
/** Fewest letters of each half when split-join splits a word. */
export const MIN_SPLIT_PART = 3;
/**
 * Split-join uses a pair only when the rarer of its two spellings (split, joined) is at least
 * this share of the other: both are habits, not an accident of two words meeting (الا على).
 */
export const MIN_PAIR_SHARE = 0.02;

/** Whether the corpus writes `a b` and `ab` both, often enough (see {@link MIN_PAIR_SHARE}). */
function bothSpellings(a: string, b: string, corpus: CorpusView): boolean {
  const split = corpus.pairCount(a, b);
  const joined = corpus.count(a + b);
  return split >= MIN_PAIR_COUNT && Math.min(split, joined) >= MIN_PAIR_SHARE * Math.max(split, joined);
}

/** Letter positions (indices into `w`) that hold an Arabic letter. */
function letterSlots(w: string): number[] {
  const slots: number[] = [];
  for (let i = 0; i < w.length; i++) if (ARABIC_LETTER.test(w[i]!)) slots.push(i);
  return slots;
}

/** The word without a leading ال (only the plain article: not لل, بال, …), or null. */
function withoutArticle(w: string): string | null {
  return w.startsWith(AL) && w.length >= 5 ? w.slice(2) : null;
}

/** `stem` followed by `suffix`, with a final ة written ت as it must be before a suffix. */
function attach(stem: string, suffix: string): string {
  return (stem.endsWith(TEH_MARBUTA) ? stem.slice(0, -1) + TEH : stem) + suffix;
}

/** The pronoun suffix `w` ends with and the word before it, when that word is a corpus word. */
function splitPronoun(w: string, isWord: IsWord): { base: string; suffix: string } | null {
  for (const suffix of [...PRONOUN_SUFFIXES].sort((a, b) => b.length - a.length)) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const base = w.slice(0, -suffix.length);
    if (isWord(base)) return { base, suffix };
  }
  return null;
}

/** The typing rules on one word, by name. */
export const TYPING_PERTURBATIONS: Record<Exclude<TypingPerturbationName, QueryPerturbationName>, TypingPerturbation> = {
  /** One letter replaced by a letter on a neighbouring key (words of 4+ letters). */
  'typo-neighbour': (w, rng) => {
    if (w.length < 4) return null;
    const slots = letterSlots(w).filter((i) => KEY_NEIGHBOURS.has(w[i]!));
    if (!slots.length) return null;
    const at = rng.pick(slots);
    return w.slice(0, at) + rng.pick(KEY_NEIGHBOURS.get(w[at]!)!) + w.slice(at + 1);
  },
  /** One letter left out (words of 4+ letters). */
  'typo-drop': (w, rng) => {
    if (w.length < 4) return null;
    const at = rng.int(w.length);
    return w.slice(0, at) + w.slice(at + 1);
  },
  /** Two adjacent, different letters swapped (words of 4+ letters). */
  'typo-swap': (w, rng) => {
    if (w.length < 4) return null;
    const slots: number[] = [];
    for (let i = 0; i < w.length - 1; i++) if (w[i] !== w[i + 1]) slots.push(i);
    if (!slots.length) return null;
    const at = rng.pick(slots);
    return w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2);
  },
  /** One letter typed twice (a key bounce; words of 3+ letters). */
  'typo-double': (w, rng) => {
    if (w.length < 3) return null;
    const at = rng.pick(letterSlots(w));
    return w.slice(0, at + 1) + w[at]! + w.slice(at + 1);
  },
  /**
   * A possessive or object pronoun (ه ها هم كم نا) attached to a word not ending in ة, its ال
   * dropped (الرئيس → رئيسه), or the pronoun a word carries left out (رئيسها → رئيس); only
   * when the corpus writes the result.
   */
  'pronoun': (w, rng, { isWord }) => {
    const options: string[] = [];
    const bare = withoutArticle(w) ?? w;
    if (!bare.endsWith(TEH_MARBUTA) && bare.length >= 3 && !splitPronoun(bare, isWord)) {
      for (const s of PRONOUN_SUFFIXES) if (isWord(bare + s)) options.push(bare + s);
    }
    const split = splitPronoun(w, isWord);
    if (split && !split.base.endsWith(TEH)) options.push(split.base);
    return options.length ? rng.pick(options) : null;
  },
  /**
   * ة and ت around a pronoun: a word ending in ة gets a pronoun, its ة written ت (الحكومة →
   * حكومته), or a word ending in ت + pronoun loses the pronoun, its ت written ة again
   * (حكومتها → حكومة); only when the corpus writes the result.
   */
  'teh-suffix': (w, rng, { isWord }) => {
    const options: string[] = [];
    const bare = withoutArticle(w) ?? w;
    if (bare.endsWith(TEH_MARBUTA) && bare.length >= 4) {
      for (const s of PRONOUN_SUFFIXES) if (isWord(attach(bare, s))) options.push(attach(bare, s));
    }
    for (const s of PRONOUN_SUFFIXES) {
      if (!w.endsWith(TEH + s)) continue;
      const base = w.slice(0, -(s.length + 1)) + TEH_MARBUTA;
      if (base.length >= 4 && isWord(base)) options.push(base);
    }
    return options.length ? rng.pick(options) : null;
  },
  /**
   * The dual for the singular (الطرف → الطرفين, حكومة → حكومتان) or the singular for the dual;
   * only for words whose singular and both dual endings (ان, ين) are all corpus words.
   */
  'dual': (w, rng, { isWord }) => {
    const duals = (s: string): string[] => [attach(s, ALEF + NOON), attach(s, YEH + NOON)];
    const isDualPair = (s: string): boolean => s.length >= 3 && isWord(s) && duals(s).every(isWord);
    const options: string[] = [];
    if (isDualPair(w)) options.push(...duals(w));
    if (w.endsWith(ALEF + NOON) || w.endsWith(YEH + NOON)) {
      const stem = w.slice(0, -2);
      for (const s of [stem, stem.endsWith(TEH) ? stem.slice(0, -1) + TEH_MARBUTA : stem]) if (s.length >= 3 && isDualPair(s) && duals(s).includes(w)) options.push(s);
    }
    const unique = [...new Set(options)].filter((o) => o !== w);
    return unique.length ? rng.pick(unique) : null;
  },
  /**
   * A sound plural for the singular (مسؤول → مسؤولين, انتخاب → انتخابات, حكومة → حكومات) or the
   * singular for a sound plural (as the rule `singular` of queries.json); only when the corpus
   * writes the result, and for ون / ين only when 4+ letters stay.
   */
  'plural': (w, rng, { isWord }) => {
    const options: string[] = [];
    const fem = w.endsWith(TEH_MARBUTA) ? w.slice(0, -1) + ALEF + TEH : w + ALEF + TEH;
    if (w.length >= 3 && !w.endsWith(ALEF + TEH) && isWord(fem)) options.push(fem);
    if (w.length >= 4 && !w.endsWith(TEH_MARBUTA)) for (const s of [WAW + NOON, YEH + NOON]) if (isWord(w + s)) options.push(w + s);
    const singular = PERTURBATIONS.singular(w, rng, isWord);
    if (singular !== null) options.push(singular);
    return options.length ? rng.pick(options) : null;
  },
  /**
   * A preposition or و before the article, or taken away: الحكومة → للحكومة / بالحكومة /
   * والحكومة, and بالحكومة / للحكومة / والحكومة → الحكومة; only when the corpus writes the result.
   */
  'al-clitic': (w, rng, { isWord }) => {
    const options: string[] = [];
    if (ALREADY_PREFIXED.test(w)) {
      const rest = w.startsWith(LAM + LAM) ? w.slice(2) : w.slice(3);
      if (rest.length >= 2 && isWord(AL + rest)) options.push(AL + rest);
    } else if (w.startsWith(AL) && w.length >= 5) {
      const rest = w.slice(2);
      for (const c of [LAM + LAM + rest, BEH + w, WAW + w]) if (isWord(c)) options.push(c);
    }
    return options.length ? rng.pick(options) : null;
  },
  /**
   * The first letter only: أ / إ / آ typed as ا (إسرائيل → اسرائيل, other hamzas kept), or a
   * bare initial ا given a hamza below, the common over-correction (انتخابات → إنتخابات).
   */
  'alef-initial': (w) => {
    const first = w[0] ?? '';
    if (first === ALEF_HAMZA_ABOVE || first === ALEF_HAMZA_BELOW || first === ALEF_MADDA) return ALEF + w.slice(1);
    if (first === ALEF && w[1] !== LAM && w.length >= 4) return ALEF_HAMZA_BELOW + w.slice(1);
    return null;
  },
  /**
   * Another spelling of the same word that the corpus itself uses (a long vowel written or not,
   * ج / غ / ق for a foreign g, ت / ط, س / ص, final ا / ة, …; found by variants.ts from the
   * vocabulary and the words around each form, never from a list of words).
   */
  'corpus-variant': (w, rng, corpus) => {
    const options = corpus.variantsOf(w);
    return options.length ? rng.pick(options) : null;
  },
};

/** The rules that rewrite the query as a whole. */
export type QueryPerturbationName = 'split-join' | 'word-order' | 'stopword' | 'question';

/** The typing rules on the whole query, by name. */
export const QUERY_PERTURBATIONS: Record<QueryPerturbationName, QueryPerturbation> = {
  /**
   * A word split in two or two words joined, where Arabic writers vary (عبد الله / عبدالله):
   * split where the corpus writes both the word and the two halves side by side (each half of 3+
   * letters, so no stray letters or particles: ليلا never becomes لي لا); join a query
   * word with its neighbour in the source where the corpus writes both the pair and the joined
   * word (the neighbour comes into the query with it); both spellings common enough
   * ({@link MIN_PAIR_SHARE}). Decided by corpus counts, not a list.
   */
  'split-join': (terms, rng, corpus, source) => {
    const options: string[][] = [];
    terms.forEach((t, i) => {
      for (let k = MIN_SPLIT_PART; k <= t.length - MIN_SPLIT_PART; k++) {
        const a = t.slice(0, k);
        const b = t.slice(k);
        if (corpus.isWord(a) && corpus.isWord(b) && bothSpellings(a, b, corpus)) options.push([...terms.slice(0, i), a, b, ...terms.slice(i + 1)]);
      }
      const at = source.indexOf(t);
      if (at < 0) return;
      const prev = source[at - 1];
      if (prev !== undefined && bothSpellings(prev, t, corpus)) {
        const start = terms[i - 1] === prev ? i - 1 : i;
        options.push([...terms.slice(0, start), prev + t, ...terms.slice(i + 1)]);
      }
      const next = source[at + 1];
      if (next !== undefined && bothSpellings(t, next, corpus)) {
        const end = terms[i + 1] === next ? i + 2 : i + 1;
        options.push([...terms.slice(0, i), t + next, ...terms.slice(end)]);
      }
    });
    return options.length ? rng.pick(options) : null;
  },
  /** The words in another order (2+ words; never the original order). */
  'word-order': (terms, rng) => {
    if (terms.length < 2 || new Set(terms).size < 2) return null;
    for (;;) {
      const out = [...terms];
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      if (out.some((w, i) => w !== terms[i])) return out;
    }
  },
  /** A preposition (في من على عن مع بعد) put between two of the words, as in a sentence. */
  'stopword': (terms, rng) => {
    if (terms.length < 2) return null;
    const at = 1 + rng.int(terms.length - 1);
    return [...terms.slice(0, at), rng.pick(LINKING_STOPWORDS), ...terms.slice(at)];
  },
  /** A question word or phrase in front (ما هي, كيف, أين, متى, لماذا, هل, …). */
  'question': (terms, rng) => [...rng.pick(QUESTION_PHRASES).split(' '), ...terms],
};

/**
 * Application order of the typing rules: morphology, then spelling, then finger slips, then
 * the query as a whole (a split, the order, an added word), as a reader would.
 */
export const TYPING_ORDER: readonly TypingPerturbationName[] = [
  'plural',
  'dual',
  'pronoun',
  'teh-suffix',
  'al-clitic',
  'corpus-variant',
  'alef-initial',
  'typo-neighbour',
  'typo-drop',
  'typo-swap',
  'typo-double',
  'split-join',
  'word-order',
  'stopword',
  'question',
];

/** Whether `name` rewrites the query as a whole (else one word). */
export function isQueryPerturbation(name: TypingPerturbationName): name is QueryPerturbationName {
  return name in QUERY_PERTURBATIONS;
}
