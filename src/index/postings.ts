/**
 * Postings: for each term id and channel, the documents that contain it, with term frequencies
 * per field, and (stem channel) the word positions.
 *
 * ```ts
 * const postings = new Postings(3);          // three fields
 * postings.addDocument(0, tokens);           // tokens: a filled TokenBuffer
 * const cursor = new PostingCursor(3);
 * cursor.reset(postings, termId, Channel.Stem);
 * while (cursor.next()) use(cursor.doc, cursor.fieldMask, cursor.tf[0]);
 * ```
 *
 * Two channels per term id. `Channel.Stem` holds the stem of each word; `Channel.Exact` holds
 * its exact form (normalized, proclitics stripped), so an exact match can outrank a stem-only
 * match. The same term id may have postings in both channels (a word that is its own stem).
 *
 * Layout: three byte streams per term in one {@link SlicePool} (no object per term or posting):
 * - stem documents: per document `vint(doc - previousDoc) vint(fieldMask) vint(tf)…` with one tf
 *   per set bit of the mask, fields in increasing order;
 * - stem positions: per document, per field of the mask, that field's positions as
 *   `vint(first) vint(gap)…` (gaps ≥ 1), in the same document order as the stem documents stream;
 * - exact documents: as stem documents.
 * Per term, a record of ten ints in one Int32Array holds each stream's first slice and write
 * address, the last document id per channel (for deltas) and the document count per channel.
 *
 * Settled streams ({@link Postings.compact}): a stream written over many batches has a slice per
 * batch that touched its term, scattered over the pages, and reading it copies slice by slice.
 * After a bulk add (and as the slices grow past the settled bytes), every stream is copied into
 * one contiguous array, term by term; a stream is then its settled bytes followed by the bytes
 * written to the pool since (its tail). A bulk loader writes settled bytes directly
 * ({@link Postings.fillTerm}).
 *
 * Added tokens are buffered and written in batches ({@link Postings.flush}): sorted by term, so a
 * batch touches each term's record and stream tail once, not once per document (random memory
 * access is the cost of indexing). Every read flushes first.
 *
 * Documents are added in increasing internal id order; removal is the caller's business
 * (tombstones in the document table); {@link Postings.vacuum} rewrites the streams without the
 * removed documents and renumbers the survivors.
 * @module
 */
import { FahrasError } from '../errors.js';
import { growInt32, growUint8, nextCapacity, resizeInt32 } from './arrays.js';
import { ByteBuffer, PAGE_BITS, PAGE_SIZE, SlicePool } from './pool.js';
import { denseList, SKIP_INTERVAL } from './dense.js';
import type { DenseList } from './dense.js';
import type { TokenBuffer } from './tokens.js';

/** The two kinds of postings kept for each term id. */
export const Channel = {
  /** The word's stem; carries positions. */
  Stem: 0,
  /** The word's exact (normalized, proclitic-free) form; no positions. */
  Exact: 1,
} as const;
/** A channel: `Channel.Stem` or `Channel.Exact`. */
export type Channel = (typeof Channel)[keyof typeof Channel];

/** Most fields an index may have (field masks are 31-bit integers). */
export const MAX_FIELDS = 30;

/** Fields of a term's record in {@link Postings} (one Int32Array, {@link RECORD} ints per term). */
const STEM_START = 0;
const STEM_UPTO = 1;
const POS_START = 2;
const POS_UPTO = 3;
const EXACT_START = 4;
const EXACT_UPTO = 5;
const STEM_LAST = 6;
const EXACT_LAST = 7;
const STEM_DF = 8;
const EXACT_DF = 9;
/** Ints per term record. */
const RECORD = 10;

/** Streams per term in the settled ranges: stem documents (0), exact documents (1), stem positions (2). */
const STREAMS = 3;
/** Record offsets of each settled stream's pool tail start, in stream order. */
const TAIL_STARTS: readonly number[] = [STEM_START, EXACT_START, POS_START];

/**
 * Pool bytes (pages) past which {@link Postings.trim} settles the streams, unless the settled
 * bytes are more: copying happens when the pool at least doubled what is settled, so each byte is
 * copied a bounded number of times.
 */
export const SETTLE_MIN_BYTES = 1 << 20;

/** Fewest postings of a settled documents stream given a dense list (see `dense.ts`). */
export const DENSE_MIN = 256;
/**
 * Smallest share of the documents a settled documents stream must hold to be given a dense list
 * (1/16): its bitset then takes at most two bits per document it holds (a posting takes three or
 * more bytes in the stream). Measured at 20,000 ANT articles: dense lists from 1/16 take 8.6 MB
 * (bitsets, ranks, frequencies); from 1/32, 16.9 MB for plain queries only 4 % faster.
 */
export const DENSE_SHARE = 1 / 16;

/**
 * Index in `Postings.ranges` of the start of `term`'s settled stream `stream` (0: stem documents,
 * 1: exact documents, 2: stem positions); its end is the next int.
 */
const rangeIndex = (term: number, stream: number): number => 6 * term + 2 * stream;

/** Offset in a record of the documents stream start of channel `c` (upto is the next int). */
const docStart = (c: Channel): number => (c === 0 ? STEM_START : EXACT_START);

/** Grow the term records to hold `terms` terms, new records empty. */
function growRecords(records: Int32Array<ArrayBuffer>, terms: number): Int32Array<ArrayBuffer> {
  const had = records.length / RECORD;
  return terms <= had ? records : withRecords(records, nextCapacity(had, terms));
}

/** A copy of `records` holding `terms` (≥ as many) term records, the new ones empty. */
function withRecords(records: Int32Array<ArrayBuffer>, terms: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(terms * RECORD);
  grown.set(records);
  for (let t = records.length / RECORD; t < terms; t++) {
    const r = t * RECORD;
    grown[r + STEM_START] = -1;
    grown[r + POS_START] = -1;
    grown[r + EXACT_START] = -1;
    grown[r + STEM_LAST] = -1;
    grown[r + EXACT_LAST] = -1;
  }
  return grown;
}

/** Reads a varint from `bytes` at `at`; the index after it goes to `out.at`. */
function readVInt(bytes: Uint8Array, at: number, out: { at: number }): number {
  let b = bytes[at++]!;
  let v = b & 0x7f;
  let shift = 7;
  while (b & 0x80) {
    b = bytes[at++]!;
    v |= (b & 0x7f) << shift;
    shift += 7;
  }
  out.at = at;
  return v >>> 0;
}

/** Where a stream is read: `bytes[from, to)` (see {@link Postings.stream}). */
export interface StreamSpan {
  /** The bytes holding the stream. */
  bytes: Uint8Array;
  /** Its first byte. */
  from: number;
  /** The byte after its last. */
  to: number;
  /** Whether `bytes` are the settled bytes, read in place (not a copy). */
  inPlace: boolean;
}

/** A {@link StreamSpan} to be filled by {@link Postings.stream}. */
export function streamSpan(): StreamSpan {
  return { bytes: new Uint8Array(0), from: 0, to: 0, inPlace: false };
}

/** The postings of all terms of an index. */
export class Postings {
  private pool = new SlicePool();
  /**
   * Whether a flush settles the streams once the pool holds 8 × `settleBytes` and twice
   * what is settled (default true). A bulk add turns it off and settles once at its end
   * ({@link Postings.trim}).
   */
  settleOnFlush = true;
  /** Fewest postings for a dense list (default {@link DENSE_MIN}; tests lower it). */
  denseMin = DENSE_MIN;
  /** Smallest share of the documents for a dense list (default {@link DENSE_SHARE}). */
  denseShare = DENSE_SHARE;
  /**
   * Whether dense lists keep their frequencies (`DenseList.tfs`, default true); without them a
   * query reads the blocks it scores from the stream (tests turn them off to exercise that).
   */
  denseFrequencies = true;
  /** Dense lists of settled documents streams, by `2 · term + channel`; built with the settled bytes. */
  private denseLists = new Map<number, DenseList>();
  /** Whether the dense lists describe the settled bytes. */
  private denseBuilt = true;
  /** Settled stream bytes (see the module doc); valid up to `settledLength`. */
  private settled = new Uint8Array(0);
  private settledLength = 0;
  /**
   * Term t's settled stream k (see STREAMS): `settled[ranges[6t + 2k] .. ranges[6t + 2k + 1])`;
   * a multiple of 6 long (terms past it have nothing settled).
   */
  private ranges = new Int32Array(0);
  /** Per-term records: stream starts and write addresses, last document and df per channel. */
  private records = growRecords(new Int32Array(0), 1024);
  // Tokens added but not yet written to the streams (see flush), in (doc, field, position) order.
  // A token's document and field are packed as (index of the document in batchDocs) << 5 | field.
  private pendingStem = new Int32Array(0);
  private pendingExact = new Int32Array(0);
  private pendingPosition = new Int32Array(0);
  private pendingDocField = new Int32Array(0);
  private pending = 0;
  private pendingMaxTerm = -1;
  private batchDocs = new Int32Array(64);
  private batchDocCount = 0;
  /**
   * Pending tokens that trigger a flush: 1,024 (or `batchTokens` when smaller) at first, doubling
   * after each flush up to `batchTokens`. The first flushes run before the JIT has compiled the
   * flush loops: small, they cost little there, and they record both channels' paths before the
   * loops are optimized (a first full-size flush cost as much as eight later ones on 20,000 ANT
   * articles).
   */
  private flushAt: number;
  // Scratch of flush: a counting sort of the pending tokens by term, over the distinct terms only.
  private bucket = new Int32Array(0);
  /** Bit t set: term t has tokens in the batch (all zero between flushes); read in order, it lists the distinct terms sorted. */
  private seen = new Int32Array(0);
  private distinct = new Int32Array(0);
  private sortedDocField = new Int32Array(0);
  private sortedPosition = new Int32Array(0);

  /**
   * @param fieldCount - number of fields (1 ≤ fieldCount ≤ {@link MAX_FIELDS})
   * @param batchTokens - tokens buffered before they are written to the streams, in [1, 2^24];
   *   larger batches touch each term's record less often, at 24 bytes of buffers per token.
   *   Default 2^17.
   * @param settleBytes - pool bytes from which {@link Postings.trim} settles the streams (a flush
   *   from 8 times as many), a positive integer; default {@link SETTLE_MIN_BYTES}
   */
  constructor(
    readonly fieldCount: number,
    private readonly batchTokens = 1 << 17,
    private readonly settleBytes = SETTLE_MIN_BYTES,
  ) {
    this.flushAt = Math.min(1024, batchTokens);
  }

  /** Bytes held by the stream pages and the settled streams (for statistics). */
  get allocatedBytes(): number {
    this.flush();
    return this.pool.allocatedBytes + this.settled.length;
  }

  /** Number of term records (≥ the largest term id with postings + 1). */
  get termCapacity(): number {
    this.flush();
    return this.records.length / RECORD;
  }

  /**
   * Number of documents with postings for `term` in `channel`, removed documents included until
   * the next {@link Postings.vacuum}.
   */
  docFrequency(term: number, channel: Channel): number {
    return term >= 0 && term < this.termCapacity ? this.records[term * RECORD + STEM_DF + channel]! : 0;
  }

  /** Whether `term` has any postings in either channel. */
  hasPostings(term: number): boolean {
    return this.docFrequency(term, 0) > 0 || this.docFrequency(term, 1) > 0;
  }

  /**
   * Add the tokens of document `doc`. `doc` must be greater than every document added before
   * (since the last vacuum), and every term id in `tokens` must be ≥ 0. The tokens are buffered
   * and written to the streams in batches; every read flushes first, so they are visible at once.
   */
  addDocument(doc: number, tokens: TokenBuffer): void {
    const n = tokens.count;
    if (n === 0) return;
    const at = this.pending;
    if (at + n > this.pendingStem.length) {
      const size = nextCapacity(this.pendingStem.length, Math.max(at + n, Math.min(this.batchTokens, 4096)));
      this.pendingStem = resizeInt32(this.pendingStem, size, at);
      this.pendingExact = resizeInt32(this.pendingExact, size, at);
      this.pendingPosition = resizeInt32(this.pendingPosition, size, at);
      this.pendingDocField = resizeInt32(this.pendingDocField, size, at);
    }
    this.pendingStem.set(tokens.stems.subarray(0, n), at);
    this.pendingExact.set(tokens.exacts.subarray(0, n), at);
    this.pendingPosition.set(tokens.positions.subarray(0, n), at);
    const index = this.batchDocCount++;
    this.batchDocs = growInt32(this.batchDocs, index + 1);
    this.batchDocs[index] = doc;
    const docField = this.pendingDocField;
    let from = 0;
    for (let f = 0; f < this.fieldCount; f++) {
      const to = tokens.fieldEnds[f]!;
      if (to > from) docField.fill((index << 5) | f, at + from, at + to);
      from = to;
    }
    let maxTerm = this.pendingMaxTerm;
    for (let i = 0; i < n; i++) {
      const s = tokens.stems[i]!;
      const x = tokens.exacts[i]!;
      if (s > maxTerm) maxTerm = s;
      if (x > maxTerm) maxTerm = x;
    }
    this.pendingMaxTerm = maxTerm;
    this.pending = at + n;
    if (this.pending >= this.flushAt) this.flush();
  }

  /**
   * Write the buffered tokens to the streams: per channel, a stable counting sort by term id
   * puts each term's tokens together in (document, field, position) order, then each term's
   * postings are appended in one go.
   */
  flush(): void {
    if (this.pending === 0) return;
    const n = this.pending;
    this.records = growRecords(this.records, this.pendingMaxTerm + 1);
    if (this.sortedDocField.length < n) {
      const size = nextCapacity(this.sortedDocField.length, n);
      this.sortedDocField = new Int32Array(size);
      this.sortedPosition = new Int32Array(size);
      this.distinct = new Int32Array(size);
    }
    if (this.bucket.length < this.pendingMaxTerm + 1) this.bucket = growInt32(this.bucket, this.pendingMaxTerm + 1);
    if (this.seen.length < (this.pendingMaxTerm >>> 5) + 1) this.seen = growInt32(this.seen, (this.pendingMaxTerm >>> 5) + 1);
    this.flushChannel(Channel.Stem);
    this.flushChannel(Channel.Exact);
    this.pending = 0;
    this.pendingMaxTerm = -1;
    this.batchDocCount = 0;
    this.flushAt = Math.min(this.batchTokens, 2 * this.flushAt);
    if (this.pendingStem.length > this.batchTokens * 2) this.releaseBuffers();
    // Documents added one at a time settle too, less often than a bulk add's trim does.
    if (this.settleOnFlush && this.pool.allocatedBytes >= Math.max(8 * this.settleBytes, 2 * this.settledLength)) this.compact();
  }

  /**
   * After a bulk add or load: release the batch buffers and settle the streams when the pool
   * holds at least `settleBytes` (see the constructor) and as much as is settled already (see
   * {@link Postings.compact}). The postings stay the same.
   */
  trim(): void {
    this.flush();
    this.releaseBuffers();
    if (this.pool.allocatedBytes >= Math.max(this.settleBytes, this.settledLength)) this.compact();
    else if (this.settled.length > this.settledLength) this.settled = this.settled.slice(0, this.settledLength);
    if (!this.denseBuilt) this.buildDense();
  }

  /**
   * The dense list of `term`'s documents stream in `channel` (see `dense.ts`): only for a settled
   * stream of at least {@link Postings.denseMin} postings and {@link Postings.denseShare} of the
   * documents, and only while nothing was written to it since (undefined otherwise). Its byte
   * offsets are relative to the start of what {@link Postings.gather} returns.
   */
  dense(term: number, channel: Channel): DenseList | undefined {
    if (this.denseLists.size === 0) return undefined;
    this.flush();
    const list = this.denseLists.get(2 * term + channel);
    if (list === undefined || this.records[term * RECORD + docStart(channel)]! >= 0) return undefined;
    return list;
  }

  /**
   * The settled bytes, when nothing was written to the streams since they were settled (flushing
   * first), else undefined: while they are returned, every stream lies whole in them, and
   * {@link Postings.stream} reads it in place.
   */
  inPlaceBytes(): Uint8Array | undefined {
    this.flush();
    return this.pool.pages.length === 0 ? this.settled : undefined;
  }

  /**
   * The bytes of `term`'s documents stream in `channel` (with `positions`, of its positions
   * stream; stem channel only), for a reader: in place in the settled bytes while nothing was
   * written since they settled ({@link Postings.inPlaceBytes}), else gathered into `out` after
   * its first `out.length` bytes. `span` is set to where they lie.
   */
  stream(term: number, channel: Channel, positions: boolean, out: ByteBuffer, span: StreamSpan): void {
    const inPlace = this.inPlaceBytes();
    if (inPlace !== undefined) {
      const k = rangeIndex(term, positions ? 2 : channel);
      const held = term >= 0 && k < this.ranges.length;
      span.bytes = inPlace;
      span.from = held ? this.ranges[k]! : 0;
      span.to = held ? this.ranges[k + 1]! : 0;
      span.inPlace = true;
      return;
    }
    span.from = out.length;
    this.gather(term, channel, positions, out);
    span.bytes = out.bytes;
    span.to = out.length;
    span.inPlace = false;
  }

  /** Settled bytes of the stream whose range starts at `ranges[k]` (see {@link rangeIndex}; 0 past them). */
  private settledBytes(k: number): number {
    return k < this.ranges.length ? this.ranges[k + 1]! - this.ranges[k]! : 0;
  }

  /** Build the dense lists of the settled documents streams. */
  private buildDense(): void {
    this.denseLists = new Map();
    this.denseBuilt = true;
    const ranges = this.ranges;
    const records = this.records;
    const T = Math.min(ranges.length / 6, records.length / RECORD);
    let documents = 0;
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < 2; c++) documents = Math.max(documents, records[t * RECORD + STEM_LAST + c]! + 1);
    }
    const min = Math.max(1, this.denseMin, Math.ceil(this.denseShare * documents));
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < 2; c++) {
        const count = records[t * RECORD + STEM_DF + c]!;
        const from = ranges[rangeIndex(t, c)]!;
        const to = ranges[rangeIndex(t, c) + 1]!;
        if (count < min || to <= from || records[t * RECORD + docStart(c as Channel)]! >= 0) continue;
        const last = records[t * RECORD + STEM_LAST + c]!;
        this.denseLists.set(2 * t + c, denseList(this.settled, from, to, count, last, this.fieldCount, this.denseFrequencies));
      }
    }
  }

  /**
   * Copy every stream (settled bytes, then pool tail) into one new contiguous array, term by term,
   * and start an empty pool. Contents, document frequencies and last documents are unchanged.
   */
  compact(): void {
    this.flush();
    const T = this.records.length / RECORD;
    const records = this.records;
    const pool = this.pool;
    const old = this.settled;
    const oldRanges = this.ranges;
    let size = 0;
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < STREAMS; k++) {
        const at = rangeIndex(t, k);
        size += this.settledBytes(at);
        const r = t * RECORD + TAIL_STARTS[k]!;
        if (records[r]! >= 0) size += pool.streamLength(records[r]!, records[r + 1]!);
      }
    }
    const out = new ByteBuffer();
    out.bytes = new Uint8Array(size);
    const ranges = new Int32Array(6 * T);
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < STREAMS; k++) {
        const at = rangeIndex(t, k);
        ranges[at] = out.length;
        const n = this.settledBytes(at);
        if (n > 0) {
          out.bytes.set(old.subarray(oldRanges[at]!, oldRanges[at]! + n), out.length);
          out.length += n;
        }
        const r = t * RECORD + TAIL_STARTS[k]!;
        if (records[r]! >= 0) pool.gather(records[r]!, records[r + 1]!, out);
        records[r] = -1;
        records[r + 1] = 0;
        ranges[at + 1] = out.length;
      }
    }
    this.settled = out.bytes;
    this.settledLength = out.length;
    this.ranges = ranges;
    this.pool = new SlicePool();
    this.buildDense();
  }

  private releaseBuffers(): void {
    this.pendingStem = this.pendingExact = this.pendingPosition = this.pendingDocField = new Int32Array(0);
    this.bucket = this.seen = this.distinct = this.sortedDocField = this.sortedPosition = new Int32Array(0);
    this.batchDocs = new Int32Array(64);
  }

  private flushChannel(channel: Channel): void {
    const n = this.pending;
    const ids = channel === 0 ? this.pendingStem : this.pendingExact;
    const bucket = this.bucket; // all zero between flushes
    const seen = this.seen; // all zero between flushes
    const distinct = this.distinct;
    // Count per term, marking the distinct terms.
    for (let i = 0; i < n; i++) {
      const t = ids[i]!;
      const c = bucket[t]!;
      if (c === 0) seen[t >>> 5] = seen[t >>> 5]! | (1 << (t & 31));
      bucket[t] = c + 1;
    }
    // The distinct terms in increasing id order (a scan of the bitmap, clearing it), so the
    // writing loop walks the term records forwards (the hardware prefetcher follows); each
    // term's range starts where the previous one's ends.
    let terms = 0;
    let acc = 0;
    const words = (this.pendingMaxTerm >>> 5) + 1;
    for (let w = 0; w < words; w++) {
      let bits = seen[w]!;
      if (bits === 0) continue;
      seen[w] = 0;
      do {
        const t = (w << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        distinct[terms++] = t;
        const c = bucket[t]!;
        bucket[t] = acc;
        acc += c;
      } while (bits !== 0);
    }
    // Scatter (stable), so the writing loop reads each term's tokens sequentially.
    const withPositions = channel === 0;
    const sDocField = this.sortedDocField;
    const sPosition = this.sortedPosition;
    const docField = this.pendingDocField;
    const positions = this.pendingPosition;
    if (withPositions) {
      for (let i = 0; i < n; i++) {
        const t = ids[i]!;
        const k = bucket[t]!;
        bucket[t] = k + 1;
        sDocField[k] = docField[i]!;
        sPosition[k] = positions[i]!;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const t = ids[i]!;
        const k = bucket[t]!;
        bucket[t] = k + 1;
        sDocField[k] = docField[i]!;
      }
    }
    const batchDocs = this.batchDocs;
    const records = this.records;
    const pool = this.pool;
    // Writes go straight into the current slice's page while the byte fits (a slice never
    // crosses a page, and its marker is non-zero); otherwise through the pool, which chains the
    // next slice.
    const pages = pool.pages;
    // Constants as literals, which the JIT folds (an imported or module-level constant is a load
    // and a check at each use); their types make the compiler check them.
    const pageBits: typeof PAGE_BITS = 16;
    const pageSize: typeof PAGE_SIZE = 65536;
    const pageMask = pageSize - 1;
    const record: typeof RECORD = 10;
    const posStartAt: typeof POS_START = 2;
    const posUptoAt: typeof POS_UPTO = 3;
    const startAt = docStart(channel);
    const lastAt = STEM_LAST + channel;
    const dfAt = STEM_DF + channel;
    let i = 0;
    for (let j = 0; j < terms; j++) {
      const t = distinct[j]!;
      const end = bucket[t]!;
      bucket[t] = 0;
      const r = t * record;
      let upto = records[r + startAt]!;
      if (upto < 0) {
        upto = pool.newSlice();
        records[r + startAt] = upto;
      } else {
        upto = records[r + startAt + 1]!;
      }
      let posUpto = 0;
      if (withPositions) {
        posUpto = records[r + posStartAt]!;
        if (posUpto < 0) {
          posUpto = pool.newSlice();
          records[r + posStartAt] = posUpto;
        } else {
          posUpto = records[r + posUptoAt]!;
        }
      }
      let page = pages[upto >>> pageBits]!;
      let posPage = pages[posUpto >>> pageBits]!;
      let last = records[r + lastAt]!;
      let df = records[r + dfAt]!;
      // One posting per document of this term's range [i, end); its tokens [i, to) are in
      // (field, position) order.
      while (i < end) {
        const first = sDocField[i]!;
        const docIndex = first >>> 5;
        let mask = 1 << (first & 31);
        let to = i + 1;
        for (; to < end; to++) {
          const v = sDocField[to]!;
          if (v >>> 5 !== docIndex) break;
          mask |= 1 << (v & 31);
        }
        const d = batchDocs[docIndex]!;
        const delta = d - last;
        if (delta < 0x80 && page[upto & pageMask] === 0) page[upto++ & pageMask] = delta;
        else {
          upto = pool.writeVInt(upto, delta);
          page = pages[upto >>> pageBits]!;
        }
        if (mask < 0x80 && page[upto & pageMask] === 0) page[upto++ & pageMask] = mask;
        else {
          upto = pool.writeVInt(upto, mask);
          page = pages[upto >>> pageBits]!;
        }
        // Each field's tokens are a run: its length is the field's tf, then (stem channel) its
        // positions as gaps from 0.
        let k = i;
        while (k < to) {
          const v = sDocField[k]!;
          let e = k + 1;
          while (e < to && sDocField[e] === v) e++;
          const tf = e - k;
          if (tf < 0x80 && page[upto & pageMask] === 0) page[upto++ & pageMask] = tf;
          else {
            upto = pool.writeVInt(upto, tf);
            page = pages[upto >>> pageBits]!;
          }
          if (withPositions) {
            let previous = 0;
            for (; k < e; k++) {
              const p = sPosition[k]!;
              const gap = p - previous;
              previous = p;
              if (gap < 0x80 && posPage[posUpto & pageMask] === 0) posPage[posUpto++ & pageMask] = gap;
              else {
                posUpto = pool.writeVInt(posUpto, gap);
                posPage = pages[posUpto >>> pageBits]!;
              }
            }
          }
          k = e;
        }
        last = d;
        df++;
        i = to;
      }
      records[r + startAt + 1] = upto;
      if (withPositions) records[r + posUptoAt] = posUpto;
      records[r + lastAt] = last;
      records[r + dfAt] = df;
    }
  }

  /**
   * Append the bytes of `term`'s documents stream in `channel` (or, with `positions`, of its
   * positions stream; stem channel only) to `out`.
   */
  gather(term: number, channel: Channel, positions: boolean, out: ByteBuffer): void {
    this.flush();
    if (term < 0 || term >= this.termCapacity) return;
    const k = rangeIndex(term, positions ? 2 : channel);
    const n = this.settledBytes(k);
    if (n > 0) {
      if (out.length + n > out.bytes.length) out.reserve(n);
      out.bytes.set(this.settled.subarray(this.ranges[k]!, this.ranges[k]! + n), out.length);
      out.length += n;
    }
    const at = term * RECORD + (positions ? POS_START : docStart(channel));
    const start = this.records[at]!;
    if (start >= 0) this.pool.gather(start, this.records[at + 1]!, out);
  }

  /**
   * The last document id of `term`'s postings in `channel` (-1 when none): what the next posting's
   * document delta is relative to. With {@link Postings.gather} and {@link Postings.docFrequency}
   * this is all an exporter needs to write per term.
   */
  lastDoc(term: number, channel: Channel): number {
    return term >= 0 && term < this.termCapacity ? this.records[term * RECORD + STEM_LAST + channel]! : -1;
  }

  /**
   * Set the postings of a term that has none, from bytes in this module's stream format (as
   * {@link Postings.gather} returns them): `docs` for the documents stream of `channel`,
   * `positions` for the stem channel's positions stream, `lastDoc` and `docFrequency` as
   * {@link Postings.lastDoc} and {@link Postings.docFrequency} report them. For loading a saved
   * index; the bytes are trusted (a loader validates them first).
   */
  loadTerm(term: number, channel: Channel, docs: Uint8Array, positions: Uint8Array | undefined, lastDoc: number, docFrequency: number): void {
    this.flush();
    this.records = growRecords(this.records, term + 1);
    const r = term * RECORD;
    const streams: [number, Uint8Array | undefined][] = [[docStart(channel), docs]];
    if (channel === Channel.Stem) streams.push([POS_START, positions]);
    for (const [at, bytes] of streams) {
      if (bytes === undefined || bytes.length === 0) continue;
      const k = rangeIndex(term, at === POS_START ? 2 : channel);
      if (this.records[r + at]! >= 0 || this.settledBytes(k) > 0) throw new FahrasError('CORRUPT_INDEX', `Term ${term} is loaded twice`);
      let upto = this.pool.newSlice();
      this.records[r + at] = upto;
      for (let i = 0; i < bytes.length; i++) upto = this.pool.writeByte(upto, bytes[i]!);
      this.records[r + at + 1] = upto;
    }
    this.records[r + STEM_LAST + channel] = lastDoc;
    this.records[r + STEM_DF + channel] = docFrequency;
  }

  /** Make room for the records of terms `0 .. count - 1` at once (a bulk loader knows how many). */
  reserveTerms(count: number): void {
    this.flush();
    // Exactly `count` records (growRecords would round up by half again, up to 40 bytes a term).
    if (count > this.records.length / RECORD) this.records = withRecords(this.records, count);
  }

  /**
   * {@link Postings.loadTerm} for a bulk loader that encodes every term's streams into reused
   * buffers: the documents stream is `docs[0, docsLength)`, the positions stream (stem channel
   * only; ignored for the exact channel) `positions[0, positionsLength)`. Copies a slice at a time
   * rather than a byte at a time. Same contract: the term has no postings yet in `channel`, the
   * bytes are trusted.
   */
  fillTerm(term: number, channel: Channel, docs: Uint8Array, docsLength: number, positions: Uint8Array, positionsLength: number, lastDoc: number, docFrequency: number): void {
    this.flush();
    this.records = growRecords(this.records, term + 1);
    const records = this.records;
    const r = term * RECORD;
    if (this.ranges.length < 6 * (term + 1)) {
      // Whole terms (6 ints each), new ranges empty.
      const grown = new Int32Array(6 * nextCapacity(this.ranges.length / 6, term + 1));
      grown.set(this.ranges);
      this.ranges = grown;
    }
    for (let pass = 0; pass < 2; pass++) {
      const at = r + (pass === 0 ? docStart(channel) : POS_START);
      const length = pass === 0 ? docsLength : channel === Channel.Stem ? positionsLength : 0;
      if (length === 0) continue;
      const k = rangeIndex(term, pass === 0 ? channel : 2);
      if (records[at]! >= 0 || this.settledBytes(k) > 0) throw new FahrasError('CORRUPT_INDEX', `Term ${term} is loaded twice`);
      // Settled bytes: the loaded index reads each stream in one piece.
      this.denseBuilt = false;
      this.settled = growUint8(this.settled, this.settledLength + length);
      this.settled.set((pass === 0 ? docs : positions).subarray(0, length), this.settledLength);
      this.ranges[k] = this.settledLength;
      this.settledLength += length;
      this.ranges[k + 1] = this.settledLength;
    }
    records[r + STEM_LAST + channel] = lastDoc;
    records[r + STEM_DF + channel] = docFrequency;
  }

  /**
   * Rewrite every stream without the documents mapped to -1, renumbering the others.
   * `docMap[old]` is the new id (increasing with `old`) or -1 for a removed document.
   * Afterwards document frequencies count surviving documents only.
   */
  vacuum(docMap: Int32Array): void {
    this.flush();
    const old = new Postings(this.fieldCount);
    old.pool = this.pool;
    old.records = this.records;
    old.settled = this.settled;
    old.settledLength = this.settledLength;
    old.ranges = this.ranges;
    const terms = this.termCapacity;
    this.pool = new SlicePool();
    this.settled = new Uint8Array(0);
    this.settledLength = 0;
    this.ranges = new Int32Array(0);
    this.denseLists = new Map();
    this.records = growRecords(new Int32Array(0), Math.max(16, terms));
    const cursor = new PostingCursor(this.fieldCount);
    let scratch = new Int32Array(64);
    const channels: readonly Channel[] = [Channel.Stem, Channel.Exact];
    for (let t = 0; t < terms; t++) {
      for (const c of channels) {
        cursor.reset(old, t, c, c === 0);
        while (cursor.next()) {
          const doc = docMap[cursor.doc]!;
          if (doc < 0) continue;
          this.appendPosting(t, c, doc, cursor);
          if (c !== 0) continue;
          for (let f = 0; f < this.fieldCount; f++) {
            const tf = cursor.tf[f]!;
            if (tf === 0) continue;
            if (scratch.length < tf) scratch = new Int32Array(tf * 2);
            cursor.positions(f, scratch);
            this.appendPositions(t, scratch, tf);
          }
        }
      }
    }
    this.trim();
  }

  private appendPosting(t: number, c: Channel, doc: number, cursor: PostingCursor): void {
    const r = t * RECORD;
    const at = r + docStart(c);
    const records = this.records;
    let upto = records[at]!;
    if (upto < 0) {
      upto = this.pool.newSlice();
      records[at] = upto;
    } else {
      upto = records[at + 1]!;
    }
    upto = this.pool.writeVInt(upto, doc - records[r + STEM_LAST + c]!);
    records[r + STEM_LAST + c] = doc;
    records[r + STEM_DF + c] = records[r + STEM_DF + c]! + 1;
    upto = this.pool.writeVInt(upto, cursor.fieldMask);
    for (let f = 0; f < this.fieldCount; f++) {
      const tf = cursor.tf[f]!;
      if (tf > 0) upto = this.pool.writeVInt(upto, tf);
    }
    records[at + 1] = upto;
  }

  private appendPositions(t: number, positions: Int32Array, n: number): void {
    const r = t * RECORD;
    const records = this.records;
    let upto = records[r + POS_START]!;
    if (upto < 0) {
      upto = this.pool.newSlice();
      records[r + POS_START] = upto;
    } else {
      upto = records[r + POS_UPTO]!;
    }
    let previous = 0;
    for (let j = 0; j < n; j++) {
      upto = this.pool.writeVInt(upto, positions[j]! - previous);
      previous = positions[j]!;
    }
    records[r + POS_UPTO] = upto;
  }

  /**
   * Renumber terms after the dictionary dropped some: `termMap[old]` is the new id or -1.
   * Terms mapped to -1 must have no postings.
   */
  remapTerms(termMap: Int32Array, newCount: number): void {
    this.flush();
    const old = this.records;
    const records = growRecords(new Int32Array(0), Math.max(16, newCount));
    const n = Math.min(termMap.length, old.length / RECORD);
    const oldRanges = this.ranges;
    const ranges = new Int32Array(oldRanges.length > 0 ? 6 * Math.max(16, newCount) : 0);
    for (let t = 0; t < n; t++) {
      const to = termMap[t]!;
      if (to < 0) continue;
      records.set(old.subarray(t * RECORD, t * RECORD + RECORD), to * RECORD);
      if (6 * t < oldRanges.length) ranges.set(oldRanges.subarray(6 * t, 6 * t + 6), 6 * to);
    }
    this.records = records;
    this.ranges = ranges;
    const dense = new Map<number, DenseList>();
    for (const [key, list] of this.denseLists) {
      const to = key >>> 1 < termMap.length ? termMap[key >>> 1]! : -1;
      if (to >= 0) dense.set(2 * to + (key & 1), list);
    }
    this.denseLists = dense;
  }

  /** Forget every posting. */
  clear(): void {
    this.pending = 0;
    this.pendingMaxTerm = -1;
    this.batchDocCount = 0;
    this.pool = new SlicePool();
    this.settled = new Uint8Array(0);
    this.settledLength = 0;
    this.ranges = new Int32Array(0);
    this.denseLists = new Map();
    this.records = growRecords(new Int32Array(0), 1024);
  }
}

/**
 * Iterates the postings of one term and channel in increasing document order. Reusable: call
 * {@link PostingCursor.reset} for each term. Holds its own buffers, so several cursors can run
 * side by side (phrase matching).
 *
 * After `next()` returns true: `doc` is the internal document id, `fieldMask` has bit f set for
 * each field f containing the term, and `tf[f]` is its frequency there (0 for other fields).
 * With positions requested, `positions(f, out)` writes the term's positions in field f.
 */
export class PostingCursor {
  /** Current document id (-1 before the first `next()`). */
  doc = -1;
  /** Fields of the current document containing the term, as bits. */
  fieldMask = 0;
  /** Term frequency per field in the current document. */
  readonly tf: Int32Array;
  private readonly docs = new ByteBuffer();
  private readonly pos = new ByteBuffer();
  private readonly span = streamSpan();
  // The streams read (Postings.stream): the copies gathered above, or the settled bytes read in
  // place; the documents stream ends at `end`.
  private docBytes: Uint8Array = this.docs.bytes;
  private posBytes: Uint8Array = this.pos.bytes;
  private end = 0;
  private at = 0;
  private posAt = 0;
  private entryPosAt = 0;
  private withPositions = false;
  private readonly reader = { at: 0 };

  /** @param fieldCount - number of fields of the index */
  constructor(readonly fieldCount: number) {
    this.tf = new Int32Array(fieldCount);
  }

  /** Position the cursor before the first posting of `term` in `channel`. */
  reset(postings: Postings, term: number, channel: Channel, withPositions = false): void {
    this.doc = -1;
    this.fieldMask = 0;
    this.tf.fill(0);
    this.withPositions = withPositions && channel === 0;
    const span = this.span;
    this.docs.length = 0;
    postings.stream(term, channel, false, this.docs, span);
    this.docBytes = span.bytes;
    this.at = span.from;
    this.end = span.to;
    this.posAt = 0;
    if (this.withPositions) {
      this.pos.length = 0;
      postings.stream(term, channel, true, this.pos, span);
      this.posBytes = span.bytes;
      this.posAt = span.from;
    }
  }

  /** Advance to the next posting; false at the end. */
  next(): boolean {
    const bytes = this.docBytes;
    let at = this.at;
    if (at >= this.end) return false;
    // Varints decoded inline (as PostingBlock.decode does): this runs once per posting.
    let b = bytes[at++]!;
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[at++]!;
      v |= (b & 0x7f) << shift;
    }
    this.doc += v >>> 0;
    b = bytes[at++]!;
    let mask = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[at++]!;
      mask |= (b & 0x7f) << shift;
    }
    const tf = this.tf;
    let total = 0;
    for (let f = 0; f < this.fieldCount; f++) {
      if (mask & (1 << f)) {
        b = bytes[at++]!;
        v = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = bytes[at++]!;
          v |= (b & 0x7f) << shift;
        }
        tf[f] = v;
        total += v;
      } else {
        tf[f] = 0;
      }
    }
    this.fieldMask = mask;
    this.at = at;
    if (this.withPositions) {
      this.entryPosAt = this.posAt;
      const pb = this.posBytes;
      let p = this.posAt;
      for (let j = 0; j < total; j++) while (pb[p++]! & 0x80);
      this.posAt = p;
    }
    return true;
  }

  /**
   * Write the positions of the term in field `field` of the current document into `out`
   * (increasing); returns how many (= `tf[field]`). Requires a reset with positions.
   */
  positions(field: number, out: Int32Array): number {
    if (!this.withPositions) return 0;
    const pb = this.posBytes;
    const r = this.reader;
    let p = this.entryPosAt;
    for (let f = 0; f < field; f++) {
      for (let j = this.tf[f]!; j > 0; j--) while (pb[p++]! & 0x80);
    }
    const n = this.tf[field]!;
    let previous = 0;
    for (let j = 0; j < n; j++) {
      previous += readVInt(pb, p, r);
      p = r.at;
      out[j] = previous;
    }
    return n;
  }
}

/**
 * The postings of terms decoded at once into typed arrays, for a reader that visits every posting
 * (the query executor): one tight loop instead of a cursor call per posting. Several terms'
 * postings can be kept side by side: {@link PostingBlock.read} decodes one term's at a given
 * entry and byte offset and leaves what lies before them alone. The frequencies are left encoded
 * (most readers need them for few postings): entry i's are varints at `bytes[starts[i]]`, one per
 * set bit of `masks[i]`, fields in increasing order ({@link PostingBlock.tf} reads one).
 * Reusable; the arrays grow as needed and are kept.
 *
 * ```ts
 * const block = new PostingBlock();
 * const n = block.read(postings, termId, Channel.Exact, 0, 0);
 * for (let i = 0; i < n; i++) use(block.docs[i], block.masks[i], block.tf(i, field));
 * ```
 * After `read(…, at, byteAt)` returning n, for at ≤ i < at + n: `docs[i]` (increasing),
 * `masks[i]`, `starts[i]`; the stream's bytes fill `bytes[byteAt, end)`. Removed documents are
 * included, as a cursor gives them. While the postings are settled with nothing written since
 * ({@link Postings.inPlaceBytes}), streams are decoded where they lie, without a copy: `bytes` is
 * then the settled bytes and `byteAt` is not used.
 */
export class PostingBlock {
  /** Document ids. */
  docs = new Int32Array(256);
  /** Field bits of each posting. */
  masks = new Int32Array(256);
  /** Offset in `bytes` of each posting's frequencies. */
  starts = new Int32Array(256);
  private readonly buffer = new ByteBuffer();
  private readonly span = streamSpan();

  /**
   * The settled bytes of the postings last read, when they were read in place (no copy), else
   * undefined. One mode holds for a whole query: nothing is written to the postings while it runs.
   */
  private inPlace: Uint8Array | undefined;

  /** The bytes of the streams read (their frequencies are read from here). */
  get bytes(): Uint8Array {
    return this.inPlace ?? this.buffer.bytes;
  }

  /** End of the bytes of the last stream read. */
  get end(): number {
    return this.buffer.length;
  }

  /** Entries the arrays hold without growing. */
  get capacity(): number {
    return this.docs.length;
  }

  /** Make room for `needed` entries, keeping the first `keep` (for a caller adding entries itself). */
  reserve(needed: number, keep: number): void {
    if (this.docs.length >= needed) return;
    const size = nextCapacity(this.docs.length, needed);
    this.docs = resizeInt32(this.docs, size, keep);
    this.masks = resizeInt32(this.masks, size, keep);
    this.starts = resizeInt32(this.starts, size, keep);
  }

  /** Drop the arrays (after a query that needed very large ones). */
  release(): void {
    this.docs = new Int32Array(256);
    this.masks = new Int32Array(256);
    this.starts = new Int32Array(256);
    this.buffer.bytes = new Uint8Array(256);
    this.buffer.length = 0;
  }

  /**
   * Decode the postings of `term` in `channel` into entries `at, at + 1, …`, its bytes going to
   * `bytes[byteAt …]`; returns the number of postings.
   */
  read(postings: Postings, term: number, channel: Channel, at: number, byteAt: number): number {
    const span = this.readSpan(postings, term, channel, byteAt);
    // Every posting takes at least three bytes (delta, mask, one frequency).
    this.reserve(at + Math.ceil((span.to - span.from) / 3), at);
    return this.decode(span.bytes, span.from, span.to, -1, at) - at;
  }

  /**
   * Decode, from the documents stream of `term` in `channel` whose dense list is `dense`, only the
   * blocks of postings holding some of the documents `targets[0, m)` (increasing), into entries
   * `at, at + 1, …` in document order, its bytes going to `bytes[byteAt …]`; returns the number of
   * entries (whole blocks: other documents of those blocks too). The stream must be the one
   * `dense` describes ({@link Postings.dense}).
   */
  readBlocks(postings: Postings, term: number, channel: Channel, dense: DenseList, targets: Int32Array, m: number, at: number, byteAt: number): number {
    const { bytes, from, to } = this.readSpan(postings, term, channel, byteAt);
    this.reserve(at + Math.min(dense.count, m * SKIP_INTERVAL), at);
    const { blockBase, blockOffset } = dense;
    const blocks = blockBase.length;
    let n = at;
    let last = -1;
    for (let j = 0; j < m; j++) {
      // A document the list holds is in the block of its posting's rank.
      const r = dense.rank(targets[j]!);
      if (r < 0) continue;
      const b = (r / SKIP_INTERVAL) | 0;
      if (b <= last) continue;
      last = b;
      const stop = b + 1 < blocks ? from + blockOffset[b + 1]! : to;
      n = this.decode(bytes, from + blockOffset[b]!, stop, blockBase[b]!, n);
    }
    return n - at;
  }

  /** Where `term`'s documents stream in `channel` lies for this read (in place, or gathered from `byteAt` on). */
  private readSpan(postings: Postings, term: number, channel: Channel, byteAt: number): StreamSpan {
    const span = this.span;
    this.buffer.length = byteAt;
    postings.stream(term, channel, false, this.buffer, span);
    this.inPlace = span.inPlace ? span.bytes : undefined;
    return span;
  }

  /**
   * Decode the postings of `bytes[p, end)`, the first one's document delta counted from `doc`,
   * into entries `n, n + 1, …` (room reserved by the caller); returns the next free entry.
   */
  private decode(bytes: Uint8Array, p: number, end: number, doc: number, n: number): number {
    const docs = this.docs;
    const masks = this.masks;
    const starts = this.starts;
    while (p < end) {
      let b = bytes[p++]!;
      let v = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        v |= (b & 0x7f) << shift;
      }
      doc += v >>> 0;
      b = bytes[p++]!;
      let mask = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        mask |= (b & 0x7f) << shift;
      }
      docs[n] = doc;
      masks[n] = mask;
      starts[n] = p;
      // Skip the frequencies: one varint per field of the mask.
      for (let m = mask; m !== 0; m &= m - 1) while (bytes[p++]! & 0x80);
      n++;
    }
    return n;
  }

  /** Frequency in field `field` of entry `i` (0 when the field is not in its mask). */
  tf(i: number, field: number): number {
    const mask = this.masks[i]!;
    if ((mask & (1 << field)) === 0) return 0;
    const bytes = this.bytes;
    let p = this.starts[i]!;
    // Skip the frequencies of the fields before `field`.
    for (let m = mask & ((1 << field) - 1); m !== 0; m &= m - 1) while (bytes[p++]! & 0x80);
    let b = bytes[p++]!;
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
    }
    return v;
  }
}
