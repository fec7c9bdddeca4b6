/**
 * How readers really type Arabic into a search box, as word rewrites. Each rule takes a word and
 * returns the rewritten word, or null when it does not apply (nothing to change, or the result
 * would not be a word people write: `isWord` asks the corpus vocabulary). Written from common
 * typing habits, never from what any engine gets right.
 * @module
 */
import type { Rng } from '../rng.js';
import type { PerturbationName } from './types.js';

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
export const PERTURBATIONS: Record<PerturbationName, Perturbation> = {
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
export const PERTURBATION_ORDER: readonly PerturbationName[] = [
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
