/**
 * Public option types of {@link createIndex} and `search`, their defaults, and their validation:
 * options are resolved once (index options at creation, search options per call) and every
 * mistake is a {@link FahrasError}: `UNKNOWN_OPTION` for a name fahras does not know (often a
 * typo), `INVALID_OPTION` for a wrong type or an out-of-range value.
 *
 * ```ts
 * const index = createIndex<Article, 'title' | 'category'>({
 *   id: 'id',
 *   fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
 *   store: ['title', 'category'],
 * });
 * ```
 * @module
 */
import type { AnalyzerOptions } from './analysis/analyzer.js';
import { FahrasError } from './errors.js';
import { DEFAULT_B, DEFAULT_K1 } from './scoring/bm25f.js';
import type { createIndex } from './engine.js';

/** Default number of results returned by `search`. */
export const DEFAULT_LIMIT = 10;
/**
 * Default weight of exact-form matches relative to stem matches (see {@link IndexOptions.exactBoost}).
 */
export const DEFAULT_EXACT_BOOST = 0.5;
/** Default cap on the terms one query word expands to, by prefix and again by typo (`maxExpansions`). */
export const DEFAULT_MAX_EXPANSIONS = 50;
/**
 * Default most UTF-16 code units of one indexed field value (`maxFieldLength`): about 0.3 s of
 * indexing, and about 2 MB of memory while a document is analyzed.
 */
export const DEFAULT_MAX_FIELD_LENGTH = 1_000_000;
/** Default most query words (a phrase counts once) one search looks up (`maxQueryTerms`). */
export const DEFAULT_MAX_QUERY_TERMS = 32;
/** Default most UTF-16 code units of query text one search reads (`maxQueryLength`): about 70 Arabic words. */
export const DEFAULT_MAX_QUERY_LENGTH = 512;
/** Default share of removed documents that triggers an automatic vacuum. */
export const DEFAULT_VACUUM_THRESHOLD = 0.25;
/** Positions left empty between the items of an array-valued field, so phrases never span two items. */
export const ARRAY_ITEM_GAP = 100;
/** Most fields an index may have. */
export const MAX_FIELD_COUNT = 30;

/**
 * A document field value the index accepts: a string, a finite number (indexed as its decimal
 * text), an array of those (one field, items separated by {@link ARRAY_ITEM_GAP} positions;
 * `null`/`undefined` items are skipped), or `null`/`undefined` (the field is skipped).
 */
export type FieldValue = string | number | readonly (string | number | null | undefined)[] | null | undefined;

/** The string keys of `Doc` (any string for an index-signature type). */
export type FieldKey<Doc> = string extends keyof Doc ? string : Extract<keyof Doc, string>;

/** Keys of `Doc` whose values are strings or numbers: the keys that can serve as the id. */
export type IdKey<Doc> = string extends keyof Doc
  ? string
  : { [K in keyof Doc]-?: Doc[K] extends string | number ? K : never }[keyof Doc] & string;

/** `'id'` when `Doc` has a string or number `id`, else any {@link IdKey}. */
export type DefaultIdKey<Doc> = 'id' extends IdKey<Doc> ? 'id' : IdKey<Doc>;

/**
 * The stored fields returned with each result: `Pick<Doc, Stored>` when the stored keys are given
 * as a type argument, else `Partial<Doc>` (whichever fields `store` names, the others absent).
 */
export type StoredDoc<Doc, Stored extends FieldKey<Doc>> = [Stored] extends [never] ? Partial<Doc> : Pick<Doc, Stored>;

/** The keys `store` may name: `Stored` when given as a type argument, else any field key. */
export type StoredKey<Doc, Stored extends FieldKey<Doc>> = [Stored] extends [never] ? FieldKey<Doc> : Stored;

/** The type of a document's id. */
export type DocId<Doc, Id extends IdKey<Doc>> = string extends keyof Doc
  ? string | number
  : Doc[Id] extends string | number
    ? Doc[Id]
    : string | number;

/** Options of one indexed field. */
export interface FieldOptions {
  /** Weight of a match in this field (BM25F `w_f`), finite and ≥ 0. Default 1. */
  boost?: number;
  /** Length normalization of this field, in [0, 1]. Default: the index's {@link IndexOptions.b}. */
  b?: number;
  /**
   * Analysis of this field (and of the query when searching it). Default: the index's
   * {@link IndexOptions.analyzer}.
   */
  analyzer?: AnalyzerOptions;
}

/** The fields to index: an object of field options, or a list of field names (all defaults). */
export type FieldsOption<Doc> =
  | { readonly [K in FieldKey<Doc>]?: FieldOptions }
  | readonly FieldKey<Doc>[];

/** Options of {@link createIndex}. */
export interface IndexOptions<Doc, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>> {
  /**
   * The field holding each document's unique id (a non-empty string or a finite number). Here and
   * in `fields` and `store`, names every object inherits (`constructor`, `toString`, `__proto__` …)
   * are refused with `INVALID_OPTION`.
   */
  id: Id;
  /** The fields to index, at least one, at most {@link MAX_FIELD_COUNT}. */
  fields: FieldsOption<Doc>;
  /**
   * Fields kept with each document and returned with results (`doc`), usable in `filter` and
   * `facets`. Need not be indexed. Default: none.
   */
  store?: readonly StoredKey<Doc, Stored>[];
  /** Analysis of every field (a field's own `analyzer` overrides it). Default: the default chain. */
  analyzer?: AnalyzerOptions;
  /** BM25 term-frequency saturation, finite and ≥ 0. Default {@link DEFAULT_K1} (1.2). */
  k1?: number;
  /** BM25 length normalization of every field, in [0, 1]. Default {@link DEFAULT_B} (0.75). */
  b?: number;
  /**
   * Weight of a match on a word's exact form (its normalized spelling without proclitics)
   * added to the match on its stem, finite and ≥ 0. 0 ranks all forms of a stem alike.
   * Default {@link DEFAULT_EXACT_BOOST} (0.5).
   */
  exactBoost?: number;
  /**
   * Share of removed documents (removed / (live + removed)) at which `remove` and `update` vacuum
   * the index automatically, in (0, 1]; `false` never vacuums automatically. Default
   * {@link DEFAULT_VACUUM_THRESHOLD} (0.25).
   */
  vacuumThreshold?: number | false;
  /**
   * Most UTF-16 code units of one indexed field value (an array's items counted together; a
   * number as its decimal text), an integer ≥ 1 or `Infinity`. A longer value makes `add` and
   * `update` throw `FIELD_TOO_LONG` naming the field and the id, and leaves the index unchanged, so
   * one document cannot block the page for seconds. Stored-only fields are not limited.
   * Default {@link DEFAULT_MAX_FIELD_LENGTH} (1,000,000).
   */
  maxFieldLength?: number;
  /**
   * Keep the recently compiled queries and query words (their spelling and clitic variants, split
   * and joined spellings, prefix and typo expansions) for reuse until the indexed documents
   * change: a query typed again, paged or refined skips parsing, analysis and the dictionary
   * lookups. Results are the same either way.
   * Default `true`; `false` compiles every query afresh (what a query costs the first time it is
   * seen: the benchmarks measure that). An index loaded with `loadIndex` uses the default.
   */
  queryCache?: boolean;
}

/**
 * A preset for news articles `{ id, title, category, body }`: title boost 3, category 2, body 1.
 *
 * ```ts
 * const index = createIndex<Article, 'title' | 'category'>({ ...articlePreset, store: ['title', 'category'] });
 * ```
 */
export const articlePreset = {
  id: 'id',
  fields: { title: { boost: 3 }, category: { boost: 2 }, body: { boost: 1 } },
} as const;

/** A value a `filter` compares stored fields with. */
export type FilterValue = string | number | boolean | null;

/**
 * Keeps the results whose stored fields match. An object: for each named stored field, the value
 * must equal the given value, or one of the given values when a list is given (for an
 * array-valued field, any item may match); all named fields must match. A function: called with
 * each matching document's stored fields, keeps it when it returns true.
 */
export type Filter<Stored> = { readonly [K in keyof Stored]?: FilterValue | readonly FilterValue[] } | ((doc: Stored) => boolean);

/** Options of `search`. */
export interface SearchOptions<Doc, Stored extends FieldKey<Doc> = never, Facet extends string = never> {
  /** Most results to return, an integer ≥ 0. Default {@link DEFAULT_LIMIT} (10). */
  limit?: number;
  /** Results to skip first (for paging), an integer ≥ 0. Default 0. */
  offset?: number;
  /** Search only these indexed fields. Default: all. */
  fields?: readonly FieldKey<Doc>[];
  /** Multiply fields' boosts at query time, each finite and ≥ 0. */
  boost?: { readonly [K in FieldKey<Doc>]?: number };
  /** Keep only results whose stored fields match; the fields named must be stored. */
  filter?: Filter<StoredDoc<Doc, Stored>>;
  /**
   * `'or'` (default): documents matching any query word, those matching more distinct words
   * first, then by score. `'and'`: only documents matching every word.
   */
  combine?: 'or' | 'and';
  /** Count the values of these stored fields over all matching documents (not just the page). */
  facets?: readonly Facet[];
  /**
   * Prefix search: `true` completes every query word, `'last'` only the last one when the query
   * does not end with a space (search as you type). A word then also matches the words that
   * start with it (after its proclitics: `كتا` finds `والكتاب`), ranked below exact matches, at
   * most `maxExpansions` of them, the most frequent first. Default `false`. See docs/queries.md.
   */
  prefix?: boolean | 'last';
  /**
   * Typo tolerance: a word also matches the words within this many edits, Arabic-aware (ه/ة,
   * hamza seats, ض/ظ … cost half an edit); `'auto'`: 0 edits up to 3 letters, 1 up to 7, then 2.
   * A number in [0, 3] (halves count). Default `'unknown'`: the `'auto'` edits, but only for a
   * query word that finds nothing otherwise (no document holds its stem, and neither a hamza
   * spelling, a clitic variant, a completion nor a split spelling matched), so a typo that makes
   * an unknown word is corrected and every word the index knows is matched as typed. `false` or
   * 0: no typo tolerance at all. Ranked below exact and prefix matches, at most `maxExpansions`
   * per word.
   */
  fuzzy?: number | 'auto' | 'unknown' | false;
  /** Most terms one query word expands to, by prefix and again by typo, an integer in [1, 1000]. Default 50. */
  maxExpansions?: number;
  /**
   * Look up other written forms of each query word: the hamza spellings of a word the index does
   * not know (رييس → رءيس), the word with a bare proclitic و ف ب ل ك added or removed when the
   * index shows it is one (قال ↔ وقال, ومصر ↔ مصر; see docs/analysis.md), and split or joined
   * spellings: a word also as two words the index holds side by side (فيسبوك ↔ "فيس بوك"), two
   * adjacent words also as the one word they make (وست هام ↔ وستهام), when both spellings are
   * comparably common (see docs/queries.md). They score below the word's own forms. Default
   * `true`; `false` matches the analyzed words only.
   */
  variants?: boolean;
  /**
   * Most query words one search looks up and expands, an integer in [1, 1024]: each word counts
   * (repeated ones and those inside an `OR` group too; stopwords do not), a phrase counts once.
   * The rest of the query, in query order, is ignored, before any prefix or typo expansion, so a
   * pasted page costs no more than a long question: a search reads at most
   * `maxQueryTerms × (2 + 2 × maxExpansions)` postings lists. Default
   * {@link DEFAULT_MAX_QUERY_TERMS} (32).
   */
  maxQueryTerms?: number;
  /**
   * Most UTF-16 code units of query text read, an integer in [1, 65536]: a longer query is cut at
   * the last whitespace before the limit (or at the limit, never inside a surrogate pair) before
   * it is parsed, so the cost of parsing and expanding it is bounded too.
   * Default {@link DEFAULT_MAX_QUERY_LENGTH} (512).
   */
  maxQueryLength?: number;
  /**
   * Add `highlights` to each result: for each highlighted field, the ranges of the matched words
   * in the stored text. `true`: every stored, indexed and searched field; `{ fields }`: those
   * (each must be stored and indexed). Default `false`.
   */
  highlight?: boolean | { readonly fields?: readonly StoredKey<Doc, Stored>[] };
}

/** Index options after validation, with every default filled in. */
export interface ResolvedIndexOptions {
  /** The id field. */
  readonly idField: string;
  /** Indexed field names, in field-number order. */
  readonly fields: readonly string[];
  /** Per-field boost. */
  readonly boosts: Float64Array;
  /** Per-field b. */
  readonly bs: Float64Array;
  /** Per-field analyzer options. */
  readonly analyzers: readonly AnalyzerOptions[];
  /** Stored field names. */
  readonly store: readonly string[];
  /** BM25 k1. */
  readonly k1: number;
  /** Exact-form weight. */
  readonly exactBoost: number;
  /** Auto-vacuum threshold, or Infinity for never. */
  readonly vacuumThreshold: number;
  /** Longest indexed field value, in UTF-16 code units (Infinity: no limit). */
  readonly maxFieldLength: number;
  /** Whether compiled queries and query words are kept for reuse. */
  readonly queryCache: boolean;
}

/** Search options after validation. */
export interface ResolvedSearchOptions {
  /** Results wanted. */
  readonly limit: number;
  /** Results skipped. */
  readonly offset: number;
  /** Per-field weight: boost × query boost, 0 for fields not searched. */
  readonly weights: Float64Array;
  /** The filter as given, or undefined. */
  readonly filter: Filter<Record<string, unknown>> | undefined;
  /** Combination mode. */
  readonly combine: 'or' | 'and';
  /** Facet fields. */
  readonly facets: readonly string[];
  /** Prefix mode. */
  readonly prefix: boolean | 'last';
  /** Fuzzy edits (0: off), `'auto'`, or `'unknown'` (`'auto'` for words nothing else matched). */
  readonly fuzzy: number | 'auto' | 'unknown';
  /** Expansion cap per word and kind. */
  readonly maxExpansions: number;
  /** Whether spelling and clitic variants are looked up. */
  readonly variants: boolean;
  /** Most clauses run. */
  readonly maxQueryTerms: number;
  /** Most query code units read. */
  readonly maxQueryLength: number;
  /** Field numbers to highlight; undefined: no highlights. */
  readonly highlight: readonly number[] | undefined;
}

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function invalid(option: string, message: string): FahrasError {
  return new FahrasError('INVALID_OPTION', `Option ${option} ${message}`, { option });
}

/** Throw UNKNOWN_OPTION for any own key of `o` not in `known`. */
export function checkKnownKeys(o: Plain, known: readonly string[], where: string): void {
  for (const key of Object.keys(o)) {
    if (o[key] === undefined) continue;
    if (!known.includes(key)) {
      const name = where ? `${where}.${key}` : key;
      throw new FahrasError('UNKNOWN_OPTION', `Unknown option ${name} (known: ${known.join(', ')})`, { option: name });
    }
  }
}

/** A finite number in [min, max] or undefined; else INVALID_OPTION. */
export function checkNumber(value: unknown, option: string, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw invalid(option, `must be ${integer ? 'an integer' : 'a finite number'} ${range}, got ${describe(value)}`);
  }
  return value;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : typeof v;
}

const INDEX_OPTIONS = ['id', 'fields', 'store', 'analyzer', 'k1', 'b', 'exactBoost', 'vacuumThreshold', 'maxFieldLength', 'queryCache'] as const;
const FIELD_OPTIONS = ['boost', 'b', 'analyzer'] as const;
/** Known `search` option names; the query-feature modules extend this list. */
export const SEARCH_OPTIONS: readonly string[] = ['limit', 'offset', 'fields', 'boost', 'filter', 'combine', 'facets', 'prefix', 'fuzzy', 'maxExpansions', 'variants', 'maxQueryTerms', 'maxQueryLength', 'highlight'];

function checkAnalyzerOptions(value: unknown, option: string): AnalyzerOptions | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid(option, `must be an object of analyzer options, got ${describe(value)}`);
  return value as AnalyzerOptions;
}

function checkStringList(value: unknown, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw invalid(option, `must be an array of field names, got ${describe(value)}`);
  }
  return value as string[];
}

/**
 * Names every object inherits (`constructor`, `toString`, `__proto__` …): as the id, an indexed or
 * a stored field they would read the inherited member from documents that lack them (every add
 * would fail) and `__proto__` cannot be stored, so `createIndex` refuses them.
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function checkOwnName(name: string, option: string): void {
  if (INHERITED_NAMES.has(name)) throw invalid(option, `names ${JSON.stringify(name)}, which every JavaScript object inherits; rename that field`);
}

/** Validate the options of `createIndex` and fill in defaults. */
export function resolveIndexOptions(options: unknown): ResolvedIndexOptions {
  if (!isPlainObject(options)) throw new FahrasError('INVALID_OPTION', 'createIndex needs an options object { id, fields, … }');
  checkKnownKeys(options, INDEX_OPTIONS, '');
  const idField = options.id;
  if (typeof idField !== 'string' || idField === '') throw invalid('id', `must name the id field, got ${describe(idField)}`);
  checkOwnName(idField, 'id');
  const k1 = checkNumber(options.k1, 'k1', 0, Infinity) ?? DEFAULT_K1;
  const b = checkNumber(options.b, 'b', 0, 1) ?? DEFAULT_B;
  const exactBoost = checkNumber(options.exactBoost, 'exactBoost', 0, Infinity) ?? DEFAULT_EXACT_BOOST;
  const analyzer = checkAnalyzerOptions(options.analyzer, 'analyzer') ?? {};
  let vacuumThreshold = DEFAULT_VACUUM_THRESHOLD;
  if (options.vacuumThreshold === false) vacuumThreshold = Infinity;
  else {
    const t = checkNumber(options.vacuumThreshold, 'vacuumThreshold', 0, 1);
    if (t === 0) throw invalid('vacuumThreshold', 'must be in (0, 1] or false, got 0');
    if (t !== undefined) vacuumThreshold = t;
  }

  const fieldsOption = options.fields;
  let entries: [string, unknown][];
  if (Array.isArray(fieldsOption)) {
    entries = (checkStringList(fieldsOption, 'fields') ?? []).map((f) => [f, {}]);
  } else if (isPlainObject(fieldsOption)) {
    entries = Object.entries(fieldsOption).filter(([, v]) => v !== undefined);
  } else {
    throw invalid('fields', `must be an object of field options or an array of field names, got ${describe(fieldsOption)}`);
  }
  if (entries.length === 0) throw invalid('fields', 'must name at least one field');
  if (entries.length > MAX_FIELD_COUNT) throw invalid('fields', `may name at most ${MAX_FIELD_COUNT} fields, got ${entries.length}`);
  const names = entries.map(([f]) => f);
  for (const name of names) checkOwnName(name, 'fields');
  if (new Set(names).size !== names.length) throw invalid('fields', 'names a field twice');
  const boosts = new Float64Array(entries.length);
  const bs = new Float64Array(entries.length);
  const analyzers: AnalyzerOptions[] = [];
  entries.forEach(([name, value], f) => {
    const where = `fields.${name}`;
    if (!isPlainObject(value)) throw invalid(where, `must be an object of field options, got ${describe(value)}`);
    checkKnownKeys(value, FIELD_OPTIONS, where);
    boosts[f] = checkNumber(value.boost, `${where}.boost`, 0, Infinity) ?? 1;
    bs[f] = checkNumber(value.b, `${where}.b`, 0, 1) ?? b;
    analyzers.push(checkAnalyzerOptions(value.analyzer, `${where}.analyzer`) ?? analyzer);
  });
  const store = checkStringList(options.store, 'store') ?? [];
  for (const name of store) checkOwnName(name, 'store');
  const maxFieldLength = options.maxFieldLength === Infinity ? Infinity : (checkNumber(options.maxFieldLength, 'maxFieldLength', 1, Infinity, true) ?? DEFAULT_MAX_FIELD_LENGTH);
  const queryCache = options.queryCache ?? true;
  if (typeof queryCache !== 'boolean') throw invalid('queryCache', `must be a boolean, got ${describe(queryCache)}`);
  return { idField, fields: names, boosts, bs, analyzers, store: [...new Set(store)], k1, exactBoost, vacuumThreshold, maxFieldLength, queryCache };
}

/** Validate the options of `search` against the index's resolved options. */
export function resolveSearchOptions(options: unknown, index: ResolvedIndexOptions): ResolvedSearchOptions {
  if (options === undefined) options = {};
  if (!isPlainObject(options)) throw invalid('(search options)', `must be an object, got ${describe(options)}`);
  checkKnownKeys(options, SEARCH_OPTIONS, '');
  const limit = checkNumber(options.limit, 'limit', 0, Infinity, true) ?? DEFAULT_LIMIT;
  const offset = checkNumber(options.offset, 'offset', 0, Infinity, true) ?? 0;
  const weights = Float64Array.from(index.boosts);
  const fields = checkStringList(options.fields, 'fields');
  if (fields !== undefined) {
    const wanted = new Set<number>();
    for (const name of fields) {
      const f = index.fields.indexOf(name);
      if (f < 0) throw invalid('fields', `names ${JSON.stringify(name)}, which is not an indexed field (${index.fields.join(', ')})`);
      wanted.add(f);
    }
    for (let f = 0; f < weights.length; f++) if (!wanted.has(f)) weights[f] = 0;
  }
  const boost = options.boost;
  if (boost !== undefined) {
    if (!isPlainObject(boost)) throw invalid('boost', `must be an object of field → number, got ${describe(boost)}`);
    for (const [name, value] of Object.entries(boost)) {
      if (value === undefined) continue;
      const f = index.fields.indexOf(name);
      if (f < 0) throw invalid('boost', `names ${JSON.stringify(name)}, which is not an indexed field (${index.fields.join(', ')})`);
      weights[f] = weights[f]! * checkNumber(value, `boost.${name}`, 0, Infinity)!;
    }
  }
  const combine = options.combine ?? 'or';
  if (combine !== 'or' && combine !== 'and') throw invalid('combine', `must be 'or' or 'and', got ${describe(combine)}`);
  const filter = options.filter;
  if (filter !== undefined) {
    if (typeof filter === 'function') {
      // A predicate over the stored fields.
    } else if (isPlainObject(filter)) {
      for (const [name, value] of Object.entries(filter)) {
        if (!index.store.includes(name)) throw invalid('filter', `names ${JSON.stringify(name)}, which is not a stored field (store: ${index.store.join(', ') || 'none'})`);
        const values = Array.isArray(value) ? (value as unknown[]) : [value];
        for (const v of values) {
          if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
            throw invalid(`filter.${name}`, `must be a string, number, boolean, null or a list of them, got ${describe(v)}`);
          }
        }
      }
    } else {
      throw invalid('filter', `must be an object of stored field → value(s) or a function, got ${describe(filter)}`);
    }
  }
  const facets = checkStringList(options.facets, 'facets') ?? [];
  for (const name of facets) {
    if (!index.store.includes(name)) throw invalid('facets', `names ${JSON.stringify(name)}, which is not a stored field (store: ${index.store.join(', ') || 'none'})`);
  }
  const prefix = options.prefix ?? false;
  if (prefix !== true && prefix !== false && prefix !== 'last') throw invalid('prefix', `must be true, false or 'last', got ${describe(prefix)}`);
  if (typeof options.fuzzy === 'string' && options.fuzzy !== 'auto' && options.fuzzy !== 'unknown') {
    throw invalid('fuzzy', `must be a number in [0, 3], 'auto', 'unknown' or false, got ${describe(options.fuzzy)}`);
  }
  const fuzzy = options.fuzzy === 'auto' || options.fuzzy === 'unknown' ? options.fuzzy : options.fuzzy === false ? 0 : (checkNumber(options.fuzzy, 'fuzzy', 0, 3) ?? 'unknown');
  const maxExpansions = checkNumber(options.maxExpansions, 'maxExpansions', 1, 1000, true) ?? DEFAULT_MAX_EXPANSIONS;
  const variants = options.variants ?? true;
  if (typeof variants !== 'boolean') throw invalid('variants', `must be a boolean, got ${describe(variants)}`);
  const maxQueryTerms = checkNumber(options.maxQueryTerms, 'maxQueryTerms', 1, 1024, true) ?? DEFAULT_MAX_QUERY_TERMS;
  const maxQueryLength = checkNumber(options.maxQueryLength, 'maxQueryLength', 1, 65536, true) ?? DEFAULT_MAX_QUERY_LENGTH;
  let highlight: number[] | undefined;
  const h = options.highlight;
  if (h === true) highlight = index.fields.flatMap((name, f) => (index.store.includes(name) && weights[f]! > 0 ? [f] : []));
  else if (isPlainObject(h)) {
    checkKnownKeys(h, ['fields'], 'highlight');
    const names = checkStringList(h.fields, 'highlight.fields') ?? index.store.filter((name) => index.fields.includes(name));
    highlight = names.map((name) => {
      const f = index.fields.indexOf(name);
      if (!index.store.includes(name) || f < 0) throw invalid('highlight.fields', `names ${JSON.stringify(name)}, which is not ${f < 0 ? 'an indexed' : 'a stored'} field: only stored, indexed fields can be highlighted`);
      return f;
    });
  } else if (h !== undefined && h !== false) throw invalid('highlight', `must be a boolean or { fields }, got ${describe(h)}`);
  return { limit, offset, weights, filter: filter as Filter<Record<string, unknown>> | undefined, combine, facets, prefix, fuzzy, maxExpansions, variants, maxQueryTerms, maxQueryLength, highlight };
}
