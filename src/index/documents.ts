/**
 * The document table: external id ↔ internal number, stored fields, per-field lengths, and the
 * tombstones of removed documents.
 *
 * ```ts
 * const docs = new DocumentTable(2);
 * const d = docs.add('a1', { title: 'x' }, Int32Array.of(3, 120)); // internal id 0
 * docs.fieldLength(d, 1);      // 120
 * docs.remove(d);              // tombstoned: skipped by search, reclaimed by vacuum
 * ```
 *
 * Internal ids are dense and increase with insertion; a removed document keeps its number (and
 * its postings) until {@link DocumentTable.compact} renumbers the survivors in order.
 * Ids compare with SameValueZero (`1` and `'1'` are different documents).
 *
 * Statistics (`docCount`, `averageFieldLength`) cover live documents only.
 * @module
 */
import { FahrasError } from '../errors.js';
import { growUint32, growUint8 } from './arrays.js';

/** An external document id. */
export type ExternalId = string | number;

/** Map `ids[d]` to d in `byId`; returns -1, or the first d whose id was mapped already. */
function mapIds(ids: readonly ExternalId[], byId: Map<ExternalId, number>): number {
  for (let d = 0; d < ids.length; d++) {
    const before = byId.size;
    byId.set(ids[d]!, d);
    if (byId.size === before) return d;
  }
  return -1;
}

/** `totals[f]` = the sum of `lengths[d * F + f]` over the D documents. */
function sumColumns(lengths: Uint32Array, D: number, F: number, totals: Float64Array): void {
  for (let f = 0; f < F; f++) {
    let total = 0;
    for (let d = 0; d < D; d++) total += lengths[d * F + f]!;
    totals[f] = total;
  }
}

/** External ids, stored fields and field lengths of the documents of an index. */
export class DocumentTable<Stored extends object = object> {
  private ids: ExternalId[] = [];
  private stored: (Stored | undefined)[] = [];
  private byId = new Map<ExternalId, number>();
  /** `removed[d]` is 1 for a tombstoned document. */
  removed = new Uint8Array(1024);
  /** `lengths[d * fieldCount + f]`: number of indexed words of field f in document d. */
  lengths: Uint32Array<ArrayBuffer>;
  private totals: Float64Array;
  private live = 0;

  /** @param fieldCount - number of indexed fields */
  constructor(readonly fieldCount: number) {
    this.lengths = new Uint32Array(1024 * fieldCount);
    this.totals = new Float64Array(fieldCount);
  }

  /** Number of live (not removed) documents. */
  get docCount(): number {
    return this.live;
  }

  /** Number of internal ids in use, removed documents included. */
  get capacity(): number {
    return this.ids.length;
  }

  /** Number of removed documents not yet compacted away. */
  get removedCount(): number {
    return this.ids.length - this.live;
  }

  /** The internal id of a live document, or -1. */
  internalId(id: ExternalId): number {
    return this.byId.get(id) ?? -1;
  }

  /** The internal id the next {@link DocumentTable.add} will return. */
  get nextId(): number {
    return this.ids.length;
  }

  /** Add a document; returns its internal id. The caller checked that `id` is new. */
  add(id: ExternalId, stored: Stored | undefined, lengths: ArrayLike<number>): number {
    const d = this.ids.length;
    const F = this.fieldCount;
    this.ids.push(id);
    this.stored.push(stored);
    this.byId.set(id, d);
    this.removed = growUint8(this.removed, d + 1);
    this.lengths = growUint32(this.lengths, (d + 1) * F);
    for (let f = 0; f < F; f++) {
      const n = lengths[f]!;
      this.lengths[d * F + f] = n;
      this.totals[f] = this.totals[f]! + n;
    }
    this.live++;
    return d;
  }

  /**
   * Fill an empty table at once (a loader's bulk path): document i of `ids` gets internal id i,
   * stored fields `stored[i]` and field lengths `lengths[i * fieldCount + f]`. Takes ownership of
   * the three arrays (`lengths.length` ≥ `ids.length * fieldCount`).
   * @returns -1, or the index of the first id that repeats an earlier one; the table is then
   *   inconsistent and must be dropped (a loader throws).
   */
  loadAll(ids: ExternalId[], stored: (Stored | undefined)[], lengths: Uint32Array<ArrayBuffer>): number {
    if (this.ids.length !== 0) throw new FahrasError('INVALID_INPUT', 'DocumentTable.loadAll needs an empty table');
    const D = ids.length;
    const repeated = mapIds(ids, this.byId);
    if (repeated >= 0) return repeated;
    this.ids = ids;
    this.stored = stored;
    this.lengths = lengths.length >= 16 ? lengths : growUint32(lengths, 16);
    this.removed = new Uint8Array(Math.max(1024, D));
    sumColumns(lengths, D, this.fieldCount, this.totals);
    this.live = D;
    return -1;
  }

  /** Tombstone live document `d`. */
  remove(d: number): void {
    if (this.removed[d] === 1) return;
    this.removed[d] = 1;
    this.byId.delete(this.ids[d]!);
    this.stored[d] = undefined;
    const F = this.fieldCount;
    for (let f = 0; f < F; f++) this.totals[f] = this.totals[f]! - this.lengths[d * F + f]!;
    this.live--;
  }

  /** Whether internal id `d` is removed. */
  isRemoved(d: number): boolean {
    return this.removed[d] === 1;
  }

  /** External id of internal document `d`. */
  externalId(d: number): ExternalId {
    return this.ids[d]!;
  }

  /** Stored fields of internal document `d` (undefined once removed). */
  storedFields(d: number): Stored | undefined {
    return this.stored[d];
  }

  /** Indexed words of field `field` in document `d`. */
  fieldLength(d: number, field: number): number {
    return this.lengths[d * this.fieldCount + field]!;
  }

  /** Sum of field `field`'s lengths over live documents. */
  totalFieldLength(field: number): number {
    return this.totals[field]!;
  }

  /** Mean length of field `field` over live documents (0 when there are none). */
  averageFieldLength(field: number): number {
    return this.live === 0 ? 0 : this.totals[field]! / this.live;
  }

  /**
   * Drop the removed documents and renumber the others densely, keeping their order.
   * @returns old internal id → new internal id, -1 for removed documents.
   */
  compact(): Int32Array {
    const n = this.ids.length;
    const F = this.fieldCount;
    const map = new Int32Array(n);
    const ids: ExternalId[] = [];
    const stored: (Stored | undefined)[] = [];
    const lengths = new Uint32Array(Math.max(16, this.live) * F);
    for (let d = 0; d < n; d++) {
      if (this.removed[d] === 1) {
        map[d] = -1;
        continue;
      }
      const to = ids.length;
      map[d] = to;
      ids.push(this.ids[d]!);
      stored.push(this.stored[d]);
      this.byId.set(this.ids[d]!, to);
      lengths.set(this.lengths.subarray(d * F, d * F + F), to * F);
    }
    this.ids = ids;
    this.stored = stored;
    this.lengths = lengths;
    this.removed = new Uint8Array(Math.max(16, ids.length));
    this.totals.fill(0);
    for (let d = 0; d < ids.length; d++) for (let f = 0; f < F; f++) this.totals[f] = this.totals[f]! + lengths[d * F + f]!;
    return map;
  }

  /** Forget every document. */
  clear(): void {
    this.ids = [];
    this.stored = [];
    this.byId.clear();
    this.removed = new Uint8Array(1024);
    this.lengths = new Uint32Array(1024 * this.fieldCount);
    this.totals.fill(0);
    this.live = 0;
  }
}
