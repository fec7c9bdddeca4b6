/**
 * The metadata section of a saved index: the index options and the analysis configuration the
 * index was built with, as JSON text, plus the section counts. Written from the engine's resolved
 * options; read back with every value checked, then turned into `createIndex` options again,
 * with the caller's analyzers where the index used custom stemmers or filters (functions, which
 * no file can hold).
 *
 * ```ts
 * const meta = metadataOf(internals, counts);       // export
 * const info = parseMetadata(json, at);            // load: throws CORRUPT_INDEX when malformed
 * const options = indexOptionsFor(info, { analyzer: { stem: myStemmer } });
 * ```
 * @module
 */
import { ANALYSIS_VERSION, createAnalyzer } from '../analysis/analyzer.js';
import type { AnalyzerConfig, AnalyzerOptions } from '../analysis/analyzer.js';
import { NORMALIZE_RULES } from '../analysis/normalize.js';
import type { ResolvedNormalizeOptions } from '../analysis/normalize.js';
import { FahrasError } from '../errors.js';
import { DEFAULT_MAX_FIELD_LENGTH, MAX_FIELD_COUNT } from '../options.js';
import { corrupt } from './bytes.js';
import type { IndexView } from './internals.js';

/** One indexed field of a saved index. */
export interface SavedField {
  /** The field name. */
  readonly name: string;
  /** Its boost (BM25F weight). */
  readonly boost: number;
  /** Its BM25 length normalization. */
  readonly b: number;
  /** Index of its analysis configuration in {@link SavedMetadata.analyzers}. */
  readonly analyzer: number;
}

/** The metadata of a saved index. */
export interface SavedMetadata {
  /** The id field. */
  readonly id: string;
  /** The indexed fields, in field order. */
  readonly fields: readonly SavedField[];
  /** The stored fields. */
  readonly store: readonly string[];
  /** BM25 k1. */
  readonly k1: number;
  /** Weight of exact-form matches. */
  readonly exactBoost: number;
  /** Automatic vacuum threshold, or `false` for never. */
  readonly vacuumThreshold: number | false;
  /**
   * Longest accepted field value (`maxFieldLength`), or `false` for no limit. Indexes saved before
   * this entry existed load with the default.
   */
  readonly maxFieldLength: number | false;
  /** The distinct analysis configurations (fields with equal analysis share one). */
  readonly analyzers: readonly AnalyzerConfig[];
  /** Number of documents. */
  readonly documents: number;
  /** Number of terms in the saved dictionary. */
  readonly terms: number;
  /** Number of those terms that are stems (the first `stems` terms). */
  readonly stems: number;
}

/** Options of `loadIndex`: the analyzers to use again where the saved index needs them. */
export interface LoadIndexOptions {
  /**
   * The analyzer options the index was created with (its `analyzer` option). Needed when the
   * index used a custom stemmer or filters: pass the same functions again. Checked against the
   * saved configuration of each field it applies to. Default: the saved configuration.
   */
  analyzer?: AnalyzerOptions;
  /** Per-field analyzer options, as in `createIndex`'s `fields` (each overrides `analyzer`). */
  fields?: { readonly [field: string]: { readonly analyzer?: AnalyzerOptions } | undefined };
  /**
   * The loaded index's `queryCache` option, as in `createIndex` (not saved: it changes no result).
   * Default true.
   */
  queryCache?: boolean;
}

/** The metadata of the index behind `internals`. */
export function metadataOf(internals: IndexView, counts: { documents: number; terms: number; stems: number }): SavedMetadata {
  const o = internals.options;
  return {
    id: o.idField,
    fields: o.fields.map((name, f) => ({ name, boost: o.boosts[f]!, b: o.bs[f]!, analyzer: internals.fieldAnalyzers[f]! })),
    store: [...o.store],
    k1: o.k1,
    exactBoost: o.exactBoost,
    vacuumThreshold: o.vacuumThreshold === Infinity ? false : o.vacuumThreshold,
    maxFieldLength: o.maxFieldLength === Infinity ? false : o.maxFieldLength,
    analyzers: internals.analyzers.map((a) => a.config),
    ...counts,
  };
}

// ── Reading ────────────────────────────────────────────────────────────────

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const META_KEYS = ['id', 'fields', 'store', 'k1', 'exactBoost', 'vacuumThreshold', 'maxFieldLength', 'analyzers', 'documents', 'terms', 'stems'];
const FIELD_KEYS = ['name', 'boost', 'b', 'analyzer'];
const CONFIG_KEYS = ['analysisVersion', 'normalize', 'stopwords', 'stem', 'customStemmer', 'filterNames', 'cacheSize'];

/**
 * Parse and check the metadata JSON. Throws CORRUPT_INDEX for anything malformed (`at` is the
 * section's byte offset, for the message) and UNSUPPORTED_VERSION when the index was analyzed by
 * another version of the built-in analysis.
 */
export function parseMetadata(json: string, at: number): SavedMetadata {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return corrupt('the metadata is not valid JSON', at);
  }
  const bad = (what: string): never => corrupt(`metadata: ${what}`, at);
  const keys = (o: Plain, known: readonly string[], where: string): void => {
    for (const k of Object.keys(o)) if (!known.includes(k)) bad(`unknown key ${JSON.stringify(k)} in ${where}`);
    for (const k of known) if (!(k in o)) bad(`missing ${where}.${k}`);
  };
  const count = (v: unknown, name: string): number => (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 0x7fffffff ? (v as number) : bad(`${name} is not a count`));
  const num = (v: unknown, name: string, max: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : bad(`${name} is out of range`));
  const name = (v: unknown, what: string): string => (typeof v === 'string' && v !== '' ? v : bad(`${what} is not a name`));

  if (!isPlain(value)) return bad('not an object');
  keys(value, META_KEYS, 'metadata');
  if (!Array.isArray(value.analyzers) || value.analyzers.length === 0) return bad('analyzers is not a non-empty list');
  const analyzers = value.analyzers.map((c, i) => parseConfig(c, `analyzers[${i}]`, bad));
  if (!Array.isArray(value.fields) || value.fields.length === 0 || value.fields.length > MAX_FIELD_COUNT) return bad('fields is not a list of 1 to 30 fields');
  const fields = value.fields.map((f: unknown, i): SavedField => {
    if (!isPlain(f)) return bad(`fields[${i}] is not an object`);
    keys(f, FIELD_KEYS, `fields[${i}]`);
    const analyzer = count(f.analyzer, `fields[${i}].analyzer`);
    if (analyzer >= analyzers.length) bad(`fields[${i}].analyzer is out of range`);
    return { name: name(f.name, `fields[${i}].name`), boost: num(f.boost, `fields[${i}].boost`, Infinity), b: num(f.b, `fields[${i}].b`, 1), analyzer };
  });
  if (new Set(fields.map((f) => f.name)).size !== fields.length) bad('a field is named twice');
  if (!Array.isArray(value.store)) return bad('store is not a list');
  const store = value.store.map((s: unknown, i) => name(s, `store[${i}]`));
  const vt = value.vacuumThreshold;
  const vacuumThreshold = vt === false ? false : num(vt, 'vacuumThreshold', 1);
  if (vacuumThreshold === 0) bad('vacuumThreshold is 0');
  const mf = value.maxFieldLength;
  const maxFieldLength = mf === undefined ? DEFAULT_MAX_FIELD_LENGTH : mf === false ? false : num(mf, 'maxFieldLength', Number.MAX_SAFE_INTEGER);
  if (maxFieldLength !== false && (maxFieldLength < 1 || !Number.isInteger(maxFieldLength))) bad('maxFieldLength is not a positive integer');
  const documents = count(value.documents, 'documents');
  const terms = count(value.terms, 'terms');
  const stems = count(value.stems, 'stems');
  if (stems > terms) bad('more stems than terms');
  return {
    id: name(value.id, 'id'),
    fields,
    store,
    k1: num(value.k1, 'k1', Infinity),
    exactBoost: num(value.exactBoost, 'exactBoost', Infinity),
    vacuumThreshold,
    maxFieldLength,
    analyzers,
    documents,
    terms,
    stems,
  };
}

function parseConfig(c: unknown, where: string, bad: (what: string) => never): AnalyzerConfig {
  if (!isPlain(c)) return bad(`${where} is not an object`);
  if (typeof c.analysisVersion === 'number' && c.analysisVersion !== ANALYSIS_VERSION && Number.isSafeInteger(c.analysisVersion) && c.analysisVersion > 0) {
    throw new FahrasError(
      'UNSUPPORTED_VERSION',
      `Saved index was analyzed with analysis version ${c.analysisVersion}; this version of fahras analyzes with version ${ANALYSIS_VERSION}, so its queries would not match the saved terms: rebuild the index from the documents`,
    );
  }
  for (const k of Object.keys(c)) if (!CONFIG_KEYS.includes(k)) bad(`unknown key ${JSON.stringify(k)} in ${where}`);
  if (c.analysisVersion !== ANALYSIS_VERSION) bad(`${where}.analysisVersion is invalid`);
  const n = c.normalize;
  if (!isPlain(n) || Object.keys(n).length !== NORMALIZE_RULES.length || !NORMALIZE_RULES.every((r) => typeof n[r] === 'boolean')) bad(`${where}.normalize is invalid`);
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!strings(c.stopwords)) return bad(`${where}.stopwords is invalid`);
  if (!strings(c.filterNames)) return bad(`${where}.filterNames is invalid`);
  if (typeof c.stem !== 'boolean' || typeof c.customStemmer !== 'boolean' || (c.customStemmer && !c.stem)) bad(`${where}.stem is invalid`);
  if (!Number.isSafeInteger(c.cacheSize) || (c.cacheSize as number) < 0 || (c.cacheSize as number) > 0x7fffffff) bad(`${where}.cacheSize is invalid`);
  return {
    analysisVersion: ANALYSIS_VERSION,
    normalize: n as ResolvedNormalizeOptions,
    stopwords: c.stopwords,
    stem: c.stem as boolean,
    customStemmer: c.customStemmer as boolean,
    filterNames: c.filterNames,
    cacheSize: c.cacheSize as number,
  };
}

// ── Rebuilding the index options ────────────────────────────────────────────

/** Whether `config` names functions (a custom stemmer or filters) a file cannot hold. */
function needsFunctions(config: AnalyzerConfig): boolean {
  return config.customStemmer || config.filterNames.length > 0;
}

/** How `given` (the config of the caller's analyzer) differs from `saved`, or undefined when it does not. */
export function analysisDifference(saved: AnalyzerConfig, given: AnalyzerConfig): string | undefined {
  for (const rule of NORMALIZE_RULES) if (saved.normalize[rule] !== given.normalize[rule]) return `normalization rule ${rule} is ${given.normalize[rule]}, the index used ${saved.normalize[rule]}`;
  if (saved.stopwords.length !== given.stopwords.length || saved.stopwords.some((w, i) => w !== given.stopwords[i])) return 'the stopwords differ';
  if (saved.stem !== given.stem) return `stemming is ${given.stem ? 'on' : 'off'}, the index used ${saved.stem ? 'a stemmer' : 'none'}`;
  if (saved.customStemmer !== given.customStemmer) return saved.customStemmer ? 'the index used a custom stemmer (pass it as stem)' : 'the index used the built-in stemmer, not a custom one';
  const s = saved.filterNames.join(', ');
  const g = given.filterNames.join(', ');
  if (s !== g) return `the filters are [${g}], the index used [${s}]`;
  return undefined;
}

function describeNeeds(config: AnalyzerConfig): string {
  const parts: string[] = [];
  if (config.customStemmer) parts.push('a custom stemmer');
  if (config.filterNames.length > 0) parts.push(`filters [${config.filterNames.join(', ')}]`);
  return parts.join(' and ');
}

/**
 * The `createIndex` options of a saved index: its fields, boosts, stored fields and BM25
 * parameters, each field analyzed as saved. Where the caller passes analyzer options they must
 * give the saved configuration (else INVALID_OPTION saying what differs); where the saved
 * configuration names functions, the caller must pass them (else INVALID_OPTION).
 */
export function indexOptionsFor(meta: SavedMetadata, load: LoadIndexOptions): Record<string, unknown> {
  const groupOptions: (AnalyzerOptions | undefined)[] = meta.analyzers.map(() => undefined);
  const fieldOptions: AnalyzerOptions[] = [];
  const check = (given: AnalyzerOptions, saved: AnalyzerConfig, where: string): string | undefined => {
    const difference = analysisDifference(saved, createAnalyzer(given).config);
    return difference === undefined ? undefined : `${where} does not match the saved index: ${difference}`;
  };
  const perField = load.fields ?? {};
  for (const field of meta.fields) {
    const saved = meta.analyzers[field.analyzer]!;
    const own = perField[field.name]?.analyzer;
    if (own !== undefined) {
      const why = check(own, saved, `Option fields.${field.name}.analyzer`);
      if (why !== undefined) throw new FahrasError('INVALID_OPTION', why, { option: `fields.${field.name}.analyzer` });
      fieldOptions.push(own);
      continue;
    }
    let chosen = groupOptions[field.analyzer];
    if (chosen === undefined) {
      let why: string | undefined;
      if (load.analyzer !== undefined) why = check(load.analyzer, saved, 'Option analyzer');
      if (load.analyzer !== undefined && why === undefined) chosen = load.analyzer;
      else if (!needsFunctions(saved)) chosen = { ...saved };
      else {
        throw new FahrasError(
          'INVALID_OPTION',
          `The saved index analyzes field ${field.name} with ${describeNeeds(saved)}, which a saved index cannot hold: pass the same analyzer options again, e.g. loadIndex(bytes, { analyzer: { stem, filters } })${why === undefined ? '' : ` (${why})`}`,
          { option: 'analyzer' },
        );
      }
      groupOptions[field.analyzer] = chosen;
    }
    fieldOptions.push(chosen);
  }
  for (const name of Object.keys(perField)) {
    if (perField[name] !== undefined && !meta.fields.some((f) => f.name === name)) {
      throw new FahrasError('INVALID_OPTION', `Option fields names ${JSON.stringify(name)}, which is not a field of the saved index (${meta.fields.map((f) => f.name).join(', ')})`, { option: `fields.${name}` });
    }
  }
  const fields: Record<string, unknown> = {};
  meta.fields.forEach((f, i) => {
    fields[f.name] = { boost: f.boost, b: f.b, analyzer: fieldOptions[i] };
  });
  const common = {
    id: meta.id,
    store: meta.store,
    k1: meta.k1,
    exactBoost: meta.exactBoost,
    vacuumThreshold: meta.vacuumThreshold,
    maxFieldLength: meta.maxFieldLength === false ? Infinity : meta.maxFieldLength,
    ...(load.queryCache !== undefined && { queryCache: load.queryCache }),
  };
  const names = meta.fields.map((f) => f.name);
  if (Object.keys(fields).every((k, i) => k === names[i])) return { ...common, fields };
  // Integer-like field names come first in an object whatever their order: the index was made
  // from a list of names (all fields with default options), so rebuild it from the list.
  const first = meta.fields[0]!;
  if (meta.fields.some((f, i) => f.boost !== 1 || f.b !== first.b || fieldOptions[i] !== fieldOptions[0])) {
    return corrupt('field order cannot be reproduced', 0);
  }
  return { ...common, fields: names, b: first.b, analyzer: fieldOptions[0] };
}
