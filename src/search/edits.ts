/**
 * Arabic-aware edit costs for typo tolerance: the confusions people really make when typing
 * Arabic cost half an edit, other edits a whole one.
 *
 * ```ts
 * const budget = fuzzyBudget('الانتخابات'.length, 'auto');   // 2 edits = 4 units
 * lookup.fuzzy('رييس', budget, ARABIC_EDIT_COSTS, visit);    // رءيس costs 1 unit (a hamza seat)
 * ```
 *
 * Units: one ordinary edit costs {@link EDIT} (2 units); a cheap edit costs 1 unit (half an edit).
 *
 * Cheap substitutions (either direction), after what normalization already folds:
 * - ه/ة, ى/ي, ا/أ/إ/آ/ٱ: letters people leave undotted or unmarked (normalization folds them
 *   already; the costs matter when a field's analyzer turns those rules off);
 * - ء/ئ/ؤ/أ/إ with ي/و/ا, and the seats among themselves: the hamza written on another seat or
 *   left off its seat (رييس for رئيس, مسوول for مسؤول; normalization folds ئ ؤ to ء, so the
 *   query رييس meets رءيس);
 * - ض/ظ, ذ/ز, س/ص, ت/ط: pairs that sound alike in most spoken varieties;
 * - ذ/د, ث/ت, ث/س: the interdentals said as stops or sibilants in Egyptian, Levantine and
 *   Gulf speech (هذا → هدا, ثلاثة → تلاتة).
 *
 * Cheap insertions and deletions: a weak letter (ا و ي ى ء and the hamza seats), left out or
 * added (داود / داوود, مسءول / مسول), and a letter doubled or undoubled (shadda written out:
 * مدّة → مددة). Adjacent letters swapped cost one edit.
 * @module
 */
import type { EditCosts } from '../index/fuzzy.js';

/** Cost units of one ordinary edit (a cheap edit costs 1). */
export const EDIT = 2;
/** Cost units of a cheap edit. */
const CHEAP = 1;

/** Groups of letters any two of which are a cheap substitution. */
const CONFUSABLE_GROUPS: readonly string[] = ['هة', 'ىي', 'اأإآٱ', 'ءئؤأإيوا', 'ضظ', 'ذز', 'سص', 'تط', 'ذد', 'ثت', 'ثس'];
/** Letters whose insertion or deletion is cheap. */
const WEAK = 'اويىءئؤأإآ';

/** First code unit of the Arabic block U+0600–U+06FF, where the cheap edits live. */
const ARABIC_BLOCK_FIRST = 0x0600;
/** Size of the Arabic block. */
const ARABIC_BLOCK_SIZE = 0x100;

/** `SUBSTITUTION[(a − first) · 256 + (b − first)]`: cost of a for b within the block. */
const SUBSTITUTION = new Uint8Array(ARABIC_BLOCK_SIZE * ARABIC_BLOCK_SIZE).fill(EDIT);
for (const group of CONFUSABLE_GROUPS) {
  for (const a of group) {
    for (const b of group) {
      if (a !== b) SUBSTITUTION[(a.charCodeAt(0) - ARABIC_BLOCK_FIRST) * ARABIC_BLOCK_SIZE + b.charCodeAt(0) - ARABIC_BLOCK_FIRST] = CHEAP;
    }
  }
}
/** `INDEL[c − first]`: cost of inserting or deleting c within the block (doubling aside). */
const INDEL = new Uint8Array(ARABIC_BLOCK_SIZE).fill(EDIT);
for (const c of WEAK) INDEL[c.charCodeAt(0) - ARABIC_BLOCK_FIRST] = CHEAP;

/** The Arabic-aware costs (see the module documentation), in units of {@link EDIT} = 2. */
export const ARABIC_EDIT_COSTS: EditCosts = {
  substitution(a, b) {
    const x = a - ARABIC_BLOCK_FIRST;
    const y = b - ARABIC_BLOCK_FIRST;
    return x >= 0 && x < ARABIC_BLOCK_SIZE && y >= 0 && y < ARABIC_BLOCK_SIZE ? SUBSTITUTION[x * ARABIC_BLOCK_SIZE + y]! : EDIT;
  },
  indel(c, previous) {
    if (c === previous) return CHEAP;
    const x = c - ARABIC_BLOCK_FIRST;
    return x >= 0 && x < ARABIC_BLOCK_SIZE ? INDEL[x]! : EDIT;
  },
  minIndel: CHEAP,
  transposition: EDIT,
};

/**
 * The `fuzzy` option's edit budget for a word of `length` letters, in cost units: `'auto'`
 * allows 0 edits up to 3 letters, 1 edit for 4–7 letters and 2 edits from 8 letters; a number
 * `n` allows n edits whatever the length (half edits count: 0.5 allows one cheap edit).
 */
export function fuzzyBudget(length: number, fuzzy: number | 'auto'): number {
  if (fuzzy === 'auto') return length <= 3 ? 0 : length <= 7 ? EDIT : 2 * EDIT;
  return Math.floor(fuzzy * EDIT + 1e-9);
}
