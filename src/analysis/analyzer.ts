/**
 * The analyzer: one ordered chain that serves both indexing and querying, so both sides always
 * fold text the same way:
 *
 * 1. tokenize the ORIGINAL text (`tokenize.ts`), offsets into it;
 * 2. normalize each word (`normalize.ts`) → the token's `surface`;
 * 3. drop stopwords (`stopwords.ts`), compared with the normalized word; they still take a position;
 * 4. stem (`stem.ts`, or your {@link Stemmer}) → the token's `term`;
 * 5. your {@link TokenFilter}s, in order (e.g. a synonym filter).
 *
 * ```ts
 * const analyzer = createAnalyzer();
 * analyzer.analyze('وَالكتابُ في المكتبة');
 * // [{ term: 'كتاب', surface: 'والكتاب', start: 0, end: 9, position: 0 },
 * //  { term: 'مكتب', surface: 'المكتبه', start: 13, end: 20, position: 2 }]   ('في' is a stopword)
 * ```
 *
 * Steps 2–5 depend on the word alone, so their result is cached per distinct written word (a
 * bounded hash table looked up in place; when it holds `cacheSize` words it keeps the first half and
 * drops the rest; `wordcache.ts`):
 * the index's hot path {@link Analyzer.run} allocates nothing per token except on cache misses.
 * @module
 */
import { FahrasError } from '../errors.js';
import type { Token } from './types.js';
import {
  NORMALIZE_RULES,
  foldTableFor,
  foldWith,
  resolveNormalizeOptions,
  type FoldTable,
  type NormalizeOptions,
  type ResolvedNormalizeOptions,
} from './normalize.js';
import { createWordSpan, nextWord } from './tokenize.js';
import { WordCache } from './wordcache.js';
import { DEFAULT_STOPWORDS } from './stopwords.js';
import { lightStem, stripProclitics, type Stemmer } from './stem.js';

/**
 * Receives each kept token of a text without allocating a {@link Token} object (the index's hot
 * path). Offsets are into the original text. A word that a filter expands into several terms
 * (synonyms) calls the sink once per term, with the same offsets and position.
 *
 * `wordId` and `generation` (optional to read; every analyzer passes them) let a sink cache its
 * own work per distinct written word instead of hashing `surface` again: when `wordId > 0`, the
 * `term` and `surface` of the call are a pure function of (this analyzer, `wordId`,
 * `generation`). Ids are small integers (1 … the analyzer's `cacheSize`) handed out in
 * first-seen order; when the analyzer's word cache drops words (it fills up; queries and
 * highlighting through the same analyzer count too) `generation` changes and ids are handed
 * out again, so a sink that keys a table by `wordId` must drop that table when `generation`
 * differs from the one it was filled under. `wordId` is 0 when nothing identifies the call's
 * term: caching is off (`cacheSize: 0`), or the call carries the second and later terms of a
 * word a filter expanded. Ids of two analyzers are unrelated.
 */
export type TokenSink = (term: string, surface: string, start: number, end: number, position: number, wordId?: number, generation?: number) => void;

/**
 * A custom step after stemming. It receives the current term and the word's normalized surface
 * and returns the term to keep, several terms to index at the same position (synonyms), or
 * `null` to drop the word (it keeps its position, like a stopword).
 *
 * Must be PURE per word: the same (term, surface) always gives the same result, with no state and
 * no dependence on the document, because the analyzer caches the result per word. Functions are
 * not serializable: {@link Analyzer.config} records filter names only, and you pass the filters
 * again when you rebuild the analyzer from a saved config.
 */
export type TokenFilter = (term: string, surface: string) => string | readonly string[] | null;

/** Options of {@link createAnalyzer}. Unknown names throw `UNKNOWN_OPTION`; wrong types `INVALID_OPTION`. */
export interface AnalyzerOptions {
  /** Normalization rules; every rule defaults to `true` (see `NormalizeOptions`). */
  normalize?: NormalizeOptions;
  /**
   * Stopwords: `true` (default) for the built-in Arabic set, `false` for none, or a list that
   * REPLACES the built-in set. Listed words are normalized with this analyzer's rules.
   */
  stopwords?: boolean | readonly string[];
  /** Words added to the stopword set (normalized with this analyzer's rules). Default none. */
  extraStopwords?: readonly string[];
  /**
   * `true` (default): the built-in light stemmer; `false`: index normalized words as they are;
   * or your own {@link Stemmer} (pure, called once per distinct word).
   */
  stem?: boolean | Stemmer;
  /** Custom steps after stemming, in order. Default none. See {@link TokenFilter}. */
  filters?: readonly TokenFilter[];
  /**
   * Distinct written words whose analysis is cached; when full, the words seen after the first
   * half are dropped.
   * Default 100,000 (about 15 MB at most); `0` disables caching. Integer ≥ 0.
   */
  cacheSize?: number;
  /**
   * Set by {@link Analyzer.config}: `true` when that analyzer used a custom stemmer. When `true`,
   * `stem` must be the stemmer function again.
   */
  customStemmer?: boolean;
  /**
   * Set by {@link Analyzer.config}: the names of that analyzer's filters. When non-empty,
   * `filters` must hold the same number of filters again.
   */
  filterNames?: readonly string[];
  /** Set by {@link Analyzer.config}: the analysis algorithm version; must equal {@link ANALYSIS_VERSION}. */
  analysisVersion?: number;
}

/**
 * The version of the built-in analysis (normalization tables, stopwords, stemmer). A saved index
 * records it; it changes whenever a change would give different terms for the same text.
 */
export const ANALYSIS_VERSION = 1;

/**
 * A plain JSON-serializable description of a resolved analyzer: `createAnalyzer(config)` rebuilds
 * the same chain (a saved index stores it). A custom stemmer and custom filters cannot be
 * serialized: `customStemmer` and `filterNames` record that they must be passed again.
 */
export interface AnalyzerConfig {
  /** {@link ANALYSIS_VERSION} of the library that made this config. */
  readonly analysisVersion: number;
  /** Every normalization rule, resolved. */
  readonly normalize: ResolvedNormalizeOptions;
  /** The full stopword set, normalized and sorted (empty when stopwords are off). */
  readonly stopwords: readonly string[];
  /** Whether words are stemmed (built-in or custom stemmer). */
  readonly stem: boolean;
  /** Whether the stemmer was a custom function (pass it again as `stem`). */
  readonly customStemmer: boolean;
  /** Names of the custom filters, in order (pass the filters again as `filters`). */
  readonly filterNames: readonly string[];
  /** The word cache size. */
  readonly cacheSize: number;
}

/** A configured analysis chain. */
export interface Analyzer {
  /** Analyze `text` into tokens with offsets into `text`. Throws `INVALID_INPUT` for a non-string. */
  analyze(text: string): Token[];
  /**
   * Stream the kept tokens of `text` to `sink`. Positions start at `firstPosition` (default 0).
   * Throws `INVALID_INPUT` for a non-string.
   * @returns the position after the last word of `text` (stopwords counted), for gaps between array items.
   */
  run(text: string, sink: TokenSink, firstPosition?: number): number;
  /** Fold one word (or any string) with this analyzer's normalization rules. */
  normalizeWord(word: string): string;
  /**
   * The stemming step alone on a NORMALIZED word (no stopword check, no filters); the word
   * itself when stemming is off.
   */
  stemWord(normalizedWord: string): string;
  /**
   * Remove one proclitic group (و ف ب ك ل ال …) from a NORMALIZED word, for as-you-type prefix
   * search: `والكتا` → `كتا`, whose completions include `كتاب`. Returns the word unchanged when
   * stemming is off. For a complete word, look up `stemWord(w)` exactly as well.
   */
  stripProclitics(normalizedWord: string): string;
  /** Whether a NORMALIZED word is in this analyzer's stopword set. */
  isStopword(normalizedWord: string): boolean;
  /** The resolved options as plain JSON (see {@link AnalyzerConfig}). */
  readonly config: AnalyzerConfig;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'normalize',
  'stopwords',
  'extraStopwords',
  'stem',
  'filters',
  'cacheSize',
  'customStemmer',
  'filterNames',
  'analysisVersion',
]);

const DEFAULT_CACHE_SIZE = 100_000;

/**
 * Longest word the analyzer indexes or searches, in UTF-16 code units (Lucene's default
 * `maxTokenLength`): a longer run of letters is dropped (it keeps its position, like a stopword).
 */
export const MAX_WORD_LENGTH = 255;

function invalid(option: string, message: string): FahrasError {
  return new FahrasError('INVALID_OPTION', `option "${option}" ${message}`, { option });
}

function stringList(value: unknown, option: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((w) => typeof w === 'string')) throw invalid(option, 'must be an array of strings');
  return value as readonly string[];
}

/** Kinds of cached word analysis. */
const KEEP = 0;
const STOP = 1;
const EMPTY = 2;

/** The cached analysis of one written word. */
class WordEntry {
  constructor(
    readonly kind: number,
    readonly surface: string,
    readonly term: string,
    readonly more: readonly string[] | null,
  ) {}
}


/** A flat copy of `s`, so a cached surface never keeps a large source text alive (V8 sliced strings). */
function detach(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}

interface Resolved {
  readonly rules: ResolvedNormalizeOptions;
  readonly table: FoldTable;
  readonly stopwords: ReadonlySet<string>;
  readonly stemmer: Stemmer | null;
  readonly filters: readonly TokenFilter[];
  readonly config: AnalyzerConfig;
}

function resolve(options: AnalyzerOptions): Resolved {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new FahrasError('INVALID_OPTION', 'analyzer options must be an object', { option: 'options' });
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new FahrasError('UNKNOWN_OPTION', `unknown analyzer option "${key}"`, { option: key });
  }
  const o = options as Record<string, unknown>;
  const rules = resolveNormalizeOptions(o.normalize as NormalizeOptions | undefined, 'normalize');
  const table = foldTableFor(rules);

  if (o.analysisVersion !== undefined && o.analysisVersion !== ANALYSIS_VERSION) {
    throw invalid('analysisVersion', `is ${String(o.analysisVersion)}; this library analyzes with version ${ANALYSIS_VERSION}`);
  }

  let stopwords: Set<string>;
  const sw = o.stopwords;
  if (sw === undefined || sw === true) stopwords = new Set(DEFAULT_STOPWORDS);
  else if (sw === false) stopwords = new Set();
  else stopwords = new Set(stringList(sw, 'stopwords').map((w) => foldWith(table, w)));
  if (o.extraStopwords !== undefined) for (const w of stringList(o.extraStopwords, 'extraStopwords')) stopwords.add(foldWith(table, w));
  stopwords.delete('');

  const customFlag = o.customStemmer;
  if (customFlag !== undefined && typeof customFlag !== 'boolean') throw invalid('customStemmer', 'must be a boolean');
  let stemmer: Stemmer | null;
  const st = o.stem;
  if (st === undefined || st === true) stemmer = lightStem;
  else if (st === false) stemmer = null;
  else if (typeof st === 'function') stemmer = st as Stemmer;
  else throw invalid('stem', 'must be a boolean or a function (term: string) => string');
  if (customFlag === true && typeof st !== 'function') {
    throw invalid('stem', 'must be the custom stemmer function again: this config was made with one (customStemmer: true)');
  }

  let filters: readonly TokenFilter[] = [];
  if (o.filters !== undefined) {
    if (!Array.isArray(o.filters) || !o.filters.every((f) => typeof f === 'function')) throw invalid('filters', 'must be an array of functions');
    filters = o.filters as readonly TokenFilter[];
  }
  if (o.filterNames !== undefined) {
    const names = stringList(o.filterNames, 'filterNames');
    if (names.length !== filters.length) {
      throw invalid('filters', `must hold the ${names.length} filter(s) this config was made with (${names.join(', ')})`);
    }
  }

  let cacheSize = DEFAULT_CACHE_SIZE;
  if (o.cacheSize !== undefined) {
    if (typeof o.cacheSize !== 'number' || !Number.isInteger(o.cacheSize) || o.cacheSize < 0) throw invalid('cacheSize', 'must be an integer ≥ 0');
    cacheSize = o.cacheSize;
  }

  const normalizeConfig = Object.freeze(Object.fromEntries(NORMALIZE_RULES.map((r) => [r, rules[r]]))) as ResolvedNormalizeOptions;
  const config: AnalyzerConfig = Object.freeze({
    analysisVersion: ANALYSIS_VERSION,
    normalize: normalizeConfig,
    stopwords: Object.freeze([...stopwords].sort()),
    stem: stemmer !== null,
    customStemmer: typeof st === 'function',
    filterNames: Object.freeze(filters.map((f, i) => f.name || `filter${i}`)),
    cacheSize,
  });
  return { rules, table, stopwords, stemmer, filters, config };
}

function checkTerm(value: unknown, who: string): string {
  if (typeof value !== 'string') throw new FahrasError('INVALID_OPTION', `${who} returned a ${typeof value}, not a string`, { option: who });
  return value;
}

/**
 * Create an analyzer. Validates `options` once (see {@link AnalyzerOptions}); also accepts an
 * {@link AnalyzerConfig} from {@link Analyzer.config} to rebuild the same chain.
 */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const { table, stopwords, stemmer, filters, config } = resolve(options);
  const cacheSize = config.cacheSize;
  // The cache maps a written word to an id; the word's analysis is kept at that id: its kind,
  // term and surface side by side at `3 * id` of one array (a token's reads share a cache line),
  // the extra terms of a filter in `mores` (read only when there are filters).
  const cache = new WordCache(cacheSize);
  const entries = new Array<number | string>(3 * (cacheSize + 1)).fill(EMPTY);
  const mores = new Array<readonly string[] | null>(filters.length === 0 ? 0 : cacheSize + 1).fill(null);
  const hasMores = mores.length > 0;
  const span = createWordSpan();

  function analyzeWord(raw: string): WordEntry {
    const surface = detach(foldWith(table, raw));
    if (surface.length === 0) return new WordEntry(EMPTY, '', '', null);
    if (stopwords.has(surface)) return new WordEntry(STOP, surface, '', null);
    let term = stemmer === null ? surface : checkTerm(stemmer(surface), 'stem');
    if (filters.length === 0) return new WordEntry(term.length === 0 ? STOP : KEEP, surface, term, null);
    let terms: string[] = term.length === 0 ? [] : [term];
    for (let f = 0; f < filters.length && terms.length > 0; f++) {
      const filter = filters[f] as TokenFilter;
      const next: string[] = [];
      for (const t of terms) {
        const r = filter(t, surface);
        if (r === null) continue;
        if (typeof r === 'string') {
          if (r.length > 0 && !next.includes(r)) next.push(r);
        } else if (Array.isArray(r)) {
          for (const x of r) if (checkTerm(x, 'filter').length > 0 && !next.includes(x)) next.push(x);
        } else checkTerm(r, 'filter');
      }
      terms = next;
    }
    if (terms.length === 0) return new WordEntry(STOP, surface, '', null);
    return new WordEntry(KEEP, surface, terms[0] as string, terms.length > 1 ? Object.freeze(terms.slice(1)) : null);
  }

  function emit(e: WordEntry, sink: TokenSink, start: number, end: number, position: number): void {
    sink(e.term, e.surface, start, end, position, 0, 0);
    const more = e.more;
    if (more !== null) for (let j = 0; j < more.length; j++) sink(more[j] as string, e.surface, start, end, position, 0, 0);
  }

  function run(text: string, sink: TokenSink, firstPosition = 0): number {
    if (typeof text !== 'string') throw new FahrasError('INVALID_INPUT', 'the analyzer expects a string');
    // The loop runs once per word: the closure's variables are read once into locals, and the
    // kinds and the length limit are written as literals (the JIT folds those; their types make
    // the compiler check that they equal the named constants).
    const words = cache;
    const data = entries;
    const withMores = hasMores;
    const scan = span;
    const keep: typeof KEEP = 0;
    const empty: typeof EMPTY = 2;
    const maxLength: typeof MAX_WORD_LENGTH = 255;
    let position = firstPosition;
    let from = 0;
    while (nextWord(text, from, scan)) {
      from = scan.next;
      const start = scan.start;
      const end = scan.end;
      // The cache key and the surface come from the whole run (edge format controls included),
      // so they depend on the run's characters alone; offsets leave those controls out.
      const runStart = scan.runStart;
      if (from - runStart > maxLength) {
        // Too long to be a word (a pasted blob, a key held down): dropped like a stopword, so one
        // hostile run costs a scan, not a fold, a stem and a cached copy of millions of characters.
        position++;
        continue;
      }
      const hash = scan.hash;
      let id = words.get(text, runStart, from, hash);
      if (id === 0) {
        // (scan is not read again below: a filter may re-enter this analyzer)
        const e = analyzeWord(text.slice(runStart, from));
        id = words.add(text, runStart, from, hash);
        if (id === 0) {
          // caching disabled (cacheSize 0)
          if (e.kind === empty) continue;
          if (e.kind === keep) emit(e, sink, start, end, position);
          position++;
          continue;
        }
        const at = 3 * id;
        data[at] = e.kind;
        data[at + 1] = e.term;
        data[at + 2] = e.surface;
        if (withMores) mores[id] = e.more;
      }
      const at = 3 * id;
      const kind = data[at];
      if (kind === empty) continue;
      if (kind === keep) {
        // Read everything before calling the sink: it may re-enter this analyzer and reuse ids.
        const term = data[at + 1] as string;
        const surface = data[at + 2] as string;
        if (!withMores) sink(term, surface, start, end, position, id, words.generation);
        else {
          const more = mores[id];
          sink(term, surface, start, end, position, id, words.generation);
          if (more != null) for (let j = 0; j < more.length; j++) sink(more[j] as string, surface, start, end, position, 0, 0);
        }
      }
      position++;
    }
    return position;
  }

  return {
    run,
    analyze(text) {
      const out: Token[] = [];
      run(text, (term, surface, start, end, position) => {
        out.push({ term, surface, start, end, position });
      });
      return out;
    },
    normalizeWord(word) {
      if (typeof word !== 'string') throw new FahrasError('INVALID_INPUT', 'normalizeWord expects a string');
      return foldWith(table, word);
    },
    stemWord(normalizedWord) {
      if (typeof normalizedWord !== 'string') throw new FahrasError('INVALID_INPUT', 'stemWord expects a string');
      return stemmer === null ? normalizedWord : checkTerm(stemmer(normalizedWord), 'stem');
    },
    stripProclitics(normalizedWord) {
      if (typeof normalizedWord !== 'string') throw new FahrasError('INVALID_INPUT', 'stripProclitics expects a string');
      return stemmer === null ? normalizedWord : stripProclitics(normalizedWord);
    },
    isStopword(normalizedWord) {
      return stopwords.has(normalizedWord);
    },
    config,
  };
}

let defaultAnalyzer: Analyzer | undefined;

/**
 * Analyze `text` with the default chain (or with `options`, building a new analyzer each call:
 * keep an analyzer from {@link createAnalyzer} when you analyze many texts).
 */
export function analyze(text: string, options?: AnalyzerOptions): Token[] {
  if (options !== undefined) return createAnalyzer(options).analyze(text);
  defaultAnalyzer ??= createAnalyzer();
  return defaultAnalyzer.analyze(text);
}
