/**
 * A pool of growing byte streams, many streams interleaved in fixed-size pages: the storage
 * under every postings list. The layout follows Lucene's `ByteBlockPool` slices.
 *
 * Each stream is a chain of slices. A slice is a run of bytes inside one page whose last byte is a
 * non-zero level marker; pages start zeroed, so a writer that finds a non-zero byte at its write
 * address knows it reached the end of its slice. It then allocates the next, larger slice, moves
 * the last three data bytes there and overwrites those three bytes plus the marker with the new
 * slice's address (4 bytes, little endian). A stream is thus described by two integers: the
 * address of its first slice and its write address (`upto`), which is also where a reader stops.
 *
 * ```ts
 * const pool = new SlicePool();
 * let start = pool.newSlice();        // a new stream
 * let upto = pool.writeVInt(start, 300);
 * const out = new ByteBuffer();
 * pool.gather(start, upto, out);     // out.bytes[0 .. out.length) = varint 300
 * ```
 *
 * Invariants: addresses are non-negative int32 (`page << PAGE_BITS | offset`); slices never cross
 * a page; later slices have higher addresses than earlier ones (the reader relies on it).
 * @module
 */
import { growUint8 } from './arrays.js';

/** log2 of the page size in bytes. */
export const PAGE_BITS = 16;
/** Page size in bytes (64 KiB). */
export const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/** Slice sizes by level (bytes, marker included). A stream's first slice is level 0. */
export const LEVEL_SIZE: readonly number[] = [6, 12, 20, 32, 48, 64, 96, 128, 192, 256];
/** The level after each level (the last repeats). */
const NEXT_LEVEL: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 9];
const LEVEL_SIZES = Int32Array.from(LEVEL_SIZE);
const NEXT_LEVELS = Int32Array.from(NEXT_LEVEL);
/** Marker bit set in every end-of-slice byte, so a marker is never 0. */
const MARKER = 16;

/** A growable contiguous byte buffer: where a stream is gathered for reading. */
export class ByteBuffer {
  /** The bytes; valid from 0 to {@link ByteBuffer.length}. */
  bytes: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  /** Number of valid bytes. */
  length = 0;

  /** Make room for `extra` more bytes. */
  reserve(extra: number): void {
    this.bytes = growUint8(this.bytes, this.length + extra);
  }
}

/** Many append-only byte streams sharing 64 KiB pages. */
export class SlicePool {
  /** The pages; page `i` holds addresses `[i << PAGE_BITS, (i + 1) << PAGE_BITS)`. */
  pages: Uint8Array[] = [];
  /** Next free address in the last page. */
  private offset = PAGE_SIZE;

  /** Bytes allocated in pages (for statistics). */
  get allocatedBytes(): number {
    return this.pages.length * PAGE_SIZE;
  }

  /** Allocate `size` bytes that lie in one page; returns their address. */
  private alloc(size: number): number {
    if (this.offset + size > PAGE_SIZE) {
      this.pages.push(new Uint8Array(PAGE_SIZE));
      this.offset = 0;
    }
    const address = ((this.pages.length - 1) << PAGE_BITS) | this.offset;
    this.offset += size;
    return address;
  }

  /** Start a new stream: allocates its first slice and returns its address (also its `upto`). */
  newSlice(): number {
    const size = LEVEL_SIZES[0]!;
    const address = this.alloc(size);
    this.pages[address >>> PAGE_BITS]![(address & PAGE_MASK) + size - 1] = MARKER;
    return address;
  }

  /** Continue a stream whose slice ends at `upto` (a marker): returns the new `upto`. */
  private nextSlice(upto: number): number {
    const page = this.pages[upto >>> PAGE_BITS]!;
    const at = upto & PAGE_MASK;
    const level = NEXT_LEVELS[page[at]! & 15]!;
    const size = LEVEL_SIZES[level]!;
    const address = this.alloc(size);
    const next = this.pages[address >>> PAGE_BITS]!;
    const to = address & PAGE_MASK;
    next[to] = page[at - 3]!;
    next[to + 1] = page[at - 2]!;
    next[to + 2] = page[at - 1]!;
    next[to + size - 1] = MARKER | level;
    page[at - 3] = address & 0xff;
    page[at - 2] = (address >>> 8) & 0xff;
    page[at - 1] = (address >>> 16) & 0xff;
    page[at] = address >>> 24;
    return address + 3;
  }

  /** Append one byte at `upto`; returns the new `upto`. */
  writeByte(upto: number, byte: number): number {
    let page = this.pages[upto >>> PAGE_BITS]!;
    if (page[upto & PAGE_MASK] !== 0) {
      upto = this.nextSlice(upto);
      page = this.pages[upto >>> PAGE_BITS]!;
    }
    page[upto & PAGE_MASK] = byte;
    return upto + 1;
  }

  /** Append `value` (0 ≤ value < 2^31) as a LEB128 varint at `upto`; returns the new `upto`. */
  writeVInt(upto: number, value: number): number {
    while (value > 0x7f) {
      upto = this.writeByte(upto, (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    return this.writeByte(upto, value);
  }

  /**
   * Append `src[from, to)` at `upto`, as that many {@link SlicePool.writeByte} calls would (same
   * slices, same bytes), but a slice's worth at a time; returns the new `upto`. For bulk loading.
   */
  writeBytes(upto: number, src: Uint8Array, from: number, to: number): number {
    if (from >= to) return upto;
    let page = this.pages[upto >>> PAGE_BITS]!;
    let at = upto & PAGE_MASK;
    // The current slice ends at its marker: the first non-zero byte from `upto` (pages start zeroed).
    let end = at;
    while (page[end] === 0) end++;
    for (;;) {
      const n = Math.min(end - at, to - from);
      if (n > 24) page.set(src.subarray(from, from + n), at);
      else for (let i = 0; i < n; i++) page[at + i] = src[from + i]!;
      from += n;
      at += n;
      upto += n;
      if (from === to) return upto;
      // The slice is full and bytes remain: chain the next slice, as writeByte would.
      const size = LEVEL_SIZES[NEXT_LEVELS[page[end]! & 15]!]!;
      upto = this.nextSlice(upto);
      page = this.pages[upto >>> PAGE_BITS]!;
      at = upto & PAGE_MASK;
      end = at - 3 + size - 1;
    }
  }

  /** Number of bytes of the stream `[start, upto)` (what {@link SlicePool.gather} appends). */
  streamLength(start: number, upto: number): number {
    if (start < 0) return 0;
    let address = start;
    let level = 0;
    let length = 0;
    for (;;) {
      const size = LEVEL_SIZES[level]!;
      if (upto >= address && upto < address + size) return length + upto - address;
      length += size - 4;
      const page = this.pages[address >>> PAGE_BITS]!;
      const f = (address & PAGE_MASK) + size - 4;
      address = (page[f]! | (page[f + 1]! << 8) | (page[f + 2]! << 16) | (page[f + 3]! << 24)) >>> 0;
      level = NEXT_LEVELS[level]!;
    }
  }

  /**
   * Append the bytes of the stream `[start, upto)` to `out` as one contiguous run. Costs one
   * copy per slice (through a view made by the constructor, much cheaper than `subarray`; a short
   * slice byte by byte).
   */
  gather(start: number, upto: number, out: ByteBuffer): void {
    if (start < 0) return;
    let address = start;
    let level = 0;
    for (;;) {
      const size = LEVEL_SIZES[level]!;
      const page = this.pages[address >>> PAGE_BITS]!;
      const from = address & PAGE_MASK;
      const last = upto >= address && upto < address + size;
      const n = last ? upto - address : size - 4;
      const at = out.length;
      if (at + n > out.bytes.length) out.reserve(n);
      const bytes = out.bytes;
      if (n > 24) bytes.set(new Uint8Array(page.buffer, page.byteOffset + from, n), at);
      else for (let i = 0; i < n; i++) bytes[at + i] = page[from + i]!;
      out.length = at + n;
      if (last) return;
      const f = from + n;
      address = (page[f]! | (page[f + 1]! << 8) | (page[f + 2]! << 16) | (page[f + 3]! << 24)) >>> 0;
      level = NEXT_LEVELS[level]!;
    }
  }
}
