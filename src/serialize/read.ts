/**
 * Loading saved indexes: {@link loadIndex}, {@link loadIndexAsync} and {@link inspectIndex}.
 *
 * ```ts
 * const bytes = index.export();                       // Uint8Array
 * const again = loadIndex<Article, 'title' | 'category'>(bytes);
 * const inPage = await loadIndexAsync<Article>(bytes, { signal, chunkBudgetMs: 8 });
 * inspectIndex(bytes).documents;                      // without loading
 * ```
 *
 * Order of checks: the header (magic number, version, flags, length), then the checksum of the
 * whole payload, then every count, length and number against the bytes that remain, before
 * anything is allocated or read from it. Bad input throws a {@link FahrasError}: `NOT_AN_INDEX`
 * (empty or foreign bytes), `TRUNCATED_INDEX`, `CORRUPT_INDEX`, `UNSUPPORTED_VERSION` (newer
 * format or other analysis version), never another exception and never a partly loaded index.
 *
 * Decoding is one generator that yields every few hundred terms or documents (the postings are
 * built in bulk, stem by stem: `bulk.ts`); `loadIndex` runs it straight through, `loadIndexAsync`
 * yields to the event loop whenever a slice took `chunkBudgetMs`.
 * @module
 */
import type { SearchIndex } from '../engine.js';
import { createIndex } from '../engine.js';
import { FahrasError } from '../errors.js';
import { growInt32 } from '../index/arrays.js';
import type { ExternalId } from '../index/documents.js';
import type { TermDictionary } from '../index/terms.js';
import type { DefaultIdKey, FieldKey, IdKey } from '../options.js';
import { ByteReader, corrupt } from './bytes.js';
import { BulkPostings } from './bulk.js';
import { checkFrame, checksumSlices, HEADER_BYTES } from './format.js';
import type { Frame } from './format.js';
import { indexOptionsFor, parseMetadata } from './metadata.js';
import type { LoadIndexOptions, SavedMetadata } from './metadata.js';
import { readValue } from './stored.js';

/** Options of {@link loadIndexAsync}. */
export interface LoadIndexAsyncOptions extends LoadIndexOptions {
  /** Stops loading between two slices: the promise rejects with `FahrasError('ABORTED')`. */
  signal?: AbortSignal;
  /**
   * Milliseconds of work between two yields to the event loop, finite and > 0. Default
   * {@link DEFAULT_CHUNK_BUDGET_MS} (8, half a 60 Hz frame). A slice can run longer by one step
   * (a step is a few thousand tokens or terms: about a millisecond or two).
   */
  chunkBudgetMs?: number;
}

/** Default {@link LoadIndexAsyncOptions.chunkBudgetMs}. */
export const DEFAULT_CHUNK_BUDGET_MS = 8;

/** What {@link inspectIndex} reads from a saved index without loading it. */
export interface IndexInfo extends SavedMetadata {
  /** Format version of the bytes. */
  readonly formatVersion: number;
  /** Size of the saved index in bytes. */
  readonly bytes: number;
}

/** Documents decoded between two yields of the decoder. */
const DOCS_PER_STEP = 32;
/**
 * Terms decoded between two yields of the decoder. Small, so the engine optimizes the term loop
 * between calls rather than in the middle of a long first one (and again after it).
 */
const TERMS_PER_STEP = 512;
/** Smallest number of bytes a saved document takes: id, stored count, one count per field. */
const MIN_DOC_BYTES = 3;

function asBytes(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new FahrasError('INVALID_INPUT', `A saved index must be a Uint8Array or an ArrayBuffer, got ${bytes === null ? 'null' : typeof bytes}`);
}

/** Check the frame and checksum and parse the metadata. */
function* readHead(bytes: Uint8Array): Generator<void, { frame: Frame; meta: SavedMetadata; reader: ByteReader }> {
  const frame = checkFrame(bytes);
  yield* checksumSlices(bytes, frame);
  const reader = new ByteReader(bytes, HEADER_BYTES);
  const at = reader.pos;
  const meta = parseMetadata(reader.string(), at);
  if (meta.terms > reader.remaining) reader.fail(`${meta.terms} terms announced in ${reader.remaining} bytes`);
  if (meta.documents * (MIN_DOC_BYTES - 1 + meta.fields.length) > reader.remaining) reader.fail(`${meta.documents} documents announced in ${reader.remaining} bytes`);
  return { frame, meta, reader };
}

/** Intern saved terms `[from, to)` (numbered in order: a term must not repeat an earlier one). */
function readTerms(r: ByteReader, terms: TermDictionary, from: number, to: number): void {
  for (let t = from; t < to; t++) {
    const n = r.stringUnits();
    if (terms.internUnits(r.units, n) !== t) r.fail(`term ${t} repeats an earlier term`);
  }
}

/** Reads the exact forms of each stem, flattened: stem s has `variants[variantStart[s] .. variantStart[s + 1])`. */
class VariantReader {
  readonly variantStart: Int32Array;
  variants: Int32Array<ArrayBuffer>;
  /** The next exact-only term's number. */
  nextNew: number;
  private count = 0;

  constructor(
    S: number,
    private readonly T: number,
    remaining: number,
  ) {
    this.variantStart = new Int32Array(S + 1);
    this.variants = new Int32Array(Math.min(remaining, Math.max(16, T)));
    this.nextNew = S;
  }

  /** Read the lists of stems `[from, to)`. */
  read(r: ByteReader, from: number, to: number): void {
    const T = this.T;
    for (let s = from; s < to; s++) {
      const n = r.varint(r.remaining);
      if (n === 0) r.fail(`stem ${s} has no exact forms`);
      this.variants = growInt32(this.variants, this.count + n);
      for (let j = 0; j < n; j++) {
        const v = r.varint(T);
        let e: number;
        if (v === 0) {
          if (this.nextNew >= T) r.fail('more exact-only terms than announced');
          e = this.nextNew++;
        } else {
          e = v - 1;
          if (e >= this.nextNew) r.fail(`exact form ${e} used before it appears`);
        }
        this.variants[this.count++] = e;
      }
      this.variantStart[s + 1] = this.count;
    }
  }
}

/** Reads the documents: ids, stored fields, and (through `bulk`) their tokens, checked and counted. */
class DocumentReader {
  readonly ids: ExternalId[];
  readonly stored: Record<string, unknown>[];
  /** Where each document starts (for error messages). */
  readonly starts: Float64Array;
  /** Per stored field: false for `__proto__`, which must be defined, not assigned. */
  private readonly plainKey: boolean[];

  constructor(
    private readonly store: readonly string[],
    readonly bulk: BulkPostings,
    D: number,
  ) {
    this.ids = new Array<ExternalId>(D);
    this.stored = new Array<Record<string, unknown>>(D);
    this.starts = new Float64Array(D);
    this.plainKey = store.map((name) => name !== '__proto__');
  }

  /** Read documents `[from, to)`. */
  read(r: ByteReader, from: number, to: number): void {
    const { store, plainKey, bulk } = this;
    for (let i = from; i < to; i++) {
      this.starts[i] = r.pos;
      let id: ExternalId;
      if (r.varint(1) === 0) {
        id = r.string();
        if (id === '') r.fail('empty document id');
      } else {
        id = r.float64();
        if (!Number.isFinite(id)) r.fail('document id is not a finite number');
      }
      this.ids[i] = id;
      const stored: Record<string, unknown> = {};
      const present = r.varint(store.length);
      for (let j = 0, last = -1; j < present; j++) {
        const k = r.varint(store.length - 1);
        if (k <= last) r.fail('stored fields out of order');
        last = k;
        const value = readValue(r);
        if (value === undefined) continue;
        if (plainKey[k] === true) stored[store[k]!] = value;
        else Object.defineProperty(stored, store[k]!, { value, enumerable: true, writable: true, configurable: true });
      }
      this.stored[i] = stored;
      bulk.count(r, i);
    }
  }
}

/** The decoder: yields between slices of work, returns the loaded index. */
function* decode(bytes: Uint8Array, options: LoadIndexOptions): Generator<void, SearchIndex<Record<string, unknown>, string, string>> {
  const { meta, reader: r } = yield* readHead(bytes);
  const indexOptions = indexOptionsFor(meta, options);
  let index: SearchIndex<Record<string, unknown>, string, string>;
  try {
    index = createIndex<Record<string, unknown>, string, string>(indexOptions as never);
  } catch (e) {
    if (e instanceof FahrasError) corrupt(`the saved options are invalid: ${e.message}`, HEADER_BYTES);
    throw e;
  }
  const x = index.internals;
  const T = meta.terms;
  const S = meta.stems;
  const F = meta.fields.length;
  const D = meta.documents;

  // The terms' sizes first (their length prefixes), so the dictionary is allocated once.
  const termsAt = r.pos;
  let termBytes = 0;
  for (let t = 0; t < T; t++) termBytes += r.skipString();
  r.pos = termsAt;
  x.terms.reserve(T, termBytes);
  yield;
  // Each loop runs in slices through a small function of its own (a generator's body is one
  // large function for the engine to optimize, again after every deoptimization).
  for (let t = 0; t < T; t += TERMS_PER_STEP) {
    readTerms(r, x.terms, t, Math.min(T, t + TERMS_PER_STEP));
    yield;
  }
  const vocabulary = new VariantReader(S, T, r.remaining);
  for (let s = 0; s < S; s += TERMS_PER_STEP) {
    vocabulary.read(r, s, Math.min(S, s + TERMS_PER_STEP));
    yield;
  }
  if (vocabulary.nextNew !== T) r.fail(`${T - vocabulary.nextNew} terms are never used`);

  // Documents: ids and stored fields, and each token checked and counted (bulk.ts, step 1).
  const docs = new DocumentReader(x.options.store, new BulkPostings(F, S, T, D, vocabulary.variantStart, vocabulary.variants), D);
  for (let i = 0; i < D; i += DOCS_PER_STEP) {
    docs.read(r, i, Math.min(D, i + DOCS_PER_STEP));
    yield;
  }
  const { bulk, ids, starts } = docs;
  if (r.remaining !== 0) r.fail(`${r.remaining} bytes after the last document`);
  const repeated = x.docs.loadAll(ids, docs.stored, bulk.lengths);
  if (repeated >= 0) corrupt(`document id ${String(ids[repeated])} appears twice`, starts[repeated]!);

  // The postings, term-major (bulk.ts, steps 2 to 4).
  bulk.prepare(bytes);
  yield;
  for (let i = 0; i < D; ) {
    const to = bulk.stepEnd(i, D);
    bulk.place(i, to);
    i = to;
    yield;
  }
  yield* bulk.write(x.postings);
  x.postings.trim();
  return index;
}

/** Run a decoding generator to its end, turning anything but a FahrasError into CORRUPT_INDEX. */
function guard<T>(step: () => IteratorResult<void, T>): IteratorResult<void, T> {
  try {
    return step();
  } catch (e) {
    if (e instanceof FahrasError) throw e;
    throw new FahrasError('CORRUPT_INDEX', `Saved index is corrupt: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function checkLoadOptions(options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new FahrasError('INVALID_OPTION', 'loadIndex options must be an object', { option: 'options' });
  }
  for (const key of Object.keys(options)) {
    if ((options as Record<string, unknown>)[key] !== undefined && !known.includes(key)) {
      throw new FahrasError('UNKNOWN_OPTION', `Unknown option ${key} (known: ${known.join(', ')})`, { option: key });
    }
  }
  const queryCache = (options as Record<string, unknown>).queryCache;
  if (queryCache !== undefined && typeof queryCache !== 'boolean') {
    throw new FahrasError('INVALID_OPTION', `Option queryCache must be a boolean, got ${typeof queryCache}`, { option: 'queryCache' });
  }
}

/**
 * Load an index saved by `index.export()`. The loaded index analyzes queries exactly as the
 * saved one analyzed its documents, returns the same results with the same scores, and accepts
 * `add`, `remove` and `update` like any index.
 *
 * Pass the type arguments of the saved index's `createIndex` call to type its results. When the
 * index was built with a custom stemmer or filters, pass the same analyzer options again in
 * `options` (else `INVALID_OPTION` says what is missing; any analyzer options given must match
 * the saved analysis, else `INVALID_OPTION` says how they differ).
 *
 * Throws `NOT_AN_INDEX`, `TRUNCATED_INDEX`, `CORRUPT_INDEX` or `UNSUPPORTED_VERSION` for bad
 * bytes (see the module doc), `INVALID_INPUT` when `bytes` is not a Uint8Array or ArrayBuffer.
 * Blocks until done: in a page, prefer {@link loadIndexAsync}.
 */
export function loadIndex<Doc extends object = Record<string, unknown>, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>>(
  bytes: Uint8Array | ArrayBuffer,
  options: LoadIndexOptions = {},
): SearchIndex<Doc, Stored, Id> {
  const input = asBytes(bytes);
  checkLoadOptions(options, ['analyzer', 'fields', 'queryCache']);
  const run = decode(input, options);
  for (;;) {
    const step = guard(() => run.next());
    if (step.done === true) return step.value as unknown as SearchIndex<Doc, Stored, Id>;
  }
}

/** Yield to the event loop: a message-channel task where there is one (not clamped like timers), else a timer. */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * {@link loadIndex} in slices of about `chunkBudgetMs` milliseconds, yielding to the event loop
 * between them so a page stays responsive while a large index loads. Aborting through `signal`
 * rejects with `FahrasError('ABORTED')` and nothing is kept. Errors as {@link loadIndex}.
 */
export async function loadIndexAsync<Doc extends object = Record<string, unknown>, Stored extends FieldKey<Doc> = never, Id extends IdKey<Doc> = DefaultIdKey<Doc>>(
  bytes: Uint8Array | ArrayBuffer,
  options: LoadIndexAsyncOptions = {},
): Promise<SearchIndex<Doc, Stored, Id>> {
  const input = asBytes(bytes);
  checkLoadOptions(options, ['analyzer', 'fields', 'queryCache', 'signal', 'chunkBudgetMs']);
  const { signal, chunkBudgetMs = DEFAULT_CHUNK_BUDGET_MS } = options;
  if (typeof chunkBudgetMs !== 'number' || !Number.isFinite(chunkBudgetMs) || chunkBudgetMs <= 0) {
    throw new FahrasError('INVALID_OPTION', `Option chunkBudgetMs must be a finite number > 0, got ${String(chunkBudgetMs)}`, { option: 'chunkBudgetMs' });
  }
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof (signal as { aborted?: unknown }).aborted !== 'boolean')) {
    throw new FahrasError('INVALID_OPTION', 'Option signal must be an AbortSignal', { option: 'signal' });
  }
  const { signal: _signal, chunkBudgetMs: _budget, ...loadOptions } = options;
  const run = decode(input, loadOptions);
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted === true) {
      run.return(undefined as never);
      throw new FahrasError('ABORTED', 'loadIndexAsync was aborted');
    }
    const step = guard(() => run.next());
    if (step.done === true) return step.value as unknown as SearchIndex<Doc, Stored, Id>;
    if (performance.now() - sliceStart >= chunkBudgetMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

/**
 * Read what a saved index holds without loading it: its options, analysis configuration, counts
 * and size. Checks the header and the checksum; throws like {@link loadIndex}.
 */
export function inspectIndex(bytes: Uint8Array | ArrayBuffer): IndexInfo {
  const input = asBytes(bytes);
  const run = readHead(input);
  for (;;) {
    const step = guard(() => run.next());
    if (step.done === true) return { ...step.value.meta, formatVersion: step.value.frame.version, bytes: input.length };
  }
}
