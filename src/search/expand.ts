/**
 * Query word expansion: the index terms a query word reaches beyond its own stem and exact form.
 *
 * ```ts
 * prefixCandidates('بالكت', analyzer);       // ['بالكت', 'كت']: what was typed, and without its proclitics
 * expandPrefix(['كتا'], new Set(), index, 50); // كتاب → 0.75, كتابه → 0.6 … (the 50 most frequent)
 * expandFuzzy('رييس', 2, new Set(), index, 50); // رءيس → 0.9 (one hamza seat: half an edit)
 * hamzaVariants('رييس');                        // ['رءيس', 'ريءس', …]: spellings differing only in hamza
 * ```
 *
 * Three kinds, each bounded:
 * - prefix: the exact forms (normalized, proclitics removed) that start with the typed prefix,
 *   at most `max`, the most frequent first; weight `prefixLength / termLength` (a prefix covering
 *   most of the word weighs almost as much as the word);
 * - fuzzy: the exact forms within the edit budget ({@link ARABIC_EDIT_COSTS}), at most `max`, the
 *   cheapest first, then the most frequent; weight `1 − cost / (2 · (length + 1))` in edits;
 * - spelling: {@link hamzaVariants} of a word the index does not know, looked up exactly.
 * The weights multiply each term's tf inside one blended source (see `sources.ts`), whose own
 * weight ({@link PREFIX_WEIGHT}, {@link FUZZY_WEIGHT}, {@link SPELLING_WEIGHT}) ranks exact
 * matches above prefix matches above typo matches.
 * @module
 */
import type { Analyzer } from '../analysis/analyzer.js';
import { ALEF, HAMZA, WAW, YEH } from '../analysis/chars.js';
import type { TermLookup } from '../index/fuzzy.js';
import { ARABIC_EDIT_COSTS, EDIT } from './edits.js';

/** Weight of prefix expansions relative to the word's own stem (1). */
export const PREFIX_WEIGHT = 0.5;
/** Weight of typo (fuzzy) expansions relative to the word's own stem (1). */
export const FUZZY_WEIGHT = 0.35;
/** Weight of hamza spelling variants of a word the index does not know. */
export const SPELLING_WEIGHT = 0.9;
/** Letters a prefix keeps at least once its proclitics are removed. */
const MIN_STRIPPED_PREFIX = 1;

/** What expansion reads from the index. */
export interface ExpansionIndex {
  /** The prefix / fuzzy lookup over the term dictionary. */
  termLookup(): TermLookup;
  /** Live-or-removed documents holding term `id` as an exact form (0: not an exact form). */
  exactFrequency(id: number): number;
  /** Length of term `id`. */
  termLength(id: number): number;
  /** Text of term `id`. */
  termText(id: number): string;
}

const HAMZA_CHAR = String.fromCharCode(HAMZA);
const SEATS = [YEH, WAW, ALEF].map((c) => String.fromCharCode(c));
/** Placeholder letters appended to a prefix so proclitic stripping treats it as a longer word. */
const PAD = HAMZA_CHAR.repeat(3);

/**
 * The strings a typed prefix (a NORMALIZED word start) is matched against exact forms with: the
 * prefix itself, and the prefix without its proclitics. Proclitic stripping keeps two or three
 * letters after a proclitic so that short whole words survive (بالغ stays بالغ); a prefix is the
 * start of a longer word, so it is stripped as if it went on (`بالكت` → `كت`, which `بالكتاب`
 * needs, and `الج` → `ج` for الجزائر), keeping at least `minStripped` letters (default 1;
 * suggestions pass 0, so `ال` completes to the most frequent words).
 */
export function prefixCandidates(prefix: string, analyzer: Analyzer, minStripped = MIN_STRIPPED_PREFIX): string[] {
  const out = [prefix];
  const add = (s: string): void => {
    if (s.length >= minStripped && !out.includes(s)) out.push(s);
  };
  add(analyzer.stripProclitics(prefix));
  const padded = analyzer.stripProclitics(prefix + PAD);
  if (padded.endsWith(PAD)) add(padded.slice(0, padded.length - PAD.length));
  return out;
}

interface Scored {
  id: number;
  df: number;
  weight: number;
  cost: number;
  /**
   * Visit order: the lookup visits terms in text order, so candidates ranked alike are cut by
   * `max` in text order, never by term number (a loaded index numbers its terms differently).
   */
  order: number;
}

/** `< 0` when candidate a ranks before b. */
type Rank = (a: Scored, b: Scored) => number;

/** Prefix candidates: most documents, then the most covered, then text order. */
const PREFIX_RANK: Rank = (a, b) => b.df - a.df || b.weight - a.weight || a.order - b.order;
/** Typo candidates: cheapest, then most documents, then text order. */
const FUZZY_RANK: Rank = (a, b) => a.cost - b.cost || b.df - a.df || a.order - b.order;

/**
 * The `max` best of a stream of candidates: a binary heap whose root is the worst kept, so a
 * one-letter prefix with tens of thousands of completions costs one comparison for most of them
 * and no sort. `offer` copies the scratch candidate only when it is kept.
 */
class Best {
  private readonly heap: Scored[] = [];
  /** The candidate to fill before {@link Best.offer}. */
  readonly scratch: Scored = { id: 0, df: 0, weight: 0, cost: 0, order: 0 };

  constructor(
    private readonly max: number,
    private readonly rank: Rank,
  ) {}

  /** Offer the scratch candidate; `mayRepeat`: its id may have been offered before. */
  offer(mayRepeat: boolean): void {
    const heap = this.heap;
    const c = this.scratch;
    // A term seen again (overlapping prefixes): keep its better weight.
    if (mayRepeat) {
      for (const kept of heap) {
        if (kept.id !== c.id) continue;
        if (c.weight > kept.weight) {
          kept.weight = c.weight;
          this.heapify();
        }
        return;
      }
    }
    if (heap.length < this.max) {
      heap.push({ ...c });
      this.up(heap.length - 1);
    } else if (heap.length > 0 && this.rank(c, heap[0]!) < 0) {
      heap[0] = { ...c };
      this.down(0);
    }
  }

  /** The kept candidates, best first, as id → weight. */
  result(): Map<number, number> {
    return new Map(this.heap.sort(this.rank).map((s) => [s.id, s.weight]));
  }

  /** Whether the entry at i should sit above the one at j (it ranks worse). */
  private worse(i: number, j: number): boolean {
    return this.rank(this.heap[i]!, this.heap[j]!) > 0;
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      let top = i;
      const l = 2 * i + 1;
      if (l < n && this.worse(l, top)) top = l;
      if (l + 1 < n && this.worse(l + 1, top)) top = l + 1;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }

  private heapify(): void {
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
}

/**
 * Exact forms starting with any of `prefixes`, not in `exclude`: the `max` most frequent, each
 * with its weight `prefixLength / termLength` (the longest matching prefix). Returns id → weight.
 */
export function expandPrefix(prefixes: readonly string[], exclude: ReadonlySet<number>, index: ExpansionIndex, max: number): Map<number, number> {
  const best = new Best(max, PREFIX_RANK);
  const c = best.scratch;
  const lookup = index.termLookup();
  let order = 0;
  let mayRepeat = false;
  for (const p of prefixes) {
    if (p.length === 0) continue;
    lookup.forEachPrefix(p, (id) => {
      if (exclude.has(id)) return;
      const df = index.exactFrequency(id);
      if (df === 0) return;
      c.id = id;
      c.df = df;
      c.weight = p.length / index.termLength(id);
      c.order = order++;
      best.offer(mayRepeat);
    });
    mayRepeat = true;
  }
  return best.result();
}

/**
 * Exact forms within `budget` cost units of `word` (see `edits.ts`), not in `exclude` and not
 * `word` itself: the `max` cheapest (then most frequent). Returns id → weight.
 */
export function expandFuzzy(word: string, budget: number, exclude: ReadonlySet<number>, index: ExpansionIndex, max: number): Map<number, number> {
  if (budget <= 0 || word.length === 0) return new Map();
  const best = new Best(max, FUZZY_RANK);
  const c = best.scratch;
  let order = 0;
  index.termLookup().fuzzy(word, budget, ARABIC_EDIT_COSTS, (id, cost) => {
    if (cost === 0 || exclude.has(id)) return;
    const df = index.exactFrequency(id);
    if (df === 0) return;
    c.id = id;
    c.df = df;
    c.cost = cost;
    c.weight = 1 - cost / (EDIT * (word.length + 1));
    c.order = order++;
    best.offer(false);
  });
  return best.result();
}

/**
 * Spellings of a NORMALIZED word that differ from it only in hamza, the way people misspell it:
 * a hamza seat (ي و ا) written for a bare hamza or the reverse (رييس / رءيس, مسوول / مسءول,
 * هياه / هيءه), or a hamza left out or added (ريس / رءيس, شي / شيء). The first letter is left
 * alone (a word-initial hamza sits on alef, which normalization folds to ا). The word itself is
 * not included.
 */
export function hamzaVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i < word.length; i++) {
    const c = word[i]!;
    const before = word.slice(0, i);
    const after = word.slice(i + 1);
    if (SEATS.includes(c)) out.add(before + HAMZA_CHAR + after);
    if (c === HAMZA_CHAR) {
      for (const seat of SEATS) out.add(before + seat + after);
      out.add(before + after);
    }
  }
  for (let i = 1; i <= word.length; i++) out.add(word.slice(0, i) + HAMZA_CHAR + word.slice(i));
  out.delete(word);
  return [...out];
}
