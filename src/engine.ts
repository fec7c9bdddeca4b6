/**
 * The search index facade: wires analysis (text → tokens), the index structures (terms,
 * postings, documents), BM25F scoring and query execution behind one typed object.
 *
 * ```ts
 * import { createIndex, articlePreset } from 'fahras';
 * interface Article { id: string; title: string; category: string; body: string }
 * const index = createIndex<Article, 'title' | 'category'>({ ...articlePreset, store: ['title', 'category'] });
 * index.addAll(articles);
 * const hits = index.search('الانتخابات البلدية', { limit: 10, filter: { category: 'سياسة' } });
 * hits[0]?.doc.title;
 * ```
 * @module
 */
import { createAnalyzer } from './analysis/analyzer.js';
import type { Analyzer, AnalyzerOptions, TokenSink } from './analysis/analyzer.js';
import { FahrasError } from './errors.js';
import { growInt32, growInt32Filled } from './index/arrays.js';
import { DocumentTable } from './index/documents.js';
import type { ExternalId } from './index/documents.js';
import { Channel, Postings } from './index/postings.js';
import { TermDictionary, hashString } from './index/terms.js';
import { TokenBuffer } from './index/tokens.js';
import { ARRAY_ITEM_GAP, checkKnownKeys, checkNumber, resolveIndexOptions, resolveSearchOptions } from './options.js';
import type { DefaultIdKey, DocId, FieldKey, IdKey, IndexOptions, ResolvedIndexOptions, SearchOptions, StoredDoc, StoredKey } from './options.js';
import { Searcher } from './search/execute.js';
import type { ExecutionContext } from './search/execute.js';
import { compileFilter } from './search/filter.js';
import type { AnalyzerGroup } from './search/plan.js';
import { compileQuery, createWordCache } from './search/compile.js';
import { LiveCounts } from './search/compounds.js';
import type { QueryContext } from './search/compile.js';
import { highlightStored } from './search/highlight.js';
import { PreparedQueries } from './search/prepared.js';
import { didYouMean, suggest } from './search/suggest.js';
import type { SuggestIndex, SuggestOptions, Suggestion } from './search/suggest.js';
import { TermLookup } from './index/fuzzy.js';
import type { SearchResult, SearchResults } from './search/results.js';
import { writeIndex } from './serialize/write.js';

/** Options of {@link SearchIndex.addAllAsync}. */
export interface AddAllAsyncOptions {
  /** Documents added between two yields to the event loop, an integer ≥ 1. Default 500. */
  chunkSize?: number;
  /** Called after each chunk (and once at the end) with the number of documents added so far. */
  onProgress?: (progress: AddProgress) => void;
  /**
   * Stops the run between two documents: the promise rejects with `FahrasError('ABORTED')` and
   * the documents added before stay added (each whole).
   */
  signal?: AbortSignal;
}

/** Progress of {@link SearchIndex.addAllAsync}. */
export interface AddProgress {
  /** Documents added so far. */
  readonly added: number;
  /** Documents in the input, when it is an array. */
  readonly total: number | undefined;
}

/** Size figures of an index. */
export interface IndexStats {
  /** Live documents. */
  readonly documents: number;
  /** Removed documents not yet vacuumed. */
  readonly removed: number;
  /** Distinct terms in the dictionary (stems, exact forms and cached surface forms). */
  readonly terms: number;
  /** Bytes of the postings pages (positions included). */
  readonly postingsBytes: number;
}

/**
 * @internal The parts of an index, for the saved-index module: what an exporter reads and an
 * importer fills (into a fresh index made with the same options). Not public API.
 *
 * An exporter writes: `options` (with each field analyzer's `config`), the terms in id order
 * (`terms.term(id)` for id < `terms.size`), per term and channel the bytes of `postings.gather`
 * (documents, and positions for the stem channel) with `postings.lastDoc` and
 * `postings.docFrequency`, and per internal document `docs.externalId`, `docs.storedFields`,
 * the field lengths and whether it is removed (or it calls `vacuum()` first so none is). An
 * importer interns the terms in the same order (ids come out the same), calls
 * `postings.loadTerm` and `docs.add` (then `docs.remove` for removed ones).
 */
export interface IndexInternals {
  /** The resolved options. */
  readonly options: ResolvedIndexOptions;
  /** The term dictionary. */
  readonly terms: TermDictionary;
  /** The postings. */
  readonly postings: Postings;
  /** The document table. */
  readonly docs: DocumentTable<Plain>;
  /** The analyzer of each field, in field order. */
  readonly analyzers: readonly Analyzer[];
}

/** Default chunk size of {@link SearchIndex.addAllAsync}. */
export const DEFAULT_CHUNK_SIZE = 500;

type Plain = Record<string, unknown>;

/**
 * log2 of the slots of each analyzer group's recent-words cache (16 Ki slots, about 200 KB). With
 * the analyzer's word ids, only words new to the analyzer's cache reach it (about 6% of the tokens
 * of 20,000 ANT articles); 64 Ki slots caught 68,000 of their 326,000 lookups, 16 Ki 18,000, for
 * 600 KB less.
 */
const RECENT_BITS = 14;
const RECENT_SLOTS = 1 << RECENT_BITS;

/** An analyzer with the fields it serves and its caches of term ids. */
class EngineGroup implements AnalyzerGroup {
  readonly fields: number[] = [];
  /**
   * Per surface term id (the normalized word as the analyzer gives it), the term ids of its stem
   * and of its exact form (-1: not seen yet). The analyzer's term is a pure function of the surface
   * (its contract for stemmers and filters), so one dictionary lookup per token suffices.
   */
  stemOf = new Int32Array(0);
  exactOf = new Int32Array(0);
  /**
   * A direct-mapped cache in front of the dictionary, indexed by the top bits of the surface's
   * hash: the last surface string seen in each slot and its stem and exact term ids. Frequent
   * words (most tokens of a news text) hit it and cost one hash and one string comparison.
   */
  readonly recentSurface: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
  readonly recentStem = new Int32Array(RECENT_SLOTS);
  readonly recentExact = new Int32Array(RECENT_SLOTS);
  /**
   * Per analyzer word id (the `wordId` the analyzer passes its sink), the term ids of the word's
   * stem and exact form, the surface they were found for, and the analyzer cache generation they
   * were last confirmed under plus one (the stamp, 0: empty), side by side in `wordIds` at
   * `3 * wordId`: stamp, stem, exact (one cache line). A token of a cached word costs a stamp
   * check and two reads next to it, no hashing of its surface. After the analyzer's cache drops
   * words (a new generation), an entry whose id kept its word is confirmed by its surface: the
   * analyzer hands the same string object again, so the comparison is a pointer check.
   */
  wordIds = new Int32Array(0);
  wordSurface: string[] = [];
  readonly strip: ((word: string) => string) | undefined;

  constructor(
    readonly analyzer: Analyzer,
    readonly options: AnalyzerOptions,
  ) {
    const candidate = (analyzer as { stripProclitics?: unknown }).stripProclitics;
    this.strip = typeof candidate === 'function' ? (candidate as (word: string) => string).bind(analyzer) : undefined;
  }

  /**
   * The exact form indexed for a word: the stem itself when the word is its own stem, else the
   * normalized surface without its proclitics (و ف ب ل ك ال …) when the analyzer can strip them,
   * else the normalized surface.
   */
  exactForm(term: string, surface: string): string {
    if (surface === term || this.strip === undefined) return surface;
    const form = this.strip(surface);
    return form.length > 0 ? form : surface;
  }

  /** Forget the per-surface ids (term ids change when the dictionary is compacted or cleared). */
  clearIds(): void {
    this.stemOf = new Int32Array(0);
    this.exactOf = new Int32Array(0);
    this.recentSurface.fill(undefined);
    this.wordIds.fill(0);
  }

}

function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function tooLong(field: string, id: ExternalId, length: number, max: number): FahrasError {
  return new FahrasError('FIELD_TOO_LONG', `Field ${field} of document ${String(id)} is ${length} characters long, more than maxFieldLength (${max}); raise the index option maxFieldLength or split the text`, { id, field });
}

/**
 * The query's first `max` code units, cut at the last whitespace within them when there is one
 * (so no word is split), else at `max`, moved back off a surrogate pair's first half.
 */
function clipQuery(query: string, max: number): string {
  for (let i = max; i > 0; i--) {
    const c = query.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000) return query.slice(0, i);
  }
  const c = query.charCodeAt(max - 1);
  return query.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** Whether `v` is an object `for … of` or `for await … of` can read. */
function isIterableObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * An in-memory full-text index of documents of type `Doc`.
 *
 * - `Stored`: the stored fields' keys as a type (results' `doc` is `Pick<Doc, Stored>`); when not
 *   given, `doc` is `Partial<Doc>`.
 * - `Id`: the id field's key (default `'id'` when `Doc` has one).
 *
 * Not safe for concurrent use from several threads; every method is synchronous except
 * {@link SearchIndex.addAllAsync}.
 */
export class SearchIndex<Doc extends object, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>> {
  private readonly options: ResolvedIndexOptions;
  private readonly terms = new TermDictionary();
  private readonly postings: Postings;
  private readonly docs: DocumentTable<Plain>;
  private readonly groups: EngineGroup[] = [];
  private readonly fieldGroups: EngineGroup[] = [];
  private readonly tokens: TokenBuffer;
  private readonly lengths: Int32Array;
  private readonly sink: TokenSink;
  /** Tell the sink a new text starts (its synonym detection compares with the previous token). */
  private readonly resetSink: () => void;
  private group: EngineGroup;
  private searcher = new Searcher();
  /** Counts the changes of the indexed documents (the query caches are valid for one count). */
  private generation = 0;
  private readonly prepared = new PreparedQueries();
  private readonly planContext: QueryContext;
  /** Prefix / fuzzy lookup over the dictionary, built on the first query that needs it. */
  private termLookup: TermLookup | undefined;
  private readonly executionContext: ExecutionContext;

  /** Use {@link createIndex}. */
  constructor(options: IndexOptions<Doc, Stored, Id>) {
    const o = resolveIndexOptions(options);
    this.options = o;
    const F = o.fields.length;
    this.postings = new Postings(F);
    this.docs = new DocumentTable<Plain>(F);
    this.tokens = new TokenBuffer(F);
    this.lengths = new Int32Array(F);
    // Fields share an analyzer when given the same options object, or equal options without
    // functions (custom stemmers and filters are compared by identity).
    const byConfig = new Map<string, EngineGroup>();
    o.analyzers.forEach((analyzerOptions, f) => {
      const plain = !Object.values(analyzerOptions).some((v) => typeof v === 'function' || (Array.isArray(v) && v.some((x) => typeof x === 'function')));
      const key = plain ? JSON.stringify(analyzerOptions) : undefined;
      let group = this.groups.find((g) => g.options === analyzerOptions) ?? (key === undefined ? undefined : byConfig.get(key));
      if (group === undefined) {
        group = new EngineGroup(createAnalyzer(analyzerOptions), analyzerOptions);
        if (key !== undefined) byConfig.set(key, group);
        this.groups.push(group);
      }
      group.fields.push(f);
      this.fieldGroups.push(group);
    });
    this.group = this.groups[0]!;
    const terms = this.terms;
    const tokens = this.tokens;
    // One sink for the life of the index: per token of a word the analyzer caches, two array
    // reads by its word id; otherwise one dictionary lookup (the surface). No object, string or
    // closure is created.
    let lastStart = -1;
    let lastPosition = -1;
    this.sink = (term, surface, start, _end, position, wordId = 0, generation = 0) => {
      const group = this.group;
      let stem: number;
      let exact: number;
      if (wordId > 0) {
        const stamp = generation + 1;
        let ids = group.wordIds;
        const at = 3 * wordId;
        const had = at + 2 < ids.length ? ids[at]! : -1;
        if (had === stamp || (had > 0 && group.wordSurface[wordId] === surface)) {
          if (had !== stamp) ids[at] = stamp;
          stem = ids[at + 1]!;
          exact = ids[at + 2]!;
        } else {
          stem = this.surfaceIds(group, term, surface);
          exact = this.exactOut;
          if (had < 0) {
            ids = group.wordIds = growInt32(ids, at + 3);
            const surfaces = group.wordSurface;
            while (3 * surfaces.length < ids.length) surfaces.push('');
          }
          ids[at] = stamp;
          ids[at + 1] = stem;
          ids[at + 2] = exact;
          group.wordSurface[wordId] = surface;
        }
      } else if (start === lastStart && position === lastPosition) {
        // Another term for the same word (a synonym filter): not covered by the per-surface ids.
        stem = terms.intern(term);
        exact = terms.intern(group.exactForm(term, surface));
      } else {
        stem = this.surfaceIds(group, term, surface);
        exact = this.exactOut;
      }
      lastStart = start;
      lastPosition = position;
      tokens.push(stem, exact, position);
    };
    this.resetSink = () => {
      lastStart = -1;
      lastPosition = -1;
    };
    this.planContext = {
      fieldCount: F,
      groups: this.groups,
      lookup: (term) => terms.lookup(term),
      exactBoost: o.exactBoost,
      fieldNames: o.fields,
      docFrequency: (term, channel) => this.postings.docFrequency(term, channel),
      termLookup: () =>
        (this.termLookup ??= new TermLookup(terms, {
          accept: (id) => this.postings.docFrequency(id, Channel.Exact) > 0,
          version: () => this.docs.nextId,
        })),
      termLength: (id) => terms.termLength(id),
      termText: (id) => terms.term(id),
      ...(o.queryCache && { wordCache: createWordCache() }),
      generation: () => this.generation,
      live: new LiveCounts(this.postings, this.docs, F, o.queryCache ? undefined : 0),
    };
    this.executionContext = { postings: this.postings, docs: this.docs, k1: o.k1, bs: o.bs };
  }

  /** Second result of {@link SearchIndex.surfaceIds}: the exact form's term id. */
  private exactOut = -1;

  /**
   * The term ids of a word's stem (returned) and exact form (in `exactOut`), found by its
   * surface: a direct-mapped cache of recent surfaces, then one dictionary lookup of the surface
   * and the group's per-surface ids; interns the stem and exact form on first sight.
   */
  private surfaceIds(group: EngineGroup, term: string, surface: string): number {
    const terms = this.terms;
    const h = hashString(surface);
    const slot = h >>> (32 - RECENT_BITS);
    if (group.recentSurface[slot] === surface) {
      this.exactOut = group.recentExact[slot]!;
      return group.recentStem[slot]!;
    }
    const word = terms.internHashed(surface, h);
    let stem = word < group.stemOf.length ? group.stemOf[word]! : -1;
    let exact: number;
    if (stem >= 0) {
      exact = group.exactOf[word]!;
    } else {
      stem = surface === term ? word : terms.intern(term);
      const form = group.exactForm(term, surface);
      exact = form === surface ? word : form === term ? stem : terms.intern(form);
      if (word >= group.stemOf.length) {
        group.stemOf = growInt32Filled(group.stemOf, word + 1, -1);
        group.exactOf = growInt32Filled(group.exactOf, word + 1, -1);
      }
      group.stemOf[word] = stem;
      group.exactOf[word] = exact;
    }
    group.recentSurface[slot] = surface;
    group.recentStem[slot] = stem;
    group.recentExact[slot] = exact;
    this.exactOut = exact;
    return stem;
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.docs.docCount;
  }

  /** The indexed field names, in field order. */
  get fields(): readonly FieldKey<Doc>[] {
    return this.options.fields as readonly FieldKey<Doc>[];
  }

  /**
   * Changes are refused while one of this index's searches runs (a `filter` callback that adds,
   * removes or vacuums would renumber the documents under the running search): INDEX_BUSY.
   * The top-level search always runs on `this.searcher`, so its `busy` flag says so.
   */
  private checkNotSearching(method: string): void {
    if (this.searcher.busy) throw new FahrasError('INDEX_BUSY', `${method} was called while a search of this index was running (from its filter); change the index after search returns`);
  }

  /** Check a document and return its id; throws INVALID_DOCUMENT, INVALID_ID or INVALID_FIELD. */
  private validate(doc: unknown): ExternalId {
    if (!isPlainObject(doc)) throw new FahrasError('INVALID_DOCUMENT', `A document must be an object, got ${describe(doc)}`);
    const idField = this.options.idField;
    const id = doc[idField];
    if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
      throw new FahrasError('INVALID_ID', `Document id (field ${idField}) must be a non-empty string or a finite number, got ${typeof id === 'string' ? 'an empty string' : describe(id)}`, { field: idField });
    }
    const max = this.options.maxFieldLength;
    for (const field of this.options.fields) {
      const value = doc[field];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string') {
        if (value.length > max) throw tooLong(field, id, value.length, max);
        continue;
      }
      if (typeof value === 'number' && Number.isFinite(value)) {
        if (max < 32 && String(value).length > max) throw tooLong(field, id, String(value).length, max);
        continue;
      }
      if (Array.isArray(value) && value.every((item) => item === null || item === undefined || typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))) {
        const length = (value as unknown[]).reduce<number>((sum, item) => sum + (item === null || item === undefined ? 0 : String(item).length), 0);
        if (length > max) throw tooLong(field, id, length, max);
        continue;
      }
      throw new FahrasError('INVALID_FIELD', `Field ${field} of document ${String(id)} must be a string, a finite number, an array of those, null or undefined; got ${Array.isArray(value) ? 'an array with other items' : describe(value)}`, { id, field });
    }
    return id;
  }

  /** Analyze every field of `doc` into the token buffer and field lengths. */
  private analyze(doc: Plain): void {
    const tokens = this.tokens;
    tokens.reset();
    const fields = this.options.fields;
    for (let f = 0; f < fields.length; f++) {
      const value = doc[fields[f]!];
      const group = this.fieldGroups[f]!;
      this.group = group;
      this.resetSink();
      if (typeof value === 'string') {
        group.analyzer.run(value, this.sink, 0);
      } else if (typeof value === 'number') {
        group.analyzer.run(String(value), this.sink, 0);
      } else if (Array.isArray(value)) {
        let position = 0;
        for (const item of value as unknown[]) {
          if (item === null || item === undefined) continue;
          this.resetSink();
          position = group.analyzer.run(String(item), this.sink, position) + ARRAY_ITEM_GAP;
        }
      }
      tokens.endField(f);
      this.lengths[f] = tokens.fieldLength(f);
    }
  }

  private storedOf(doc: Plain): Plain {
    const stored: Plain = {};
    for (const name of this.options.store) {
      const value = doc[name];
      if (value !== undefined) stored[name] = value;
    }
    return stored;
  }

  /** Commit the analyzed document. */
  private commit(id: ExternalId, doc: Plain): void {
    const d = this.docs.nextId;
    this.postings.addDocument(d, this.tokens);
    this.docs.add(id, this.storedOf(doc), this.lengths);
    this.generation++;
  }

  /**
   * Add a document. Field values: strings; finite numbers (indexed as text); arrays of those
   * (one field, items kept apart by a position gap); `null`/`undefined` skip the field.
   *
   * Throws (and leaves the index exactly as before): INVALID_DOCUMENT (not an object),
   * INVALID_ID (missing, empty or non-finite id), DUPLICATE_ID (id already present),
   * INVALID_FIELD (any other field value; the error names the field and the id).
   */
  add(doc: Doc): void {
    this.checkNotSearching('add');
    const id = this.validate(doc);
    if (this.docs.internalId(id) >= 0) throw new FahrasError('DUPLICATE_ID', `A document with id ${String(id)} is already in the index (use update to replace it)`, { id });
    this.analyze(doc as Plain);
    this.commit(id, doc as Plain);
  }

  /**
   * Add documents in order. Stops at the first failing document and throws its error; the
   * documents before it stay added, the failing one is not.
   * @returns the number of documents added.
   */
  addAll(docs: Iterable<Doc>): number {
    if (!isIterableObject(docs) || !(Symbol.iterator in docs)) throw new FahrasError('INVALID_INPUT', `addAll expects an iterable of documents (an array, a Set, a generator…), got ${describe(docs)}`);
    let added = 0;
    this.postings.settleOnFlush = false;
    try {
      for (const doc of docs) {
        this.add(doc);
        added++;
      }
    } finally {
      this.postings.settleOnFlush = true;
      this.postings.trim();
    }
    return added;
  }

  /**
   * Add documents (an iterable or an async iterable, e.g. a stream), yielding to the event loop
   * every `chunkSize` documents so a page stays responsive. Errors as {@link SearchIndex.addAll}.
   * Aborting through `signal` rejects with `FahrasError('ABORTED')` between two documents.
   * @returns the number of documents added.
   */
  async addAllAsync(docs: Iterable<Doc> | AsyncIterable<Doc>, options: AddAllAsyncOptions = {}): Promise<number> {
    const raw: unknown = options;
    if (!isPlainObject(raw)) throw new FahrasError('INVALID_OPTION', 'addAllAsync options must be an object', { option: 'options' });
    checkKnownKeys(raw, ['chunkSize', 'onProgress', 'signal'], '');
    const chunkSize = checkNumber(options.chunkSize, 'chunkSize', 1, Infinity, true) ?? DEFAULT_CHUNK_SIZE;
    const { onProgress, signal } = options;
    if (onProgress !== undefined && typeof onProgress !== 'function') throw new FahrasError('INVALID_OPTION', 'Option onProgress must be a function', { option: 'onProgress' });
    if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof (signal as { aborted?: unknown }).aborted !== 'boolean')) {
      throw new FahrasError('INVALID_OPTION', 'Option signal must be an AbortSignal', { option: 'signal' });
    }
    if (!isIterableObject(docs)) throw new FahrasError('INVALID_INPUT', `addAllAsync expects an iterable or async iterable of documents, got ${describe(docs)}`);
    const total = Array.isArray(docs) ? docs.length : undefined;
    let added = 0;
    let reported = -1;
    const check = (): void => {
      if (signal?.aborted === true) throw new FahrasError('ABORTED', `addAllAsync aborted after ${added} documents`);
    };
    // Add one document; after each chunk, report and let the event loop run.
    const one = async (doc: Doc): Promise<void> => {
      check();
      this.add(doc);
      added++;
      if (added % chunkSize === 0) {
        onProgress?.({ added, total });
        reported = added;
        await yieldToEventLoop();
      }
    };
    this.postings.settleOnFlush = false;
    try {
      check();
      if (Symbol.asyncIterator in docs) {
        for await (const doc of docs) await one(doc);
      } else {
        for (const doc of docs) await one(doc);
      }
      check();
    } finally {
      this.postings.settleOnFlush = true;
      this.postings.trim();
    }
    if (reported !== added) onProgress?.({ added, total });
    return added;
  }

  /**
   * Remove the document with this id. Removing an id that is not in the index does nothing and
   * returns false. The document disappears from results at once; its space is reclaimed by the
   * next vacuum (automatic past `vacuumThreshold`).
   * @returns whether a document was removed.
   */
  remove(id: DocId<Doc, Id>): boolean {
    this.checkNotSearching('remove');
    const d = this.docs.internalId(id);
    if (d < 0) return false;
    this.docs.remove(d);
    this.generation++;
    this.maybeVacuum();
    return true;
  }

  /**
   * Replace the document with the same id. Throws UNKNOWN_ID when no document has that id, and
   * the errors of {@link SearchIndex.add}; on any error the index is left as before.
   */
  update(doc: Doc): void {
    this.checkNotSearching('update');
    const id = this.validate(doc);
    const old = this.docs.internalId(id);
    if (old < 0) throw new FahrasError('UNKNOWN_ID', `No document with id ${String(id)} to update (use add)`, { id });
    this.analyze(doc as Plain);
    this.docs.remove(old);
    this.commit(id, doc as Plain);
    this.maybeVacuum();
  }

  /** Whether a document with this id is in the index. */
  has(id: DocId<Doc, Id>): boolean {
    return this.docs.internalId(id) >= 0;
  }

  /** A copy of the stored fields of the document with this id, or undefined when absent. */
  get(id: DocId<Doc, Id>): StoredDoc<Doc, Stored> | undefined {
    const d = this.docs.internalId(id);
    if (d < 0) return undefined;
    return { ...this.docs.storedFields(d) } as StoredDoc<Doc, Stored>;
  }

  /** Remove every document and term. */
  clear(): void {
    this.checkNotSearching('clear');
    this.terms.clear();
    this.postings.clear();
    this.docs.clear();
    for (const group of this.groups) group.clearIds();
    this.termLookup?.invalidate();
    this.generation++;
  }

  private maybeVacuum(): void {
    const removed = this.docs.removedCount;
    if (removed > 0 && removed >= this.options.vacuumThreshold * this.docs.capacity) this.vacuum();
  }

  /**
   * Reclaim the space of removed documents now: rewrites the postings without them, renumbers
   * the documents and drops terms no document uses. Runs automatically when the share of removed
   * documents reaches `vacuumThreshold`. Results and scores are the same before and after.
   */
  vacuum(): void {
    this.checkNotSearching('vacuum');
    if (this.docs.removedCount === 0) return;
    const docMap = this.docs.compact();
    this.postings.vacuum(docMap);
    const termMap = this.terms.compact((t) => this.postings.hasPostings(t));
    this.postings.remapTerms(termMap, this.terms.size);
    for (const group of this.groups) group.clearIds();
    this.termLookup?.invalidate();
    this.generation++;
  }

  /** @internal The index's parts, for the saved-index module (see {@link IndexInternals}). */
  get internals(): IndexInternals {
    return {
      options: this.options,
      terms: this.terms,
      postings: this.postings,
      docs: this.docs,
      analyzers: this.fieldGroups.map((g) => g.analyzer),
    };
  }

  /**
   * Save the index as bytes, for `loadIndex` / `loadIndexAsync` (in another process, a page, a
   * later run). Compact: each document's tokens with frequency-ranked term numbers as varints,
   * stored fields, the options and the analysis configuration, under a header with a format
   * version and a CRC-32 (layout: `src/serialize/write.ts`). Removed documents are left out.
   * The loaded index gives the same results with the same scores.
   *
   * Throws INVALID_FIELD when a stored field holds a value that cannot be saved (a bigint, or
   * nesting deeper than 256 levels); other stored values are saved as JSON sees them.
   */
  export(): Uint8Array {
    return writeIndex(this.internals);
  }

  /** Size figures (documents, terms, postings bytes). */
  stats(): IndexStats {
    return {
      documents: this.docs.docCount,
      removed: this.docs.removedCount,
      terms: this.terms.size,
      postingsBytes: this.postings.allocatedBytes,
    };
  }

  /**
   * Completions of the last word of `input` for an autocomplete box, the words held by the most
   * documents first, the typed text kept (`suggest('الانتخ')` → `الانتخابات` …). See
   * docs/queries.md. Throws INVALID_INPUT when `input` is not a string, UNKNOWN_OPTION /
   * INVALID_OPTION for bad options.
   */
  suggest(input: string, options?: SuggestOptions): Suggestion[] {
    return suggest(input, this.suggestIndex(), options);
  }

  /**
   * The query with each word the index does not know replaced by the closest known word (a
   * hamza spelling, else a typo correction), or undefined when there is nothing to correct: offer
   * it when a search finds nothing. Throws INVALID_QUERY when `query` is not a string.
   */
  didYouMean(query: string): string | undefined {
    return didYouMean(query, this.suggestIndex());
  }

  private suggestIndex(): SuggestIndex {
    return { query: this.planContext, postings: this.postings, removed: this.docs.removed, storedFields: (d) => this.docs.storedFields(d), fieldGroups: this.fieldGroups };
  }

  /**
   * Search. The query is analyzed like the documents (per field analyzer); each word matches
   * documents containing its stem, and those containing its exact form score more. Query syntax
   * (docs/queries.md): `"phrases"`, `+required`, `-excluded`, `a OR b`, `(groups)`, `title:word`;
   * a word the index does not know is also looked up in its hamza spellings. Never throws
   * on query text (malformed syntax is read as plain words); throws INVALID_QUERY when `query` is not a string, and UNKNOWN_OPTION /
   * INVALID_OPTION for bad options.
   */
  search<const Facet extends StoredKey<Doc, Stored> = never>(
    query: string,
    options?: SearchOptions<Doc, Stored, Facet>,
  ): SearchResults<Doc, Stored, Id, Facet> {
    if (typeof query !== 'string') throw new FahrasError('INVALID_QUERY', `A query must be a string, got ${describe(query)}`);
    const o = resolveSearchOptions(options, this.options);
    if (query.length > o.maxQueryLength) query = clipQuery(query, o.maxQueryLength);
    const { plan, highlight } = this.options.queryCache ? this.prepared.compile(query, this.planContext, o, this.generation) : compileQuery(query, this.planContext, o);
    // maxQueryTerms: the clauses past the first maxQueryTerms are not run.
    const limited = plan.clauses.length > o.maxQueryTerms ? { ...plan, clauses: plan.clauses.slice(0, o.maxQueryTerms) } : plan;
    const searcher = this.searcher.busy ? new Searcher() : this.searcher;
    const raw = searcher.execute(limited, this.executionContext, {
      weights: o.weights,
      combine: o.combine,
      limit: o.limit,
      offset: o.offset,
      filter: compileFilter(o.filter),
      facets: o.facets,
    });
    const fields = this.options.fields;
    const C = limited.clauses.length;
    const results: SearchResult<Doc, Stored, Id>[] = [];
    for (let r = 0; r < raw.count; r++) {
      const d = raw.docs[r]!;
      const match: Record<string, string[]> = {};
      for (let c = 0; c < C; c++) {
        const mask = raw.masks[r * C + c]!;
        if (mask === 0) continue;
        const names: string[] = [];
        for (let f = 0; f < fields.length; f++) if (mask & (1 << f)) names.push(fields[f]!);
        match[limited.clauses[c]!.label] = names;
      }
      results.push({
        id: this.docs.externalId(d) as DocId<Doc, Id>,
        score: raw.scores[r]!,
        doc: { ...this.docs.storedFields(d) } as StoredDoc<Doc, Stored>,
        match: match as Record<string, FieldKey<Doc>[]>,
        ...(o.highlight && { highlights: highlightStored(this.docs.storedFields(d) ?? {}, o.highlight, fields, this.fieldGroups, highlight) as SearchResult<Doc, Stored, Id>['highlights'] & object }),
      });
    }
    return Object.assign(results, { total: raw.total, facets: (raw.facets ?? {}) as unknown as SearchResults<Doc, Stored, Id, Facet>['facets'] });
  }
}

/**
 * Create an index. Pass the document type, and the stored keys as a second type argument to
 * type results' `doc` precisely:
 *
 * ```ts
 * const index = createIndex<Article, 'title' | 'category'>({
 *   id: 'id',
 *   fields: { title: { boost: 3 }, category: { boost: 2 }, body: {} },
 *   store: ['title', 'category'],
 * });
 * ```
 * Throws UNKNOWN_OPTION for an option name it does not know and INVALID_OPTION for a bad value.
 */
export function createIndex<Doc extends object = Record<string, unknown>, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>>(
  options: IndexOptions<NoInfer<Doc>, Stored, Id>,
): SearchIndex<Doc, Stored, Id> {
  return new SearchIndex<Doc, Stored, Id>(options);
}
